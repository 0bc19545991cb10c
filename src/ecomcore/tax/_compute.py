"""The arithmetic of tax: exact figures in Decimal, rounded where the policy says.

Every line becomes one or more *pieces* (shipping taxed at the weighted rate of the goods becomes
one piece per rate). A piece has an *anchor*, the figure that stays as entered: the gross of a
tax-inclusive price, the net otherwise. The exact net of an inclusive piece is
``gross / (1 + ratio)``; the exact tax of each charge is ``net * charge.ratio``. Rounding follows
the `RoundingPolicy`; what one rounding leaves over is split by `ecomcore.core.allocate`.
"""

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import NamedTuple

import attrs
from moneyed import Currency

from ecomcore.core import (
    Money,
    Rounding,
    TaxedMoney,
    allocate,
    minor_units,
    quantize,
)
from ecomcore.core._fast import build, taxed
from ecomcore.core._money import trusted_money
from ecomcore.tax._model import Jurisdiction
from ecomcore.tax._result import (
    TaxComponent,
    TaxedLine,
    TaxResult,
    TaxTotal,
)
from ecomcore.tax._rounding import RoundedFigure, RoundingLevel, RoundingPolicy
from ecomcore.tax._rules import LevyCharge


class ChargeSet(NamedTuple):
    """The charges of one kind of line, with their whole ratio to the net, worked out once."""

    charges: tuple[LevyCharge, ...]
    ratio: Decimal
    divisor: Decimal
    """``1 + ratio``: what a net is multiplied by to give the gross."""

    @classmethod
    def of(cls, charges: tuple[LevyCharge, ...]) -> "ChargeSet":
        """Return the set of ``charges``; compound ratios already include the taxes below."""
        ratio = sum((charge.ratio for charge in charges), start=Decimal(0))
        return cls(charges, ratio, 1 + ratio)


PieceFacts = tuple[str, Decimal, int, bool, ChargeSet]
"""A line (or a part of one) to tax: line id, anchor, quantity, whether the anchor is gross, and
its charges. A plain tuple: the engine makes one per line, and taxes most lines straight from it."""


class Piece:
    """A `PieceFacts` with names, for the paths that round a line in several steps."""

    __slots__ = ("anchor", "charges", "divisor", "inclusive", "line_id", "quantity")

    def __init__(
        self, line_id: str, anchor: Decimal, quantity: int, inclusive: bool, charged: ChargeSet
    ) -> None:
        self.line_id = line_id
        self.anchor = anchor
        self.quantity = quantity
        self.inclusive = inclusive
        self.charges, _, self.divisor = charged

    @property
    def exact_net(self) -> Decimal:
        """The net before any rounding."""
        return self.anchor / self.divisor if self.inclusive else self.anchor


class Rounder:
    """Rounds Decimals of one currency with a `Rounding` mode, and splits through `allocate`.

    The hot path of the engine: `round` is exactly ``quantize(Money(amount, currency),
    rounding).amount`` (a property test holds them equal) computed on the Decimal. The engine
    builds Money through the kernel's `trusted_money` constructor, as `ecomcore.core`
    arithmetic does, instead of re-validating a currency already checked once per document.
    """

    def __init__(self, currency: Currency, rounding: Rounding) -> None:
        self.currency = currency
        self.mode = rounding.value
        """The `decimal` rounding mode."""
        self.quantum = Decimal(1).scaleb(-minor_units(currency))
        """One minor unit, what amounts are rounded to."""
        quantize(Money(0, currency), rounding)  # the currency and the mode are valid

    def round(self, amount: Decimal) -> Decimal:
        return amount.quantize(self.quantum, self.mode)  # positional: no keyword parsing

    def units(self, total: Decimal, quantity: int) -> list[tuple[Decimal, int]]:
        """Split ``total`` (on the grid) over ``quantity`` units: (unit amount, how many)."""
        base, extra = divmod(int(total / self.quantum), quantity)
        groups = [(base * self.quantum, quantity - extra)]
        if extra:
            groups.append(((base + 1) * self.quantum, extra))
        return groups

    def split(self, total: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
        if len(weights) == 1:
            return [total]
        return [
            part.amount for part in allocate(trusted_money(total, self.currency), list(weights))
        ]


def _taxes_of_piece(piece: Piece, policy: RoundingPolicy, rounder: Rounder) -> list[Decimal]:
    """Round one piece per line, or per unit times the number of such units.

    Per unit, the piece's amount is first split over its units on the minor-unit grid, as
    `allocate` splits it (some units one minor unit more), so each unit's figure is an amount a
    receipt could show, and a tax-inclusive unit's rounded net never exceeds its gross.
    """
    if policy.level is RoundingLevel.PER_UNIT and piece.quantity > 1:
        units = rounder.units(piece.anchor, piece.quantity)
    else:
        units = [(piece.anchor, 1)]
    charges = piece.charges
    if piece.inclusive and policy.inclusive is RoundedFigure.NET:
        net = sum(
            (rounder.round(amount / piece.divisor) * count for amount, count in units),
            start=Decimal(0),
        )
        return rounder.split(piece.anchor - net, [charge.ratio for charge in charges])
    taxes = [Decimal(0)] * len(charges)
    for amount, count in units:
        net = amount / piece.divisor if piece.inclusive else amount
        for position, charge in enumerate(charges):
            taxes[position] += rounder.round(net * charge.ratio) * count
    return taxes


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


_COMPONENT_FIELDS = tuple(field.name for field in attrs.fields(TaxComponent))


class _ChargeSum:
    """One charge's running taxable amount and tax in the document, and its components' fields.

    ``fields`` holds every field of the charge's `TaxComponent`, read from the charge (which
    carries all of them but the amounts); `component` sets the amounts and builds one (`build`
    copies the entries, so the dict is reused).
    """

    __slots__ = ("charge", "fields", "tax", "taxable")

    def __init__(self, charge: LevyCharge) -> None:
        self.charge = charge
        self.fields: dict[str, object] = {
            name: getattr(charge, name, None) for name in _COMPONENT_FIELDS
        }
        self.taxable = self.tax = Decimal(0)

    def component(self, taxable: Money, tax: Money) -> TaxComponent:
        """Return the charge's component on ``taxable``, of ``tax``."""
        fields = self.fields
        fields["taxable"] = taxable
        fields["tax"] = tax
        return build(TaxComponent, fields)


class _Lines:
    """Builds the `TaxedLine` of every piece, summing the document and each charge as it goes."""

    def __init__(self, policy: RoundingPolicy, rounder: Rounder) -> None:
        self.currency = rounder.currency
        self.policy = policy
        self.rounder = rounder
        self.sums: dict[LevyCharge, _ChargeSum] = {}
        self.net = Decimal(0)
        # Lines rounded on the line, tax-inclusive ones rounding the tax: the common case.
        self._on_the_line = policy.level is RoundingLevel.PER_LINE
        self._gross_kept = policy.inclusive is not RoundedFigure.NET
        self._quantum, self._mode = rounder.quantum, rounder.mode  # read once per line below

    def rounded(self, facts: PieceFacts) -> TaxedLine:
        """Round one piece per line or per unit, as the policy says, and return it as a line."""
        line_id, anchor, _, inclusive, (charges, _, divisor) = facts
        if len(charges) == 1 and self._on_the_line and (self._gross_kept or not inclusive):
            # What _taxes_of_piece computes for one tax on the line, with Rounder.round inlined.
            charge = charges[0]
            if inclusive:
                tax = (anchor / divisor * charge.ratio).quantize(self._quantum, self._mode)
                return self._single(line_id, charge, anchor - tax, tax)
            tax = (anchor * charge.ratio).quantize(self._quantum, self._mode)
            return self._single(line_id, charge, anchor, tax)
        piece = Piece(*facts)
        return self.of_piece(piece, _taxes_of_piece(piece, self.policy, self.rounder))

    def of_piece(self, piece: Piece, taxes: Sequence[Decimal]) -> TaxedLine:
        """Return the piece with its taxes as a line: net, tax and components, one per charge."""
        charges = piece.charges
        if len(charges) == 1:  # most lines pay one tax: no sums, no compounding
            tax = taxes[0]
            net = piece.anchor - tax if piece.inclusive else piece.anchor
            return self._single(piece.line_id, charges[0], net, tax)
        currency = self.currency
        tax = sum(taxes, start=Decimal(0))
        net = piece.anchor - tax if piece.inclusive else piece.anchor
        simple_tax = sum(
            (tax for tax, charge in zip(taxes, charges, strict=True) if not charge.compound),
            start=Decimal(0),
        )
        net_money = trusted_money(net, currency)
        components = []
        for charge, charge_tax in zip(charges, taxes, strict=True):
            held = self._sum_of(charge)
            if charge.compound:
                taxable = net + simple_tax
                taxable_money = trusted_money(taxable, currency)
            else:
                taxable, taxable_money = net, net_money
            components.append(held.component(taxable_money, trusted_money(charge_tax, currency)))
            held.taxable += taxable
            held.tax += charge_tax
        self.net += net
        amount = taxed(net_money, trusted_money(tax, currency))
        return _line(piece.line_id, amount, tuple(components))

    def _single(self, line_id: str, charge: LevyCharge, net: Decimal, tax: Decimal) -> TaxedLine:
        """Return a line with one charge, its net and tax given."""
        currency = self.currency
        net_money, tax_money = trusted_money(net, currency), trusted_money(tax, currency)
        held = self.sums.get(charge) or self._sum_of(charge)
        held.taxable += net
        held.tax += tax
        self.net += net
        component = held.component(net_money, tax_money)
        return _line(line_id, taxed(net_money, tax_money), (component,))

    def total(self) -> TaxedMoney:
        """Return the document's net and tax: its tax is the sum of every charge's."""
        tax = sum((held.tax for held in self.sums.values()), start=Decimal(0))
        return taxed(trusted_money(self.net, self.currency), trusted_money(tax, self.currency))

    def _sum_of(self, charge: LevyCharge) -> _ChargeSum:
        held = self.sums.get(charge)
        if held is None:
            held = self.sums[charge] = _ChargeSum(charge)
        return held

    def totals(self) -> tuple[TaxTotal, ...]:
        """Sum the charges per rate (whatever the note or compounding), in order of appearance."""
        per_rate: dict[tuple[object, ...], tuple[LevyCharge, Decimal, Decimal]] = {}
        for held in self.sums.values():
            key = _rate_key(held.charge)
            first = per_rate.get(key)
            per_rate[key] = (
                (held.charge, held.taxable, held.tax)
                if first is None
                else (first[0], first[1] + held.taxable, first[2] + held.tax)
            )
        currency = self.currency
        return tuple(
            TaxTotal(
                name=charge.name,
                tax_type=charge.tax_type,
                jurisdiction=charge.jurisdiction,
                rate=charge.rate,
                taxability=charge.taxability,
                taxable=trusted_money(taxable, currency),
                tax=trusted_money(tax, currency),
            )
            for charge, taxable, tax in per_rate.values()
        )


def _rate_key(charge: LevyCharge | TaxComponent) -> tuple[object, ...]:
    return (charge.name, charge.tax_type, charge.jurisdiction, charge.rate, charge.taxability)


def _merge(components: Sequence[TaxComponent]) -> tuple[TaxComponent, ...]:
    """Merge the components of one line's pieces that share a rate (weighted shipping)."""
    merged: dict[tuple[object, ...], TaxComponent] = {}
    for component in components:
        key = (*_rate_key(component), component.compound, component.note)
        held = merged.get(key)
        merged[key] = (
            component
            if held is None
            else attrs.evolve(
                held, taxable=held.taxable + component.taxable, tax=held.tax + component.tax
            )
        )
    return tuple(merged.values())


def tax_pieces(
    pieces: Iterable[PieceFacts],
    policy: RoundingPolicy,
    rounder: Rounder,
    jurisdiction: Jurisdiction,
    notes: Sequence[str],
) -> TaxResult:
    """Compute the pieces under ``policy``; assemble the lines, per-rate totals and the total.

    ``rounder`` rounds in the document's currency with the policy's mode. Only the last line
    (shipping taxed at the weighted rate of the goods) may come in several pieces.
    """
    builder = _Lines(policy, rounder)
    if policy.level is RoundingLevel.PER_DOCUMENT:
        every = [Piece(*facts) for facts in pieces]  # the document's rounding needs them all
        all_taxes = _taxes_per_document(every, policy, builder.rounder)
        lines = [
            builder.of_piece(piece, taxes) for piece, taxes in zip(every, all_taxes, strict=True)
        ]
    else:
        lines = [builder.rounded(piece) for piece in pieces]
    while len(lines) > 1 and lines[-2].line_id == lines[-1].line_id:
        last = lines.pop()
        lines[-1] = _joined(lines[-1], last)
    return TaxResult(
        lines=tuple(lines),
        totals=builder.totals(),
        total=builder.total(),
        jurisdiction=jurisdiction,
        notes=tuple(notes),
    )


def _joined(first: TaxedLine, second: TaxedLine) -> TaxedLine:
    """Join two pieces of one line (weighted shipping), merging the components of one rate."""
    amount = taxed(first.amount.net + second.amount.net, first.amount.tax + second.amount.tax)
    return _line(first.line_id, amount, _merge(first.components + second.components))


# TaxedLine is slotted: `_line` sets its three slots through their descriptors, faster than its
# constructor and with no dict for the garbage collector to walk (a property test holds every line
# built here equal to what the constructor builds).
_new = object.__new__
_set_line_id, _set_amount, _set_components = (
    getattr(TaxedLine, field).__set__ for field in ("line_id", "amount", "components")
)


def _line(line_id: str, amount: TaxedMoney, components: tuple[TaxComponent, ...]) -> TaxedLine:
    line: TaxedLine = _new(TaxedLine)
    _set_line_id(line, line_id)
    _set_amount(line, amount)
    _set_components(line, components)
    return line
