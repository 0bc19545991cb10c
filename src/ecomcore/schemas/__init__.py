"""The boundary: pydantic models that parse untrusted input into domain objects and render results.

The domain never imports pydantic; only this package does. Every model publishes its JSON Schema.

Catalog import: `import_catalog_csv` (one row per variant, the layout of store exports) and
`import_catalog_json` (the document described by `catalog_import_json_schema`) return the
products and an `ImportReport` that accounts for every row.

Pricing definitions: `load_price_lists`, `load_promotions` and `load_coupons` read the documents
described by `price_lists_json_schema`, `promotions_json_schema` and `coupons_json_schema`;
the `dump_*` functions write them back. A bad definition raises `PricingDefinitionError` with
the JSON path of every bad value.
"""

from ecomcore.schemas._catalog_csv import import_catalog_csv
from ecomcore.schemas._catalog_json import import_catalog_json
from ecomcore.schemas._catalog_models import (
    CSV_COLUMNS,
    CatalogDocument,
    ProductIn,
    VariantCsvRow,
    VariantIn,
    catalog_import_json_schema,
)
from ecomcore.schemas._catalog_report import CatalogImport, ImportReport, RejectedRow
from ecomcore.schemas._fraud import (
    FraudRuleModel,
    FraudRuleSetModel,
    dump_fraud_rule_set,
    fraud_rule_set_json_schema,
    load_fraud_rule_set,
    load_fraud_thresholds,
)
from ecomcore.schemas._pricing_load import (
    PricingDefinitionError,
    coupons_json_schema,
    dump_coupons,
    dump_price_lists,
    dump_promotions,
    load_coupons,
    load_price_lists,
    load_promotions,
    price_lists_json_schema,
    promotions_json_schema,
)
from ecomcore.schemas._tax import (
    JurisdictionModel,
    TaxRateTableModel,
    TaxRuleModel,
    load_tax_rate_table,
    tax_rate_table_json_schema,
)

__all__ = [
    "CSV_COLUMNS",
    "CatalogDocument",
    "CatalogImport",
    "FraudRuleModel",
    "FraudRuleSetModel",
    "ImportReport",
    "JurisdictionModel",
    "PricingDefinitionError",
    "ProductIn",
    "RejectedRow",
    "TaxRateTableModel",
    "TaxRuleModel",
    "VariantCsvRow",
    "VariantIn",
    "catalog_import_json_schema",
    "coupons_json_schema",
    "dump_coupons",
    "dump_fraud_rule_set",
    "dump_price_lists",
    "dump_promotions",
    "fraud_rule_set_json_schema",
    "import_catalog_csv",
    "import_catalog_json",
    "load_coupons",
    "load_fraud_rule_set",
    "load_fraud_thresholds",
    "load_price_lists",
    "load_promotions",
    "load_tax_rate_table",
    "price_lists_json_schema",
    "promotions_json_schema",
    "tax_rate_table_json_schema",
]
