"""Use cases of the pricing context beyond the quote itself."""

from datetime import datetime

from ecomcore.pricing._coupons import CouponBook
from ecomcore.pricing._events import PromotionRedeemed
from ecomcore.pricing._ports import Redemption, RedemptionLedger
from ecomcore.pricing._quote_model import Quote

__all__ = ["record_redemptions"]


def record_redemptions(
    quote: Quote,
    ledger: RedemptionLedger,
    *,
    order_id: str,
    customer_id: str | None,
    at: datetime,
    coupons: CouponBook | None = None,
) -> list[PromotionRedeemed]:
    """Record in ``ledger`` every promotion and coupon ``quote`` used, once an order is placed.

    Idempotent per order: recording the same order again changes nothing (the ledger keeps one
    redemption per key and order). Returns the events to publish.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryRedemptionLedger
        >>> from ecomcore.pricing import (LineItem, PercentOff, PriceBook, Promotion,
        ...     QuoteRequest, quote)
        >>> from ecomcore.core import Money
        >>> at = datetime(2026, 5, 1, tzinfo=UTC)
        >>> line = LineItem("1", "mug", "mug", 1, unit_price=Money("10", "EUR"))
        >>> priced = quote(QuoteRequest("EUR", [line], at), prices=PriceBook([]),
        ...                promotions=[Promotion("p", "Ten", PercentOff("10"))])
        >>> ledger = InMemoryRedemptionLedger()
        >>> events = record_redemptions(priced, ledger, order_id="o-1", customer_id="c-1", at=at)
        >>> [event.discount for event in events]
        [Money('1.00', 'EUR')]
        >>> ledger.usage("p", "c-1", "EUR").uses
        1
    """
    events: list[PromotionRedeemed] = []
    for applied in quote.promotions:
        ledger.record(Redemption(applied.promotion_id, order_id, customer_id, applied.discount, at))
        if applied.coupon_code is not None:
            coupon = coupons.get(applied.coupon_code) if coupons is not None else None
            key = coupon.ledger_key if coupon is not None else f"coupon:{applied.coupon_code}"
            ledger.record(Redemption(key, order_id, customer_id, applied.discount, at))
        events.append(
            PromotionRedeemed(
                occurred_at=at,
                promotion_id=applied.promotion_id,
                order_id=order_id,
                customer_id=customer_id,
                coupon_code=applied.coupon_code,
                discount=applied.discount,
            )
        )
    return events
