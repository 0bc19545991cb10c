"""The boundary: pydantic models that parse untrusted input into domain objects and render results.

The domain never imports pydantic; only this package does. Every model publishes its JSON Schema.
"""

from ecomcore.schemas._tax import (
    JurisdictionModel,
    TaxRateTableModel,
    TaxRuleModel,
    load_tax_rate_table,
    tax_rate_table_json_schema,
)

__all__: list[str] = [
    "JurisdictionModel",
    "TaxRateTableModel",
    "TaxRuleModel",
    "load_tax_rate_table",
    "tax_rate_table_json_schema",
]
