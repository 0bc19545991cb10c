"""In-memory tax rate provider: rate rules held in a dict by country."""

from collections.abc import Iterable, Sequence
from datetime import date

from ecomcore.tax import TaxRule


class InMemoryTaxRateProvider:
    """A `ecomcore.tax.TaxRateProvider` over rules held in memory, indexed by country.

    Rules keep the order they were given in; `add` appends more (a new dated rate, say).

    Examples:
        >>> from ecomcore.tax import eu_vat_rules
        >>> provider = InMemoryTaxRateProvider(eu_vat_rules())
        >>> [str(rule.rate) for rule in provider.rules_for("EE", date(2025, 7, 1))
        ...  if rule.category.code == "standard"]
        ['24%']
    """

    def __init__(self, rules: Iterable[TaxRule] = ()) -> None:
        self._by_country: dict[str, list[TaxRule]] = {}
        self.add(rules)

    def add(self, rules: Iterable[TaxRule]) -> None:
        """Add rules to the table, after those already held."""
        for rule in rules:
            self._by_country.setdefault(rule.jurisdiction.country, []).append(rule)

    def rules_for(self, country: str, tax_point: date) -> Sequence[TaxRule]:
        """Return the rules of ``country`` in force at ``tax_point``, in the order given."""
        return [rule for rule in self._by_country.get(country, ()) if rule.in_force(tax_point)]
