"""The rate tables shipped with ecomcore: EU VAT and Canada's GST/HST/PST/QST, dated.

Provenance and caveats: ``ecomcore/tax/data/README.md``.
"""

import csv
import functools
from collections.abc import Iterator
from datetime import date
from importlib import resources

from ecomcore.tax._model import Jurisdiction, TaxCategory, TaxRate, TaxRule, TaxType


def _rows(name: str) -> Iterator[dict[str, str]]:
    text = resources.files("ecomcore.tax").joinpath(f"data/{name}")
    with text.open(encoding="utf-8") as handle:
        yield from csv.DictReader(handle)


def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _overlaps(first: TaxRule, second: TaxRule) -> bool:
    first_ends_after = (
        first.valid_to is None or second.valid_from is None or second.valid_from <= first.valid_to
    )
    second_ends_after = (
        second.valid_to is None or first.valid_from is None or first.valid_from <= second.valid_to
    )
    return first_ends_after and second_ends_after


def _fits(chain: list[TaxRule], rule: TaxRule) -> bool:
    return not any(_overlaps(held, rule) for held in chain)


@functools.cache
def eu_vat_rules() -> tuple[TaxRule, ...]:
    """Return the VAT rules of the 27 EU member states, dated, as shipped.

    Reduced rates become the categories ``reduced``, ``reduced_2``, ``reduced_3`` in the order of
    the table; a rate that follows another in time joins its category (see the data README).

    Examples:
        >>> from datetime import date
        >>> fi = [rule for rule in eu_vat_rules() if rule.jurisdiction.country == "FI"]
        >>> [(rule.category.code, str(rule.rate)) for rule in fi if rule.in_force(date(2026, 3, 1))]
        [('standard', '25.5%'), ('reduced', '10%'), ('reduced_2', '13.5%')]
        >>> len({rule.jurisdiction.country for rule in eu_vat_rules()})
        27
    """
    rules: list[TaxRule] = []
    slots: dict[tuple[str, str], list[list[TaxRule]]] = {}
    for row in _rows("eu_vat_rates.csv"):
        country = row["country"]
        kind = row["rate_kind"]
        draft = TaxRule(
            jurisdiction=Jurisdiction(country),
            levy="vat",
            tax_type=TaxType.VAT,
            rate=TaxRate.percent(row["percent"]),
            category=kind,
            valid_from=_date(row["valid_from"]),
            valid_to=_date(row["valid_to"]),
            note=row["note"],
        )
        if kind == "reduced":
            chains = slots.setdefault((country, kind), [])
            index = next(
                (i for i, chain in enumerate(chains) if _fits(chain, draft)),
                len(chains),
            )
            if index == len(chains):
                chains.append([])
            chains[index].append(draft)
            code = "reduced" if index == 0 else f"reduced_{index + 1}"
            draft = TaxRule(
                jurisdiction=draft.jurisdiction,
                levy="vat",
                tax_type=TaxType.VAT,
                rate=draft.rate,
                category=code,
                valid_from=draft.valid_from,
                valid_to=draft.valid_to,
                taxability=draft.taxability,
                note=draft.note,
            )
        rules.append(draft)
    return tuple(rules)


@functools.cache
def canada_tax_rules() -> tuple[TaxRule, ...]:
    """Return Canada's federal (GST, HST) and provincial (PST, RST, QST) rules, as shipped.

    HST fills the ``federal`` levy of its province and so replaces GST there; PST, RST and QST
    fill the ``provincial`` levy and add to GST.

    Examples:
        >>> from datetime import date
        >>> ns = [str(rule.rate) for rule in canada_tax_rules()
        ...       if rule.jurisdiction.subdivision == "NS" and rule.in_force(date(2025, 4, 1))]
        >>> ns
        ['14%']
    """
    return tuple(
        TaxRule(
            jurisdiction=Jurisdiction("CA", row["subdivision"] or None),
            levy=row["levy"],
            tax_type=TaxType(row["tax_type"]),
            name=row["name"],
            rate=TaxRate.percent(row["percent"]),
            category=TaxCategory.STANDARD,
            valid_from=_date(row["valid_from"]),
            valid_to=_date(row["valid_to"]),
            compound=row["compound"] == "yes",
            note=row["note"],
        )
        for row in _rows("canada_rates.csv")
    )
