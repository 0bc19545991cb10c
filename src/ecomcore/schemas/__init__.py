"""The boundary: pydantic models that parse untrusted input into domain objects and render results.

The domain never imports pydantic; only this package does. Every model publishes its JSON Schema.
"""

from ecomcore.schemas._fraud import (
    FraudRuleModel,
    FraudRuleSetModel,
    dump_fraud_rule_set,
    fraud_rule_set_json_schema,
    load_fraud_rule_set,
    load_fraud_thresholds,
)

__all__: list[str] = [
    "FraudRuleModel",
    "FraudRuleSetModel",
    "dump_fraud_rule_set",
    "fraud_rule_set_json_schema",
    "load_fraud_rule_set",
    "load_fraud_thresholds",
]
