"""Laws of the rule language and the checks, over random input."""

from collections.abc import Container
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecomcore.adapters.memory import InMemoryVelocityCounter
from ecomcore.fraud import (
    FraudChecks,
    FraudInput,
    KeyedHasher,
    RiskPolicy,
    RuleSet,
    RuleSubject,
    Thresholds,
    Watchlist,
    assess,
    combine_weights,
)
from ecomcore.rules import RuleSyntaxError
from ecomcore.testing.strategies.fraud import LIST_NAMES, fraud_inputs, rule_sets

HASHER = KeyedHasher(b"property test key 123")
LISTS: dict[str, Container[Any]] = {
    "blocked": Watchlist.of(HASHER, emails=["a@b.co"], bins=["411111"]),
    "trusted": {"DE", "x"},
    "risky_bins": frozenset({"411111"}),
}
assert set(LISTS) == set(LIST_NAMES)

_GRAMMAR_BITS = st.sampled_from(
    [
        "review",
        "block",
        "allow",
        "request_3ds",
        "if",
        " ",
        "\n",
        ":amount:",
        ":email:",
        ":skus:",
        ":is_guest:",
        ">",
        "==",
        "!=",
        "<=",
        "and",
        "or",
        "not",
        "in",
        "includes",
        "like",
        "is_missing",
        "(",
        ")",
        "[",
        "]",
        ",",
        "@blocked",
        '"x"',
        "12",
        "-3.5",
        "true",
        "label:",
        "#c",
        '"',
        "\\",
        ":",
        "@",
        "1e5",
        "::",
    ]
)


@settings(max_examples=300)
@given(st.text(max_size=80) | st.lists(_GRAMMAR_BITS, max_size=25).map(" ".join))
def test_random_text_only_ever_raises_the_rule_syntax_error(text: str) -> None:
    """Whatever a merchant types, the parser answers with rules or a RuleSyntaxError."""
    try:
        RuleSet.parse(text)
    except RuleSyntaxError as error:
        position = (error.line, error.column)
    else:
        position = (1, 1)
    assert min(position) >= 1


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(rule_sets())
def test_random_rule_trees_print_and_parse_back_to_the_same_tree(rules: RuleSet) -> None:
    """Printing a rule set gives text that parses to the very same tree."""
    assert RuleSet.parse(str(rules)) == rules


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(rule_sets(), fraud_inputs(), st.integers(0, 100))
def test_evaluation_never_raises_and_answers_three_values(
    rules: RuleSet, order: FraudInput, score: int
) -> None:
    """Any generated rule answers True, False or unknown for any generated order, never an error."""
    compiled = rules.compile(LISTS)
    subject = RuleSubject(order, score=score, signals=frozenset({"first_order"}))
    for rule in compiled.rules:
        assert rule.predicate(subject) in (True, False, None)


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(rule_sets(max_rules=3), fraud_inputs())
def test_assessing_any_order_is_repeatable(rules: RuleSet, order: FraudInput) -> None:
    """Assessing an order twice gives the same result: the counter leaves the order itself out."""
    checks = FraudChecks(hasher=HASHER, blocklist=LISTS["blocked"])  # type: ignore[arg-type]
    policy = RiskPolicy(rules=rules.compile(LISTS), thresholds=Thresholds())
    velocity = InMemoryVelocityCounter()
    first = assess(order, checks=checks, policy=policy, velocity=velocity)
    again = assess(order, checks=checks, policy=policy, velocity=velocity)
    assert first == again
    assert 0 <= first.score <= 100
    assert first.explanation


@given(st.lists(st.decimals(0, 1, places=3), max_size=8), st.decimals(0, 1, places=3))
def test_the_score_only_grows_as_signals_are_added(weights: list, extra: object) -> None:  # type: ignore[type-arg]
    """Another signal never lowers the score, and the score stays within 0-100."""
    before = combine_weights(weights)
    after = combine_weights([*weights, extra])  # type: ignore[list-item]
    assert 0 <= before <= after <= 100
