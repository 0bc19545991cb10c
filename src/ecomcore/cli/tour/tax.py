"""Tour section: a cross-border quote with its tax breakdown, a reverse charge, GST plus QST."""

from datetime import UTC, date, datetime

from ecomcore.adapters.memory import InMemoryTaxRateProvider
from ecomcore.core import Address, FixedClock, Money, format_money
from ecomcore.pricing import (
    LineItem,
    PercentOff,
    PriceBook,
    PriceList,
    ProductRange,
    Promotion,
    Quote,
    QuoteRequest,
    QuoteTax,
    quote,
)
from ecomcore.tax import (
    Buyer,
    EuCrossBorderSales,
    RoundingPolicy,
    Seller,
    ShippingTaxPolicy,
    TableTaxCalculator,
    TaxLine,
    TaxRequest,
    TaxResult,
    canada_tax_rules,
    check_vat_number,
    eu_vat_rules,
)
from ecomcore.testing import FakeVatNumberValidator


def _breakdown(result: TaxResult, locale: str) -> list[str]:
    def money(amount: Money) -> str:
        return format_money(amount, locale)

    out = []
    for line in result.lines:
        rates = " + ".join(f"{c.name} {c.rate}" for c in line.components)
        out.append(
            f"  {line.line_id:<9} net {money(line.amount.net):>10}  tax {money(line.amount.tax):>9}"
            f"  gross {money(line.amount.gross):>10}  {rates} ({line.taxability.value})"
        )
    out += [f"  per rate: {total}" for total in result.totals]
    total = result.total
    out.append(
        f"  total     net {money(total.net):>10}  tax {money(total.tax):>9}"
        f"  gross {money(total.gross):>10}"
    )
    out += [f"  note: {note}" for note in result.notes]
    return out


def _quote_breakdown(result: Quote, locale: str) -> list[str]:
    def money(amount: Money) -> str:
        return format_money(amount, locale)

    rows = [(line.line_id, line.total, line.tax_components) for line in result.lines]
    if result.shipping is not None:
        rows.append(("shipping", result.shipping.total, result.shipping.tax_components))
    out = []
    for line_id, amount, components in rows:
        rates = " + ".join(f"{c.name} {c.rate} {c.jurisdiction}" for c in components)
        reason = components[0].taxability.value if components else "untaxed"
        out.append(
            f"  {line_id:<9} net {money(amount.net):>10}  tax {money(amount.tax):>9}"
            f"  gross {money(amount.gross):>10}  {rates} ({reason})"
        )
    out += [f"  promotion: {p.name}, {money(p.discount)} off" for p in result.promotions]
    out += [f"  per rate: {total}" for total in result.tax_totals]
    total = result.total
    out.append(
        f"  total     net {money(total.net):>10}  tax {money(total.tax):>9}"
        f"  gross {money(total.gross):>10}"
    )
    out += [f"  note: {note}" for note in result.tax_notes]
    return out


def _cross_border_quote(calculator: TableTaxCalculator) -> Quote:
    """Quote a German shop's cart for a French consumer, with a promotion and tax."""
    book = PriceBook(
        [PriceList.of("de-retail", "EUR", {"jacket": "119.00", "book": "21.40"}, includes_tax=True)]
    )
    request = QuoteRequest(
        "EUR",
        [
            LineItem("jacket", "jacket", "jacket", 1, category_ids={"outerwear"}),
            LineItem("book", "book", "book", 2, tax_code="reduced"),
        ],
        datetime(2026, 3, 1, 10, tzinfo=UTC),
        shipping=Money("5.95", "EUR"),
    )
    spring = Promotion(
        "spring", "Spring outerwear", PercentOff("20", ProductRange(categories={"outerwear"}))
    )
    tax = QuoteTax(
        calculator=calculator,
        seller=Seller(
            address=Address("DE"),
            eu_cross_border_sales=EuCrossBorderSales(current_year=Money("9950", "EUR")),
        ),
        buyer=Buyer(address=Address("FR", postcode="75011")),
        shipping_includes_tax=True,
        shipping_policy=ShippingTaxPolicy.WEIGHTED,
    )
    return quote(request, prices=book, promotions=[spring], tax=tax)


def show() -> str:
    """Return the tax section of the tour."""
    calculator = TableTaxCalculator(InMemoryTaxRateProvider(eu_vat_rules() + canada_tax_rules()))
    consumer = _cross_border_quote(calculator)
    clock = FixedClock(datetime(2026, 3, 1, 10, tzinfo=UTC))
    check = check_vat_number("FR40303265045", clock, FakeVatNumberValidator({"FR40303265045"}))
    business = calculator.calculate(
        TaxRequest(
            lines=[TaxLine(line_id="jacket", unit_price=Money("100.00", "EUR"), quantity=5)],
            seller=Seller(address=Address("DE")),
            buyer=Buyer(address=Address("FR"), vat_check=check),
            tax_point=date(2026, 3, 1),
        )
    )
    quebec = calculator.calculate(
        TaxRequest(
            lines=[TaxLine(line_id="jacket", unit_price=Money("100.00", "CAD"), quantity=3)],
            seller=Seller(address=Address("CA", "ON")),
            buyer=Buyer(address=Address("CA", "QC")),
            tax_point=date(2026, 3, 1),
            rounding=RoundingPolicy.per_document(),
        )
    )
    return "\n".join(
        [
            "A German shop quotes a cart for a consumer in France; this sale takes its EU distance",
            "sales past 10,000 EUR, so French VAT applies (German gross prices kept as shown, 20%",
            "off the jacket, shipping taxed at the weighted rate of the goods):",
            *_quote_breakdown(consumer, "fr_FR"),
            "",
            "The same shop sells to a French business whose VAT number was confirmed online:",
            *_breakdown(business, "fr_FR"),
            "",
            "An Ontario shop sells to Quebec: GST and QST, rounded once per rate on the document:",
            *_breakdown(quebec, "en_CA"),
        ]
    )
