"""The in-memory tax rate provider passes the provider contract."""

from collections.abc import Sequence

from ecomcore.adapters.memory import InMemoryTaxRateProvider
from ecomcore.tax import TaxRateProvider, TaxRule
from ecomcore.testing import TaxRateProviderContract


class TestInMemoryTaxRateProvider(TaxRateProviderContract):
    """Runs every contract test against InMemoryTaxRateProvider."""

    def make_provider(self, rules: Sequence[TaxRule]) -> TaxRateProvider:
        return InMemoryTaxRateProvider(rules)
