"""Recording a placed order's redemptions through the pricing unit of work."""

from datetime import UTC, datetime

from ecomcore.adapters.memory import InMemoryPricingUnitOfWork
from ecomcore.core import Money
from ecomcore.pricing import (
    Coupon,
    CouponBook,
    CustomerContext,
    LineItem,
    PercentOff,
    PriceBook,
    Promotion,
    PromotionLimits,
    PromotionRedeemed,
    Quote,
    QuoteRequest,
    quote,
    record_redemptions,
)

AT = datetime(2026, 5, 1, tzinfo=UTC)
WELCOME = Promotion("welcome", "Welcome", PercentOff("10"), coupon_required=True)
COUPONS = CouponBook([Coupon("HELLO", "welcome", max_uses=1)])
ONCE = Promotion("once", "Once each", PercentOff("5"), limits=PromotionLimits(per_customer=1))


def _quote(uow: InMemoryPricingUnitOfWork, customer: str, codes: tuple[str, ...] = ()) -> Quote:
    line = LineItem("1", "mug", "mug", 1, unit_price=Money("20", "EUR"))
    request = QuoteRequest(
        "EUR", [line], AT, CustomerContext(customer_id=customer), coupon_codes=codes
    )
    return quote(
        request,
        prices=PriceBook([]),
        promotions=[WELCOME, ONCE],
        coupons=COUPONS,
        ledger=uow.redemptions,
    )


def _place(uow: InMemoryPricingUnitOfWork, priced: Quote, order_id: str, customer: str) -> None:
    with uow:
        record_redemptions(
            priced, uow, order_id=order_id, customer_id=customer, at=AT, coupons=COUPONS
        )
        uow.commit()


def test_a_placed_order_sends_one_event_per_promotion_and_counts_its_coupon() -> None:
    """Two promotions (one by coupon): two events at commit, and the coupon is used up."""
    uow = InMemoryPricingUnitOfWork()
    priced = _quote(uow, "c-1", ("HELLO",))
    assert sorted(p.promotion_id for p in priced.promotions) == ["once", "welcome"]
    _place(uow, priced, "o-1", "c-1")
    events = uow.outbox.events()
    assert all(isinstance(event, PromotionRedeemed) for event in events)
    assert sorted((e.promotion_id, e.coupon_code) for e in events) == [  # type: ignore[attr-defined]
        ("once", None),
        ("welcome", "HELLO"),
    ]
    assert uow.redemptions.usage("coupon:HELLO", None, "EUR").uses == 1
    later = _quote(uow, "c-2", ("HELLO",))
    assert [p.promotion_id for p in later.promotions] == ["once"]
    assert _quote(uow, "c-1").promotions == ()


def test_a_retried_order_counts_and_sends_nothing_more() -> None:
    """Recording the same order twice leaves one use per promotion and the first events only."""
    uow = InMemoryPricingUnitOfWork()
    priced = _quote(uow, "c-1")
    _place(uow, priced, "o-1", "c-1")
    _place(uow, priced, "o-1", "c-1")
    assert [event.name for event in uow.outbox.events()] == ["PromotionRedeemed"]
    assert uow.redemptions.usage("once", "c-1", "EUR").uses == 1


def test_redemptions_left_uncommitted_count_for_nothing() -> None:
    """Staged but not committed (the order failed): no use, no event."""
    uow = InMemoryPricingUnitOfWork()
    priced = _quote(uow, "c-1")
    with uow:
        record_redemptions(priced, uow, order_id="o-1", customer_id="c-1", at=AT)
    assert uow.redemptions.usage("once", "c-1", "EUR").uses == 0
    assert uow.outbox.events() == []
