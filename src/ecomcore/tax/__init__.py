"""Tax: jurisdictions, dated rates under named categories, rounding policies, VAT numbers.

A `TaxCalculator` turns a `TaxRequest` (a document's lines, discounts, shipping, seller, buyer and
tax point) into a `TaxResult` that explains every figure. The built-in `TableTaxCalculator` reads
dated `TaxRule`s from a `TaxRateProvider`; EU VAT and Canadian rates ship as data
(`eu_vat_rules`, `canada_tax_rules`). Parties are placed by `ecomcore.core.Address`. This package
imports only `ecomcore.core`, so a project that wants the tax engine alone takes nothing else;
docs/tax.md explains inclusive and exclusive prices and the rounding policies.

Examples:
    >>> from datetime import date
    >>> from ecomcore.adapters.memory import InMemoryTaxRateProvider
    >>> from ecomcore.core import Address, Money
    >>> from ecomcore.tax import (Buyer, Seller, TableTaxCalculator, TaxLine, TaxRate,
    ...     TaxRequest, eu_vat_rules)
    >>> calculator = TableTaxCalculator(InMemoryTaxRateProvider(eu_vat_rules()))
    >>> result = calculator.calculate(TaxRequest(
    ...     lines=[TaxLine(line_id="mug", unit_price=Money("10.00", "EUR"))],
    ...     seller=Seller(address=Address("DE")), buyer=Buyer(address=Address("DE")),
    ...     tax_point=date(2026, 3, 1)))
    >>> result.total.gross, str(TaxRate.percent("19"))
    (Money('11.90', 'EUR'), '19%')
"""

from ecomcore.tax._data import canada_tax_rules, eu_vat_rules
from ecomcore.tax._engine import TableTaxCalculator
from ecomcore.tax._errors import AmbiguousTaxRuleError, InvalidVatNumberError, TaxTableError
from ecomcore.tax._eu import (
    EU_DISTANCE_SALES_THRESHOLD,
    EU_MEMBER_STATES,
    EuCrossBorderSales,
    VatAnswer,
    VatNumberCheck,
    normalize_vat_number,
    vat_prefix,
)
from ecomcore.tax._model import (
    Jurisdiction,
    Taxability,
    TaxCategory,
    TaxRate,
    TaxRule,
    TaxType,
)
from ecomcore.tax._ports import TaxCalculator, TaxRateProvider, VatNumberValidator
from ecomcore.tax._request import (
    SHIPPING_LINE_ID,
    Buyer,
    Exemption,
    PriceBasis,
    Seller,
    ShippingTaxPolicy,
    TaxDiscount,
    TaxLine,
    TaxRequest,
)
from ecomcore.tax._result import TaxComponent, TaxedLine, TaxResult, TaxTotal
from ecomcore.tax._rounding import RoundedFigure, RoundingLevel, RoundingPolicy
from ecomcore.tax._rules import resolve_rules
from ecomcore.tax._us import (
    NexusThreshold,
    StateSales,
    has_economic_nexus,
    us_nexus_thresholds,
)
from ecomcore.tax._vat import check_vat_number

__all__ = [
    "EU_DISTANCE_SALES_THRESHOLD",
    "EU_MEMBER_STATES",
    "SHIPPING_LINE_ID",
    "AmbiguousTaxRuleError",
    "Buyer",
    "EuCrossBorderSales",
    "Exemption",
    "InvalidVatNumberError",
    "Jurisdiction",
    "NexusThreshold",
    "PriceBasis",
    "RoundedFigure",
    "RoundingLevel",
    "RoundingPolicy",
    "Seller",
    "ShippingTaxPolicy",
    "StateSales",
    "TableTaxCalculator",
    "TaxCalculator",
    "TaxCategory",
    "TaxComponent",
    "TaxDiscount",
    "TaxLine",
    "TaxRate",
    "TaxRateProvider",
    "TaxRequest",
    "TaxResult",
    "TaxRule",
    "TaxTableError",
    "TaxTotal",
    "TaxType",
    "Taxability",
    "TaxedLine",
    "VatAnswer",
    "VatNumberCheck",
    "VatNumberValidator",
    "canada_tax_rules",
    "check_vat_number",
    "eu_vat_rules",
    "has_economic_nexus",
    "normalize_vat_number",
    "resolve_rules",
    "us_nexus_thresholds",
    "vat_prefix",
]
