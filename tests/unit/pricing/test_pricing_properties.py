"""Laws of the quote over random carts and promotion sets."""

import random
from datetime import UTC, datetime

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from ecomcore.core import Money, TaxedMoney
from ecomcore.pricing import (
    Adjustment,
    AmountOff,
    Benefit,
    BuyXGetY,
    FixedPriceBundle,
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
    QuotedLine,
    QuoteRequest,
    ShippingDiscount,
    StackingBase,
    quote,
)

NOW = datetime(2026, 6, 1, tzinfo=UTC)
VARIANTS = [f"v{i}" for i in range(8)]
CURRENCIES = {"EUR": "0.01", "JPY": "1", "KWD": "0.001"}


@st.composite
def books(draw: st.DrawFn) -> PriceBook:
    lists = []
    for code, unit in CURRENCIES.items():
        prices = {v: draw(st.integers(0, 20_000)) for v in VARIANTS}
        lists.append(
            PriceList.of(
                code,
                code,
                {v: Money(units, code) * Money(unit, code).amount for v, units in prices.items()},
            )
        )
    return PriceBook(lists)


def _range(draw: st.DrawFn) -> ProductRange:
    if draw(st.booleans()):
        return ProductRange.everything()
    return ProductRange(variants=draw(st.sets(st.sampled_from(VARIANTS), min_size=1, max_size=3)))


@st.composite
def benefits(draw: st.DrawFn, currency: str) -> Benefit:
    unit = Money(CURRENCIES[currency], currency)
    amount = unit * draw(st.integers(1, 5000))
    kind = draw(st.integers(0, 7))
    percent = str(draw(st.integers(1, 100)))
    rng = _range(draw)
    options: list[Benefit] = [
        PercentOff(percent, rng),
        AmountOff(amount, rng, per_item=draw(st.booleans())),
        FixedPriceBundle(draw(st.integers(2, 4)), amount, rng),
        BuyXGetY(draw(st.integers(1, 3)), draw(st.integers(1, 2)), rng, percent=percent),
        OrderPercentOff(percent),
        OrderAmountOff(amount),
        ShippingDiscount(percent=percent),
        ShippingDiscount(amount=amount),
    ]
    return options[kind]


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[PriceBook, QuoteRequest, list[Promotion]]:
    currency = draw(st.sampled_from(sorted(CURRENCIES)))
    book = draw(books())
    variants = draw(st.lists(st.sampled_from(VARIANTS), min_size=1, max_size=6, unique=True))
    lines = [LineItem(f"l{i}", v, v, draw(st.integers(1, 7))) for i, v in enumerate(variants)]
    shipping = Money(CURRENCIES[currency], currency) * draw(st.integers(0, 2000))
    promotions = []
    for i in range(draw(st.integers(0, 6))):
        cap = draw(st.one_of(st.none(), st.integers(1, 5000)))
        promotions.append(
            Promotion(
                f"p{i}",
                f"P{i}",
                draw(benefits(currency)),
                priority=draw(st.integers(0, 3)),
                exclusive=draw(st.booleans()) and draw(st.booleans()),
                lane=draw(st.sampled_from([None, None, "a", "b"])),
                stacking_base=draw(st.sampled_from(list(StackingBase))),
                limits=PromotionLimits(
                    max_items=draw(st.one_of(st.none(), st.integers(1, 5))),
                    max_discount=None
                    if cap is None
                    else Money(CURRENCIES[currency], currency) * cap,
                ),
            )
        )
    return book, QuoteRequest(currency, lines, NOW, shipping=shipping), promotions


Scenario = tuple[PriceBook, QuoteRequest, list[Promotion]]
Quoted = tuple[QuoteRequest, Quote]


def _quoted(scenario: Scenario) -> Quoted:
    book, request, promotions = scenario
    return request, quote(request, prices=book, promotions=promotions)


quotes = scenarios().map(_quoted)
"""A random cart and its quote."""


def _summary(result: Quote) -> object:
    return (
        sorted(
            (line.line_id, line.discount, line.total, line.adjustments) for line in result.lines
        ),
        result.shipping,
        result.discount,
        result.total,
        sorted(result.promotions, key=lambda p: p.promotion_id),
    )


@settings(max_examples=150, deadline=None)
@given(quotes)
def test_line_adjustments_sum_exactly_to_the_order_adjustments(quoted: Quoted) -> None:
    """Per promotion and in all, adjustments on lines and shipping add up to the quote's figures."""
    request, result = quoted
    currency = request.currency
    adjustments = [adj for line in result.lines for adj in line.adjustments]
    if result.shipping is not None:
        adjustments += list(result.shipping.adjustments)
    for applied in result.promotions:
        mine = [adj.amount for adj in adjustments if adj.promotion_id == applied.promotion_id]
        assert sum(mine, Money(0, currency)) == applied.discount
    assert sum((adj.amount for adj in adjustments), Money(0, currency)) == result.discount
    for line in result.lines:
        assert sum((a.amount for a in line.adjustments), Money(0, currency)) == line.discount
    shipped = result.shipping.amount if result.shipping is not None else Money(0, currency)
    assert result.total.gross == result.subtotal - result.discount + shipped


@settings(max_examples=50, deadline=None)
@given(quotes)
def test_quoted_values_are_what_their_constructors_build(quoted: Quoted) -> None:
    """Lines and adjustments built on the engine's fast path equal, hash and print as built."""
    _, result = quoted
    for line in result.lines:
        fields = attrs.asdict(line, recurse=False)
        fields["adjustments"] = tuple(
            Adjustment(**attrs.asdict(adjustment, recurse=False)) for adjustment in line.adjustments
        )
        fields["total"] = TaxedMoney(net=line.total.net, tax=line.total.tax)
        rebuilt = QuotedLine(**fields)
        assert rebuilt == line
        assert hash(rebuilt) == hash(line)
        assert repr(rebuilt) == repr(line)


@settings(max_examples=150, deadline=None)
@given(quotes)
def test_no_line_or_total_is_negative(quoted: Quoted) -> None:
    """Whatever stacks, every line, shipping and the total stay at zero or above."""
    _, result = quoted
    assert all(line.amount.amount >= 0 and line.discount.amount >= 0 for line in result.lines)
    assert result.shipping is None or result.shipping.total.gross.amount >= 0
    assert result.total.gross.amount >= 0


@settings(max_examples=100, deadline=None)
@given(scenarios(), st.randoms(use_true_random=False))
def test_the_quote_does_not_depend_on_the_order_of_lines_or_promotions(
    scenario: Scenario, shuffler: random.Random
) -> None:
    """Shuffling lines and promotions gives the same figures per line id."""
    book, request, promotions = scenario
    lines = list(request.lines)
    shuffler.shuffle(lines)
    shuffled = list(promotions)
    shuffler.shuffle(shuffled)
    again = QuoteRequest(request.currency, lines, NOW, shipping=request.shipping)
    assert _summary(quote(request, prices=book, promotions=promotions)) == _summary(
        quote(again, prices=book, promotions=shuffled)
    )


@settings(max_examples=100, deadline=None)
@given(scenarios(), st.integers(0, 3))
def test_adding_an_inapplicable_promotion_changes_nothing(
    scenario: Scenario, priority: int
) -> None:
    """A promotion for a product not in the cart leaves the quote as it was."""
    book, request, promotions = scenario
    stranger = Promotion(
        "zz", "Other", PercentOff("50", ProductRange(variants={"absent"})), priority=priority,
        exclusive=priority == 3,
    )  # fmt: skip
    assert quote(request, prices=book, promotions=promotions) == quote(
        request, prices=book, promotions=[*promotions, stranger]
    )
