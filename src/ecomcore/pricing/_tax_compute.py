"""The arithmetic of tax: exact figures in Decimal, rounded where the policy says.

Every line becomes one or more *pieces* (shipping taxed at the weighted rate of the goods becomes
one piece per rate). A piece has an *anchor*, the figure that stays as entered: the gross of a
tax-inclusive price, the net otherwise. The exact net of an inclusive piece is
``gross / (1 + ratio)``; the exact tax of each charge is ``net * charge.ratio``. Rounding follows
the `RoundingPolicy`; what one rounding leaves over is split by `ecomcore.core.allocate`.
"""

from collections.abc import Sequence
from decimal import Decimal

import attrs
from moneyed import Currency

from ecomcore.core import Money, Rounding, TaxedMoney, allocate, quantize, sum_money
from ecomcore.pricing._tax_model import Jurisdiction
from ecomcore.pricing._tax_result import TaxComponent, TaxedLine, TaxResult, TaxTotal
from ecomcore.pricing._tax_rounding import RoundedFigure, RoundingLevel, RoundingPolicy
from ecomcore.pricing._tax_rules import LevyCharge


@attrs.define
class Piece:
    """A line (or a part of one) to tax: its anchor, quantity, whether it is gross, its charges."""

    line_id: str
    anchor: Decimal
    quantity: int
    inclusive: bool
    charges: tuple[LevyCharge, ...]
    ratio: Decimal = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.ratio = sum((charge.ratio for charge in self.charges), start=Decimal(0))

    @property
    def exact_net(self) -> Decimal:
        """The net before any rounding."""
        return self.anchor / (1 + self.ratio) if self.inclusive else self.anchor


class _Rounder:
    """Rounds Decimals of one currency through `quantize`, and splits through `allocate`."""

    def __init__(self, currency: Currency, rounding: Rounding) -> None:
        self.currency = currency
        self.rounding = rounding

    def round(self, amount: Decimal) -> Decimal:
        return quantize(Money(amount, self.currency), self.rounding).amount

    def split(self, total: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
        if len(weights) == 1:
            return [total]
        return [part.amount for part in allocate(Money(total, self.currency), list(weights))]


def _taxes_of_piece(piece: Piece, policy: RoundingPolicy, rounder: _Rounder) -> list[Decimal]:
    """Round one piece per line, or per unit times the quantity."""
    quantity = piece.quantity if policy.level is RoundingLevel.PER_UNIT else 1
    figure = piece.anchor / quantity if quantity > 1 else piece.anchor
    if piece.inclusive and policy.inclusive is RoundedFigure.NET:
        net = rounder.round(figure / (1 + piece.ratio)) * quantity
        return rounder.split(piece.anchor - net, [charge.ratio for charge in piece.charges])
    net = figure / (1 + piece.ratio) if piece.inclusive else figure
    return [rounder.round(net * charge.ratio) * quantity for charge in piece.charges]


def _taxes_per_document(
    pieces: Sequence[Piece], policy: RoundingPolicy, rounder: _Rounder
) -> list[list[Decimal]]:
    """Round once per rate (per combination of rates for inclusive nets), then allocate back."""
    taxes: list[list[Decimal]] = [[Decimal(0)] * len(piece.charges) for piece in pieces]
    by_charge: dict[LevyCharge, list[tuple[int, int, Decimal]]] = {}
    by_combination: dict[tuple[LevyCharge, ...], list[int]] = {}
    for index, piece in enumerate(pieces):
        if piece.inclusive and policy.inclusive is RoundedFigure.NET:
            by_combination.setdefault(piece.charges, []).append(index)
            continue
        net = piece.exact_net
        for position, charge in enumerate(piece.charges):
            by_charge.setdefault(charge, []).append((index, position, net * charge.ratio))
    for entries in by_charge.values():
        exact = [tax for _, _, tax in entries]
        total = rounder.round(sum(exact, start=Decimal(0)))
        for (index, position, _), part in zip(entries, rounder.split(total, exact), strict=True):
            taxes[index][position] = part
    for indexes in by_combination.values():
        nets = [pieces[index].exact_net for index in indexes]
        rounded = rounder.split(rounder.round(sum(nets, start=Decimal(0))), nets)
        for index, net in zip(indexes, rounded, strict=True):
            piece = pieces[index]
            ratios = [charge.ratio for charge in piece.charges]
            taxes[index] = rounder.split(piece.anchor - net, ratios)
    return taxes


def _components(
    piece: Piece, taxes: Sequence[Decimal], currency: Currency
) -> tuple[Decimal, list[TaxComponent]]:
    net = piece.anchor - sum(taxes, start=Decimal(0)) if piece.inclusive else piece.anchor
    simple_tax = sum(
        (tax for tax, charge in zip(taxes, piece.charges, strict=True) if not charge.compound),
        start=Decimal(0),
    )
    components = [
        TaxComponent(
            name=charge.name,
            tax_type=charge.tax_type,
            levy=charge.levy,
            jurisdiction=charge.jurisdiction,
            rate=charge.rate,
            taxable=Money(net + simple_tax if charge.compound else net, currency),
            tax=Money(tax, currency),
            taxability=charge.taxability,
            compound=charge.compound,
            note=charge.note,
        )
        for charge, tax in zip(piece.charges, taxes, strict=True)
    ]
    return net, components


def _merge(components: Sequence[TaxComponent]) -> tuple[TaxComponent, ...]:
    """Merge the components of one line's pieces that share a rate (weighted shipping)."""
    merged: dict[tuple[object, ...], TaxComponent] = {}
    for component in components:
        key = _total_key(component)
        held = merged.get(key)
        merged[key] = (
            component
            if held is None
            else attrs.evolve(
                held, taxable=held.taxable + component.taxable, tax=held.tax + component.tax
            )
        )
    return tuple(merged.values())


def _total_key(component: TaxComponent) -> tuple[object, ...]:
    return (
        component.name,
        component.tax_type,
        component.jurisdiction,
        component.rate,
        component.taxability,
        component.compound,
        component.note,
    )


def tax_pieces(
    pieces: Sequence[Piece],
    policy: RoundingPolicy,
    currency: Currency,
    jurisdiction: Jurisdiction,
    notes: Sequence[str],
) -> TaxResult:
    """Compute the pieces under ``policy``; assemble the lines, per-rate totals and the total."""
    rounder = _Rounder(currency, policy.rounding)
    if policy.level is RoundingLevel.PER_DOCUMENT:
        all_taxes = _taxes_per_document(pieces, policy, rounder)
    else:
        all_taxes = [_taxes_of_piece(piece, policy, rounder) for piece in pieces]
    nets: dict[str, Decimal] = {}
    line_components: dict[str, list[TaxComponent]] = {}
    for piece, taxes in zip(pieces, all_taxes, strict=True):
        net, components = _components(piece, taxes, currency)
        nets[piece.line_id] = nets.get(piece.line_id, Decimal(0)) + net
        line_components.setdefault(piece.line_id, []).extend(components)
    lines = []
    for line_id, components in line_components.items():
        merged = _merge(components) if len(components) > 1 else tuple(components)
        tax = sum((component.tax.amount for component in merged), start=Decimal(0))
        amount = TaxedMoney(net=Money(nets[line_id], currency), tax=Money(tax, currency))
        lines.append(TaxedLine(line_id=line_id, amount=amount, components=merged))
    totals = _totals(lines, currency)
    total = TaxedMoney(
        net=sum_money((line.amount.net for line in lines), currency=currency),
        tax=sum_money((line.amount.tax for line in lines), currency=currency),
    )
    return TaxResult(
        lines=tuple(lines),
        totals=totals,
        total=total,
        jurisdiction=jurisdiction,
        notes=tuple(notes),
    )


def _totals(lines: Sequence[TaxedLine], currency: Currency) -> tuple[TaxTotal, ...]:
    """Sum the components per rate, in order of first appearance."""
    sums: dict[tuple[object, ...], tuple[TaxComponent, Decimal, Decimal]] = {}
    for line in lines:
        for component in line.components:
            key = _total_key(component)[:-2]
            first, taxable, tax = sums.get(key, (component, Decimal(0), Decimal(0)))
            sums[key] = (first, taxable + component.taxable.amount, tax + component.tax.amount)
    return tuple(
        TaxTotal(
            name=first.name,
            tax_type=first.tax_type,
            jurisdiction=first.jurisdiction,
            rate=first.rate,
            taxability=first.taxability,
            taxable=Money(taxable, currency),
            tax=Money(tax, currency),
        )
        for first, taxable, tax in sums.values()
    )
