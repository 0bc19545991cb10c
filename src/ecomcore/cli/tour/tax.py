"""Tour section: a cross-border document with its tax breakdown."""

from datetime import UTC, date, datetime

from ecomcore.adapters.memory import InMemoryTaxRateProvider
from ecomcore.core import Money, format_money
from ecomcore.pricing import (
    Address,
    Buyer,
    EuCrossBorderSales,
    RoundingPolicy,
    Seller,
    ShippingTaxPolicy,
    TableTaxCalculator,
    TaxDiscount,
    TaxLine,
    TaxRequest,
    TaxResult,
    canada_tax_rules,
    check_vat_number,
    eu_vat_rules,
)
from ecomcore.testing import FakeVatNumberValidator, FixedClock


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


def show() -> str:
    """Return the tax section of the tour."""
    calculator = TableTaxCalculator(InMemoryTaxRateProvider(eu_vat_rules() + canada_tax_rules()))
    lines = [
        TaxLine(line_id="jacket", unit_price=Money("119.00", "EUR"), includes_tax=True),
        TaxLine(line_id="book", unit_price=Money("21.40", "EUR"), includes_tax=True,
                category="reduced", quantity=2),
    ]  # fmt: skip
    consumer = calculator.calculate(
        TaxRequest(
            lines=lines,
            discounts=[TaxDiscount(amount=Money("10.00", "EUR"), includes_tax=True)],
            shipping=Money("5.95", "EUR"),
            shipping_includes_tax=True,
            shipping_policy=ShippingTaxPolicy.WEIGHTED,
            seller=Seller(
                address=Address("DE"),
                eu_cross_border_sales=EuCrossBorderSales(current_year=Money("9950", "EUR")),
            ),
            buyer=Buyer(address=Address("FR", postal_code="75011")),
            tax_point=date(2026, 3, 1),
        )
    )
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
            "A German shop sells to a consumer in France; this sale takes its EU distance sales",
            "past 10,000 EUR, so French VAT applies (prices include tax, a 10.00 discount,",
            "shipping taxed at the weighted rate of the goods):",
            *_breakdown(consumer, "fr_FR"),
            "",
            "The same shop sells to a French business whose VAT number was confirmed online:",
            *_breakdown(business, "fr_FR"),
            "",
            "An Ontario shop sells to Quebec: GST and QST, rounded once per rate on the document:",
            *_breakdown(quebec, "en_CA"),
        ]
    )
