"""Tax engine benchmark: a 100-line mixed-rate cart, against summing line totals in py-moneyed."""

from datetime import date
from decimal import Decimal

import moneyed

from ecomcore.adapters.memory import InMemoryTaxRateProvider
from ecomcore.core import Address, Money
from ecomcore.tax import (
    Buyer,
    Seller,
    TableTaxCalculator,
    TaxDiscount,
    TaxLine,
    TaxRequest,
    eu_vat_rules,
)
from ratio import ratio_benchmark

CATEGORIES = ("standard", "reduced", "reduced_2", "super_reduced", "zero_rated")
UNIT_PRICES = [Decimal(f"{(i * 37) % 500 + 1}.{i % 100:02d}") for i in range(100)]
QUANTITIES = [i % 7 + 1 for i in range(100)]

REQUEST = TaxRequest(
    lines=[
        TaxLine(
            line_id=f"line-{i}",
            unit_price=Money(price, "EUR"),
            quantity=qty,
            includes_tax=i % 3 == 0,
            category=CATEGORIES[i % len(CATEGORIES)],
        )
        for i, (price, qty) in enumerate(zip(UNIT_PRICES, QUANTITIES, strict=True))
    ],
    discounts=[TaxDiscount(amount=Money("25.00", "EUR"), includes_tax=True)],
    shipping=Money("4.90", "EUR"),
    seller=Seller(address=Address("FR")),
    buyer=Buyer(address=Address("FR")),
    tax_point=date(2026, 3, 1),
)
CALCULATOR = TableTaxCalculator(InMemoryTaxRateProvider(eu_vat_rules()))
MONEYED_LINES = [
    (moneyed.Money(price, "EUR"), qty) for price, qty in zip(UNIT_PRICES, QUANTITIES, strict=True)
]

test_pricing_tax_100_lines = ratio_benchmark(
    "pricing_tax_100_lines",
    target=3.0,
    baseline="summing the same 100 line totals (price * quantity) with py-moneyed Money and sum()",
    ours=lambda: CALCULATOR.calculate(REQUEST),
    reference=lambda: sum((price * qty for price, qty in MONEYED_LINES), moneyed.Money(0, "EUR")),
)
