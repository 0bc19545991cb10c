"""Test helpers for ecomcore and for the code you build on it.

- `ecomcore.testing.strategies`: Hypothesis strategies for money in every ISO currency and for
  allocation weights, so your own properties can run against the same inputs as ours.
- `FixedClock`: a `ecomcore.core.Clock` that stands still until you move it.
- `RedemptionLedgerContract`: the contract suite any `ecomcore.pricing.RedemptionLedger` passes.

Needs the ``testing`` extra (hypothesis).
"""

from ecomcore.testing import strategies
from ecomcore.testing._clock import FixedClock
from ecomcore.testing._pricing_contracts import RedemptionLedgerContract

__all__ = ["FixedClock", "RedemptionLedgerContract", "strategies"]
