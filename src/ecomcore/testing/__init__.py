"""Test helpers for ecomcore and for the code you build on it.

- `ecomcore.testing.strategies`: Hypothesis strategies for money in every ISO currency and for
  allocation weights, so your own properties can run against the same inputs as ours.
- `FixedClock`: a `ecomcore.core.Clock` that stands still until you move it.
- `FakeVatNumberValidator`: a VAT number service that knows a fixed set of numbers.
- `TaxRateProviderContract`: the tests every `ecomcore.pricing.TaxRateProvider` must pass.

Needs the ``testing`` extra (hypothesis).
"""

from ecomcore.testing import strategies
from ecomcore.testing._clock import FixedClock
from ecomcore.testing._tax_contracts import TaxRateProviderContract
from ecomcore.testing._tax_fakes import FakeVatNumberValidator

__all__ = ["FakeVatNumberValidator", "FixedClock", "TaxRateProviderContract", "strategies"]
