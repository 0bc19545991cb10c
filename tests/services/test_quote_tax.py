"""Tax in the quote: worked numbers through `quote(..., tax=QuoteTax(...))`, and its laws."""

from datetime import UTC, datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ecomcore.adapters.memory import InMemoryTaxRateProvider
from ecomcore.core import Address, FixedClock, Money, Rounding, sum_money
from ecomcore.pricing import (
    AmountOff,
    LineItem,
    OrderPercentOff,
    PercentOff,
    PriceBook,
    PriceList,
    Promotion,
    Quote,
    QuoteRequest,
    QuoteTax,
    quote,
)
from ecomcore.tax import (
    Buyer,
    EuCrossBorderSales,
    Jurisdiction,
    RoundedFigure,
    RoundingLevel,
    RoundingPolicy,
    Seller,
    ShippingTaxPolicy,
    TableTaxCalculator,
    Taxability,
    TaxRate,
    TaxRule,
    TaxType,
    check_vat_number,
    eu_vat_rules,
)
from ecomcore.testing import FakeVatNumberValidator

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
JAPAN = (
    TaxRule(jurisdiction=Jurisdiction("JP"), levy="consumption", tax_type=TaxType.VAT,
            name="JCT", rate=TaxRate.percent("10")),
)  # fmt: skip
CALCULATOR = TableTaxCalculator(InMemoryTaxRateProvider(eu_vat_rules() + JAPAN))
NET = PriceList.of("net", "EUR", {"mug": "100.00", "book": "50.00", "pin": "0.10"})
GROSS = PriceList.of("gross", "EUR", {"coat": "119.00", "novel": "10.70"}, includes_tax=True)
BOOK = PriceBook([NET, GROSS])


def german(**options: object) -> QuoteTax:
    """A German shop selling to a German consumer, with the given policies."""
    return QuoteTax(
        calculator=CALCULATOR,
        seller=Seller(address=Address("DE")),
        buyer=Buyer(address=Address("DE")),
        **options,  # type: ignore[arg-type]
    )


def item(line_id: str, variant: str, quantity: int = 1, tax_code: str | None = None) -> LineItem:
    return LineItem(line_id, variant, variant, quantity, tax_code=tax_code)


def priced(
    lines: list[LineItem],
    tax: QuoteTax | None = None,
    promotions: list[Promotion] | None = None,
    shipping: str | None = None,
) -> Quote:
    request = QuoteRequest(
        "EUR", lines, NOW, shipping=None if shipping is None else Money(shipping, "EUR")
    )
    return quote(
        request, prices=BOOK, promotions=promotions or [], tax=german() if tax is None else tax
    )


def figures(amount: object) -> tuple[str, str, str]:
    net, tax, gross = (getattr(amount, name).amount for name in ("net", "tax", "gross"))
    return str(net), str(tax), str(gross)


def test_a_tax_exclusive_line_adds_tax_on_top() -> None:
    """3 mugs at 100.00 net, 19%: net 300.00, tax 57.00, gross 357.00, VAT 19% DE standard."""
    line = priced([item("1", "mug", 3)]).line("1")
    assert figures(line.total) == ("300.00", "57.00", "357.00")
    (component,) = line.tax_components
    assert (str(component.rate), component.tax_type, component.taxability) == (
        "19%",
        TaxType.VAT,
        Taxability.STANDARD,
    )
    assert component.jurisdiction == Jurisdiction("DE")


def test_a_tax_inclusive_line_keeps_its_gross() -> None:
    """A novel at 10.70 including 7%: gross 10.70, net 10.00, tax 0.70."""
    line = priced([item("1", "novel", tax_code="reduced")]).line("1")
    assert figures(line.total) == ("10.00", "0.70", "10.70")
    assert line.prices_include_tax


def test_a_mixed_rate_cart_has_one_total_per_rate() -> None:
    """Mug 100.00 at 19% and book 50.00 at 7%: 19.00 + 3.50 = 22.50 of tax on 150.00."""
    result = priced([item("1", "mug"), item("2", "book", tax_code="reduced")])
    assert [str(total) for total in result.tax_totals] == [
        "VAT 19% DE (standard): 19.00 on 100.00 EUR",
        "VAT 7% DE (reduced): 3.50 on 50.00 EUR",
    ]
    assert figures(result.total) == ("150.00", "22.50", "172.50")


def test_an_inclusive_price_with_an_inclusive_discount() -> None:
    """Coat 119.00 incl. 19% less 10.00 incl. tax: gross 109.00, tax 109 * 19/119 = 17.40."""
    promotion = Promotion("ten", "Ten off", AmountOff(Money("10.00", "EUR")))
    line = priced([item("1", "coat")], promotions=[promotion]).line("1")
    assert figures(line.total) == ("91.60", "17.40", "109.00")


def test_an_inclusive_price_with_an_exclusive_discount() -> None:
    """Coat 119.00 incl. 19% less 10.00 net (11.90 gross): gross 107.10, net 90.00, tax 17.10."""
    promotion = Promotion(
        "ten", "Ten off net", AmountOff(Money("10.00", "EUR")), discount_includes_tax=False
    )
    line = priced([item("1", "coat")], promotions=[promotion]).line("1")
    assert str(line.discount.amount) == "10.00"  # in the promotion's own (net) terms
    assert figures(line.total) == ("90.00", "17.10", "107.10")


def test_the_three_rounding_levels_give_three_totals_on_one_cart() -> None:
    """Two lines of 7 pins at 0.10 net, 19%: per unit 0.28, per line 0.26, per document 0.27.

    Per unit: 0.019 -> 0.02, x7 = 0.14 a line. Per line: 0.70 x 19% = 0.133 -> 0.13 a line.
    Per document: 0.266 -> 0.27 once for the rate.
    """
    cart = [item("1", "pin", 7), item("2", "pin", 7)]
    taxes = {
        level: str(priced(cart, german(rounding=RoundingPolicy(level=level))).total.tax.amount)
        for level in RoundingLevel
    }
    assert taxes == {
        RoundingLevel.PER_UNIT: "0.28",
        RoundingLevel.PER_LINE: "0.26",
        RoundingLevel.PER_DOCUMENT: "0.27",
    }


def test_a_confirmed_business_abroad_is_reverse_charged() -> None:
    """A German shop selling 5 x 100.00 to a French business with a confirmed VAT number: no VAT."""
    clock = FixedClock(NOW)
    check = check_vat_number("FR40303265045", clock, FakeVatNumberValidator({"FR40303265045"}))
    tax = QuoteTax(
        calculator=CALCULATOR,
        seller=Seller(address=Address("DE")),
        buyer=Buyer(address=Address("FR"), vat_check=check),
    )
    result = priced([item("1", "mug", 5)], tax)
    assert figures(result.total) == ("500.00", "0.00", "500.00")
    assert result.line("1").tax_components[0].taxability is Taxability.REVERSE_CHARGE
    assert result.tax_notes[0].startswith("Reverse charge")


def test_shipping_under_its_own_category() -> None:
    """Shipping 10.00 with goods at 19% and 7%: no shipping rule in DE, so 19%: 1.90."""
    result = priced([item("1", "mug"), item("2", "book", tax_code="reduced")], shipping="10.00")
    assert result.shipping is not None
    assert figures(result.shipping.total) == ("10.00", "1.90", "11.90")
    assert figures(result.total) == ("160.00", "24.40", "184.40")


def test_shipping_at_the_weighted_rate_of_the_goods() -> None:
    """Shipping 10.00 over 100.00 at 19% and 50.00 at 7%: 6.67 -> 1.27 and 3.33 -> 0.23."""
    tax = german(shipping_policy=ShippingTaxPolicy.WEIGHTED)
    cart = [item("1", "mug"), item("2", "book", tax_code="reduced")]
    result = priced(cart, tax, shipping="10.00")
    assert result.shipping is not None
    parts = [
        (str(c.rate), str(c.taxable.amount), str(c.tax.amount))
        for c in result.shipping.tax_components
    ]
    assert parts == [("19%", "6.67", "1.27"), ("7%", "3.33", "0.23")]
    assert figures(result.total) == ("160.00", "24.00", "184.00")


def test_a_zero_decimal_currency_through_the_quote() -> None:
    """999 yen less 10% (99.9 -> 100) is 899 yen; 10% tax 89.9 -> 90; gross 989 yen."""
    book = PriceBook([PriceList.of("jp", "JPY", {"tea": "999"})])
    tax = QuoteTax(
        calculator=CALCULATOR,
        seller=Seller(address=Address("JP")),
        buyer=Buyer(address=Address("JP")),
    )
    request = QuoteRequest("JPY", [item("1", "tea")], NOW)
    result = quote(
        request, prices=book, promotions=[Promotion("p", "Tea", PercentOff("10"))], tax=tax
    )
    assert figures(result.total) == ("899", "90", "989")


def test_a_cross_border_quote_above_the_threshold_takes_french_vat() -> None:
    """A German shop past 10,000 EUR of EU distance sales: a French consumer pays 20% on 100.00."""
    tax = QuoteTax(
        calculator=CALCULATOR,
        seller=Seller(
            address=Address("DE"),
            eu_cross_border_sales=EuCrossBorderSales(current_year=Money("9950", "EUR")),
        ),
        buyer=Buyer(address=Address("FR")),
    )
    result = priced([item("1", "mug")], tax)
    assert [str(total) for total in result.tax_totals] == [
        "VAT 20% FR (standard): 20.00 on 100.00 EUR"
    ]


def test_without_quote_tax_nothing_is_taxed() -> None:
    """No QuoteTax: the amount is the net, no tax, no breakdown, as before tax existed."""
    request = QuoteRequest("EUR", [item("1", "coat")], NOW)
    result = quote(request, prices=BOOK)
    assert figures(result.total) == ("119.00", "0.00", "119.00")
    assert result.tax_totals == ()
    assert result.line("1").tax_components == ()


def test_line_ids_never_clash_with_shipping() -> None:
    """A line called "shipping" keeps its own tax apart from the shipping charge."""
    result = priced([item("shipping", "mug")], shipping="10.00")
    assert figures(result.line("shipping").total) == ("100.00", "19.00", "119.00")
    assert result.shipping is not None
    assert figures(result.shipping.total) == ("10.00", "1.90", "11.90")


def cents(amount: int) -> Money:
    return Money(Decimal(amount).scaleb(-2), "EUR")


POLICIES = st.builds(
    RoundingPolicy,
    level=st.sampled_from(RoundingLevel),
    rounding=st.sampled_from([Rounding.HALF_UP, Rounding.HALF_EVEN, Rounding.DOWN]),
    inclusive=st.sampled_from(RoundedFigure),
)
CART_LINES = st.lists(
    st.tuples(
        st.integers(0, 50_000),  # unit price, cents
        st.integers(1, 9),
        st.booleans(),  # price includes tax
        st.sampled_from([None, "reduced", "super_reduced", "zero_rated"]),
    ),
    min_size=1,
    max_size=8,
)
PROMOTIONS = st.lists(
    st.one_of(
        st.builds(lambda p: PercentOff(str(p)), st.integers(1, 60)),
        st.builds(lambda c: AmountOff(cents(c)), st.integers(1, 3000)),
        st.builds(lambda p: OrderPercentOff(str(p)), st.integers(1, 30)),
    ),
    max_size=3,
)


@settings(max_examples=80, deadline=None)
@given(
    lines=CART_LINES,
    benefits=PROMOTIONS,
    inclusive_discounts=st.lists(st.sampled_from([None, True]), min_size=3, max_size=3),
    policy=POLICIES,
    shipping=st.one_of(st.none(), st.integers(0, 2000)),
    weighted=st.booleans(),
)
def test_every_line_and_total_adds_up_under_every_policy(
    *,
    lines: list[tuple[int, int, bool, str | None]],
    benefits: list[object],
    inclusive_discounts: list[bool | None],
    policy: RoundingPolicy,
    shipping: int | None,
    weighted: bool,
) -> None:
    """net + tax == gross per line and in total; lines add to the total; rates add to the tax."""
    items = [
        LineItem(f"l{i}", f"v{i}", f"p{i}", quantity, unit_price=cents(price),
                 prices_include_tax=includes, tax_code=code)
        for i, (price, quantity, includes, code) in enumerate(lines)
    ]  # fmt: skip
    promotions = [
        Promotion(f"p{i}", f"Promotion {i}", benefit, discount_includes_tax=basis)  # type: ignore[arg-type]
        for i, (benefit, basis) in enumerate(zip(benefits, inclusive_discounts, strict=False))
    ]
    tax = german(
        rounding=policy,
        shipping_policy=ShippingTaxPolicy.WEIGHTED if weighted else ShippingTaxPolicy.OWN_CATEGORY,
    )
    request = QuoteRequest(
        "EUR", items, NOW, shipping=None if shipping is None else cents(shipping)
    )
    result = quote(request, prices=PriceBook([]), promotions=promotions, tax=tax)
    parts = [line.total for line in result.lines]
    if result.shipping is not None:
        parts.append(result.shipping.total)
    for part in [*parts, result.total]:
        assert part.net + part.tax == part.gross
    assert sum_money((p.net for p in parts), currency="EUR") == result.total.net
    assert sum_money((p.tax for p in parts), currency="EUR") == result.total.tax
    assert sum_money((t.tax for t in result.tax_totals), currency="EUR") == result.total.tax
    assert result.total.tax.amount >= 0
