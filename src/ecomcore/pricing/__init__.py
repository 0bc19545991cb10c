"""Pricing: the tax engine (rates, rules of supply, rounding policy), called once per document.

The entry point is a `TaxCalculator`: ``calculate(TaxRequest) -> TaxResult``. The built-in
`TableTaxCalculator` reads dated `TaxRule`s from a `TaxRateProvider`; EU VAT and Canadian rates
ship as data (`eu_vat_rules`, `canada_tax_rules`). See the "Tax" docs page.

Examples:
    >>> from ecomcore.pricing import TaxRate
    >>> str(TaxRate.percent("19"))
    '19%'
"""

from ecomcore.pricing._tax_data import canada_tax_rules, eu_vat_rules
from ecomcore.pricing._tax_engine import SHIPPING_LINE_ID, TableTaxCalculator
from ecomcore.pricing._tax_errors import AmbiguousTaxRuleError, InvalidVatNumberError, TaxTableError
from ecomcore.pricing._tax_eu import (
    EU_DISTANCE_SALES_THRESHOLD,
    EU_MEMBER_STATES,
    EuCrossBorderSales,
    VatAnswer,
    VatNumberCheck,
    normalize_vat_number,
    vat_prefix,
)
from ecomcore.pricing._tax_model import (
    Address,
    Jurisdiction,
    Taxability,
    TaxCategory,
    TaxRate,
    TaxRule,
    TaxType,
)
from ecomcore.pricing._tax_ports import TaxCalculator, TaxRateProvider, VatNumberValidator
from ecomcore.pricing._tax_request import (
    Buyer,
    Exemption,
    PriceBasis,
    Seller,
    ShippingTaxPolicy,
    TaxDiscount,
    TaxLine,
    TaxRequest,
)
from ecomcore.pricing._tax_result import TaxComponent, TaxedLine, TaxResult, TaxTotal
from ecomcore.pricing._tax_rounding import RoundedFigure, RoundingLevel, RoundingPolicy
from ecomcore.pricing._tax_rules import resolve_rules
from ecomcore.pricing._tax_us import (
    NexusThreshold,
    StateSales,
    has_economic_nexus,
    us_nexus_thresholds,
)
from ecomcore.pricing._tax_vat import check_vat_number

__all__ = [
    "EU_DISTANCE_SALES_THRESHOLD",
    "EU_MEMBER_STATES",
    "SHIPPING_LINE_ID",
    "Address",
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
