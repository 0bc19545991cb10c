"""The public names of each package are a contract: changing them is a deliberate act."""

import importlib
import subprocess
import sys

import pytest

PUBLIC = {
    "ecomcore.core": {
        "Clock", "ConcurrencyError", "Currency", "CurrencyMismatchError", "DomainEvent",
        "EcomcoreError", "FloatAmountError", "Money", "NotFoundError", "PrecisionLossError",
        "Rounding", "SystemClock", "TaxedMoney", "UnknownCurrencyError", "ValidationError",
        "allocate", "as_money", "format_money", "from_minor_units", "get_currency", "minor_units",
        "quantize", "sum_money", "to_minor_units",
    },
    "ecomcore.fraud": {
        "ATTRIBUTES", "Address", "And", "Assessment", "Attribute", "AvsResult",
        "BacktestComparison", "BacktestReport", "CardDataError", "CardFacts", "Channel",
        "Comparison", "CompiledRule", "CompiledRuleSet", "Condition", "Counted", "CustomerFacts",
        "CvvResult", "DEFAULT_VELOCITY_LIMITS", "DEFAULT_WEIGHTS", "Decision",
        "FREIGHT_FORWARDERS", "Field", "FraudChecks", "FraudInput", "Funding", "Includes",
        "IpFacts", "IsMissing", "IsTrue", "KeyedHasher", "LabelledOrder", "Like", "LineItem",
        "ListKind", "ListLiteral", "Literal", "MAX_DEPTH", "MAX_LIST_ITEMS", "MAX_RULES",
        "MAX_TEXT_LENGTH", "Membership", "NamedList", "Not", "Or", "RiskPolicy", "Rule", "RuleSet",
        "RuleSubject", "RuleSyntaxError", "RuleTypeError", "Signal", "ThreeDSResult", "Thresholds",
        "ValueType", "VelocityCount", "VelocityCounter", "VelocityLimit", "VelocitySubject",
        "Watchlist", "assess", "backtest", "combine_weights", "compare_policies", "decide",
        "distance_km", "explain", "find_card_data", "generate_orders",
        "is_disposable_email_domain", "luhn_valid", "refuse_card_data", "run_checks",
    },
    "ecomcore.testing": {"FixedClock", "VelocityCounterContract", "fraud_strategies", "strategies"},
    "ecomcore.adapters.memory": {"MemoryVelocityCounter"},
    "ecomcore.schemas": {
        "FraudRuleModel", "FraudRuleSetModel", "dump_fraud_rule_set", "fraud_rule_set_json_schema",
        "load_fraud_rule_set", "load_fraud_thresholds",
    },
}  # fmt: skip


@pytest.mark.parametrize("package", sorted(PUBLIC))
def test_all_lists_exactly_the_public_names(package: str) -> None:
    """__all__ matches the locked list, and every name in it exists."""
    module = importlib.import_module(package)
    assert set(module.__all__) == PUBLIC[package]
    for name in module.__all__:
        assert hasattr(module, name), name


def test_importing_ecomcore_imports_no_context() -> None:
    """`import ecomcore` is cheap: it loads no context until one is asked for."""
    code = "import ecomcore, sys; print(sorted(m for m in sys.modules if m.startswith('ecomcore')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['ecomcore']"
