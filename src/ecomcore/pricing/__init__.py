"""Pricing: price lists, price history, promotions and coupons, the quote engine, and tax.

Start with `quote`: it takes a `QuoteRequest` (lines with their variant, product, categories,
tags and quantity; the customer; channel; currency; coupon codes; shipping), a `PriceBook`, a
`PromotionCatalog`, coupons, a `RedemptionReader` and a `QuoteTax`, and returns a `Quote` that
explains every figure. docs/pricing.md walks through the stacking model.

Tax is its own engine, called once per document: a `TaxCalculator` turns a `TaxRequest` into a
`TaxResult`. The built-in `TableTaxCalculator` reads dated `TaxRule`s from a `TaxRateProvider`;
EU VAT and Canadian rates ship as data (`eu_vat_rules`, `canada_tax_rules`). docs/tax.md explains
inclusive and exclusive prices and the rounding policies.

Examples:
    >>> from datetime import UTC, datetime
    >>> from ecomcore.core import Money
    >>> from ecomcore.pricing import (LineItem, PriceBook, PriceList, Promotion, QuoteRequest,
    ...     FixedPriceBundle, TaxRate, quote)
    >>> book = PriceBook([PriceList.of("retail", "EUR", {"sock": "7.99"})])
    >>> promo = Promotion("socks", "Socks 3 for 20", FixedPriceBundle(3, Money("20.00", "EUR")))
    >>> request = QuoteRequest("EUR", [LineItem("1", "sock", "sock", 3)],
    ...                        at=datetime(2026, 1, 10, tzinfo=UTC))
    >>> quote(request, prices=book, promotions=[promo]).total.gross
    Money('20.00', 'EUR')
    >>> str(TaxRate.percent("19"))
    '19%'
"""

from ecomcore.pricing._coupons import (
    UNAMBIGUOUS_ALPHABET,
    Coupon,
    CouponBook,
    CouponRefusal,
    RefusalReason,
    generate_codes,
    normalise_code,
)
from ecomcore.pricing._errors import (
    PriceNotFoundError,
    PromotionDefinitionError,
    ReductionRuleError,
)
from ecomcore.pricing._events import PriceChanged, PromotionRedeemed
from ecomcore.pricing._ports import (
    PricingUnitOfWork,
    Redemption,
    RedemptionLedger,
    RedemptionReader,
    RedemptionUsage,
)
from ecomcore.pricing._price_history import PriceHistory, PriceReduction, announce_reduction
from ecomcore.pricing._price_lists import (
    PriceBook,
    PriceList,
    PriceListKind,
    PriceTier,
    ResolvedPrice,
)
from ecomcore.pricing._promotions._benefits import (
    AmountOff,
    Benefit,
    BuyXGetY,
    FixedPriceBundle,
    FreeGift,
    PercentOff,
    Reward,
    Tier,
    TieredPercentOff,
)
from ecomcore.pricing._promotions._catalog import PromotionCatalog
from ecomcore.pricing._promotions._conditions import (
    All,
    Always,
    Any,
    ChannelIs,
    Condition,
    CouponEntered,
    CurrencyIs,
    CustomerInGroup,
    DateWindow,
    FirstOrder,
    Not,
    RangeQuantityAtLeast,
    RangeValueAtLeast,
    Shortfall,
    SubtotalAtLeast,
)
from ecomcore.pricing._promotions._context import PricedLine, PromotionContext
from ecomcore.pricing._promotions._order_benefits import (
    OrderAmountOff,
    OrderPercentOff,
    ShippingDiscount,
)
from ecomcore.pricing._promotions._promotion import Promotion, PromotionLimits
from ecomcore.pricing._promotions._ranges import ProductRange
from ecomcore.pricing._promotions._working import StackingBase, Stage
from ecomcore.pricing._quote import quote
from ecomcore.pricing._quote_model import (
    Adjustment,
    AppliedPromotion,
    CustomerContext,
    LineItem,
    NearMiss,
    Quote,
    QuotedLine,
    QuoteRequest,
    ShippingQuote,
)
from ecomcore.pricing._quote_tax import QuoteTax
from ecomcore.pricing._services import record_redemptions
from ecomcore.pricing._tax_data import canada_tax_rules, eu_vat_rules
from ecomcore.pricing._tax_engine import TableTaxCalculator
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
    "UNAMBIGUOUS_ALPHABET",
    "Address",
    "Adjustment",
    "All",
    "Always",
    "AmbiguousTaxRuleError",
    "AmountOff",
    "Any",
    "AppliedPromotion",
    "Benefit",
    "BuyXGetY",
    "Buyer",
    "ChannelIs",
    "Condition",
    "Coupon",
    "CouponBook",
    "CouponEntered",
    "CouponRefusal",
    "CurrencyIs",
    "CustomerContext",
    "CustomerInGroup",
    "DateWindow",
    "EuCrossBorderSales",
    "Exemption",
    "FirstOrder",
    "FixedPriceBundle",
    "FreeGift",
    "InvalidVatNumberError",
    "Jurisdiction",
    "LineItem",
    "NearMiss",
    "NexusThreshold",
    "Not",
    "OrderAmountOff",
    "OrderPercentOff",
    "PercentOff",
    "PriceBasis",
    "PriceBook",
    "PriceChanged",
    "PriceHistory",
    "PriceList",
    "PriceListKind",
    "PriceNotFoundError",
    "PriceReduction",
    "PriceTier",
    "PricedLine",
    "PricingUnitOfWork",
    "ProductRange",
    "Promotion",
    "PromotionCatalog",
    "PromotionContext",
    "PromotionDefinitionError",
    "PromotionLimits",
    "PromotionRedeemed",
    "Quote",
    "QuoteRequest",
    "QuoteTax",
    "QuotedLine",
    "RangeQuantityAtLeast",
    "RangeValueAtLeast",
    "Redemption",
    "RedemptionLedger",
    "RedemptionReader",
    "RedemptionUsage",
    "ReductionRuleError",
    "RefusalReason",
    "ResolvedPrice",
    "Reward",
    "RoundedFigure",
    "RoundingLevel",
    "RoundingPolicy",
    "Seller",
    "ShippingDiscount",
    "ShippingQuote",
    "ShippingTaxPolicy",
    "Shortfall",
    "StackingBase",
    "Stage",
    "StateSales",
    "SubtotalAtLeast",
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
    "Tier",
    "TieredPercentOff",
    "VatAnswer",
    "VatNumberCheck",
    "VatNumberValidator",
    "announce_reduction",
    "canada_tax_rules",
    "check_vat_number",
    "eu_vat_rules",
    "generate_codes",
    "has_economic_nexus",
    "normalise_code",
    "normalize_vat_number",
    "quote",
    "record_redemptions",
    "resolve_rules",
    "us_nexus_thresholds",
    "vat_prefix",
]
