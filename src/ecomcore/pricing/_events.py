"""Domain events of the pricing context."""

import attrs

from ecomcore.core import DomainEvent, Money

__all__ = ["PriceChanged", "PromotionRedeemed"]


@attrs.frozen(kw_only=True)
class PriceChanged(DomainEvent):
    """A variant's price in a currency changed, effective at ``occurred_at``."""

    variant_id: str
    price: Money
    previous: Money | None


@attrs.frozen(kw_only=True)
class PromotionRedeemed(DomainEvent):
    """An order used a promotion (and possibly a coupon), granting ``discount``."""

    promotion_id: str
    order_id: str
    customer_id: str | None
    coupon_code: str | None
    discount: Money
