"""The quote engine: one entry point from a cart's facts to a priced, explained `Quote`.

The steps, in order (docs/pricing.md explains each with examples):

1. **Price resolution.** Every line gets a unit price from the price book (or its given price);
   lines are taken in line-id order from here on, so the input order never matters.
2. **Coupons.** Codes are normalised and checked on their own terms (known, valid now, not used
   up, minimum met).
3. **Eligibility.** Candidate promotions come from the catalog's index; a candidate is eligible
   when it is active, has its coupon if it needs one, is within its redemption limits and its
   condition holds on the cart as priced. Coupons not combinable with an eligible promotion are
   refused, and eligibility is settled again without them.
4. **Stacking.** Line promotions, then order promotions, then shipping promotions, by rank,
   lanes with best-of, nothing below zero, caps (see ``_promotions/_stacking.py``). Exclusive
   promotions are each run alone; the customer gets the largest total discount (ties keep the
   combinable set).
5. **Near misses.** Promotions whose condition fails only for lack of value or quantity.
6. **Tax.** With a `QuoteTax`, its `TaxCalculator` taxes every line after promotions and shipping
   in one `TaxRequest`, under the tax engine's `RoundingPolicy`; without one, no tax.
7. **Rounding.** Amounts are whole minor units throughout: percentages round per line with the
   ``rounding`` mode, fixed amounts split through ``allocate``, so totals need no final rounding.
"""

from collections.abc import Iterable, Sequence

from ecomcore.core import (
    Rounding,
    ValidationError,
    from_minor_units,
    get_currency,
    to_minor_units,
)
from ecomcore.pricing._coupons import (
    Coupon,
    CouponBook,
    CouponRefusal,
    RefusalReason,
    check_coupon,
    normalise_code,
)
from ecomcore.pricing._errors import PriceNotFoundError
from ecomcore.pricing._ports import EmptyLedger, RedemptionReader
from ecomcore.pricing._price_lists import PriceBook, PriceListKind
from ecomcore.pricing._promotions._catalog import PromotionCatalog
from ecomcore.pricing._promotions._context import PricedLine, PromotionContext
from ecomcore.pricing._promotions._promotion import Promotion
from ecomcore.pricing._promotions._stacking import Outcome, stack
from ecomcore.pricing._promotions._working import Working
from ecomcore.pricing._quote_assemble import assemble
from ecomcore.pricing._quote_model import (
    Quote,
    QuoteRequest,
)
from ecomcore.pricing._quote_near import near_misses
from ecomcore.pricing._quote_tax import QuoteTax

__all__ = ["quote"]

_EMPTY_LEDGER = EmptyLedger()


def _price_lines(
    request: QuoteRequest, prices: PriceBook
) -> tuple[list[PricedLine], list[int], list[tuple[str, PriceListKind | None, bool]]]:
    """Step 1: resolve a unit price per line; return lines in line-id order and their sources."""
    resolve = prices.resolver(
        request.currency,
        at=request.at,
        customer_groups=request.customer.groups,
        channel=request.channel,
        region=request.region,
    )
    order = sorted(range(len(request.lines)), key=lambda i: request.lines[i].line_id)
    priced: list[PricedLine] = []
    sources: list[tuple[str, PriceListKind | None, bool]] = []
    for position in order:
        item = request.lines[position]
        compare_at: int | None = None
        if item.unit_price is not None:
            unit = to_minor_units(item.unit_price)
            sources.append(("given", None, item.prices_include_tax))
        else:
            found = resolve(item.variant_id, item.quantity)
            if found is None:
                raise PriceNotFoundError(item.variant_id, request.currency, item.quantity)
            unit, compare_at, price_list = found
            sources.append((price_list.id, price_list.kind, price_list.includes_tax))
        priced.append(
            PricedLine(
                item.line_id,
                item.variant_id,
                item.product_id,
                item.quantity,
                unit,
                compare_at,
                item.category_ids,
                item.collection_ids,
                item.tags,
            )
        )
    return priced, order, sources


def _check_coupons(
    request: QuoteRequest,
    coupons: CouponBook,
    catalog: PromotionCatalog,
    ledger: RedemptionReader,
    subtotal: int,
) -> tuple[dict[str, Coupon], list[CouponRefusal]]:
    """Step 2: accept or refuse each code on the coupon's own terms."""
    accepted: dict[str, Coupon] = {}
    refused: list[CouponRefusal] = []
    seen: set[str] = set()
    customer_id = request.customer.customer_id
    for raw in sorted(request.coupon_codes):
        try:
            code = normalise_code(raw)
        except ValidationError:
            refused.append(CouponRefusal(raw, RefusalReason.UNKNOWN, f"no coupon {raw!r}"))
            continue
        if code in seen:
            message = f"coupon {code} was entered twice"
            refused.append(CouponRefusal(code, RefusalReason.DUPLICATE, message))
            continue
        seen.add(code)
        coupon = coupons.get(code)
        if coupon is None or coupon.promotion_id not in catalog:
            refused.append(CouponRefusal(code, RefusalReason.UNKNOWN, f"no coupon {code}"))
            continue
        usage = ledger.usage(coupon.ledger_key, customer_id, request.currency)
        refusal = check_coupon(
            coupon, at=request.at, subtotal=subtotal, currency=request.currency, usage=usage
        )
        if refusal is None:
            accepted[code] = coupon
        else:
            refused.append(refusal)
    return accepted, refused


def _eligible(
    candidates: Sequence[Promotion],
    context: PromotionContext,
    coupon_promotions: set[str],
    ledger: RedemptionReader,
    caps: dict[str, int],
) -> list[Promotion]:
    """Step 3: the candidates whose coupon, limits and condition allow them; fills ``caps``."""
    eligible: list[Promotion] = []
    customer_id = context.customer_id
    for promotion in candidates:
        if promotion.coupon_required and promotion.id not in coupon_promotions:
            continue
        if not promotion.condition.holds(context):
            continue
        limits = promotion.limits
        cap: int | None = None
        if limits.max_discount is not None and limits.max_discount.currency.code == (
            context.currency
        ):
            cap = to_minor_units(limits.max_discount)
        if limits.needs_ledger:
            usage = ledger.usage(promotion.id, customer_id, context.currency)
            if limits.total_redemptions is not None and usage.uses >= limits.total_redemptions:
                continue
            if limits.per_customer is not None and (
                customer_id is None or usage.customer_uses >= limits.per_customer
            ):
                continue  # a per-customer limit cannot be kept for a guest
            budget = limits.budget
            if budget is not None and budget.currency.code == context.currency:
                left = to_minor_units(budget) - to_minor_units(usage.granted)
                if left <= 0:
                    continue
                cap = left if cap is None else min(cap, left)
        if cap is not None:
            caps[promotion.id] = cap
        eligible.append(promotion)
    return eligible


def _conflicts(
    accepted: dict[str, Coupon], eligible: Sequence[Promotion], catalog: PromotionCatalog
) -> list[CouponRefusal]:
    """Refuse the coupons not combinable with an eligible promotion (removing them)."""
    eligible_ids = {promotion.id for promotion in eligible}
    refused = []
    for code in sorted(accepted):
        coupon = accepted[code]
        clashes = sorted((coupon.not_combinable_with & eligible_ids) - {coupon.promotion_id})
        if clashes:
            other = catalog.get(clashes[0])
            del accepted[code]
            refused.append(
                CouponRefusal(
                    code,
                    RefusalReason.NOT_COMBINABLE,
                    f"coupon {code} cannot be combined with {other.name}",
                    promotion_id=other.id,
                )
            )
    return refused


def _best_outcome(
    eligible: Sequence[Promotion],
    context: PromotionContext,
    fresh: Working,
    caps: dict[str, int],
    rounding: Rounding,
) -> Outcome:
    """Step 4: the combinable set stacked, or the best exclusive promotion alone."""
    combinable = [promotion for promotion in eligible if not promotion.exclusive]
    best = stack(combinable, context, fresh.copy(), caps, rounding)
    for exclusive in (promotion for promotion in eligible if promotion.exclusive):
        alone = stack([exclusive], context, fresh.copy(), caps, rounding)
        if alone.total > best.total:
            best = alone
            best.lost_to.update({promotion.id: exclusive.id for promotion in combinable})
    return best


def quote(
    request: QuoteRequest,
    *,
    prices: PriceBook,
    promotions: PromotionCatalog | Iterable[Promotion] = (),
    coupons: CouponBook | None = None,
    ledger: RedemptionReader | None = None,
    tax: QuoteTax | None = None,
    rounding: Rounding = Rounding.HALF_UP,
    max_near_misses: int = 3,
) -> Quote:
    """Price a cart: resolve prices, apply promotions and coupons, tax it, explain every figure.

    ``promotions`` is best passed as a `PromotionCatalog` built once (building the index per
    quote works but costs). ``ledger`` is any `RedemptionReader` (the quote only reads it);
    without one, redemption limits see no past use. ``tax`` (a `QuoteTax`) says how to tax
    the quote; without it no tax is charged. Raises
    `PriceNotFoundError` when no price list prices a line. The same arguments always give the
    same quote, whatever the order of lines, promotions or coupon codes.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.pricing import (LineItem, PercentOff, PriceBook, PriceList, Promotion,
        ...     QuoteRequest)
        >>> book = PriceBook([PriceList.of("retail", "EUR", {"mug": "12.00"})])
        >>> request = QuoteRequest("EUR", [LineItem("1", "mug", "mug", 3)],
        ...                        at=datetime(2026, 5, 1, tzinfo=UTC))
        >>> result = quote(request, prices=book,
        ...                promotions=[Promotion("p", "Mug days", PercentOff("10"))])
        >>> result.subtotal, result.discount, result.total.gross
        (Money('36.00', 'EUR'), Money('3.60', 'EUR'), Money('32.40', 'EUR'))
        >>> result.lines[0].adjustments[0].reason
        'Mug days: 10% off every item'
    """
    catalog = (
        promotions if isinstance(promotions, PromotionCatalog) else PromotionCatalog(promotions)
    )
    ledger = _EMPTY_LEDGER if ledger is None else ledger
    currency = get_currency(request.currency)
    code = currency.code
    priced, order, sources = _price_lines(request, prices)
    customer = request.customer
    context = PromotionContext(
        tuple(priced),
        code,
        request.at,
        customer.customer_id,
        customer.groups,
        customer.first_order,
        request.channel,
    )
    accepted, refused = _check_coupons(
        request, coupons or CouponBook([]), catalog, ledger, context.subtotal
    )
    candidates = catalog.candidates(priced, request.at)
    for coupon in accepted.values():
        promotion = catalog.get(coupon.promotion_id)
        if promotion not in candidates:
            candidates.append(promotion)
    candidates.sort(key=lambda promotion: promotion.rank)
    caps: dict[str, int] = {}
    context.coupon_codes = frozenset(accepted)
    eligible = _eligible(
        candidates, context, {c.promotion_id for c in accepted.values()}, ledger, caps
    )
    clashes = _conflicts(accepted, eligible, catalog)
    if clashes:
        refused += clashes
        context.coupon_codes = frozenset(accepted)
        caps.clear()
        eligible = _eligible(
            candidates, context, {c.promotion_id for c in accepted.values()}, ledger, caps
        )
    shipping = 0 if request.shipping is None else to_minor_units(request.shipping)

    def price_gift(variant_id: str, quantity: int) -> int:
        found = prices.resolver(
            code,
            at=request.at,
            customer_groups=customer.groups,
            channel=request.channel,
            region=request.region,
        )(variant_id, quantity)
        return 0 if found is None else found[0]

    fresh = Working(
        list(priced), [line.subtotal for line in priced], shipping, shipping, code, price_gift
    )
    outcome = _best_outcome(eligible, context, fresh, caps, rounding)
    applied_ids = {applied.promotion.id for applied in outcome.applied}
    coupon_of: dict[str, str] = {}
    applied_coupons: list[str] = []
    for coupon_code in sorted(accepted):
        promotion_id = accepted[coupon_code].promotion_id
        if promotion_id in applied_ids:
            coupon_of.setdefault(promotion_id, coupon_code)
            applied_coupons.append(coupon_code)
        else:
            refused.append(
                _no_effect(coupon_code, catalog.get(promotion_id), outcome, context, catalog)
            )
    eligible_ids = {promotion.id for promotion in eligible}
    misses = near_misses(
        [promotion for promotion in candidates if promotion.id not in eligible_ids],
        context,
        {c.promotion_id for c in accepted.values()},
        max_near_misses,
    )
    return assemble(
        request,
        outcome=outcome,
        order=order,
        sources=sources,
        tax=tax,
        coupon_of=coupon_of,
        applied_coupons=applied_coupons,
        refused=refused,
        misses=misses,
    )


def _no_effect(
    code: str,
    promotion: Promotion,
    outcome: Outcome,
    context: PromotionContext,
    catalog: PromotionCatalog,
) -> CouponRefusal:
    """Explain why an accepted coupon's promotion took nothing off."""
    winner_id = outcome.lost_to.get(promotion.id)
    if winner_id is not None:
        winner = catalog.get(winner_id)
        return CouponRefusal(
            code,
            RefusalReason.NOT_COMBINABLE,
            f"coupon {code} cannot be combined with {winner.name}, which gives more",
            promotion_id=winner_id,
        )
    lacking = promotion.condition.shortfall(context)
    if lacking is not None and lacking.amount > 0:
        missing = from_minor_units(lacking.amount, context.currency)
        return CouponRefusal(
            code,
            RefusalReason.MINIMUM_NOT_MET,
            f"coupon {code} needs {missing.amount} {context.currency} more in the cart",
            missing=missing,
        )
    if not promotion.condition.holds(context):
        return CouponRefusal(
            code,
            RefusalReason.CONDITIONS_NOT_MET,
            f"coupon {code} needs {promotion.condition.describe()}",
        )
    return CouponRefusal(
        code, RefusalReason.NO_DISCOUNT, f"coupon {code} takes nothing off this cart"
    )
