"""Pricing benchmarks: a 100-line quote against 1,000 promotions, and the cost of 10x more.

The data are built on first use (``functools.cache``), so collecting the module is free, and an
autouse fixture builds them before a benchmark starts timing: otherwise the first timed call
would include building 10,000 promotions, and pytest-benchmark, calibrating on it, would settle
for its minimum of five rounds.
"""

import functools
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import moneyed
import pytest

from ecomcore.core import Money
from ecomcore.pricing import (
    AmountOff,
    BuyXGetY,
    FixedPriceBundle,
    LineItem,
    OrderPercentOff,
    PercentOff,
    PriceBook,
    PriceList,
    ProductRange,
    Promotion,
    PromotionCatalog,
    PromotionLimits,
    QuoteRequest,
    ShippingDiscount,
    SubtotalAtLeast,
    quote,
)
from ratio import ratio_benchmark

NOW = datetime(2026, 6, 1, tzinfo=UTC)
LINES = 100
PRICES = [Decimal(f"{(i * 37) % 500 + 1}.{i % 100:02d}") for i in range(LINES)]
QUANTITIES = [i % 7 + 1 for i in range(LINES)]


def eur(amount: int | str) -> Money:
    return Money(amount, "EUR")


def _applicable() -> list[Promotion]:
    """About 20 promotions that apply to the cart: every kind of benefit, lanes and caps."""
    promotions = [
        Promotion(f"cat{c}", f"Category {c}", PercentOff("10", ProductRange(categories={f"c{c}"})))
        for c in range(8)
    ]
    promotions += [
        Promotion(f"tag{t}", f"Tag {t}", AmountOff(eur("5.00"), ProductRange(tags={f"t{t}"})),
                  lane="tags")
        for t in range(4)
    ]  # fmt: skip
    promotions += [
        Promotion("b2g1", "B2G1", BuyXGetY(2, 1, ProductRange(products={"p1", "p2", "p3"}))),
        Promotion("bundle", "3 for 20", FixedPriceBundle(3, eur(20), ProductRange(variants={"v4"})),
                  ),
        Promotion("each", "1 off each", AmountOff(eur(1), ProductRange(categories={"c9"}),
                                                  per_item=True)),
        Promotion("capped", "Capped", PercentOff("30", ProductRange(collections={"k1"})),
                  limits=PromotionLimits(max_discount=eur(25))),
        Promotion("order", "Order 5%", OrderPercentOff("5"), priority=-1),
        Promotion("ship", "Free shipping", ShippingDiscount(), condition=SubtotalAtLeast(eur(50))),
        Promotion("big", "Big spender", OrderPercentOff("3"), exclusive=True),
        Promotion("near", "Near", OrderPercentOff("1"), condition=SubtotalAtLeast(eur(10**6))),
    ]  # fmt: skip
    return promotions


def _inapplicable(count: int) -> list[Promotion]:
    """Promotions for products not in the cart, and a few expired order-wide ones."""
    past = NOW - timedelta(days=30)
    promotions = [
        Promotion(f"x{i}", f"Other {i}", PercentOff("15", ProductRange(products={f"other{i}"})))
        for i in range(count - 10)
    ]
    promotions += [
        Promotion(f"old{i}", f"Old {i}", OrderPercentOff("10"), valid_until=past) for i in range(10)
    ]
    return promotions


@functools.cache
def _setup() -> tuple[QuoteRequest, PriceBook]:
    lines = [
        LineItem(
            f"line{i:03d}",
            f"v{i}",
            f"p{i % 50}",
            QUANTITIES[i],
            category_ids={f"c{i % 10}"},
            collection_ids={f"k{i % 3}"},
            tags={f"t{i % 5}"},
        )
        for i in range(LINES)
    ]
    book = PriceBook(
        [PriceList.of("retail", "EUR", {f"v{i}": Money(PRICES[i], "EUR") for i in range(LINES)})]
    )
    request = QuoteRequest("EUR", lines, NOW, shipping=Money("4.95", "EUR"))
    return request, book


@functools.cache
def _catalog(inapplicable: int) -> PromotionCatalog:
    return PromotionCatalog(_applicable() + _inapplicable(inapplicable))


@pytest.fixture(autouse=True)
def _built() -> None:
    _setup()
    _catalog(1000)
    _catalog(10000)


def quote_with(inapplicable: int) -> object:
    request, book = _setup()
    return quote(request, prices=book, promotions=_catalog(inapplicable))


MONEYED_LINES = [(moneyed.Money(p, "EUR"), q) for p, q in zip(PRICES, QUANTITIES, strict=True)]


def moneyed_line_sum() -> object:
    return sum((price * qty for price, qty in MONEYED_LINES), moneyed.Money(0, "EUR"))


test_pricing_quote_100_lines_1000_promos = ratio_benchmark(
    "pricing_quote_100_lines_1000_promos",
    target=10.0,
    baseline="summing the same 100 line totals with py-moneyed",
    ours=lambda: quote_with(1000),
    reference=moneyed_line_sum,
)

test_pricing_quote_10000_vs_1000_promos = ratio_benchmark(
    "pricing_quote_10000_vs_1000_promos",
    target=1.2,
    baseline="the same quote with 1,000 inapplicable promotions instead of 10,000",
    ours=lambda: quote_with(10000),
    reference=lambda: quote_with(1000),
)
