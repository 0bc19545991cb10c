"""Pricing: price lists, price history, promotions and coupons, and the quote engine.

Start with `quote`: it takes a `QuoteRequest` (lines with their variant, product, categories,
tags and quantity; the customer; channel; currency; coupon codes; shipping), a `PriceBook`, a
`PromotionCatalog`, coupons, a `RedemptionReader` and a `QuoteTax`, and returns a `Quote` that
explains every figure. docs/pricing.md walks through the stacking model.

Tax is its own context, `ecomcore.tax`, called once per quote through the one seam here:
`QuoteTax` names the `ecomcore.tax.TaxCalculator`, the seller and the buyer, and the quote hands
its lines, promotions and shipping to the calculator as one `ecomcore.tax.TaxRequest`.

Examples:
    >>> from datetime import UTC, datetime
    >>> from ecomcore.core import Money
    >>> from ecomcore.pricing import (LineItem, PriceBook, PriceList, Promotion, QuoteRequest,
    ...     FixedPriceBundle, quote)
    >>> book = PriceBook([PriceList.of("retail", "EUR", {"sock": "7.99"})])
    >>> promo = Promotion("socks", "Socks 3 for 20", FixedPriceBundle(3, Money("20.00", "EUR")))
    >>> request = QuoteRequest("EUR", [LineItem("1", "sock", "sock", 3)],
    ...                        at=datetime(2026, 1, 10, tzinfo=UTC))
    >>> quote(request, prices=book, promotions=[promo]).total.gross
    Money('20.00', 'EUR')
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
    AllOf,
    Always,
    AnyOf,
    ChannelIs,
    Condition,
    CouponEntered,
    CurrencyIs,
    CustomerInGroup,
    DateWindow,
    FirstOrder,
    RangeQuantityAtLeast,
    RangeValueAtLeast,
    Shortfall,
    SubtotalAtLeast,
    Unless,
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

__all__ = [
    "UNAMBIGUOUS_ALPHABET",
    "Adjustment",
    "AllOf",
    "Always",
    "AmountOff",
    "AnyOf",
    "AppliedPromotion",
    "Benefit",
    "BuyXGetY",
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
    "FirstOrder",
    "FixedPriceBundle",
    "FreeGift",
    "LineItem",
    "NearMiss",
    "OrderAmountOff",
    "OrderPercentOff",
    "PercentOff",
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
    "ShippingDiscount",
    "ShippingQuote",
    "Shortfall",
    "StackingBase",
    "Stage",
    "SubtotalAtLeast",
    "Tier",
    "TieredPercentOff",
    "Unless",
    "announce_reduction",
    "generate_codes",
    "normalise_code",
    "quote",
    "record_redemptions",
]
