"""Fraud rule sets as JSON: a pydantic model, its JSON Schema, and loading from text or JSON."""

from collections.abc import Mapping
from typing import Any, Literal

import pydantic

from ecomcore.core import ValidationError
from ecomcore.fraud import RuleSet, Thresholds
from ecomcore.rules import MAX_RULES, MAX_TEXT_LENGTH, RuleSyntaxError
from ecomcore.schemas._schema_text import without_examples

__all__ = [
    "FraudRuleModel",
    "FraudRuleSetModel",
    "dump_fraud_rule_set",
    "fraud_rule_set_json_schema",
    "load_fraud_rule_set",
    "load_fraud_thresholds",
]


class FraudRuleModel(pydantic.BaseModel):
    """One rule as JSON: ``{"label": "big", "action": "review", "condition": ":amount: > 500"}``.

    Examples:
        >>> import pydantic
        >>> from ecomcore.schemas import FraudRuleModel
        >>> rule = FraudRuleModel.model_validate({"action": "review", "condition": ":amount: > 5"})
        >>> rule.action, rule.label
        ('review', None)
        >>> try:
        ...     FraudRuleModel.model_validate({"action": "hold", "condition": ":amount: > 500"})
        ... except pydantic.ValidationError as error:
        ...     print(error.errors()[0]["loc"], error.errors()[0]["msg"])
        ('action',) Input should be 'allow', 'block', 'review' or 'request_3ds'
    """

    model_config = pydantic.ConfigDict(
        json_schema_extra=without_examples, extra="forbid", frozen=True
    )

    label: str | None = pydantic.Field(default=None, pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")
    action: Literal["allow", "block", "review", "request_3ds"]
    condition: str = pydantic.Field(min_length=1, max_length=MAX_TEXT_LENGTH)


class FraudThresholdsModel(pydantic.BaseModel):
    """Score cut-offs, as in `ecomcore.fraud.Thresholds`."""

    model_config = pydantic.ConfigDict(
        json_schema_extra=without_examples, extra="forbid", frozen=True
    )

    challenge_at: int = pydantic.Field(default=40, ge=0, le=101)
    review_at: int = pydantic.Field(default=60, ge=0, le=101)
    block_at: int = pydantic.Field(default=85, ge=0, le=101)


class FraudRuleSetModel(pydantic.BaseModel):
    """A rule set as JSON: either ``rules`` (a list of rules) or ``text`` (rule text), not both.

    Examples:
        >>> from ecomcore.schemas import FraudRuleSetModel, load_fraud_rule_set
        >>> model = FraudRuleSetModel.model_validate_json('{"text": "block if :ip_is_proxy:"}')
        >>> model.text, model.rules
        ('block if :ip_is_proxy:', None)
        >>> load_fraud_rule_set({"text": "block if :ip_is_proxy:", "rules": []})
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: rule set must be ... exactly one of 'rules' ...
    """

    model_config = pydantic.ConfigDict(
        json_schema_extra=without_examples, extra="forbid", frozen=True
    )

    rules: list[FraudRuleModel] | None = pydantic.Field(default=None, max_length=MAX_RULES)
    text: str | None = pydantic.Field(default=None, max_length=MAX_TEXT_LENGTH)
    thresholds: FraudThresholdsModel | None = None

    @pydantic.model_validator(mode="after")
    def _one_source(self) -> "FraudRuleSetModel":
        if (self.rules is None) == (self.text is None):
            raise ValueError("give exactly one of 'rules' (a list) or 'text' (rule text)")
        return self


def fraud_rule_set_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of a fraud rule set document.

    Examples:
        >>> sorted(fraud_rule_set_json_schema()["properties"])
        ['rules', 'text', 'thresholds']
    """
    return FraudRuleSetModel.model_json_schema()


def _model(data: str | bytes | Mapping[str, Any]) -> FraudRuleSetModel:
    try:
        if isinstance(data, str | bytes):
            return FraudRuleSetModel.model_validate_json(data)
        return FraudRuleSetModel.model_validate(data)
    except pydantic.ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "rule set"
        raise ValidationError(where, first.get("input"), first["msg"]) from None


def _rule_text(rule: FraudRuleModel) -> str:
    prefix = f"{rule.label}: " if rule.label else ""
    return f"{prefix}{rule.action} if "


def load_fraud_rule_set(data: str | bytes | Mapping[str, Any]) -> RuleSet:
    """Load a rule set from a JSON document (text, bytes or an already-decoded mapping).

    A rule whose condition does not parse raises `RuleSyntaxError` naming the rule
    (``rules[2]``) with line and column inside its condition.

    Examples:
        >>> rules = load_fraud_rule_set(
        ...     '{"rules": [{"label": "big", "action": "review", "condition": ":amount: > 500"}]}'
        ... )
        >>> print(rules)
        big: review if :amount: > 500
        >>> load_fraud_rule_set({"rules": [{"action": "block", "condition": ":amount: >"}]})
        Traceback (most recent call last):
        ...
        ecomcore.rules._errors.RuleSyntaxError: line 1, column 11: rules[0]: unexpected end ...
    """
    model = _model(data)
    if model.text is not None:
        return RuleSet.parse(model.text)
    parsed = []
    for index, rule in enumerate(model.rules or []):
        prefix = _rule_text(rule)
        try:
            (one,) = RuleSet.parse(prefix + rule.condition).rules
        except RuleSyntaxError as error:
            column = error.column - len(prefix) if error.line == 1 else error.column
            raise type(error)(
                f"rules[{index}]: {error.problem}",
                line=error.line,
                column=max(column, 1),
                expected=error.expected,
            ) from None
        except ValueError:  # the condition holds more than one rule
            raise ValidationError(
                f"rules[{index}].condition", rule.condition, "one condition, without 'if'"
            ) from None
        parsed.append(one)
    result = RuleSet(parsed)
    RuleSet.parse(str(result))  # labels must be unique across the whole set
    return result


def load_fraud_thresholds(data: str | bytes | Mapping[str, Any]) -> Thresholds:
    """Read the thresholds of a rule set document, or the defaults when it has none.

    Examples:
        >>> from ecomcore.schemas import load_fraud_thresholds
        >>> load_fraud_thresholds({"text": "", "thresholds": {"review_at": 50, "block_at": 90}})
        Thresholds(challenge_at=40, review_at=50, block_at=90)
        >>> load_fraud_thresholds({"text": "", "thresholds": {"block_at": 120}})
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: thresholds.block_at must be ...
    """
    model = _model(data)
    if model.thresholds is None:
        return Thresholds()
    return Thresholds(**model.thresholds.model_dump())


def dump_fraud_rule_set(rules: RuleSet, thresholds: Thresholds | None = None) -> dict[str, Any]:
    """Write a rule set as a JSON-ready dict that `load_fraud_rule_set` reads back the same.

    Examples:
        >>> import json
        >>> rules = RuleSet.parse("block if :email_domain: in @blocked")
        >>> dump_fraud_rule_set(rules)
        {'rules': [{'label': None, 'action': 'block', 'condition': ':email_domain: in @blocked'}]}
        >>> load_fraud_rule_set(json.dumps(dump_fraud_rule_set(rules))) == rules
        True
    """
    document: dict[str, Any] = {
        "rules": [
            {"label": rule.label, "action": rule.action.value, "condition": str(rule.condition)}
            for rule in rules.rules
        ]
    }
    if thresholds is not None:
        document["thresholds"] = {
            "challenge_at": thresholds.challenge_at,
            "review_at": thresholds.review_at,
            "block_at": thresholds.block_at,
        }
    return document
