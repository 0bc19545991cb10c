"""Which rules apply to a line: the documented precedence over a provider's rate rules.

For each levy (``vat``, ``federal``, ``provincial``...) a line pays the one rule that matches it
best; different levies stack (GST and PST). A rule matches when it is in force at the tax point,
its jurisdiction contains the taxing address, and it is for the line's goods. Among the matching
rules of one levy:

1. a product-specific rule beats a category rule, which beats the ``standard`` default;
2. then a postal area beats a subdivision, which beats its country.

Goods come first so that a country-wide zero rate for a category (basic groceries under GST)
also zero-rates it where a province replaces the federal levy (HST). Two rules of equal rank both
in force raise `AmbiguousTaxRuleError`. The ``standard`` default does not apply to the
``zero_rated`` and ``exempt`` categories, which need no rule.
"""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

import attrs

from ecomcore.core import Address
from ecomcore.tax._errors import AmbiguousTaxRuleError
from ecomcore.tax._model import (
    ZERO_RATE,
    Jurisdiction,
    Taxability,
    TaxCategory,
    TaxRate,
    TaxRule,
    TaxType,
)
from ecomcore.tax._request import Exemption

_UNRULED = (TaxCategory.ZERO_RATED, TaxCategory.EXEMPT)


def _matches_goods(rule: TaxRule, category: TaxCategory, product_code: str | None) -> bool:
    if rule.product_code is not None:
        return rule.product_code == product_code
    if rule.category == TaxCategory.STANDARD:
        return category not in _UNRULED
    return rule.category == category


def resolve_rules(
    rules: Sequence[TaxRule],
    address: Address,
    category: TaxCategory,
    product_code: str | None,
    tax_point: date,
) -> tuple[TaxRule, ...]:
    """Return the rule of each levy that applies, non-compound levies first, else in table order.

    Examples:
        >>> from ecomcore.tax import eu_vat_rules
        >>> [str(rule) for rule in resolve_rules(
        ...     eu_vat_rules(), Address("DE"), TaxCategory.REDUCED, None, date(2026, 3, 1))]
        ['DE VAT 7% (reduced)']
    """
    best: dict[str, list[TaxRule]] = {}
    for rule in rules:
        if not (
            rule.in_force(tax_point)
            and rule.jurisdiction.contains(address)
            and _matches_goods(rule, category, product_code)
        ):
            continue
        held = best.get(rule.levy)
        if held is None:
            best[rule.levy] = [rule]
            continue
        rank, held_rank = _rank(rule), _rank(held[0])
        if rank > held_rank:
            best[rule.levy] = [rule]
        elif rank == held_rank:
            held.append(rule)
    chosen = []
    for levy, candidates in best.items():
        if len(candidates) > 1:
            raise AmbiguousTaxRuleError(
                levy, str(candidates[0].jurisdiction), category.code, [str(r) for r in candidates]
            )
        chosen.append(candidates[0])
    return tuple(sorted(chosen, key=lambda rule: rule.compound))


def _rank(rule: TaxRule) -> tuple[int, int]:
    return (rule.goods_specificity, rule.jurisdiction.specificity)


@attrs.frozen(cache_hash=True)
class LevyCharge:
    """One tax a line is charged, ready to compute: the rule's facts and the ratio to the net.

    ``ratio`` is the tax as a fraction of the line's net: the rate itself, or for a compound tax
    the rate times (1 + the non-compound rates).
    """

    name: str
    tax_type: TaxType
    levy: str
    jurisdiction: Jurisdiction
    rate: TaxRate
    taxability: Taxability
    compound: bool
    note: str
    ratio: Decimal

    @classmethod
    def untaxed(
        cls, taxability: Taxability, jurisdiction: Jurisdiction, tax_type: TaxType, note: str = ""
    ) -> "LevyCharge":
        """Return a 0% charge that only carries the reason (reverse charge, exempt...)."""
        name = tax_type.name.replace("_", " ")
        return cls(name, tax_type, "", jurisdiction, ZERO_RATE, taxability, False, note, Decimal(0))


def charges_for(
    rules: Sequence[TaxRule], exemptions: Sequence[Exemption], tax_point: date
) -> tuple[LevyCharge, ...]:
    """Turn the resolved rules into charges, applying the buyer's exemptions per jurisdiction."""
    simple = sum((rule.rate.fraction for rule in rules if not rule.compound), start=Decimal(0))
    charges = []
    for rule in rules:
        exemption = next(
            (ex for ex in exemptions if ex.covers(rule.jurisdiction, rule.levy, tax_point)), None
        )
        if exemption is not None:
            charges.append(
                LevyCharge(
                    rule.name, rule.tax_type, rule.levy, rule.jurisdiction, ZERO_RATE,
                    Taxability.CUSTOMER_EXEMPT, False,
                    f"exemption certificate {exemption.certificate_id}", Decimal(0),
                )
            )  # fmt: skip
            continue
        ratio = rule.rate.fraction * (1 + simple) if rule.compound else rule.rate.fraction
        charges.append(
            LevyCharge(
                rule.name, rule.tax_type, rule.levy, rule.jurisdiction, rule.rate,
                rule.taxability, rule.compound, rule.note, ratio,
            )
        )  # fmt: skip
    return tuple(charges)
