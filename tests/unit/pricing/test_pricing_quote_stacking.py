"""Benefits, limits and stacking through the quote engine, with worked numbers."""

from collections.abc import Sequence
from datetime import UTC, datetime

from ecomcore.adapters.memory import InMemoryPricingUnitOfWork
from ecomcore.core import Money
from ecomcore.pricing import (
    AmountOff,
    BuyXGetY,
    CustomerContext,
    FixedPriceBundle,
    FreeGift,
    LineItem,
    OrderAmountOff,
    OrderPercentOff,
    PercentOff,
    PriceBook,
    PriceList,
    ProductRange,
    Promotion,
    PromotionLimits,
    Quote,
    QuoteRequest,
    Redemption,
    Reward,
    ShippingDiscount,
    StackingBase,
    SubtotalAtLeast,
    Tier,
    TieredPercentOff,
    quote,
)

NOW = datetime(2026, 6, 1, tzinfo=UTC)
BOOK = PriceBook(
    [
        PriceList.of("eur", "EUR", {"a": "50.00", "b": "30.00", "c": "20.00", "gift": "4.00"}),
        PriceList.of("jpy", "JPY", {"a": "5000", "b": "3000", "c": "2000"}),
        PriceList.of("kwd", "KWD", {"a": "10.000", "b": "3.333", "c": "1.001"}),
    ]
)


def _quote(
    lines: Sequence[tuple[str, int]],
    promotions: Sequence[Promotion],
    currency: str = "EUR",
    **options: object,
) -> Quote:
    items = [LineItem(str(i + 1), v, v, q) for i, (v, q) in enumerate(lines)]
    request = QuoteRequest(currency, items, NOW, **options)  # type: ignore[arg-type]
    return quote(request, prices=BOOK, promotions=promotions)


def _off(result: Quote, line_id: str) -> Money:
    return result.line(line_id).discount


def test_percent_off_10_of_50_is_5() -> None:
    """10% off a 50.00 item takes 5.00, with the promotion's reason on the line."""
    result = _quote([("a", 1)], [Promotion("p", "Ten", PercentOff("10"))])
    assert _off(result, "1") == Money("5.00", "EUR")
    assert result.line("1").adjustments[0].reason == "Ten: 10% off every item"


def test_fixed_10_off_spread_by_value_50_30_20() -> None:
    """10.00 over lines of 50, 30, 20 splits 5.00, 3.00, 2.00, summing exactly."""
    result = _quote(
        [("a", 1), ("b", 1), ("c", 1)], [Promotion("p", "Ten", AmountOff(Money("10", "EUR")))]
    )
    assert [_off(result, i) for i in "123"] == [Money(x, "EUR") for x in ("5", "3", "2")]
    assert result.discount == Money("10.00", "EUR")


def test_fixed_2_off_per_item_takes_6_from_three_units() -> None:
    """2.00 off each of 3 units of b is 6.00 on that line only."""
    promo = Promotion(
        "p", "Two", AmountOff(Money("2", "EUR"), ProductRange(variants={"b"}), per_item=True)
    )
    result = _quote([("a", 1), ("b", 3)], [promo])
    assert (_off(result, "1"), _off(result, "2")) == (Money(0, "EUR"), Money("6.00", "EUR"))


def test_three_for_20_sums_exactly_to_20() -> None:
    """Three items at 7.99 each under "3 for 20.00" cost exactly 20.00, not 19.99 or 20.01."""
    book = PriceBook([PriceList.of("eur", "EUR", {"sock": "7.99"})])
    request = QuoteRequest("EUR", [LineItem("1", "sock", "sock", 3)], NOW)
    promo = Promotion("p", "3 for 20", FixedPriceBundle(3, Money("20.00", "EUR")))
    result = quote(request, prices=book, promotions=[promo])
    assert result.total.gross == Money("20.00", "EUR")
    assert result.discount == Money("3.97", "EUR")


def test_three_for_20_over_mixed_lines_and_a_leftover_item() -> None:
    """a 50 + b 30 + c 20 + c 20: the three dearest make a set of 20.00, the last c pays 20.00."""
    promo = Promotion("p", "3 for 20", FixedPriceBundle(3, Money("20.00", "EUR")))
    result = _quote([("a", 1), ("b", 1), ("c", 2)], [promo])
    assert result.total.gross == Money("40.00", "EUR")
    assert sum(line.discount.amount for line in result.lines) == 80


def test_buy_2_get_1_free_repeats_up_to_the_limit() -> None:
    """7 units of c at 20.00: two applications free 2 units (40.00); a limit of 1 frees one."""
    rng = ProductRange(variants={"c"})
    result = _quote([("c", 7)], [Promotion("p", "B2G1", BuyXGetY(2, 1, rng))])
    assert result.discount == Money("40.00", "EUR")
    assert result.promotions[0].detail == "2 times"
    capped = _quote([("c", 7)], [Promotion("p", "B2G1", BuyXGetY(2, 1, rng, max_applications=1))])
    assert capped.discount == Money("20.00", "EUR")


def test_buy_x_get_y_cheapest_or_most_expensive_first() -> None:
    """a 50, b 30, c 20 with buy 2 get 1: cheapest free is 20.00, most expensive free 50.00."""
    cheapest = _quote([("a", 1), ("b", 1), ("c", 1)], [Promotion("p", "B2G1", BuyXGetY(2, 1))])
    dearest = _quote(
        [("a", 1), ("b", 1), ("c", 1)],
        [Promotion("p", "B2G1", BuyXGetY(2, 1, reward=Reward.MOST_EXPENSIVE))],
    )
    assert (cheapest.discount, _off(cheapest, "3")) == (Money(20, "EUR"), Money(20, "EUR"))
    assert (dearest.discount, _off(dearest, "1")) == (Money(50, "EUR"), Money(50, "EUR"))


def test_buy_1_get_1_half_price() -> None:
    """Two b at 30.00 with the second at 50% off: 15.00 off."""
    result = _quote([("b", 2)], [Promotion("p", "BOGOHP", BuyXGetY(1, 1, percent="50"))])
    assert result.discount == Money("15.00", "EUR")


def test_tiered_by_quantity_and_by_spend() -> None:
    """5 units of c (100.00): tier 10% from 3, 20% from 5 gives 20.00; by spend 15% from 80."""
    by_qty = TieredPercentOff([Tier(3, "10"), Tier(5, "20")])
    assert _quote([("c", 5)], [Promotion("p", "T", by_qty)]).discount == Money(20, "EUR")
    assert _quote([("c", 4)], [Promotion("p", "T", by_qty)]).discount == Money(8, "EUR")
    by_spend = TieredPercentOff([Tier(Money(50, "EUR"), "5"), Tier(Money(80, "EUR"), "15")])
    assert _quote([("c", 5)], [Promotion("p", "T", by_spend)]).discount == Money(15, "EUR")


def test_free_shipping_over_50_and_half_off_shipping() -> None:
    """Shipping 4.95 is free over 50.00; 50% off shipping rounds 2.475 up to 2.48."""
    free = Promotion(
        "s", "Free ship", ShippingDiscount(), condition=SubtotalAtLeast(Money(50, "EUR"))
    )
    result = _quote([("a", 1)], [free], shipping=Money("4.95", "EUR"))
    assert result.shipping is not None
    assert result.shipping.total.gross == Money(0, "EUR")
    assert result.total.gross == Money(50, "EUR")
    half = Promotion("s", "Half ship", ShippingDiscount(percent="50"))
    result = _quote([("c", 1)], [half], shipping=Money("4.95", "EUR"))
    assert result.shipping is not None
    assert result.shipping.discount == Money("2.48", "EUR")


def test_free_gift_line_worth_4_is_added_at_zero() -> None:
    """The gift line shows its 4.00 value, fully discounted; the order total is unchanged."""
    result = _quote([("a", 1)], [Promotion("g", "Gift", FreeGift("gift", "gift"))])
    gift = result.lines[-1]
    assert (gift.is_gift, gift.subtotal, gift.amount) == (True, Money(4, "EUR"), Money(0, "EUR"))
    assert result.total.gross == Money(50, "EUR")


def test_order_percent_rounds_once_and_spreads_exactly() -> None:
    """15% off an order of 3 x 3.333 KWD (9.999) is 1.500, spread 0.500 each."""
    result = _quote([("b", 3)], [Promotion("o", "O", OrderPercentOff("15"))], currency="KWD")
    assert result.discount == Money("1.500", "KWD")
    assert result.total.gross == Money("8.499", "KWD")


def test_several_fixed_and_percentage_promotions_stacked_on_the_same_lines() -> None:
    """a 50 + b 30: 10% (8.00), then 10.00 off spread (5.63 + 4.37), then 5% of what is left."""
    promotions = [
        Promotion("pct", "Ten", PercentOff("10"), priority=3),
        Promotion("fix", "Fixed", AmountOff(Money(10, "EUR")), priority=2),
        Promotion("pct5", "Five", PercentOff("5"), priority=1),
    ]
    result = _quote([("a", 1), ("b", 1)], promotions)
    # after 10%: 45.00 + 27.00; 10.00 split 45:27 -> 6.25 + 3.75; left 38.75 + 23.25;
    # 5% -> 1.94 (1.9375 half-up) + 1.16 (1.1625)
    assert [adj.amount for adj in result.line("1").adjustments] == [
        Money("5.00", "EUR"),
        Money("6.25", "EUR"),
        Money("1.94", "EUR"),
    ]
    assert result.total.gross == Money("80", "EUR") - result.discount
    assert result.discount == Money("8.00", "EUR") + Money(10, "EUR") + Money("3.10", "EUR")


def test_stacking_base_before_promotions_uses_the_original_price() -> None:
    """After 20% off 50.00, 10% on the original price takes 5.00, not 4.00."""
    first = Promotion("a", "Twenty", PercentOff("20"), priority=2)
    after = Promotion("b", "Ten", PercentOff("10"), priority=1)
    before = Promotion(
        "b", "Ten", PercentOff("10"), priority=1, stacking_base=StackingBase.BEFORE_PROMOTIONS
    )
    assert _quote([("a", 1)], [first, after]).discount == Money(14, "EUR")
    assert _quote([("a", 1)], [first, before]).discount == Money(15, "EUR")


def test_no_line_goes_below_zero() -> None:
    """Two 60% promotions on the original price stop at the line's 50.00."""
    promotions = [
        Promotion(x, x, PercentOff("60"), stacking_base=StackingBase.BEFORE_PROMOTIONS)
        for x in "pq"
    ]
    result = _quote([("a", 1)], promotions)
    assert result.line("1").amount == Money(0, "EUR")
    assert result.discount == Money(50, "EUR")


def test_an_order_never_goes_below_zero_with_a_large_fixed_amount() -> None:
    """100.00 off a 50.00 order takes 50.00."""
    result = _quote([("a", 1)], [Promotion("o", "O", OrderAmountOff(Money(100, "EUR")))])
    assert (result.discount, result.total.gross) == (Money(50, "EUR"), Money(0, "EUR"))


def test_an_exclusive_promotion_beats_a_combinable_pair() -> None:
    """Exclusive 40% (32.00) beats 10% + 10.00 (18.00) on a 80.00 cart; alone it applies."""
    pair = [
        Promotion("p1", "Ten", PercentOff("10")),
        Promotion("p2", "Fixed", AmountOff(Money(10, "EUR"))),
    ]
    exclusive = Promotion("x", "Forty", PercentOff("40"), exclusive=True)
    result = _quote([("a", 1), ("b", 1)], [*pair, exclusive])
    assert [p.promotion_id for p in result.promotions] == ["x"]
    assert result.discount == Money(32, "EUR")
    small = Promotion("x", "Five", PercentOff("5"), exclusive=True)
    assert {p.promotion_id for p in _quote([("a", 1), ("b", 1)], [*pair, small]).promotions} == {
        "p1",
        "p2",
    }


def test_lane_best_of_picks_the_larger_of_two_in_a_lane() -> None:
    """In one lane 10% (8.00) and 12.00 off: only the 12.00 applies; another lane still stacks."""
    promotions = [
        Promotion("p1", "Ten", PercentOff("10"), lane="welcome"),
        Promotion("p2", "Twelve", AmountOff(Money(12, "EUR")), lane="welcome"),
        Promotion("p3", "Ship", ShippingDiscount()),
    ]
    result = _quote([("a", 1), ("b", 1)], promotions, shipping=Money("4.95", "EUR"))
    assert [p.promotion_id for p in result.promotions] == ["p2", "p3"]
    assert result.discount == Money("16.95", "EUR")


def test_a_capped_promotion_stops_at_its_maximum_and_spreads_the_cap() -> None:
    """50% off 80.00 capped at 15.00 takes 15.00, split 9.38 + 5.62 by the uncapped shares."""
    promo = Promotion(
        "p", "Half", PercentOff("50"), limits=PromotionLimits(max_discount=Money(15, "EUR"))
    )
    result = _quote([("a", 1), ("b", 1)], [promo])
    assert result.discount == Money(15, "EUR")
    assert (_off(result, "1"), _off(result, "2")) == (Money("9.38", "EUR"), Money("5.62", "EUR"))
    assert result.line("1").adjustments[0].reason.endswith("capped")


def test_max_items_discounts_the_most_valuable_units_only() -> None:
    """50% off at most 2 items of a 50, b 30, c 20: 25.00 + 15.00."""
    promo = Promotion("p", "Half", PercentOff("50"), limits=PromotionLimits(max_items=2))
    result = _quote([("a", 1), ("b", 1), ("c", 1)], [promo])
    assert result.discount == Money(40, "EUR")
    assert _off(result, "3") == Money(0, "EUR")


def test_total_and_per_customer_redemptions_and_budget_through_the_ledger() -> None:
    """Used-up promotions stop applying; a budget with 3.00 left caps the discount at 3.00."""
    uow = InMemoryPricingUnitOfWork()
    with uow:
        uow.redemptions.record(Redemption("once", "o-1", "c-1", Money(5, "EUR"), NOW))
        uow.redemptions.record(Redemption("budget", "o-1", "c-1", Money(97, "EUR"), NOW))
        uow.commit()
    promotions = [
        Promotion("once", "Once", PercentOff("10"), limits=PromotionLimits(per_customer=1)),
        Promotion("total", "Total", PercentOff("10"), limits=PromotionLimits(total_redemptions=1)),
        Promotion(
            "budget", "Budget", PercentOff("10"), limits=PromotionLimits(budget=Money(100, "EUR"))
        ),
    ]

    def run(customer: str) -> Quote:
        request = QuoteRequest(
            "EUR", [LineItem("1", "a", "a", 1)], NOW, CustomerContext(customer_id=customer)
        )
        return quote(request, prices=BOOK, promotions=promotions, ledger=uow.store)

    first = run("c-1")
    assert {p.promotion_id: p.discount for p in first.promotions} == {
        "budget": Money(3, "EUR"),  # runs first (same priority, id order)
        "total": Money("4.70", "EUR"),  # 10% of the 47.00 left
    }
    assert "once" in {p.promotion_id for p in run("c-2").promotions}
    with uow:
        uow.redemptions.record(Redemption("total", "o-2", "c-2", Money(5, "EUR"), NOW))
        uow.commit()
    assert "total" not in {p.promotion_id for p in run("c-3").promotions}


def test_zero_decimal_currency_percentages_round_to_whole_yen() -> None:
    """15% of 3 x 2,000 JPY per line is 900 JPY; a 1,000 JPY amount spreads 500/300/200."""
    result = _quote([("c", 3)], [Promotion("p", "P", PercentOff("15"))], currency="JPY")
    assert result.discount == Money(900, "JPY")
    spread = _quote(
        [("a", 1), ("b", 1), ("c", 1)],
        [Promotion("p", "P", AmountOff(Money(1000, "JPY")))],
        currency="JPY",
    )
    assert [_off(spread, i) for i in "123"] == [Money(x, "JPY") for x in (500, 300, 200)]


def test_three_decimal_currency_percent_per_line() -> None:
    """12.5% of 1.001 KWD is 0.125125, rounded half-up to 0.125 KWD."""
    result = _quote([("c", 1)], [Promotion("p", "P", PercentOff("12.5"))], currency="KWD")
    assert result.discount == Money("0.125", "KWD")


def test_an_amount_in_another_currency_does_nothing() -> None:
    """A 10.00 EUR voucher does not apply to a JPY cart."""
    result = _quote([("a", 1)], [Promotion("p", "P", AmountOff(Money(10, "EUR")))], currency="JPY")
    assert result.discount == Money(0, "JPY")
