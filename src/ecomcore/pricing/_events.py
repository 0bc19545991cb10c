"""Domain events of the pricing context."""

import attrs

from ecomcore.core import DomainEvent, Money

__all__ = ["PriceChanged", "PromotionRedeemed"]


@attrs.frozen(kw_only=True)
class PriceChanged(DomainEvent):
    """A variant's price in a currency changed, effective at ``occurred_at``.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.pricing import PriceHistory
        >>> history = PriceHistory()
        >>> history.record_price("mug", Money("12.00", "EUR"), at=datetime(2026, 3, 1, tzinfo=UTC))
        >>> history.record_price("mug", Money("9.00", "EUR"), at=datetime(2026, 3, 8, tzinfo=UTC))
        >>> event = history.pull_events()[-1]
        >>> event.variant_id, event.price, event.previous
        ('mug', Money('9.00', 'EUR'), Money('12.00', 'EUR'))
    """

    variant_id: str
    price: Money
    previous: Money | None


@attrs.frozen(kw_only=True)
class PromotionRedeemed(DomainEvent):
    """An order used a promotion (and possibly a coupon), granting ``discount``.

    Examples:
        >>> from datetime import UTC, datetime
        >>> event = PromotionRedeemed(occurred_at=datetime(2026, 5, 1, tzinfo=UTC),
        ...     promotion_id="spring", order_id="o-1", customer_id="c-7", coupon_code="SPRING10",
        ...     discount=Money("4.50", "EUR"))
        >>> event.name, event.discount
        ('PromotionRedeemed', Money('4.50', 'EUR'))
    """

    promotion_id: str
    order_id: str
    customer_id: str | None
    coupon_code: str | None
    discount: Money
