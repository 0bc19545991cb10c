"""Fraud rule sets as JSON: good documents load and round-trip, bad ones fail with clear errors."""

import json

import pytest

from ecomcore.core import ValidationError
from ecomcore.fraud import RuleSet, Thresholds
from ecomcore.rules import RuleSyntaxError
from ecomcore.schemas import (
    dump_fraud_rule_set,
    fraud_rule_set_json_schema,
    load_fraud_rule_set,
    load_fraud_thresholds,
)

TEXT = (
    "big: review if :amount: > 500 and :ip_country: != :billing_country:\n"
    "block if :email_domain: in @blocked"
)


def test_a_rule_set_loads_from_json_rules_or_text_and_prints_the_same_text() -> None:
    """Both JSON shapes give the same rule set, which prints back to the original text."""
    from_text = load_fraud_rule_set(json.dumps({"text": TEXT}))
    from_rules = load_fraud_rule_set(dump_fraud_rule_set(RuleSet.parse(TEXT)))
    assert from_text == from_rules == RuleSet.parse(TEXT)
    assert str(from_rules) == TEXT


def test_thresholds_travel_with_the_rules() -> None:
    """Thresholds dumped with a rule set load back; a document without them gets the defaults."""
    document = dump_fraud_rule_set(RuleSet.parse(TEXT), Thresholds(30, 50, 90))
    assert load_fraud_thresholds(json.dumps(document)) == Thresholds(30, 50, 90)
    assert load_fraud_thresholds({"text": TEXT}) == Thresholds()


@pytest.mark.parametrize(
    ("document", "field"),
    [
        ({}, "rule set"),
        ({"text": TEXT, "rules": []}, "rule set"),
        ({"rules": [{"action": "ban", "condition": ":amount: > 1"}]}, "rules.0.action"),
        ({"rules": [{"action": "block", "condition": ""}]}, "rules.0.condition"),
        ({"rules": [{"action": "block", "condition": "x", "why": 1}]}, "rules.0.why"),
        (
            {"rules": [{"label": "1st", "action": "block", "condition": ":is_guest:"}]},
            "rules.0.label",
        ),
        ({"text": TEXT, "thresholds": {"block_at": 500}}, "thresholds.block_at"),
        (
            {"rules": [{"action": "block", "condition": ":is_guest: review if :is_guest:"}]},
            "rules[0].condition",
        ),
    ],
)
def test_bad_documents_name_the_field(document: dict[str, object], field: str) -> None:
    """A malformed document raises the library's ValidationError naming the field."""
    with pytest.raises(ValidationError) as caught:
        load_fraud_rule_set(document)
    assert caught.value.field == field


def test_a_bad_condition_names_the_rule_and_the_column_inside_it() -> None:
    """Syntax errors in a JSON rule point into that rule's condition."""
    document = {
        "rules": [
            {"action": "block", "condition": ":is_guest:"},
            {"action": "review", "condition": ":amount: > > 5"},
        ]
    }
    with pytest.raises(RuleSyntaxError) as caught:
        load_fraud_rule_set(document)
    assert caught.value.problem.startswith("rules[1]")
    assert caught.value.column == 12


def test_duplicate_labels_across_json_rules_are_refused() -> None:
    """Two JSON rules may not share a label."""
    rule = {"label": "a", "action": "block", "condition": ":is_guest:"}
    with pytest.raises(RuleSyntaxError, match="used twice"):
        load_fraud_rule_set({"rules": [rule, rule]})


def test_the_json_schema_describes_actions() -> None:
    """The published schema lists the four actions."""
    schema = fraud_rule_set_json_schema()
    rule = schema["$defs"]["FraudRuleModel"]["properties"]["action"]
    assert set(rule["enum"]) == {"allow", "block", "review", "request_3ds"}
