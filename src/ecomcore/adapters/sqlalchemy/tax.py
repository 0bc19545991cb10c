"""Tax rate rules in SQL: each rule a JSON document, indexed by country, in the order added.

A quote asks for one country's rules at a date; the provider reads that country's rows and
keeps those in force (`TaxRule.in_force`), so the dates mean exactly what they mean in memory.
For a hot path, load the table once into memory: ``InMemoryTaxRateProvider(provider.rules())``.
"""

from collections.abc import Iterable, Sequence
from datetime import date

import sqlalchemy as sa

from ecomcore.adapters.sqlalchemy._database import Database
from ecomcore.adapters.sqlalchemy._documents import from_document, to_document
from ecomcore.adapters.sqlalchemy._schema import metadata
from ecomcore.tax import TaxRule

__all__ = ["SqlTaxRateProvider"]

tax_rule = sa.Table(
    "ecomcore_tax_rule",
    metadata,
    sa.Column("position", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True,
              autoincrement=True),
    sa.Column("country", sa.String(2), nullable=False, index=True),
    sa.Column("rule", sa.JSON, nullable=False),
)  # fmt: skip


class SqlTaxRateProvider:
    """A `ecomcore.tax.TaxRateProvider` over the ``ecomcore_tax_rule`` table.

    Examples:
        >>> from ecomcore.adapters.sqlalchemy import upgrade
        >>> from ecomcore.tax import eu_vat_rules
        >>> provider = SqlTaxRateProvider(upgrade("sqlite://"))
        >>> provider.add(eu_vat_rules())
        >>> [str(rule.rate) for rule in provider.rules_for("EE", date(2025, 7, 1))
        ...  if rule.category.code == "standard"]
        ['24%']
    """

    def __init__(self, database: Database) -> None:
        self._database = database

    def add(self, rules: Iterable[TaxRule]) -> None:
        """Store ``rules`` after those already stored, in one transaction."""
        rows = [{"country": r.jurisdiction.country, "rule": to_document(r)} for r in rules]
        if rows:
            with self._database.writing() as connection:
                connection.execute(tax_rule.insert(), rows)

    def rules(self, country: str | None = None) -> list[TaxRule]:
        """Return every stored rule (of ``country``, if given), in the order added."""
        query = sa.select(tax_rule.c.rule).order_by(tax_rule.c.position)
        if country is not None:
            query = query.where(tax_rule.c.country == country)
        with self._database.reading() as connection:
            documents = connection.execute(query).scalars().all()
        return [from_document(document, TaxRule) for document in documents]

    def rules_for(self, country: str, tax_point: date) -> Sequence[TaxRule]:
        """Return the rules of ``country`` in force at ``tax_point``, in the order added."""
        return [rule for rule in self.rules(country) if rule.in_force(tax_point)]
