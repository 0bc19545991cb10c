"""The last step of a quote: integer results become Money, get taxed, and are put in order."""

from collections.abc import Callable, Sequence
from decimal import Decimal

import attrs

from ecomcore.core import (
    Currency,
    Money,
    TaxedMoney,
    from_minor_units,
    get_currency,
    sum_money,
)
from ecomcore.core._fast import build
from ecomcore.core._fast import taxed as fast_taxed
from ecomcore.core._money import trusted_money
from ecomcore.pricing._coupons import CouponRefusal
from ecomcore.pricing._price_lists import PriceListKind
from ecomcore.pricing._promotions._stacking import Outcome
from ecomcore.pricing._quote_model import (
    Adjustment,
    AppliedPromotion,
    NearMiss,
    Quote,
    QuotedLine,
    QuoteRequest,
    ShippingQuote,
)
from ecomcore.pricing._quote_tax import QuoteTax, TaxableLine
from ecomcore.tax import SHIPPING_LINE_ID, TaxComponent, TaxResult

__all__ = ["assemble"]


def _total(parts: Sequence[TaxedMoney], currency: Currency) -> TaxedMoney:
    """Add up the taxed amounts of one currency (a CurrencyMismatchError if one differs)."""
    if all(part.net.currency is currency for part in parts):
        net = sum((part.net.amount for part in parts), Decimal(0))
        tax = sum((part.tax.amount for part in parts), Decimal(0))
        return TaxedMoney(net=Money(net, currency), tax=Money(tax, currency))
    return TaxedMoney(
        net=sum_money((part.net for part in parts), currency=currency),
        tax=sum_money((part.tax for part in parts), currency=currency),
    )


def _money_maker(code: str) -> Callable[[int], Money]:
    """Return a function from minor units to Money in ``code``, checked once per quote."""
    one_unit = from_minor_units(1, code)
    minor, currency = one_unit.amount, one_unit.currency

    def money(units: int) -> Money:
        return trusted_money(minor * units, currency)  # one minor unit times an int is exact

    return money


def assemble(
    request: QuoteRequest,
    *,
    outcome: Outcome,
    order: list[int],
    sources: list[tuple[str, PriceListKind | None, bool]],
    tax: QuoteTax | None,
    coupon_of: dict[str, str],
    applied_coupons: list[str],
    refused: list[CouponRefusal],
    misses: Sequence[NearMiss],
) -> Quote:
    """Turn the integer outcome into Money, tax it, and order lines as the request gave them."""
    currency = get_currency(request.currency)
    money = _money_maker(request.currency)
    state = outcome.state
    count = len(state.lines)
    per_line: list[list[Adjustment]] = [[] for _ in range(count)]
    shipping_adjustments: list[Adjustment] = []
    promotions: list[AppliedPromotion] = []
    for applied in outcome.applied:
        promotion = applied.promotion
        coupon_code = coupon_of.get(promotion.id)
        reason = f"{promotion.name}: {promotion.benefit.describe()}"
        if applied.detail:
            reason += f" ({applied.detail})"
        if applied.capped:
            reason += ", capped"
        adjustment: dict[str, object] = {
            "promotion_id": promotion.id,
            "promotion_name": promotion.name,
            "amount": None,
            "reason": reason,
            "coupon_code": coupon_code,
        }
        for index, amount in applied.lines.items():
            adjustment["amount"] = money(amount)  # build copies the entries: the dict is reused
            per_line[index].append(build(Adjustment, adjustment))
        if applied.gift_index is not None:
            adjustment["amount"] = money(applied.gift_discount)
            per_line[applied.gift_index].append(build(Adjustment, adjustment))
        if applied.shipping:
            adjustment["amount"] = money(applied.shipping)
            shipping_adjustments.append(build(Adjustment, adjustment))
        promotions.append(
            AppliedPromotion(
                promotion.id,
                promotion.name,
                money(applied.total),
                coupon_code,
                applied.detail,
            )
        )
    has_shipping = request.shipping is not None
    result = None
    if tax is not None and count:
        result = _tax(request, tax, outcome, order, sources, per_line, money)
        taxed = [line.amount for line in result.lines]
        components: list[tuple[TaxComponent, ...]] = [line.components for line in result.lines]
    else:
        zero = money(0)
        taxed = [fast_taxed(money(net), zero) for net in state.net]
        if has_shipping:
            taxed.append(fast_taxed(money(state.shipping), zero))
        components = [()] * len(taxed)
    quoted: list[QuotedLine] = []
    for index, line in enumerate(state.lines):
        source, kind, include = sources[index] if index < len(sources) else ("gift", None, False)
        unit = money(line.unit)
        fields: dict[str, object] = {
            "line_id": line.line_id,
            "variant_id": line.variant_id,
            "quantity": line.quantity,
            "unit_price": unit,
            "price_source": source,
            "price_kind": kind,
            "original_unit_price": unit if line.compare_at is None else money(line.compare_at),
            "adjustments": tuple(per_line[index]),
            "total": taxed[index],
            "prices_include_tax": include,
            "is_gift": line.is_gift,
            "tax_components": components[index],
        }
        quoted.append(build(QuotedLine, fields))
    # Back to the order the request gave; gift lines last, in the order they were granted.
    by_input: list[QuotedLine] = [quoted[0]] * len(order)
    for canonical, position in enumerate(order):
        by_input[position] = quoted[canonical]
    by_input += quoted[len(order) :]
    shipping_quote = None
    if has_shipping and request.shipping is not None:
        shipping_quote = ShippingQuote(
            request.shipping,
            tuple(shipping_adjustments),
            money(state.shipping_base - state.shipping),
            taxed[-1],
            components[-1],
        )
    subtotal = sum(line.unit * line.quantity for line in state.lines)
    return Quote(
        currency.code,
        tuple(by_input),
        shipping_quote,
        money(subtotal),
        money(outcome.total),
        _total(taxed, currency) if result is None else result.total,
        tuple(promotions),
        tuple(applied_coupons),
        tuple(refused),
        tuple(misses),
        () if result is None else result.totals,
        () if result is None else result.notes,
    )


def _tax(  # noqa: PLR0917 (the pieces assemble already holds)
    request: QuoteRequest,
    tax: QuoteTax,
    outcome: Outcome,
    order: list[int],
    sources: list[tuple[str, PriceListKind | None, bool]],
    per_line: list[list[Adjustment]],
    money: Callable[[int], Money],
) -> TaxResult:
    """Tax the lines and shipping through ``tax`` and order the result as the quote's lines.

    The result's lines come back as the quote's canonical lines, then shipping, whatever order
    the calculator returned them in.
    """
    state = outcome.state
    basis = {
        applied.promotion.id: applied.promotion.discount_includes_tax for applied in outcome.applied
    }
    items = []
    for index, line in enumerate(state.lines):
        given = index < len(order)  # gift lines come after the request's lines
        include = sources[index][2] if given else False
        items.append(
            TaxableLine(
                unit_price=money(line.unit),
                quantity=line.quantity,
                includes_tax=include,
                price_source=sources[index][0] if given else "gift",
                tax_code=request.lines[order[index]].tax_code if given else None,
                product_id=line.product_id,
                discounts=tuple(
                    (adjustment.amount, _includes(basis[adjustment.promotion_id], include))
                    for adjustment in per_line[index]
                ),
            )
        )
    shipping = money(state.shipping) if request.shipping is not None else None
    result = tax.calculate(items, shipping, request.at.date())
    by_id = {line.line_id: line for line in result.lines}
    wanted = [str(index) for index in range(len(items))]
    if shipping is not None:
        wanted.append(SHIPPING_LINE_ID)
    return attrs.evolve(result, lines=tuple(by_id[line_id] for line_id in wanted))


def _includes(promotion_basis: bool | None, line_includes_tax: bool) -> bool:
    """Return whether a discount includes tax: the promotion's basis, else the line's terms."""
    return line_includes_tax if promotion_basis is None else promotion_basis
