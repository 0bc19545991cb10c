"""The built-in tax calculator: where a document is taxed, then each line's tax from rate tables."""

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import NamedTuple

import attrs

from ecomcore.core import (
    Address,
    ValidationError,
    allocate,
    allocate_units,
    minor_units,
    to_minor_units,
)
from ecomcore.tax._compute import ChargeSet, Piece, PieceFacts, Rounder, tax_pieces
from ecomcore.tax._eu import EU_MEMBER_STATES
from ecomcore.tax._model import Jurisdiction, Taxability, TaxCategory, TaxType
from ecomcore.tax._ports import TaxRateProvider
from ecomcore.tax._request import (
    SHIPPING_LINE_ID,
    PriceBasis,
    ShippingTaxPolicy,
    TaxLine,
    TaxRequest,
)
from ecomcore.tax._result import TaxResult
from ecomcore.tax._rules import LevyCharge, charges_for, resolve_rules
from ecomcore.tax._us import NexusThreshold, has_economic_nexus, us_nexus_thresholds

_RESOLVED_KEPT = 256


@attrs.frozen
class _Place:
    """Where a document is taxed, and whether a rule of supply overrides the rate tables."""

    address: Address
    override: Taxability | None = None
    tax_type: TaxType = TaxType.VAT
    notes: tuple[str, ...] = ()
    threshold_destination: Address | None = None

    @property
    def jurisdiction(self) -> Jurisdiction:
        return Jurisdiction(self.address.country, self.address.subdivision)


def _eu_place(request: TaxRequest) -> _Place:
    seller, buyer = request.seller.address, request.buyer.address
    if buyer.country not in EU_MEMBER_STATES:
        note = "Export outside the EU: zero-rated (VAT Directive 2006/112/EC, art. 146)"
        return _Place(seller, Taxability.ZERO_RATED, notes=(note,))
    if buyer.country == seller.country:
        return _Place(buyer)
    check = request.buyer.vat_check
    if check is not None and check.confirms_business and check.country == buyer.country:
        note = (
            "Reverse charge: VAT to be accounted for by the customer (VAT Directive 2006/112/EC, "
            f"art. 138 and 196); customer VAT number {check.vat_number}, confirmed "
            f"{check.checked_at.date().isoformat()}, reference {check.consultation_reference}"
        )
        return _Place(buyer, Taxability.REVERSE_CHARGE, notes=(note,))
    notes: tuple[str, ...] = ()
    if check is not None:
        notes = (f"VAT number {check.vat_number} not confirmed online: taxed as a consumer sale",)
    return _Place(seller, notes=notes, threshold_destination=buyer)


def _place_of_taxation(request: TaxRequest, thresholds: Sequence[NexusThreshold]) -> _Place:
    seller, buyer = request.seller, request.buyer.address
    if seller.address.country in EU_MEMBER_STATES:
        return _eu_place(request)
    if buyer.country == "US":
        state = buyer.subdivision or ""
        if state in seller.us_physical_presence or has_economic_nexus(
            state, seller.us_sales.get(state), thresholds, request.tax_point
        ):
            return _Place(buyer, tax_type=TaxType.SALES_TAX)
        note = (
            f"No nexus in US-{state}: the seller does not collect its sales tax; "
            "the buyer may owe use tax"
        )
        return _Place(buyer, Taxability.NOT_COLLECTING, TaxType.SALES_TAX, (note,))
    return _Place(buyer, tax_type=TaxType.SALES_TAX if buyer.country == "US" else TaxType.VAT)


@attrs.frozen
class TableTaxCalculator:
    """The built-in `TaxCalculator`: rates from a `TaxRateProvider`, rules of supply built in.

    Per document it decides where tax is due (EU: domestic, reverse charge for a confirmed
    business abroad, the 10,000 EUR distance-sales threshold, exports; US: economic nexus from
    ``nexus_thresholds``; elsewhere the buyer's address), resolves each line's rules by the
    documented precedence, and computes under the request's `RoundingPolicy`.

    Examples:
        >>> from datetime import date
        >>> from ecomcore.adapters.memory import InMemoryTaxRateProvider
        >>> from ecomcore.core import Address, Money
        >>> from ecomcore.tax import (Buyer, Seller, TaxLine, TaxRequest,
        ...     eu_vat_rules)
        >>> calculator = TableTaxCalculator(InMemoryTaxRateProvider(eu_vat_rules()))
        >>> result = calculator.calculate(TaxRequest(
        ...     lines=[
        ...         TaxLine(line_id="book", unit_price=Money("10.00", "EUR"), category="reduced"),
        ...         TaxLine(line_id="pen", unit_price=Money("2.50", "EUR"), quantity=2)],
        ...     seller=Seller(address=Address("DE")), buyer=Buyer(address=Address("DE")),
        ...     tax_point=date(2026, 3, 1)))
        >>> [str(total) for total in result.totals]
        ['VAT 7% DE (reduced): 0.70 on 10.00 EUR', 'VAT 19% DE (standard): 0.95 on 5.00 EUR']
        >>> result.total.gross
        Money('16.65', 'EUR')
    """

    rates: TaxRateProvider
    nexus_thresholds: tuple[NexusThreshold, ...] = attrs.field(
        factory=us_nexus_thresholds, converter=tuple
    )
    # The charges resolved per (rules in force, place, tax point, exemptions): carts repeat them,
    # and a changed rate table or date is a different key. Bounded; cleared when full.
    _resolved: dict[tuple[object, ...], dict[tuple[str, str | None], ChargeSet]] = attrs.field(
        factory=dict, init=False, repr=False, eq=False
    )

    def calculate(self, request: TaxRequest) -> TaxResult:
        """Return the tax of every line of ``request`` and the document's totals per rate."""
        place = _place_of_taxation(request, self.nexus_thresholds)
        result = self._tax_at(request, place)
        destination = place.threshold_destination
        if destination is None:
            return result
        sales = request.seller.eu_cross_border_sales
        this_sale = result.total.net.amount
        if sales is not None and request.currency.code != "EUR":
            if sales.eur_per_unit is None:
                raise ValidationError(
                    "eur_cross_border_sales.eur_per_unit", None, "a EUR rate for a non-EUR document"
                )
            this_sale *= sales.eur_per_unit
        if sales is not None and sales.passes_threshold(this_sale):
            note = "EU distance sales above 10,000 EUR: VAT of the customer's member state"
            return self._tax_at(request, _Place(destination, notes=(*place.notes, note)))
        note = "EU distance sales within 10,000 EUR: VAT of the seller's member state"
        return attrs.evolve(result, notes=(*result.notes, note))

    def _tax_at(self, request: TaxRequest, place: _Place) -> TaxResult:
        jurisdiction = place.jurisdiction
        rules = (
            tuple(self.rates.rules_for(place.address.country, request.tax_point))
            if place.override is None
            else ()
        )
        key = (rules, place, request.tax_point, request.buyer.exemptions)
        known = self._resolved.get(key)
        if known is None:
            if len(self._resolved) >= _RESOLVED_KEPT:
                self._resolved.clear()
            known = self._resolved[key] = {}

        def resolve(category: TaxCategory, product_code: str | None) -> ChargeSet:
            charges = self._charges(request, place, rules, category, product_code)
            charged = known[category.code, product_code] = ChargeSet.of(charges)
            return charged

        rounder = Rounder(request.currency, request.rounding.rounding)
        pieces = _pieces(request, _Charges(known, resolve), rounder)
        return tax_pieces(pieces, request.rounding, rounder, jurisdiction, place.notes)

    @staticmethod
    def _charges(
        request: TaxRequest,
        place: _Place,
        rules: Sequence[object],
        category: TaxCategory,
        product_code: str | None,
    ) -> tuple[LevyCharge, ...]:
        if place.override is not None:
            return (LevyCharge.untaxed(place.override, place.jurisdiction, place.tax_type),)
        resolved = resolve_rules(
            rules,  # type: ignore[arg-type]
            place.address,
            category,
            product_code,
            request.tax_point,
        )
        if resolved:
            return charges_for(resolved, request.buyer.exemptions, request.tax_point)
        reason = {
            TaxCategory.EXEMPT: Taxability.EXEMPT,
            TaxCategory.ZERO_RATED: Taxability.ZERO_RATED,
        }.get(category, Taxability.NOT_COLLECTING)
        note = "" if reason is not Taxability.NOT_COLLECTING else f"no rate rule for {category}"
        return (LevyCharge.untaxed(reason, place.jurisdiction, place.tax_type, note),)


class _Charges(NamedTuple):
    """The charges of a document's lines, by category and product code: known, or resolved."""

    known: dict[tuple[str, str | None], ChargeSet]
    """Keyed by the category's code: a str hashes and compares in C."""
    resolve: Callable[[TaxCategory, str | None], ChargeSet]
    """Resolves a pair not known yet, and adds it."""

    def of(self, category: TaxCategory, product_code: str | None) -> ChargeSet:
        return self.known.get((category.code, product_code)) or self.resolve(category, product_code)


def _pieces(request: TaxRequest, charges: _Charges, rounder: Rounder) -> Iterator[PieceFacts]:
    """Turn lines, discounts and shipping into pieces with their anchors, one at a time.

    A piece is let go as soon as it is taxed, so that a long document does not hold them all
    (unless shipping is taxed at the weighted rate of the goods, which needs the goods' pieces).
    """
    round_ = rounder.round
    basis = request.price_basis
    lines = request.lines
    entered = [line.unit_price.amount * line.quantity for line in lines]
    shipping, policy = request.shipping, request.shipping_policy
    weighted = shipping is not None and policy is ShippingTaxPolicy.WEIGHTED
    goods = []
    known, resolve = charges
    for line, as_entered, gross, net in zip(
        lines, entered, *_discounts(request, entered), strict=True
    ):
        category, product_code = line.category, line.product_code
        # `_Charges.of`, inlined: it runs once a line.
        charged = known.get((category.code, product_code)) or resolve(category, product_code)
        inclusive, amount = line.includes_tax, as_entered
        if line.entered_rate is not None:
            inclusive, amount = _entered(line, as_entered, basis, charged.ratio, rounder)
        if gross or net:
            # Each discount comes off in its own terms, converted at the line's rates if needed:
            # a discount in the line's own terms leaves it on the minor-unit grid, unrounded.
            if inclusive:
                amount -= gross
                if net:
                    amount = round_(amount - net * charged.divisor)
            else:
                amount -= net
                if gross:
                    amount = round_(amount - gross / charged.divisor)
            if amount < 0:
                raise ValidationError(
                    "discounts", line.line_id, "no more in total than the amount of the line"
                )
        piece = (line.line_id, amount, line.quantity, inclusive, charged)
        if weighted:
            goods.append(piece)
        yield piece
    if shipping is not None:
        yield from _shipping_pieces(request, goods, charges)


def _discounts(
    request: TaxRequest, entered: Sequence[Decimal]
) -> tuple[list[Decimal], list[Decimal]]:
    """Return each line's discounts that include tax and those that do not, in two lists.

    A line's discounts are its own and its share of the document's: those split over the lines'
    amounts as ``entered`` (price times quantity) in whole minor units (integer weights split
    fastest; no Money is built).
    """
    lines = request.lines
    zero = Decimal(0)
    off: dict[bool, list[Decimal]] = {}  # by whether tax is included; absent while none is
    document = [discount for discount in request.discounts if discount.line_id is None]
    if document:
        digits = minor_units(request.currency)
        minor, scale = Decimal(1).scaleb(-digits), Decimal(10**digits)
        weights = [int(amount * scale) for amount in entered]  # faster than scaleb
        for discount in document:
            parts = allocate_units(to_minor_units(discount.amount), weights)
            held = off.get(discount.includes_tax)
            off[discount.includes_tax] = (
                [part * minor for part in parts]
                if held is None
                else [amount + part * minor for amount, part in zip(held, parts, strict=True)]
            )
    own = [(line_id, d) for d in request.discounts if (line_id := d.line_id) is not None]
    if own:
        ids = {line.line_id: index for index, line in enumerate(lines)}
        for line_id, discount in own:
            held = off.setdefault(discount.includes_tax, [zero] * len(lines))
            held[ids[line_id]] += discount.amount.amount
    none = [zero] * len(lines)
    return off.get(True, none), off.get(False, none)


def _entered(
    line: TaxLine,
    as_entered: Decimal,
    basis: PriceBasis,
    ratio: Decimal,
    rounder: Rounder,
) -> tuple[bool, Decimal]:
    """Return whether a line with an entered rate is gross, and its amount ``as_entered`` or not.

    A gross price entered under another rate than ``ratio`` keeps its net (from the entered
    rate, per unit) when ``basis`` says so; otherwise the line stays as entered.
    """
    entered = line.entered_rate
    if (
        line.includes_tax
        and entered is not None
        and basis is PriceBasis.KEEP_NET
        and entered.fraction != ratio
    ):
        unit_net = rounder.round(line.unit_price.amount / (1 + entered.fraction))
        return False, unit_net * line.quantity
    return line.includes_tax, as_entered


def _shipping_pieces(
    request: TaxRequest, goods: Sequence[PieceFacts], charges: _Charges
) -> list[PieceFacts]:
    shipping = request.shipping
    assert shipping is not None  # checked by the caller
    inclusive = request.shipping_includes_tax
    if request.shipping_policy is ShippingTaxPolicy.OWN_CATEGORY:
        charged = charges.of(request.shipping_category, None)
        return [(SHIPPING_LINE_ID, shipping.amount, 1, inclusive, charged)]
    parts: dict[ChargeSet, Decimal] = {}
    digits = minor_units(shipping.currency)
    weights = [int(Piece(*piece).exact_net.scaleb(digits)) for piece in goods]
    for (_, _, _, _, charged), part in zip(goods, allocate(shipping, weights), strict=True):
        parts[charged] = parts.get(charged, Decimal(0)) + part.amount
    return [(SHIPPING_LINE_ID, amount, 1, inclusive, charged) for charged, amount in parts.items()]
