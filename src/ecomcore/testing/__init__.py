"""Test helpers for ecomcore and for the code you build on it.

- `ecomcore.testing.strategies`: Hypothesis strategies for money in every ISO currency and for
  allocation weights, so your own properties can run against the same inputs as ours.
- `ecomcore.testing.fraud_strategies`: fraud inputs and random well-typed fraud rule trees.
- `FixedClock`: a `ecomcore.core.Clock` that stands still until you move it.
- `VelocityCounterContract`: the test suite any `ecomcore.fraud.VelocityCounter` must pass.

Needs the ``testing`` extra (hypothesis).
"""

from ecomcore.testing import fraud_strategies, strategies
from ecomcore.testing._clock import FixedClock
from ecomcore.testing._fraud_contracts import VelocityCounterContract

__all__ = ["FixedClock", "VelocityCounterContract", "fraud_strategies", "strategies"]
