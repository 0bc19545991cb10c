"""Worked numbers: every case the tax issue names, computed by hand in the docstrings."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from ecomcore.adapters.memory import InMemoryTaxRateProvider
from ecomcore.core import Address, FixedClock, Money, Rounding, ValidationError
from ecomcore.tax import (
    Buyer,
    EuCrossBorderSales,
    Exemption,
    Jurisdiction,
    PriceBasis,
    RoundedFigure,
    RoundingPolicy,
    Seller,
    ShippingTaxPolicy,
    TableTaxCalculator,
    Taxability,
    TaxDiscount,
    TaxLine,
    TaxRate,
    TaxRequest,
    TaxResult,
    TaxRule,
    TaxType,
    canada_tax_rules,
    check_vat_number,
    eu_vat_rules,
)
from ecomcore.testing import FakeVatNumberValidator

MARCH_2026 = date(2026, 3, 1)
EXTRA_RULES = (
    TaxRule(jurisdiction=Jurisdiction("JP"), levy="consumption", tax_type=TaxType.VAT,
            name="JCT", rate=TaxRate.percent("10")),
    TaxRule(jurisdiction=Jurisdiction("JP"), levy="consumption", tax_type=TaxType.VAT,
            name="JCT", rate=TaxRate.percent("8"), category="reduced"),
    TaxRule(jurisdiction=Jurisdiction("BH"), levy="vat", tax_type=TaxType.VAT,
            rate=TaxRate.percent("10")),
)  # fmt: skip
CALCULATOR = TableTaxCalculator(
    InMemoryTaxRateProvider(eu_vat_rules() + canada_tax_rules() + EXTRA_RULES)
)


def line(line_id: str, price: str, currency: str = "EUR", **facts: object) -> TaxLine:
    return TaxLine(line_id=line_id, unit_price=Money(price, currency), **facts)  # type: ignore[arg-type]


def tax(
    lines: list[TaxLine],
    seller: Address | str = "DE",
    buyer: Address | str = "DE",
    *,
    tax_point: date = MARCH_2026,
    vat_check: object = None,
    exemptions: tuple[Exemption, ...] = (),
    sales: EuCrossBorderSales | None = None,
    **request: object,
) -> TaxResult:
    seller_address = Address(seller) if isinstance(seller, str) else seller
    buyer_address = Address(buyer) if isinstance(buyer, str) else buyer
    return CALCULATOR.calculate(
        TaxRequest(
            lines=lines,
            seller=Seller(address=seller_address, eu_cross_border_sales=sales),
            buyer=Buyer(address=buyer_address, vat_check=vat_check, exemptions=exemptions),  # type: ignore[arg-type]
            tax_point=tax_point,
            **request,  # type: ignore[arg-type]
        )
    )


def amounts(result: TaxResult) -> tuple[str, str, str]:
    total = result.total
    return (str(total.net.amount), str(total.tax.amount), str(total.gross.amount))


def test_exclusive_line_adds_tax_to_the_net() -> None:
    """10.00 net at DE 19%: tax 1.90, gross 11.90."""
    assert amounts(tax([line("a", "10.00")])) == ("10.00", "1.90", "11.90")


def test_inclusive_line_keeps_the_gross_and_extracts_the_tax() -> None:
    """9.99 gross at DE 19%: tax 9.99 * 19/119 = 1.595 -> 1.60, net 8.39."""
    assert amounts(tax([line("a", "9.99", includes_tax=True)])) == ("8.39", "1.60", "9.99")


def test_mixed_rate_cart_totals_per_rate() -> None:
    """2x10.00 at 19% (3.80) + 3x4.99 at 7% (1.0479 -> 1.05) + 5.00 zero-rated: tax 4.85."""
    result = tax(
        [
            line("shirt", "10.00", quantity=2),
            line("book", "4.99", quantity=3, category="reduced"),
            line("paper", "5.00", category="zero_rated"),
        ]
    )
    assert amounts(result) == ("39.97", "4.85", "44.82")
    assert [(str(t.rate), str(t.taxable.amount), str(t.tax.amount)) for t in result.totals] == [
        ("19%", "20.00", "3.80"),
        ("7%", "14.97", "1.05"),
        ("0%", "5.00", "0.00"),
    ]
    assert result.line("paper").taxability is Taxability.ZERO_RATED


def test_inclusive_price_with_inclusive_discount() -> None:
    """11.90 gross less 1.19 gross = 10.71 gross: net 9.00, tax 1.71."""
    discount = TaxDiscount(amount=Money("1.19", "EUR"), includes_tax=True, line_id="a")
    result = tax([line("a", "11.90", includes_tax=True)], discounts=[discount])
    assert amounts(result) == ("9.00", "1.71", "10.71")


def test_inclusive_price_with_exclusive_discount() -> None:
    """11.90 gross is 10.00 net; less 1.19 net = 8.81 net, tax 1.6739 -> 1.67, gross 10.48."""
    discount = TaxDiscount(amount=Money("1.19", "EUR"), includes_tax=False, line_id="a")
    result = tax([line("a", "11.90", includes_tax=True)], discounts=[discount])
    assert amounts(result) == ("8.81", "1.67", "10.48")


def test_document_discount_is_allocated_over_lines() -> None:
    """A 10.00 net discount over 60.00 and 40.00 lines: 6.00 and 4.00, tax 10.26 and 2.52."""
    discount = TaxDiscount(amount=Money("10.00", "EUR"), includes_tax=False)
    result = tax([line("a", "60.00"), line("b", "40.00", category="reduced")], discounts=[discount])
    assert str(result.line("a").taxable.amount) == "54.00"
    assert str(result.line("b").taxable.amount) == "36.00"
    assert amounts(result) == ("90.00", "12.78", "102.78")


@pytest.mark.parametrize(
    ("policy", "expected_tax"),
    [
        (RoundingPolicy.per_unit(), "1.71"),  # 0.99*19% = 0.1881 -> 0.19 per unit, x9
        (RoundingPolicy.per_line(), "1.68"),  # 2.97*19% = 0.5643 -> 0.56 per line, x3
        (RoundingPolicy.per_document(), "1.69"),  # 8.91*19% = 1.6929 -> 1.69 once
    ],
)
def test_three_rounding_levels_give_three_totals(policy: RoundingPolicy, expected_tax: str) -> None:
    """Three lines of 3 x 0.99 at 19%: per unit 1.71, per line 1.68, per document 1.69."""
    result = tax([line(f"l{i}", "0.99", quantity=3) for i in range(3)], rounding=policy)
    assert amounts(result) == ("8.91", expected_tax, str(Decimal("8.91") + Decimal(expected_tax)))


def test_per_unit_rounding_splits_a_discounted_line_into_whole_cent_units() -> None:
    """9 x 0.06 gross at 7% less 0.01: units of 0.06 (x8) and 0.05, nets 0.06 and 0.05, tax 0.00.

    Rounding the net of the fractional unit 0.53 / 9 = 0.0589 would give 0.06 x 9 = 0.54 net,
    more than the gross: a tax of -0.01.
    """
    result = tax(
        [line("l", "0.06", quantity=9, includes_tax=True, category="reduced")],
        discounts=[TaxDiscount(amount=Money("0.01", "EUR"), includes_tax=True)],
        rounding=RoundingPolicy.per_unit(inclusive=RoundedFigure.NET),
    )
    assert amounts(result) == ("0.53", "0.00", "0.53")


def test_per_unit_rounding_of_the_tax_rounds_each_whole_cent_unit() -> None:
    """2 x 0.08 net at 7% less 0.01: units 0.08 (tax 0.0056 -> 0.01) and 0.07 (0.0049 -> 0.00).

    The fractional unit 0.075 would give 0.00525 -> 0.01 twice: 0.02.
    """
    result = tax(
        [line("l", "0.08", quantity=2, category="reduced")],
        discounts=[TaxDiscount(amount=Money("0.01", "EUR"), includes_tax=False)],
        rounding=RoundingPolicy.per_unit(),
    )
    assert amounts(result) == ("0.15", "0.01", "0.16")


def test_per_document_rounding_allocates_the_rate_total_back_to_lines() -> None:
    """The per-document 1.69 reaches the three lines as 0.57 + 0.56 + 0.56 (largest remainder)."""
    result = tax(
        [line(f"l{i}", "0.99", quantity=3) for i in range(3)],
        rounding=RoundingPolicy.per_document(),
    )
    assert [str(taxed.amount.tax.amount) for taxed in result.lines] == ["0.57", "0.56", "0.56"]


@pytest.mark.parametrize(
    ("figure", "rounding", "expected"),
    [
        (RoundedFigure.TAX, Rounding.HALF_UP, ("1.02", "0.21")),  # tax 0.205 -> 0.21
        (RoundedFigure.NET, Rounding.HALF_UP, ("1.03", "0.20")),  # net 1.025 -> 1.03
        (RoundedFigure.TAX, Rounding.DOWN, ("1.03", "0.20")),  # tax 0.205 -> 0.20
        (RoundedFigure.NET, Rounding.DOWN, ("1.02", "0.21")),  # net 1.025 -> 1.02
    ],
)
def test_inclusive_price_rounding_the_net_or_the_tax(
    figure: RoundedFigure, rounding: Rounding, expected: tuple[str, str]
) -> None:
    """1.23 gross at FR 20% is net 1.025 + tax 0.205 exactly: which is rounded decides the cent."""
    policy = RoundingPolicy(rounding=rounding, inclusive=figure)
    result = tax([line("a", "1.23", includes_tax=True)], "FR", "FR", rounding=policy)
    assert amounts(result) == (*expected, "1.23")


def test_rate_change_across_a_date() -> None:
    """Estonia: 100.00 is taxed 22.00 on 2025-06-30 and 24.00 from 2025-07-01."""
    before = tax([line("a", "100.00")], "EE", "EE", tax_point=date(2025, 6, 30))
    after = tax([line("a", "100.00")], "EE", "EE", tax_point=date(2025, 7, 1))
    assert (before.total.tax.amount, after.total.tax.amount) == (Decimal("22.00"), Decimal("24.00"))


def test_eu_threshold_crossing_switches_to_destination_from_the_crossing_sale() -> None:
    """With 9,950 EUR sold: a 40.00 sale stays DE 19% (7.60); a 100.00 sale crosses: FR 20%."""
    sales = EuCrossBorderSales(current_year=Money("9950", "EUR"))
    below = tax([line("a", "40.00")], "DE", "FR", sales=sales)
    crossing = tax([line("a", "100.00")], "DE", "FR", sales=sales)
    assert (str(below.totals[0].rate), below.totals[0].jurisdiction.country) == ("19%", "DE")
    assert str(below.total.tax.amount) == "7.60"
    assert (str(crossing.totals[0].rate), crossing.totals[0].jurisdiction.country) == ("20%", "FR")
    assert str(crossing.total.tax.amount) == "20.00"


def test_eu_threshold_passed_last_year_means_destination_from_the_first_sale() -> None:
    """Above 10,000 EUR last year: even a 1.00 sale in January is taxed in France."""
    sales = EuCrossBorderSales(current_year=Money("0", "EUR"), previous_year=Money("12000", "EUR"))
    result = tax([line("a", "1.00")], "DE", "FR", sales=sales)
    assert result.jurisdiction == Jurisdiction("FR")


def test_reverse_charge_for_a_confirmed_business_in_another_member_state() -> None:
    """A French business with a VAT number confirmed online pays 0 VAT, with the mention."""
    clock = FixedClock(datetime(2026, 3, 1, 9, tzinfo=UTC))
    check = check_vat_number("FR40303265045", clock, FakeVatNumberValidator({"FR40303265045"}))
    result = tax([line("a", "500.00")], "DE", "FR", vat_check=check)
    assert amounts(result) == ("500.00", "0.00", "500.00")
    assert result.line("a").taxability is Taxability.REVERSE_CHARGE
    assert "FR40303265045" in result.notes[0]
    assert "FAKE-0001" in result.notes[0]


def test_unconfirmed_vat_number_is_taxed_as_a_consumer_sale() -> None:
    """A VAT number the service does not know: German VAT is charged, with a note why."""
    clock = FixedClock(datetime(2026, 3, 1, 9, tzinfo=UTC))
    check = check_vat_number("FR40303265045", clock, FakeVatNumberValidator())
    result = tax([line("a", "100.00")], "DE", "FR", vat_check=check)
    assert str(result.total.tax.amount) == "19.00"
    assert "not confirmed" in result.notes[0]


def test_export_outside_the_eu_is_zero_rated() -> None:
    """A German seller shipping to Switzerland charges no VAT."""
    result = tax([line("a", "100.00")], "DE", "CH")
    assert result.line("a").taxability is Taxability.ZERO_RATED
    assert str(result.total.tax.amount) == "0.00"


def test_exempt_customer_pays_no_provincial_tax_with_its_certificate() -> None:
    """BC buyer exempt from PST (certificate PST-123): GST 5.00 only, PST line at 0 with the id."""
    exemption = Exemption(
        jurisdiction=Jurisdiction("CA", "BC"), certificate_id="PST-123", levies=("provincial",)
    )
    result = tax([line("a", "100.00", "CAD")], "CA", Address("CA", "BC"), exemptions=(exemption,))
    gst, pst = result.line("a").components
    assert (str(gst.tax.amount), str(pst.tax.amount)) == ("5.00", "0.00")
    assert pst.taxability is Taxability.CUSTOMER_EXEMPT
    assert "PST-123" in pst.note


def test_exempt_category_needs_no_rule() -> None:
    """An exempt service (category exempt) is untaxed with the reason exempt."""
    result = tax([line("a", "80.00", category="exempt")])
    assert result.line("a").taxability is Taxability.EXEMPT
    assert str(result.total.tax.amount) == "0.00"


def test_gst_plus_pst_are_two_taxes_on_one_line() -> None:
    """100.00 in British Columbia: GST 5% 5.00 + PST 7% 7.00 = 112.00."""
    result = tax([line("a", "100.00", "CAD")], "CA", Address("CA", "BC"))
    breakdown = [(t.name, str(t.tax.amount)) for t in result.totals]
    assert breakdown == [("GST", "5.00"), ("PST", "7.00")]
    assert amounts(result) == ("100.00", "12.00", "112.00")


def test_hst_replaces_gst_in_ontario() -> None:
    """100.00 in Ontario: HST 13% only, 13.00."""
    result = tax([line("a", "100.00", "CAD")], "CA", Address("CA", "ON"))
    assert [(t.name, str(t.tax.amount)) for t in result.totals] == [("HST", "13.00")]


def test_quebec_qst_is_charged_on_the_price_excluding_gst() -> None:
    """100.00 in Quebec: GST 5.00 + QST 9.975% of 100.00 = 9.975 -> 9.98; gross 114.98."""
    result = tax([line("a", "100.00", "CAD")], "CA", Address("CA", "QC"))
    assert amounts(result) == ("100.00", "14.98", "114.98")


def test_compound_tax_is_charged_on_net_plus_the_other_tax() -> None:
    """PEI before 2013: PST 10% on price plus GST. 100.00 -> GST 5.00, PST 10% of 105.00 = 10.50."""
    pei_pst = TaxRule(
        jurisdiction=Jurisdiction("CA", "PE"), levy="provincial", tax_type=TaxType.PST,
        rate=TaxRate.percent("10"), compound=True, valid_to=date(2013, 3, 31),
    )  # fmt: skip
    gst = TaxRule(
        jurisdiction=Jurisdiction("CA"), levy="federal", tax_type=TaxType.GST,
        rate=TaxRate.percent("5"),
    )  # fmt: skip
    calculator = TableTaxCalculator(InMemoryTaxRateProvider([gst, pei_pst]))
    result = calculator.calculate(
        TaxRequest(
            lines=[line("a", "100.00", "CAD")],
            seller=Seller(address=Address("CA")),
            buyer=Buyer(address=Address("CA", "PE")),
            tax_point=date(2012, 6, 1),
        )
    )
    gst_part, pst_part = result.line("a").components
    assert (str(pst_part.taxable.amount), str(pst_part.tax.amount)) == ("105.00", "10.50")
    assert str(gst_part.tax.amount) == "5.00"
    assert amounts(result) == ("100.00", "15.50", "115.50")


def test_shipping_taxed_under_its_own_category() -> None:
    """Shipping 10.00 with goods at 19% and 7%: no shipping rule, so the default 19%: 1.90."""
    result = tax(
        [line("a", "100.00"), line("b", "50.00", category="reduced")],
        shipping=Money("10.00", "EUR"),
    )
    assert str(result.line("shipping").amount.tax.amount) == "1.90"


def test_shipping_taxed_at_the_weighted_rate_of_the_goods() -> None:
    """Shipping 10.00 over goods 100.00 at 19% and 50.00 at 7%: 6.67 -> 1.27, 3.33 -> 0.23."""
    result = tax(
        [line("a", "100.00"), line("b", "50.00", category="reduced")],
        shipping=Money("10.00", "EUR"),
        shipping_policy=ShippingTaxPolicy.WEIGHTED,
    )
    shipping = result.line("shipping")
    parts = [(str(c.rate), str(c.taxable.amount), str(c.tax.amount)) for c in shipping.components]
    assert parts == [
        ("19%", "6.67", "1.27"),
        ("7%", "3.33", "0.23"),
    ]
    assert str(shipping.amount.tax.amount) == "1.50"


def test_a_goods_line_may_not_take_the_shipping_line_id_when_there_is_shipping() -> None:
    """A line called "shipping" would be merged into the shipping line: it is refused instead."""
    with pytest.raises(ValidationError) as error:
        tax([line("shipping", "10.00")], shipping=Money("5.00", "EUR"))
    assert error.value.facts["field"] == "line_id"
    assert [taxed.line_id for taxed in tax([line("shipping", "10.00")]).lines] == ["shipping"]


def test_zero_decimal_currency() -> None:
    """JPY: 999 yen at 10% is 99.9 -> 100 yen; 3 x 1,080 yen incl. 8% is 240 yen of tax."""
    result = tax(
        [line("a", "999", "JPY"), line("b", "1080", "JPY", quantity=3, includes_tax=True,
                                       category="reduced")],
        "JP", "JP",
    )  # fmt: skip
    assert str(result.line("a").amount.tax.amount) == "100"
    assert str(result.line("b").amount.tax.amount) == "240"
    assert amounts(result) == ("3999", "340", "4339")


@pytest.mark.parametrize(("rounding", "expected"), [(Rounding.HALF_UP, "1.235"),
                                                    (Rounding.HALF_EVEN, "1.234")])  # fmt: skip
def test_three_decimal_currency(rounding: Rounding, expected: str) -> None:
    """BHD: 12.345 at 10% is 1.2345 exactly; half up 1.235, half even 1.234."""
    policy = RoundingPolicy(rounding=rounding)
    result = tax([line("a", "12.345", "BHD")], "BH", "BH", rounding=policy)
    assert str(result.total.tax.amount) == expected


@pytest.mark.parametrize(
    ("basis", "expected"),
    [
        (PriceBasis.KEEP_GROSS, ("9.92", "1.98", "11.90")),
        (PriceBasis.KEEP_NET, ("10.00", "2.00", "12.00")),
    ],
)
def test_gross_price_entered_under_another_rate(
    basis: PriceBasis, expected: tuple[str, str, str]
) -> None:
    """11.90 entered at DE 19%, due at FR 20%: keep the gross (net 9.92) or net (gross 12.00)."""
    sales = EuCrossBorderSales(current_year=Money("20000", "EUR"))
    entered = line("a", "11.90", includes_tax=True, entered_rate=TaxRate.percent("19"))
    result = tax([entered], "DE", "FR", sales=sales, price_basis=basis)
    assert amounts(result) == expected


def test_us_seller_without_nexus_is_not_collecting() -> None:
    """A seller with 50,000 USD of sales into Texas (threshold 500,000) does not collect there."""
    texas = TaxRule(
        jurisdiction=Jurisdiction("US", "TX"), levy="state", tax_type=TaxType.SALES_TAX,
        rate=TaxRate.percent("6.25"),
    )  # fmt: skip
    calculator = TableTaxCalculator(InMemoryTaxRateProvider([texas]))
    from ecomcore.tax import StateSales  # noqa: PLC0415

    def request(amount: str) -> TaxRequest:
        return TaxRequest(
            lines=[line("a", "100.00", "USD")],
            seller=Seller(
                address=Address("US", "OR"),
                us_sales={"TX": StateSales(amount=Money(amount, "USD"), transactions=900)},
            ),
            buyer=Buyer(address=Address("US", "TX", "78701")),
            tax_point=MARCH_2026,
        )

    small = calculator.calculate(request("50000"))
    assert small.line("a").taxability is Taxability.NOT_COLLECTING
    assert str(small.total.tax.amount) == "0.00"
    assert str(calculator.calculate(request("600000")).total.tax.amount) == "6.25"
