"""The contract every `ecomcore.tax.TaxRateProvider` must pass.

Subclass `TaxRateProviderContract` in your tests and implement ``make_provider``; pytest runs
the inherited tests against your adapter::

    class TestMyProvider(TaxRateProviderContract):
        def make_provider(self, rules):
            return MyDatabaseProvider.loaded_with(rules)
"""

from collections.abc import Sequence
from datetime import date

from ecomcore.tax import Jurisdiction, TaxRate, TaxRateProvider, TaxRule, TaxType

_RULES = (
    TaxRule(jurisdiction=Jurisdiction("DE"), levy="vat", tax_type=TaxType.VAT,
            rate=TaxRate.percent("19")),
    TaxRule(jurisdiction=Jurisdiction("DE"), levy="vat", tax_type=TaxType.VAT,
            rate=TaxRate.percent("7"), category="reduced"),
    TaxRule(jurisdiction=Jurisdiction("EE"), levy="vat", tax_type=TaxType.VAT,
            rate=TaxRate.percent("22"), valid_to=date(2025, 6, 30)),
    TaxRule(jurisdiction=Jurisdiction("EE"), levy="vat", tax_type=TaxType.VAT,
            rate=TaxRate.percent("24"), valid_from=date(2025, 7, 1)),
    TaxRule(jurisdiction=Jurisdiction("CA", "BC"), levy="provincial", tax_type=TaxType.PST,
            rate=TaxRate.percent("7")),
    TaxRule(jurisdiction=Jurisdiction("CA"), levy="federal", tax_type=TaxType.GST,
            rate=TaxRate.percent("5")),
)  # fmt: skip


class TaxRateProviderContract:
    """Inherited tests that pin down what a tax rate provider must do.

    Examples:
        >>> from ecomcore.adapters.memory import InMemoryTaxRateProvider
        >>> class TestInMemoryTaxRateProvider(TaxRateProviderContract):
        ...     def make_provider(self, rules: Sequence[TaxRule]) -> TaxRateProvider:
        ...         return InMemoryTaxRateProvider(rules)
        >>> TestInMemoryTaxRateProvider().test_gives_only_rules_in_force_at_the_tax_point()
    """

    def make_provider(self, rules: Sequence[TaxRule]) -> TaxRateProvider:
        """Return the provider under test, holding exactly ``rules``."""
        raise NotImplementedError

    def test_gives_the_rules_of_the_country_asked(self) -> None:
        """A provider returns every rule of the country, and none of another."""
        provider = self.make_provider(_RULES)
        assert set(provider.rules_for("DE", date(2026, 1, 1))) == set(_RULES[:2])

    def test_gives_only_rules_in_force_at_the_tax_point(self) -> None:
        """A rate that changed on a date is given before and after it, never both."""
        provider = self.make_provider(_RULES)
        assert list(provider.rules_for("EE", date(2025, 6, 30))) == [_RULES[2]]
        assert list(provider.rules_for("EE", date(2025, 7, 1))) == [_RULES[3]]

    def test_gives_subdivision_rules_with_the_country(self) -> None:
        """A province's rules come with the federal ones of its country."""
        provider = self.make_provider(_RULES)
        assert set(provider.rules_for("CA", date(2026, 1, 1))) == {_RULES[4], _RULES[5]}

    def test_gives_nothing_for_an_unknown_country(self) -> None:
        """A country without rules gives an empty answer, not an error."""
        provider = self.make_provider(_RULES)
        assert list(provider.rules_for("JP", date(2026, 1, 1))) == []

    def test_keeps_a_stable_order(self) -> None:
        """Asking twice gives the rules in the same order."""
        provider = self.make_provider(_RULES)
        first = list(provider.rules_for("CA", date(2026, 1, 1)))
        assert first == list(provider.rules_for("CA", date(2026, 1, 1)))
