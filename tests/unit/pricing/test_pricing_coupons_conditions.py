"""Coupons (codes, limits, refusals), conditions, and near misses."""

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest

from ecomcore.adapters.memory import InMemoryPricingUnitOfWork, InMemoryRedemptionStore
from ecomcore.core import Money, ValidationError
from ecomcore.pricing import (
    UNAMBIGUOUS_ALPHABET,
    AllOf,
    AnyOf,
    ChannelIs,
    Condition,
    Coupon,
    CouponBook,
    CouponEntered,
    CurrencyIs,
    CustomerContext,
    CustomerInGroup,
    DateWindow,
    FirstOrder,
    LineItem,
    PercentOff,
    PriceBook,
    PriceList,
    PriceListKind,
    ProductRange,
    Promotion,
    PromotionDefinitionError,
    Quote,
    RangeQuantityAtLeast,
    RangeValueAtLeast,
    Redemption,
    RefusalReason,
    ShippingDiscount,
    SubtotalAtLeast,
    Unless,
    generate_codes,
    normalise_code,
    quote,
)
from ecomcore.pricing import QuoteRequest as Request

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)
BOOK = PriceBook(
    [
        PriceList.of("eur", "EUR", {"a": "50.00", "b": "30.00", "c": "20.00"}),
        PriceList.of("sale", "EUR", {"c": "15.00"}, kind=PriceListKind.SALE),
    ]
)
LINES = [
    LineItem("1", "a", "pa", 1, category_ids={"shoes"}, tags={"new"}),
    LineItem("2", "b", "pb", 2, collection_ids={"summer"}),
    LineItem("3", "c", "pc", 1, category_ids={"shoes"}),
]  # 50 + 60 + 15 = 125.00


def _run(
    promotions: Sequence[Promotion],
    coupons: Sequence[Coupon] = (),
    codes: Sequence[str] = (),
    ledger: InMemoryRedemptionStore | None = None,
    **options: object,
) -> Quote:
    request = Request("EUR", LINES, NOW, coupon_codes=codes, **options)  # type: ignore[arg-type]
    return quote(
        request, prices=BOOK, promotions=promotions, coupons=CouponBook(coupons), ledger=ledger
    )


def _applies(condition: object, **options: object) -> bool:
    promo = Promotion("p", "P", PercentOff("10"), condition=condition)  # type: ignore[arg-type]
    return bool(_run([promo], **options).promotions)  # type: ignore[arg-type]


SHOES = ProductRange(categories={"shoes"})


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        (SubtotalAtLeast(Money("125.00", "EUR")), True),
        (SubtotalAtLeast(Money("125.01", "EUR")), False),
        (SubtotalAtLeast(Money("1", "USD")), False),
        (RangeQuantityAtLeast(SHOES, 2), True),
        (RangeQuantityAtLeast(SHOES, 3), False),
        (
            RangeQuantityAtLeast(ProductRange(categories={"shoes"}, exclude_sale_items=True), 2),
            False,
        ),
        (RangeQuantityAtLeast(ProductRange(categories={"shoes"}, exclude_tags={"new"}), 1), True),
        (RangeValueAtLeast(ProductRange(collections={"summer"}), Money(60, "EUR")), True),
        (RangeValueAtLeast(ProductRange(products={"pa"}, variants={"c"}), Money(66, "EUR")), False),
        (CurrencyIs({"EUR"}), True),
        (CurrencyIs({"USD"}), False),
        (DateWindow(NOW - timedelta(hours=1), NOW + timedelta(hours=1)), True),
        (DateWindow(NOW + timedelta(hours=1), None), False),
        (AnyOf([CurrencyIs({"USD"}), FirstOrder(), Unless(CurrencyIs({"USD"}))]), True),
        (AllOf([CurrencyIs({"EUR"}), Unless(SubtotalAtLeast(Money(100, "EUR")))]), False),
    ],
)
def test_each_condition_on_a_125_cart(condition: object, expected: bool) -> None:
    """Subtotal 125.00, two shoes (one on sale, one tagged new), 60.00 of summer collection."""
    assert _applies(condition) is expected


def test_customer_group_first_order_and_channel_conditions() -> None:
    """Group, first-order and channel conditions look at the request's customer and channel."""
    vip = CustomerContext(customer_id="c-1", groups={"vip"}, first_order=True)
    assert _applies(CustomerInGroup({"vip"}), customer=vip)
    assert not _applies(CustomerInGroup({"vip"}))
    assert _applies(FirstOrder(), customer=vip)
    assert _applies(ChannelIs({"app"}), channel="app")
    assert not _applies(ChannelIs({"app"}), channel="web")


def test_a_tree_deeper_than_16_is_refused() -> None:
    """Condition trees are bounded in depth."""
    condition: Condition = FirstOrder()
    for _ in range(15):
        condition = Unless(condition)
    with pytest.raises(PromotionDefinitionError, match="deep"):
        Unless(condition)


def test_codes_are_normalised() -> None:
    """' summer-10 ' and 'SUMMER10' are one code; punctuation is refused."""
    assert normalise_code(" summer-10 ") == "SUMMER10"
    with pytest.raises(ValidationError):
        normalise_code("50%OFF")


def test_bulk_generation_is_seeded_distinct_and_unambiguous() -> None:
    """1,000 codes from seed 42 are distinct, repeatable, and free of 0, O, 1, I and L."""
    codes = generate_codes(1000, seed=42, length=8, prefix="X")
    assert codes == generate_codes(1000, seed=42, length=8, prefix="X")
    assert len(set(codes)) == 1000
    assert all(set(code[1:]) <= set(UNAMBIGUOUS_ALPHABET) for code in codes)
    assert not set("01OIL") & set(UNAMBIGUOUS_ALPHABET)
    with pytest.raises(PromotionDefinitionError):
        generate_codes(10**6, seed=1, length=4)


WELCOME = Promotion("welcome", "Welcome", PercentOff("10"), coupon_required=True)


def test_a_coupon_unlocks_its_promotion_in_any_spelling() -> None:
    """'welcome-10' unlocks the coupon-only 10% promotion; without it nothing applies."""
    coupon = Coupon("WELCOME10", "welcome")
    result = _run([WELCOME], [coupon], ["welcome-10"])
    assert result.applied_coupons == ("WELCOME10",)
    assert result.discount == Money("12.50", "EUR")
    assert result.line("1").adjustments[0].coupon_code == "WELCOME10"
    assert _run([WELCOME], [coupon]).discount == Money(0, "EUR")


@pytest.mark.parametrize(
    ("coupon", "reason"),
    [
        (Coupon("W", "welcome", valid_until=NOW - timedelta(days=1)), RefusalReason.EXPIRED),
        (Coupon("W", "welcome", valid_from=NOW + timedelta(days=1)), RefusalReason.NOT_YET_VALID),
        (Coupon("W", "missing"), RefusalReason.UNKNOWN),
    ],
)
def test_refusal_reasons_for_dates_and_unknown_promotions(
    coupon: Coupon, reason: RefusalReason
) -> None:
    """Expired, not yet valid and dangling coupons are refused with that reason."""
    result = _run([WELCOME], [coupon], ["w"])
    assert [r.reason for r in result.refused_coupons] == [reason]
    assert result.discount == Money(0, "EUR")


def test_minimum_not_met_says_the_missing_amount() -> None:
    """A coupon needing 150.00 on a 125.00 cart is refused: add 25.00 more."""
    result = _run([WELCOME], [Coupon("W", "welcome", minimum_subtotal=Money(150, "EUR"))], ["W"])
    refusal = result.refused_coupons[0]
    assert (refusal.reason, refusal.missing) == (
        RefusalReason.MINIMUM_NOT_MET,
        Money("25.00", "EUR"),
    )
    assert "add 25.00 EUR more" in refusal.message


def test_single_use_and_per_customer_limits() -> None:
    """A single-use code used once is used up; a per-customer code is refused to its user only."""
    uow = InMemoryPricingUnitOfWork()
    with uow:
        uow.redemptions.record(Redemption("coupon:ONCE", "o-1", "c-1", Money(1, "EUR"), NOW))
        uow.redemptions.record(Redemption("coupon:MINE", "o-1", "c-1", Money(1, "EUR"), NOW))
        uow.commit()
    ledger = uow.store  # the quote reads the committed redemptions: no unit of work needed
    coupons = [Coupon("ONCE", "welcome", max_uses=1), Coupon("MINE", "welcome", per_customer=1)]
    first = _run([WELCOME], coupons, ["ONCE"], ledger, customer=CustomerContext("c-2"))
    assert first.refused_coupons[0].reason is RefusalReason.USED_UP
    mine = _run([WELCOME], coupons, ["MINE"], ledger, customer=CustomerContext("c-1"))
    assert mine.refused_coupons[0].reason is RefusalReason.CUSTOMER_LIMIT_REACHED
    other = _run([WELCOME], coupons, ["MINE"], ledger, customer=CustomerContext("c-2"))
    assert other.applied_coupons == ("MINE",)


def test_not_combinable_with_a_named_promotion() -> None:
    """A coupon excluded from the running summer sale is refused, naming the sale."""
    sale = Promotion("summer", "Summer sale", PercentOff("5"))
    coupon = Coupon("W", "welcome", not_combinable_with={"summer"})
    result = _run([WELCOME, sale], [coupon], ["W"])
    refusal = result.refused_coupons[0]
    assert (refusal.reason, refusal.promotion_id) == (RefusalReason.NOT_COMBINABLE, "summer")
    assert refusal.message == "coupon W cannot be combined with Summer sale"
    assert [p.promotion_id for p in result.promotions] == ["summer"]


def test_coupon_condition_and_coupon_losing_to_an_exclusive() -> None:
    """CouponEntered works in trees; a coupon whose promotion loses to an exclusive is refused."""
    promo = Promotion("p", "P", PercentOff("10"), condition=CouponEntered({"vip-1"}))
    assert _run([promo, WELCOME], [Coupon("VIP1", "welcome")], ["VIP1"]).discount == Money(
        "23.75", "EUR"
    )
    big = Promotion("big", "Big", PercentOff("50"), exclusive=True)
    result = _run([WELCOME, big], [Coupon("W", "welcome")], ["W"])
    assert result.refused_coupons[0].reason is RefusalReason.NOT_COMBINABLE
    assert result.refused_coupons[0].promotion_id == "big"


def test_near_miss_add_25_for_free_shipping() -> None:
    """Free shipping from 150.00 on a 125.00 cart: 'add 25.00 EUR for Free shipping'."""
    ship = Promotion(
        "ship", "Free shipping", ShippingDiscount(), condition=SubtotalAtLeast(Money(150, "EUR"))
    )
    more = Promotion(
        "three", "Shoe trio", PercentOff("10", SHOES), condition=RangeQuantityAtLeast(SHOES, 3)
    )
    vip_only = Promotion("vip", "VIP", PercentOff("10"), condition=CustomerInGroup({"vip"}))
    result = _run([ship, more, vip_only], shipping=Money("4.95", "EUR"))
    assert [m.message for m in result.near_misses] == [
        "add 1 more item for Shoe trio",
        "add 25.00 EUR for Free shipping",
    ]
