"""Pricing definitions from JSON: every kind loads, round-trips, and fails by JSON path."""

import copy
import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecomcore.core import Money
from ecomcore.pricing import (
    AllOf,
    Always,
    AmountOff,
    AnyOf,
    Benefit,
    BuyXGetY,
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
    FixedPriceBundle,
    FreeGift,
    LineItem,
    OrderAmountOff,
    OrderPercentOff,
    PercentOff,
    PriceBook,
    PriceList,
    PriceListKind,
    ProductRange,
    Promotion,
    PromotionCatalog,
    PromotionDefinitionError,
    PromotionLimits,
    QuoteRequest,
    RangeQuantityAtLeast,
    RangeValueAtLeast,
    Reward,
    ShippingDiscount,
    StackingBase,
    SubtotalAtLeast,
    Tier,
    TieredPercentOff,
    Unless,
    quote,
)
from ecomcore.schemas import (
    PricingDefinitionError,
    dump_coupons,
    dump_price_lists,
    dump_promotions,
    load_coupons,
    load_price_lists,
    load_promotions,
)
from ecomcore.schemas._pricing_load import PUBLISHED_SCHEMAS, schema_text

SCHEMAS = Path(__file__).parents[2] / "docs" / "schemas"
AT = datetime(2026, 3, 14, 12, tzinfo=UTC)


def eur(amount: str) -> dict[str, str]:
    """Write an EUR amount as JSON money."""
    return {"amount": amount, "currency": "EUR"}


SHOES = {"categories": ["shoes"], "exclude_tags": ["clearance"], "exclude_sale_items": True}

EVERY_CONDITION = {
    "kind": "all",
    "conditions": [
        {"kind": "always"},
        {"kind": "subtotal_at_least", "amount": eur("50.00")},
        {"kind": "range_quantity_at_least", "range": {**SHOES}, "quantity": 2},
        {"kind": "range_value_at_least", "range": {"tags": ["new"]}, "amount": eur("30")},
        {"kind": "any", "conditions": [
            {"kind": "customer_in_group", "groups": ["vip"]},
            {"kind": "not", "condition": {"kind": "first_order"}},
        ]},
        {"kind": "coupon_entered", "codes": ["spring-10"]},
        {"kind": "channel_is", "channels": ["web", "app"]},
        {"kind": "currency_is", "currencies": ["EUR"]},
        {"kind": "date_window", "start": "2026-03-01T00:00:00Z",
         "end": "2026-04-01T00:00:00+02:00"},
    ],
}  # fmt: skip

EVERY_BENEFIT = [
    {"kind": "percent_off", "percent": "15", "range": SHOES},
    {"kind": "amount_off", "amount": eur("5.00")},
    {"kind": "amount_off", "amount": eur("2"), "per_item": True, "range": {"products": ["mug"]}},
    {"kind": "fixed_price_bundle", "size": 3, "price": eur("20.00"), "max_applications": 2},
    {"kind": "buy_x_get_y", "buy": 2, "get": 1, "percent": "50", "reward": "most_expensive",
     "max_applications": 3, "range": {"variants": ["sock-red"]}},
    {"kind": "tiered_percent_off", "tiers": [{"min_quantity": 3, "percent": "10"},
                                             {"min_quantity": 5, "percent": "20"}]},
    {"kind": "tiered_percent_off", "tiers": [{"min_spend": eur("100"), "percent": "5"}]},
    {"kind": "free_gift", "variant_id": "tote", "product_id": "tote", "quantity": 2},
    {"kind": "order_percent_off", "percent": "12.5"},
    {"kind": "order_amount_off", "amount": eur("10.00")},
    {"kind": "shipping_discount"},
    {"kind": "shipping_discount", "percent": "50"},
    {"kind": "shipping_discount", "amount": eur("3.00")},
]  # fmt: skip


def promotions_document() -> dict[str, Any]:
    """A promotions document using every condition, benefit, limit and stacking field."""
    promotions = [
        {"id": f"p{index}", "name": f"Promotion {index}", "benefit": benefit}
        for index, benefit in enumerate(EVERY_BENEFIT)
    ]
    promotions[0] |= {
        "condition": EVERY_CONDITION,
        "priority": 10,
        "exclusive": True,
        "lane": "seasonal",
        "stacking_base": "before_promotions",
        "limits": {"max_items": 4, "max_discount": eur("15.00"), "per_customer": 1,
                   "total_redemptions": 100, "budget": eur("1000")},
        "coupon_required": True,
        "valid_from": "2026-03-01T00:00:00Z",
        "valid_until": "2026-04-01T00:00:00Z",
    }  # fmt: skip
    return {"promotions": promotions}


PRICE_LISTS = {
    "price_lists": [
        {"id": "retail", "currency": "EUR", "includes_tax": True,
         "prices": {"mug": "12.00", "sock": 8, "tee": [{"min_quantity": 1, "price": "10"},
                                                       {"min_quantity": 10, "price": "8.50"}]}},
        {"id": "spring", "currency": "EUR", "kind": "sale", "prices": {"mug": "9.00"},
         "valid_from": "2026-03-01T00:00:00Z", "valid_until": "2026-04-01T00:00:00Z"},
        {"id": "trade", "currency": "JPY", "kind": "override", "priority": 5,
         "prices": {"mug": 900},
         "customer_groups": ["trade"], "channels": ["b2b"], "regions": ["JP"]},
    ]
}  # fmt: skip

COUPONS = {
    "coupons": [
        {"code": "spring-10", "promotion_id": "p0", "valid_from": "2026-03-01T00:00:00Z",
         "valid_until": "2026-04-01T00:00:00Z", "max_uses": 500, "per_customer": 1,
         "minimum_subtotal": eur("40.00"), "not_combinable_with": ["p8"]},
        {"code": "WELCOME", "promotion_id": "p1"},
    ]
}  # fmt: skip


def test_every_condition_and_benefit_kind_loads_into_its_domain_object() -> None:
    """Each kind in the JSON arrives as the matching domain object, with its values."""
    promotions = load_promotions(json.dumps(promotions_document()))
    assert [type(p.benefit) for p in promotions] == [
        PercentOff, AmountOff, AmountOff, FixedPriceBundle, BuyXGetY, TieredPercentOff,
        TieredPercentOff, FreeGift, OrderPercentOff, OrderAmountOff, ShippingDiscount,
        ShippingDiscount, ShippingDiscount,
    ]  # fmt: skip
    first = promotions[0]
    assert isinstance(first.condition, AllOf)
    assert [type(c) for c in first.condition.conditions] == [
        Always, SubtotalAtLeast, RangeQuantityAtLeast, RangeValueAtLeast, AnyOf, CouponEntered,
        ChannelIs, CurrencyIs, DateWindow,
    ]  # fmt: skip
    assert first.benefit == PercentOff(
        "15",
        ProductRange(categories={"shoes"}, exclude_tags={"clearance"}, exclude_sale_items=True),
    )
    assert first.limits == PromotionLimits(
        max_items=4, max_discount=Money("15.00", "EUR"), per_customer=1, total_redemptions=100,
        budget=Money("1000", "EUR"),
    )  # fmt: skip
    assert (first.priority, first.exclusive, first.lane, first.coupon_required) == (
        10, True, "seasonal", True
    )  # fmt: skip
    assert first.stacking_base is StackingBase.BEFORE_PROMOTIONS
    assert promotions[4].benefit == BuyXGetY(
        2, 1, ProductRange(variants={"sock-red"}), percent=Decimal(50),
        reward=Reward.MOST_EXPENSIVE, max_applications=3,
    )  # fmt: skip
    assert promotions[6].benefit == TieredPercentOff([Tier(Money("100", "EUR"), "5")])
    assert promotions[1].condition == Always()


def test_price_lists_and_coupons_load_with_every_field() -> None:
    """Tiers, kinds, audiences, windows and coupon limits all arrive; codes are normalised."""
    retail, spring, trade = load_price_lists(PRICE_LISTS)
    assert retail.price_for("tee", 12) == Money("8.50", "EUR")
    assert retail.price_for("sock", 1) == Money("8", "EUR")
    assert retail.includes_tax
    assert spring.kind is PriceListKind.SALE
    assert spring.valid_until == datetime(2026, 4, 1, tzinfo=UTC)
    assert trade.price_for("mug", 1) == Money("900", "JPY")
    assert (trade.customer_groups, trade.channels, trade.regions) == (
        frozenset({"trade"}),
        frozenset({"b2b"}),
        frozenset({"JP"}),
    )
    spring_coupon, welcome = load_coupons(COUPONS)
    assert spring_coupon == Coupon(
        "SPRING10", "p0", valid_from=datetime(2026, 3, 1, tzinfo=UTC),
        valid_until=datetime(2026, 4, 1, tzinfo=UTC), max_uses=500, per_customer=1,
        minimum_subtotal=Money("40.00", "EUR"), not_combinable_with={"p8"},
    )  # fmt: skip
    assert welcome == Coupon("WELCOME", "p1")


def test_loaded_definitions_dump_to_json_that_loads_equal() -> None:
    """Writing definitions out and reading them back gives the same domain objects."""
    promotions = load_promotions(promotions_document())
    assert load_promotions(json.dumps(dump_promotions(promotions))) == promotions
    lists = load_price_lists(PRICE_LISTS)
    assert load_price_lists(json.dumps(dump_price_lists(lists))) == lists
    coupons = load_coupons(COUPONS)
    assert load_coupons(json.dumps(dump_coupons(CouponBook(coupons)))) == coupons


def test_a_quote_from_json_definitions_equals_the_hand_built_one() -> None:
    """Cart of 3 socks at 7.99 and 2 mugs at 12.00 = 47.97; 3 for 20.00 and 10% off mugs."""
    document = {
        "promotions": [
            {"id": "socks", "name": "Socks 3 for 20", "benefit": {
                "kind": "fixed_price_bundle", "size": 3, "price": eur("20.00"),
                "range": {"products": ["sock"]}}},
            {"id": "mugs", "name": "Mug days", "priority": 5, "benefit": {
                "kind": "percent_off", "percent": "10", "range": {"products": ["mug"]}}},
            {"id": "ship", "name": "Free shipping over 40",
             "benefit": {"kind": "shipping_discount"},
             "condition": {"kind": "subtotal_at_least", "amount": eur("40.00")}},
            {"id": "vip", "name": "VIP 5 off", "coupon_required": True,
             "benefit": {"kind": "order_amount_off", "amount": eur("5.00")}},
        ]
    }  # fmt: skip
    by_hand = [
        Promotion("socks", "Socks 3 for 20",
                  FixedPriceBundle(3, Money("20.00", "EUR"), ProductRange(products={"sock"}))),
        Promotion("mugs", "Mug days", PercentOff("10", ProductRange(products={"mug"})),
                  priority=5),
        Promotion("ship", "Free shipping over 40", ShippingDiscount(),
                  condition=SubtotalAtLeast(Money("40.00", "EUR"))),
        Promotion("vip", "VIP 5 off", OrderAmountOff(Money("5.00", "EUR")), coupon_required=True),
    ]  # fmt: skip
    prices = {"price_lists": [{"id": "retail", "currency": "EUR",
                               "prices": {"sock": "7.99", "mug": "12.00"}}]}  # fmt: skip
    coupons = {"coupons": [{"code": "vip-5", "promotion_id": "vip", "max_uses": 1}]}
    request = QuoteRequest(
        "EUR",
        [LineItem("1", "sock", "sock", 3), LineItem("2", "mug", "mug", 2)],
        at=AT,
        customer=CustomerContext("c-1"),
        coupon_codes=["VIP5"],
        shipping=Money("4.90", "EUR"),
    )
    from_json = quote(
        request,
        prices=PriceBook(load_price_lists(json.dumps(prices))),
        promotions=PromotionCatalog(load_promotions(json.dumps(document))),
        coupons=CouponBook(load_coupons(json.dumps(coupons))),
    )
    hand_built = quote(
        request,
        prices=PriceBook([PriceList.of("retail", "EUR", {"sock": "7.99", "mug": "12.00"})]),
        promotions=PromotionCatalog(by_hand),
        coupons=CouponBook([Coupon("VIP-5", "vip", max_uses=1)]),
    )
    assert from_json == hand_built
    # 47.97 - 3.97 (socks) - 2.40 (mugs) - 5.00 (coupon) = 36.60; shipping 4.90 is free.
    assert from_json.total.gross == Money("36.60", "EUR")


def _with(document: dict[str, Any], path: list[Any], value: Any) -> dict[str, Any]:
    """Return a copy of ``document`` with the value at ``path`` replaced (or removed)."""
    changed = copy.deepcopy(document)
    here = changed
    for key in path[:-1]:
        here = here[key]
    if value is _REMOVE:
        del here[path[-1]]
    else:
        here[path[-1]] = value
    return changed


_REMOVE = object()


def _deep(levels: int) -> dict[str, Any]:
    tree: dict[str, Any] = {"kind": "first_order"}
    for _ in range(levels - 1):
        tree = {"kind": "not", "condition": tree}
    return tree


BAD_PROMOTIONS = [
    (["promotions", 3, "benefit", "kind"], "bogus", "promotions[3].benefit.kind", "does not match"),
    (["promotions", 3, "benefit", "kind"], _REMOVE, "promotions[3].benefit.kind", "tag"),
    (["promotions", 0, "benefit", "percent"], "-5", "promotions[0].benefit.percent",
     "zero or more"),
    (["promotions", 0, "benefit", "percent"], "120", "promotions[0].benefit.percent",
     "less than or equal to 100"),
    (["promotions", 1, "benefit", "amount", "amount"], 5.5, "promotions[1].benefit.amount.amount",
     "not the JSON float 5.5"),
    (["promotions", 3, "benefit", "price"], _REMOVE, "promotions[3].benefit.price",
     "Field required"),
    (["promotions", 2], {"id": "x", "benefit": {"kind": "first_order"}}, "promotions[2].name",
     "Field required"),
    (["promotions", 0, "valid_from"], "2026-02-30T00:00:00Z", "promotions[0].valid_from",
     "valid datetime"),
    (["promotions", 0, "valid_from"], "2026-03-01T00:00:00", "promotions[0].valid_from",
     "timezone"),
    (["promotions", 0, "valid_until"], "2026-02-01T00:00:00Z", "promotions[0].valid_until",
     "later than valid_from"),
    (["promotions", 9, "benefit", "amount", "currency"], "EUX",
     "promotions[9].benefit.amount.currency", "ISO 4217"),
    (["promotions", 9, "benefit", "amount", "amount"], "10.005", "promotions[9].benefit.amount",
     "more decimal places than EUR allows (2)"),
    (["promotions", 0, "condition", "conditions", 4, "conditions", 1], _deep(16),
     "promotions[0].condition.conditions[4].conditions", "at most 16 deep"),
    (["promotions", 0, "condition", "conditions", 8, "end"], "2026-02-01T00:00:00Z",
     "promotions[0].condition.conditions[8]", "later than"),
    (["promotions", 0, "condition", "conditions", 2, "range", "colour"], "red",
     "promotions[0].condition.conditions[2].range.colour", "Extra inputs"),
    (["promotions", 5, "benefit", "tiers", 1], {"min_spend": eur("9"), "percent": "20"},
     "promotions[5].benefit.tiers", "all by quantity or all by spend"),
    (["promotions", 5, "benefit", "tiers", 1], {"percent": "20"},
     "promotions[5].benefit.tiers[1]", "exactly one of 'min_quantity' or 'min_spend'"),
    (["promotions", 1, "id"], "p0", "promotions[1].id", "given twice"),
    (["promotions", 0, "limits", "max_items"], 0, "promotions[0].limits.max_items",
     "greater than or equal to 1"),
]  # fmt: skip


@pytest.mark.parametrize(("where", "value", "path", "reason"), BAD_PROMOTIONS)
def test_a_bad_promotion_fails_with_its_json_path_and_reason(
    where: list[Any], value: Any, path: str, reason: str
) -> None:
    """The error names where the bad value is and what is wrong, from text or from a dict."""
    bad = _with(promotions_document(), where, value)
    for source in (bad, json.dumps(bad)):
        with pytest.raises(PricingDefinitionError) as caught:
            load_promotions(source)
        assert caught.value.path == path
        assert reason in caught.value.reason
        assert caught.value.code == "invalid_definition"
        assert isinstance(caught.value, PromotionDefinitionError)


def test_a_tree_exactly_at_the_depth_limit_loads() -> None:
    """A 16-deep condition tree is allowed; the 17th level is what gets refused."""
    document = _with(promotions_document(), ["promotions", 1, "condition"], _deep(16))
    assert load_promotions(document)[1].condition.depth() == 16


@pytest.mark.parametrize(
    ("where", "value", "path", "reason"),
    [
        (["price_lists", 0, "prices", "mug"], 12.5, "price_lists[0].prices.mug", "JSON float"),
        (["price_lists", 0, "prices", "mug"], "12.505", "price_lists[0].prices.mug[0]",
         "whole number of minor units"),
        (["price_lists", 0, "prices", "tee", 1, "min_quantity"], 1, "price_lists[0].prices.tee",
         "distinct min_quantity"),
        (["price_lists", 1, "currency"], "EUX", "price_lists[1].currency", "ISO 4217"),
        (["price_lists", 2, "kind"], "clearance", "price_lists[2].kind", "'base'"),
        (["price_lists", 2, "id"], "retail", "price_lists[2].id", "given twice"),
        (["price_lists", 0, "prices", "tee", 0, "price"], "-1",
         "price_lists[0].prices.tee[0].price", "zero or more"),
        (["coupons", 1, "code"], "Spring 10", "coupons[1].code", "given twice"),
        (["coupons", 1, "code"], "50%OFF", "coupons[1].code", "letters A-Z and digits"),
        (["coupons", 0, "minimum_subtotal", "amount"], 40.0, "coupons[0].minimum_subtotal.amount",
         "JSON float"),
        (["coupons", 0, "max_uses"], "5", "coupons[0].max_uses", "valid integer"),
    ],
)  # fmt: skip
def test_a_bad_price_list_or_coupon_fails_with_its_json_path(
    where: list[Any], value: Any, path: str, reason: str
) -> None:
    """Float or sub-cent prices, repeated tiers, unknown currencies, clashing codes: by path."""
    load, document = {
        "price_lists": (load_price_lists, PRICE_LISTS),
        "coupons": (load_coupons, COUPONS),
    }[where[0]]
    with pytest.raises(PricingDefinitionError) as caught:
        load(_with(document, where, value))
    assert (caught.value.path, reason in caught.value.reason) == (path, True)


def test_every_problem_is_listed_not_only_the_first() -> None:
    """Two bad promotions give two problems, so an author fixes them in one pass."""
    bad = _with(promotions_document(), ["promotions", 0, "benefit", "percent"], "-1")
    bad = _with(bad, ["promotions", 8, "benefit", "percent"], 7.5)
    with pytest.raises(PricingDefinitionError) as caught:
        load_promotions(bad)
    assert [path for path, _ in caught.value.problems] == [
        "promotions[0].benefit.percent",
        "promotions[8].benefit.percent",
    ]


def test_broken_json_fails_with_the_library_error() -> None:
    """Text that is not JSON is a definition error, not a crash from inside the parser."""
    with pytest.raises(PricingDefinitionError):
        load_promotions('{"promotions": [')


@pytest.mark.parametrize("name", sorted(PUBLISHED_SCHEMAS))
def test_published_schemas_are_current(name: str) -> None:
    """docs/schemas/<name> is the schema the code validates with."""
    published = (SCHEMAS / name).read_text(encoding="utf-8")
    assert published == schema_text(PUBLISHED_SCHEMAS[name]())


# Round-trip over generated definitions ---------------------------------------------------------

ids = st.frozensets(st.sampled_from(["a", "b", "c-1", "shoes"]), max_size=2)
some_ids = st.frozensets(st.sampled_from(["a", "b", "c-1", "shoes"]), min_size=1, max_size=2)
money = st.builds(
    lambda cents, code: Money(Decimal(cents).scaleb(-2 if code == "EUR" else 0), code),
    st.integers(0, 10**6),
    st.sampled_from(["EUR", "JPY"]),
)
percents = st.decimals(0, 100, places=2)
counts = st.integers(1, 20)
instants = st.integers(0, 10**6).map(lambda minutes: AT + timedelta(minutes=minutes))
ranges = st.builds(
    ProductRange, products=ids, variants=ids, categories=ids, collections=ids, tags=ids,
    exclude_products=ids, exclude_variants=ids, exclude_categories=ids, exclude_tags=ids,
    exclude_sale_items=st.booleans(), all_items=st.booleans(),
)  # fmt: skip
leaves: st.SearchStrategy[Condition] = st.one_of(
    st.just(Always()),
    st.just(FirstOrder()),
    st.builds(SubtotalAtLeast, money),
    st.builds(RangeQuantityAtLeast, ranges, counts),
    st.builds(RangeValueAtLeast, ranges, money),
    st.builds(CustomerInGroup, some_ids),
    st.builds(CouponEntered, st.frozensets(st.sampled_from(["SPRING", "vip-5"]), min_size=1)),
    st.builds(ChannelIs, some_ids),
    st.builds(CurrencyIs, st.frozensets(st.sampled_from(["EUR", "JPY"]), min_size=1)),
    st.builds(DateWindow, st.none() | instants, st.none()),
)
conditions = st.recursive(
    leaves,
    lambda children: st.one_of(
        st.builds(AllOf, st.lists(children, min_size=1, max_size=3)),
        st.builds(AnyOf, st.lists(children, min_size=1, max_size=3)),
        st.builds(Unless, children),
    ),
    max_leaves=6,
)
eur_money = money.filter(lambda value: value.currency.code == "EUR")
benefits: st.SearchStrategy[Benefit] = st.one_of(
    st.builds(PercentOff, percents, ranges),
    st.builds(AmountOff, money, ranges, per_item=st.booleans()),
    st.builds(FixedPriceBundle, counts, money, ranges, max_applications=st.none() | counts),
    st.builds(BuyXGetY, counts, counts, ranges, percent=percents,
              reward=st.sampled_from(Reward), max_applications=st.none() | counts),
    st.builds(TieredPercentOff, st.lists(st.builds(Tier, counts, percents), min_size=1)),
    st.builds(TieredPercentOff, st.lists(st.builds(Tier, eur_money, percents), min_size=1)),
    st.builds(FreeGift, st.just("tote"), st.just("tote"), counts),
    st.builds(OrderPercentOff, percents),
    st.builds(OrderAmountOff, money),
    st.builds(ShippingDiscount, percents, st.none() | money),
)  # fmt: skip
promotions = st.builds(
    Promotion,
    st.sampled_from(["p1", "p2"]),
    st.text(max_size=10),
    benefits,
    condition=conditions,
    priority=st.integers(-5, 5),
    exclusive=st.booleans(),
    lane=st.none() | st.sampled_from(["a", "b"]),
    stacking_base=st.sampled_from(StackingBase),
    limits=st.builds(PromotionLimits, st.none() | counts, st.none() | money, st.none() | counts,
                     st.none() | counts, st.none() | money),
    coupon_required=st.booleans(),
    valid_from=st.none() | st.just(AT),
)  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(promotions)
def test_any_promotion_dumps_to_json_that_loads_equal(promotion: Promotion) -> None:
    """Whatever a promotion holds, its JSON form reads back as the same promotion."""
    text = json.dumps(dump_promotions([promotion]))
    assert load_promotions(text) == (promotion,)
