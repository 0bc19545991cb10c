"""The arithmetic of tax: exact figures in Decimal, rounded where the policy says.

Every line becomes one or more *pieces* (shipping taxed at the weighted rate of the goods becomes
one piece per rate). A piece has an *anchor*, the figure that stays as entered: the gross of a
tax-inclusive price, the net otherwise. The exact net of an inclusive piece is
``gross / (1 + ratio)``; the exact tax of each charge is ``net * charge.ratio``. Rounding follows
the `RoundingPolicy`; what one rounding leaves over is split by `ecomcore.core.allocate`.
"""

from collections.abc import Callable, Sequence
from decimal import Decimal

import attrs
from moneyed import Currency

from ecomcore.core import (
    Money,
    Rounding,
    TaxedMoney,
    allocate,
    minor_units,
    quantize,
    trusted_money,
)
from ecomcore.pricing._tax_model import Jurisdiction
from ecomcore.pricing._tax_result import TaxComponent, TaxedLine, TaxResult, TaxTotal
from ecomcore.pricing._tax_rounding import RoundedFigure, RoundingLevel, RoundingPolicy
from ecomcore.pricing._tax_rules import LevyCharge


class Piece:
    """A line (or a part of one) to tax: its anchor, quantity, whether it is gross, its charges."""

    __slots__ = ("anchor", "charges", "compound", "inclusive", "line_id", "quantity", "ratio")

    def __init__(  # noqa: PLR0917 (an internal record, built in one place)
        self,
        line_id: str,
        anchor: Decimal,
        quantity: int,
        inclusive: bool,
        charges: tuple[LevyCharge, ...],
        ratio: Decimal | None = None,
    ) -> None:
        self.line_id = line_id
        self.anchor = anchor
        self.quantity = quantity
        self.inclusive = inclusive
        self.charges = charges
        self.ratio = total_ratio(charges) if ratio is None else ratio
        self.compound = any(charge.compound for charge in charges)

    @property
    def exact_net(self) -> Decimal:
        """The net before any rounding."""
        return self.anchor / (1 + self.ratio) if self.inclusive else self.anchor


def total_ratio(charges: Sequence[LevyCharge]) -> Decimal:
    """Return the line's whole tax as a fraction of its net."""
    return sum((charge.ratio for charge in charges), start=Decimal(0))


class Rounder:
    """Rounds Decimals of one currency with a `Rounding` mode, and splits through `allocate`.

    The hot path of the engine: `round` is exactly ``quantize(Money(amount, currency),
    rounding).amount`` (a property test holds them equal) computed on the Decimal, and `money`
    builds Money through the kernel's `trusted_money` constructor, as `ecomcore.core`
    arithmetic does, instead of re-validating a currency already checked once per document.
    """

    def __init__(self, currency: Currency, rounding: Rounding) -> None:
        self.currency = currency
        self.rounding = rounding
        self._mode = rounding.value
        self._exponent = Decimal(1).scaleb(-minor_units(currency))
        quantize(Money(0, currency), rounding)  # the currency and the mode are valid

    def money(self, amount: Decimal) -> Money:
        return trusted_money(amount, self.currency)

    def round(self, amount: Decimal) -> Decimal:
        return amount.quantize(self._exponent, rounding=self._mode)

    def split(self, total: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
        if len(weights) == 1:
            return [total]
        return [part.amount for part in allocate(self.money(total), list(weights))]


def _taxes_of_piece(piece: Piece, policy: RoundingPolicy, rounder: Rounder) -> list[Decimal]:
    """Round one piece per line, or per unit times the quantity."""
    quantity = piece.quantity if policy.level is RoundingLevel.PER_UNIT else 1
    figure = piece.anchor / quantity if quantity > 1 else piece.anchor
    if piece.inclusive and policy.inclusive is RoundedFigure.NET:
        net = rounder.round(figure / (1 + piece.ratio)) * quantity
        return rounder.split(piece.anchor - net, [charge.ratio for charge in piece.charges])
    net = figure / (1 + piece.ratio) if piece.inclusive else figure
    return [rounder.round(net * charge.ratio) * quantity for charge in piece.charges]


def _taxes_per_document(
    pieces: Sequence[Piece], policy: RoundingPolicy, rounder: Rounder
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
    piece: Piece, taxes: Sequence[Decimal], money: "_MoneyOf"
) -> tuple[Decimal, list[TaxComponent]]:
    net = piece.anchor - sum(taxes, start=Decimal(0)) if piece.inclusive else piece.anchor
    simple_tax = Decimal(0)
    if piece.compound:
        simple_tax = sum(
            (tax for tax, charge in zip(taxes, piece.charges, strict=True) if not charge.compound),
            start=Decimal(0),
        )
    net_money = money(net)
    components = [
        TaxComponent(
            name=charge.name,
            tax_type=charge.tax_type,
            levy=charge.levy,
            jurisdiction=charge.jurisdiction,
            rate=charge.rate,
            taxable=money(net + simple_tax) if charge.compound else net_money,
            tax=money(tax),
            taxability=charge.taxability,
            compound=charge.compound,
            note=charge.note,
        )
        for charge, tax in zip(piece.charges, taxes, strict=True)
    ]
    return net, components


_MoneyOf = Callable[[Decimal], Money]


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
    rounder = Rounder(currency, policy.rounding)
    if policy.level is RoundingLevel.PER_DOCUMENT:
        all_taxes = _taxes_per_document(pieces, policy, rounder)
    else:
        all_taxes = [_taxes_of_piece(piece, policy, rounder) for piece in pieces]
    money = rounder.money
    nets: dict[str, Decimal] = {}
    line_components: dict[str, list[TaxComponent]] = {}
    pieces_per_line: dict[str, int] = {}
    for piece, taxes in zip(pieces, all_taxes, strict=True):
        net, components = _components(piece, taxes, money)
        line_id = piece.line_id
        if line_id in nets:
            nets[line_id] += net
            line_components[line_id].extend(components)
            pieces_per_line[line_id] += 1
        else:
            nets[line_id] = net
            line_components[line_id] = components
            pieces_per_line[line_id] = 1
    lines = []
    net_total = tax_total = Decimal(0)
    for line_id, components in line_components.items():
        merged = _merge(components) if pieces_per_line[line_id] > 1 else tuple(components)
        tax = sum((component.tax.amount for component in merged), start=Decimal(0))
        net = nets[line_id]
        net_total += net
        tax_total += tax
        amount = _taxed(money(net), merged[0].tax if len(merged) == 1 else money(tax))
        lines.append(TaxedLine(line_id=line_id, amount=amount, components=merged))
    totals = _totals(lines, money)
    total = _taxed(money(net_total), money(tax_total))
    return TaxResult(
        lines=tuple(lines),
        totals=totals,
        total=total,
        jurisdiction=jurisdiction,
        notes=tuple(notes),
    )


def _taxed(net: Money, tax: Money) -> TaxedMoney:
    """Build a TaxedMoney from two Money of the document's currency, already checked."""
    taxed: TaxedMoney = object.__new__(TaxedMoney)
    object.__setattr__(taxed, "net", net)
    object.__setattr__(taxed, "tax", tax)
    return taxed


def _totals(lines: Sequence[TaxedLine], money: _MoneyOf) -> tuple[TaxTotal, ...]:
    """Sum the components per rate, in order of first appearance."""
    sums: dict[tuple[object, ...], tuple[TaxComponent, Decimal, Decimal]] = {}
    for line in lines:
        for component in line.components:
            key = _total_key(component)[:5]  # per rate, whatever the note or compounding
            held = sums.get(key)
            if held is None:
                sums[key] = (component, component.taxable.amount, component.tax.amount)
            else:
                first, taxable, tax = held
                sums[key] = (first, taxable + component.taxable.amount, tax + component.tax.amount)
    return tuple(
        TaxTotal(
            name=first.name,
            tax_type=first.tax_type,
            jurisdiction=first.jurisdiction,
            rate=first.rate,
            taxability=first.taxability,
            taxable=money(taxable),
            tax=money(tax),
        )
        for first, taxable, tax in sums.values()
    )
