"""The public names of each package are a contract: changing them is a deliberate act."""

import ast
import importlib
import inspect
import subprocess
import sys

import pytest

PUBLIC = {
    "ecomcore.adapters.memory": {
        "InMemoryCatalogStore", "InMemoryCatalogUnitOfWork", "InMemoryCategoryRepository",
        "InMemoryOutbox", "InMemoryPricingUnitOfWork", "InMemoryProductRepository",
        "InMemoryRedemptionLedger", "InMemoryRedemptionStore", "InMemoryStockRepository",
        "InMemoryStockStore", "InMemoryStockUnitOfWork",
        "InMemoryTaxRateProvider", "InMemoryUnitOfWork", "InMemoryVelocityCounter", "StagedWrite",
        "VersionedTable",
    },
    "ecomcore.adapters.sqlalchemy": {
        "Database", "SQLITE_BUSY_TIMEOUT_MS", "SqlCatalogUnitOfWork", "SqlCategoryRepository",
        "SqlOutbox", "SqlPricingUnitOfWork", "SqlProductRepository",
        "SqlRedemptionLedger", "SqlStockRepository", "SqlStockUnitOfWork", "SqlTaxRateProvider",
        "SqlUnitOfWork", "SqlVelocityCounter", "VERSION_TABLE", "downgrade", "upgrade",
    },
    "ecomcore.catalog": {
        "AttributeDefinition", "AttributeKind", "AttributeValue", "AttributeValueError", "Barcode",
        "CatalogUnitOfWork", "Category", "CategoryCycleError", "CategoryRepository",
        "CategoryTree", "ProductCollection",
        "CollectionRule", "Dimensions", "DuplicateSkuError", "InvalidBarcodeError",
        "InventoryComponent", "Length", "LengthUnit", "Media", "OptionAxis", "OptionChange",
        "Product", "ProductCreated", "ProductRepository", "ProductStatus", "ProductStatusChanged",
        "ProductType", "PublicationProblem", "RuleField", "RuleOperator", "UnknownUnitError",
        "Variant", "VariantsChanged", "Weight", "WeightUnit", "change_product_options",
        "check_handle", "check_hs_code", "check_sku", "move_category",
        "products_in_category", "publication_problems", "publish_product", "variant_matrix",
    },
    "ecomcore.core": {
        "Address", "Aggregate", "CardDataError", "Clock", "ConcurrencyError", "Coordinates",
        "Currency", "CurrencyMismatchError", "DomainEvent", "EARTH_RADIUS_KM", "EcomcoreError",
        "FixedClock", "FloatAmountError", "IdGenerator", "Lifecycle", "Money", "NotFoundError",
        "Outbox", "PrecisionLossError", "Rounding", "SequentialIds", "SystemClock",
        "TaxedMoney", "TransitionError", "UnitOfWork", "UnknownCurrencyError", "UuidIds",
        "ValidationError", "allocate", "allocate_units", "as_money", "check_country",
        "check_id", "check_subdivision", "check_whole_number", "distance_km", "find_card_data",
        "format_money", "from_minor_units", "get_currency", "iso_currency_codes", "luhn_valid",
        "minor_units", "quantize", "refuse_card_data", "sum_money", "to_minor_units",
        "whole_number",
    },
    "ecomcore.fraud": {
        "ATTRIBUTES", "Assessment", "AvsResult", "BacktestComparison", "BacktestReport",
        "CardFacts", "Channel", "CompiledRule", "CompiledRuleSet", "Counted", "CustomerFacts",
        "CvvResult", "DEFAULT_VELOCITY_LIMITS", "DEFAULT_WEIGHTS", "Decision", "FREIGHT_FORWARDERS",
        "FraudChecks", "FraudInput", "Funding", "IpFacts", "ItemFacts", "KeyedHasher",
        "LabelledOrder", "ListKind", "RiskPolicy", "Rule", "RuleSet", "RuleSubject", "Signal",
        "ThreeDSResult", "Thresholds", "VelocityCount", "VelocityCounter", "VelocityLimit",
        "VelocitySubject", "Watchlist", "assess", "backtest", "combine_weights",
        "compare_policies", "decide", "explain", "generate_orders", "is_disposable_email_domain",
        "run_checks",
    },
    "ecomcore.inventory": {
        "AllocationPlan", "BackInStock", "DEFAULT_ATTEMPTS", "ExpectedReceipt",
        "IdempotencyConflictError", "InsufficientStockError", "InventoryUnitOfWork", "Kit",
        "Location", "LocationKind",
        "LowStock", "Movement", "MovementReason", "OutOfStock", "Pick", "Reservation",
        "RESERVATION_LIFECYCLE", "ReservationExpired", "ReservationLine", "ReservationStatus",
        "Shortage", "StockAtLocation", "TRANSFER_LIFECYCLE",
        "StockChange", "StockKey", "StockLevel", "StockPolicy", "StockQuantities",
        "StockRepository", "Strategy", "Transfer", "TransferStatus",
        "adjust_stock", "allocate_reservation", "by_location_priority", "collection_point_first",
        "configure_stock", "demand", "dispatch_transfer", "expect_receipt", "expire_reservations",
        "extend_reservation", "fewest_shipments", "highest_available_first", "nearest_to",
        "receive_stock", "receive_transfer", "record_count", "release_reservation", "replay",
        "reserve", "reserve_by_strategy", "return_to_stock", "ship_reservation",
    },
    "ecomcore.inventory.planning": {
        "ADI_CUTOFF", "Backtest", "BaseStockLevel", "CV2_CUTOFF", "DemandClass", "DemandHistory",
        "DemandObservation", "DemandProfile", "DemandRecord", "Forecast", "InventoryPosition",
        "DemandPeriod", "LeadTimeDemand", "LotPlan", "LotSize", "PlanningInputError",
        "PositionFacts",
        "RQPolicy", "ReorderSuggestion", "SSPolicy", "SeriesKey", "Supplier", "abc_classes",
        "auto_forecast", "backtest_forecasts", "base_stock_level", "bias", "classify_demand",
        "croston",
        "days_of_inventory", "demand_history", "discrete_newsvendor_cost",
        "economic_order_quantity", "economic_order_quantity_with_backorders",
        "economic_production_quantity", "eoq_cost", "fill_rate", "gmroi", "holt",
        "inventory_turnover", "lead_time_demand", "mean_absolute_error",
        "mean_absolute_scaled_error", "moving_average", "newsvendor_discrete", "newsvendor_normal",
        "newsvendor_normal_cost", "reorder_point", "root_mean_squared_error", "rq_cost",
        "rq_policy", "safety_stock", "safety_stock_for_fill_rate", "sba", "sell_through",
        "simple_exponential_smoothing", "ss_cost", "ss_policy", "stockout_rate", "suggest_reorders",
        "tsb", "wagner_whitin", "xyz_classes", "position_from_level", "shipments_as_demand",
        "suggest_reorders_from_stock",
    },
    "ecomcore.metrics": {
        "BetaGeoModel", "CalibrationCheck", "ColumnsError", "CustomerSummary", "FitError",
        "GammaGammaModel", "LineSchema", "ModifiedBetaGeoModel", "NotConvergedError", "OrderSchema",
        "ParetoNBDModel", "Period", "PurchaseModel", "RetentionMatrix", "RfmScores", "SEGMENTS",
        "SessionSchema", "SpendModelDivergesError", "SpendSchema", "SyntheticStore", "TimeUnit",
        "average_order_value", "calibration_vs_holdout", "cart_abandonment_rate", "churn_rate",
        "conversion_rate", "customer_acquisition_cost", "customer_lifetime_value", "customers",
        "discount_rate", "gross_margin", "load_cdnow", "order_count", "plot_calibration_vs_holdout",
        "plot_cohort_heatmap", "plot_frequency_recency_matrix", "plot_probability_alive_matrix",
        "purchase_frequency", "repeat_purchase_rate", "retention_matrix", "return_on_ad_spend",
        "return_rate", "revenue", "rfm_scores", "segment_of", "summarize_transactions",
        "synthetic_store", "time_between_orders", "units_per_order",
    },
    "ecomcore.orders": {
        "Cart", "CartCouponAdded", "CartCouponRemoved", "CartItem", "CartLine", "CartLineAdded",
        "CartLineNotFoundError", "CartLineQuantityChanged", "CartLineRemoved", "CartMerged",
        "CartOpened", "QuantityRule", "QuantityRuleError",
    },
    "ecomcore.pricing": {
        "Adjustment", "AllOf", "Always", "AmountOff", "AnyOf", "AppliedPromotion", "Benefit",
        "BuyXGetY", "ChannelIs", "Condition", "Coupon", "CouponBook", "CouponEntered",
        "CouponRefusal", "CurrencyIs", "CustomerContext", "CustomerInGroup", "DateWindow",
        "FirstOrder", "FixedPriceBundle", "FreeGift", "LineItem", "NearMiss", "Unless",
        "OrderAmountOff", "OrderPercentOff", "PercentOff", "PriceBook", "PriceChanged",
        "PriceHistory", "PriceList", "PriceListKind", "PriceNotFoundError", "PriceReduction",
        "PriceTier", "PricedLine", "ProductRange", "Promotion", "PromotionCatalog",
        "PromotionContext", "PromotionDefinitionError", "PromotionLimits", "PromotionRedeemed",
        "Quote", "QuoteRequest", "QuoteTax", "QuotedLine", "RangeQuantityAtLeast",
        "RangeValueAtLeast", "Redemption", "RedemptionLedger", "RedemptionUsage",
        "ReductionRuleError", "RefusalReason", "ResolvedPrice", "Reward", "ShippingDiscount",
        "ShippingQuote", "Shortfall", "StackingBase", "Stage", "SubtotalAtLeast", "Tier",
        "TieredPercentOff", "UNAMBIGUOUS_ALPHABET", "announce_reduction", "generate_codes",
        "normalise_code", "quote", "record_redemptions", "PricingUnitOfWork", "RedemptionReader",
    },
    "ecomcore.rules": {
        "And", "Attribute", "Comparison", "ConditionTree", "Constant", "ConstantList", "Field",
        "Includes", "IsMissing", "IsTrue", "KEYWORDS", "Like", "MAX_DEPTH", "MAX_LIST_ITEMS",
        "MAX_RULES", "MAX_TEXT_LENGTH", "Membership", "NamedList", "Not", "Or", "OutcomeRule",
        "Predicate", "RuleSyntaxError", "RuleTypeError", "Value", "ValueType", "Vocabulary",
        "compile_condition", "compile_conditions", "named_lists", "parse_condition", "parse_rules",
    },
    "ecomcore.schemas": {
        "CSV_COLUMNS", "CatalogDocument", "CatalogImport", "FraudRuleModel", "FraudRuleSetModel",
        "ImportReport", "JurisdictionModel", "PricingDefinitionError", "ProductIn", "RejectedRow",
        "TaxRateTableModel", "TaxRuleModel", "VariantCsvRow", "VariantIn",
        "catalog_import_json_schema", "coupons_json_schema", "dump_coupons", "dump_fraud_rule_set",
        "dump_price_lists", "dump_promotions", "fraud_rule_set_json_schema", "import_catalog_csv",
        "import_catalog_json", "load_coupons", "load_fraud_rule_set", "load_fraud_thresholds",
        "load_price_lists", "load_promotions", "load_tax_rate_table", "price_lists_json_schema",
        "promotions_json_schema", "tax_rate_table_json_schema",
    },
    "ecomcore.tax": {
        "AmbiguousTaxRuleError", "Buyer", "EU_DISTANCE_SALES_THRESHOLD", "EU_MEMBER_STATES",
        "EuCrossBorderSales", "Exemption", "InvalidVatNumberError", "Jurisdiction",
        "NexusThreshold", "PriceBasis", "RoundedFigure", "RoundingLevel", "RoundingPolicy",
        "SHIPPING_LINE_ID", "Seller", "ShippingTaxPolicy", "StateSales", "TableTaxCalculator",
        "TaxCalculator", "TaxCategory", "TaxComponent", "TaxDiscount", "TaxLine", "TaxRate",
        "TaxRateProvider", "TaxRequest", "TaxResult", "TaxRule", "TaxTableError", "TaxTotal",
        "TaxType", "Taxability", "TaxedLine", "VatAnswer", "VatNumberCheck", "VatNumberValidator",
        "canada_tax_rules", "check_vat_number", "eu_vat_rules", "has_economic_nexus",
        "normalize_vat_number", "resolve_rules", "us_nexus_thresholds", "vat_prefix",
    },
    "ecomcore.testing": {
        "BROKEN_KINDS", "CategoryRepositoryContract", "FakeVatNumberValidator",
        "ProductRepositoryContract", "RedemptionLedgerContract", "SampleCatalogCsv",
        "StockRepositoryContract", "TaxRateProviderContract", "UnitOfWorkContract",
        "VelocityCounterContract", "contracts", "fakes", "postgres", "sample_catalog_csv",
        "strategies", "throwaway_postgres",
    },
    "ecomcore.testing.contracts": {
        "CategoryRepositoryContract", "ProductRepositoryContract", "RedemptionLedgerContract",
        "StockRepositoryContract", "TaxRateProviderContract", "UnitOfWorkContract",
        "VelocityCounterContract",
    },
    "ecomcore.testing.fakes": {
        "BROKEN_KINDS", "FakeVatNumberValidator", "SampleCatalogCsv", "sample_catalog_csv",
    },
}  # fmt: skip


@pytest.mark.parametrize("package", sorted(PUBLIC))
def test_all_lists_exactly_the_public_names(package: str) -> None:
    """__all__ matches the locked list, and every name in it exists."""
    module = importlib.import_module(package)
    assert set(module.__all__) == PUBLIC[package]
    for name in module.__all__:
        assert hasattr(module, name), name


def loaded_contexts(statement: str) -> list[str]:
    """The ecomcore contexts (and kernel) a fresh interpreter has loaded after ``statement``."""
    code = (
        f"{statement}; import sys; "
        "print(sorted({m.split('.')[1] for m in sys.modules if m.count('.') >= 1 "
        "and m.startswith('ecomcore.')}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    names: list[str] = ast.literal_eval(out.stdout)
    return names


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("import ecomcore.adapters.memory.fraud", ["adapters", "core", "fraud", "rules"]),
        ("from ecomcore.adapters.memory import InMemoryVelocityCounter",
         ["adapters", "core", "fraud", "rules"]),
        ("from ecomcore.testing.contracts import VelocityCounterContract",
         ["core", "fraud", "rules", "testing"]),
        ("import ecomcore.tax", ["core", "tax"]),
        ("import ecomcore.adapters.memory.tax", ["adapters", "core", "tax"]),
        ("from ecomcore.adapters.memory import InMemoryTaxRateProvider",
         ["adapters", "core", "tax"]),
        ("from ecomcore.testing.contracts import TaxRateProviderContract",
         ["core", "tax", "testing"]),
        ("from ecomcore.testing import FakeVatNumberValidator", ["core", "tax", "testing"]),
        ("import ecomcore.testing", ["core", "testing"]),
        ("import ecomcore.rules", ["core", "rules"]),
        ("from ecomcore.rules import compile_condition", ["core", "rules"]),
    ],
)  # fmt: skip
def test_importing_one_context_part_loads_that_context_only(
    statement: str, expected: list[str]
) -> None:
    """An adapter, contract or fake for one context loads that context and what is below it.

    Below a context are core and the engines it uses (fraud writes its rules in ``rules``);
    ``import ecomcore.rules`` loads no context at all.
    """
    assert loaded_contexts(statement) == expected


def test_fixed_clock_and_fakes_need_neither_pytest_nor_hypothesis() -> None:
    """`FixedClock` and the fakes import on a machine without the testing extra."""
    code = (
        "import sys; sys.modules['pytest'] = sys.modules['hypothesis'] = None; "
        "from ecomcore.core import FixedClock; from ecomcore.testing.fakes import "
        "FakeVatNumberValidator, sample_catalog_csv; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


def test_importing_ecomcore_imports_no_context() -> None:
    """`import ecomcore` is cheap: it loads no context until one is asked for."""
    code = "import ecomcore, sys; print(sorted(m for m in sys.modules if m.startswith('ecomcore')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['ecomcore']"


@pytest.mark.parametrize("package", sorted(PUBLIC))
def test_every_public_class_and_function_shows_a_runnable_example(package: str) -> None:
    """Each class and function a package exports has an example in its own docstring.

    The doctests run with the rest of the suite; names re-exported from another library
    (py-moneyed's ``Currency``) keep that library's documentation.
    """
    module = importlib.import_module(package)
    exported = [getattr(module, name) for name in module.__all__]
    ours = [
        item
        for item in exported
        if (inspect.isclass(item) or inspect.isfunction(item))
        and item.__module__.startswith("ecomcore")
    ]
    assert [item.__name__ for item in ours if ">>>" not in (item.__doc__ or "")] == []


@pytest.mark.parametrize("package", sorted(PUBLIC))
def test_no_public_class_is_a_tuple_in_disguise(package: str) -> None:
    """Public values are attrs classes: none is a tuple subclass that unpacks and indexes.

    A named tuple compares equal to a plain tuple, unpacks into the wrong names when a field is
    added, and is built with ``tuple.__new__`` shortcuts that skip validation.
    """
    module = importlib.import_module(package)
    exported = [getattr(module, name) for name in module.__all__]
    tuples = [
        item.__name__ for item in exported if inspect.isclass(item) and issubclass(item, tuple)
    ]
    assert tuples == []
