"""Use cases of the pricing context beyond the quote itself."""

from datetime import datetime

from ecomcore.pricing._coupons import CouponBook
from ecomcore.pricing._events import PromotionRedeemed
from ecomcore.pricing._ports import PricingUnitOfWork, Redemption
from ecomcore.pricing._quote_model import Quote

__all__ = ["record_redemptions"]


def record_redemptions(
    quote: Quote,
    uow: PricingUnitOfWork,
    *,
    order_id: str,
    customer_id: str | None,
    at: datetime,
    coupons: CouponBook | None = None,
) -> None:
    """Stage in ``uow`` every promotion and coupon ``quote`` used, once an order is placed.

    Each promotion is staged under its id with its `PromotionRedeemed` event, and a coupon also
    under its ledger key. Nothing is committed here: the caller commits ``uow``, with the order's
    other changes, and the commit sends the events of the redemptions it stores to the outbox.
    Idempotent per order: committing the same order again stores nothing and sends nothing.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryPricingUnitOfWork
        >>> from ecomcore.pricing import (LineItem, PercentOff, PriceBook, Promotion,
        ...     QuoteRequest, quote)
        >>> from ecomcore.core import Money
        >>> at = datetime(2026, 5, 1, tzinfo=UTC)
        >>> line = LineItem("1", "mug", "mug", 1, unit_price=Money("10", "EUR"))
        >>> priced = quote(QuoteRequest("EUR", [line], at), prices=PriceBook([]),
        ...                promotions=[Promotion("p", "Ten", PercentOff("10"))])
        >>> uow = InMemoryPricingUnitOfWork()
        >>> for attempt in range(2):  # the second is a retry of the same order
        ...     with uow:
        ...         record_redemptions(priced, uow, order_id="o-1", customer_id="c-1", at=at)
        ...         uow.commit()
        >>> [event.discount for event in uow.outbox.events()]
        [Money('1.00', 'EUR')]
        >>> uow.redemptions.usage("p", "c-1", "EUR").uses
        1
    """
    ledger = uow.redemptions
    for applied in quote.promotions:
        ledger.record(
            Redemption(applied.promotion_id, order_id, customer_id, applied.discount, at),
            event=PromotionRedeemed(
                occurred_at=at,
                promotion_id=applied.promotion_id,
                order_id=order_id,
                customer_id=customer_id,
                coupon_code=applied.coupon_code,
                discount=applied.discount,
            ),
        )
        if applied.coupon_code is not None:
            coupon = coupons.get(applied.coupon_code) if coupons is not None else None
            key = coupon.ledger_key if coupon is not None else f"coupon:{applied.coupon_code}"
            ledger.record(Redemption(key, order_id, customer_id, applied.discount, at))
