"""Assessing orders and backtesting policies, with the in-memory velocity counter."""

from datetime import UTC, datetime
from decimal import Decimal

import attrs
import pytest

from ecomcore.adapters.memory import InMemoryVelocityCounter
from ecomcore.core import Address, Money, ValidationError
from ecomcore.fraud import (
    FREIGHT_FORWARDERS,
    CardFacts,
    CustomerFacts,
    Decision,
    FraudChecks,
    FraudInput,
    KeyedHasher,
    RiskPolicy,
    Thresholds,
    Watchlist,
    assess,
    backtest,
    compare_policies,
    generate_orders,
)

AT = datetime(2026, 3, 1, 12, tzinfo=UTC)
HASHER = KeyedHasher(b"services test key 12")
CHECKS = FraudChecks(hasher=HASHER, freight_forwarders=FREIGHT_FORWARDERS)
ORDER = FraudInput(
    order_id="o-1",
    placed_at=AT,
    amount=Money("640.00", "EUR"),
    customer=CustomerFacts(
        customer_id="c-1", prior_orders=4, average_order_value=Money("60", "EUR")
    ),
    email="kim@example.com",
    billing=Address("DE", lines=["1 Main St"]),
    shipping=Address("DE", lines=["1 Main St"]),
    card=CardFacts(token="tok", bin="411111", last4="1111", country="DE", avs="no_match"),
)


def run(order: FraudInput, policy: RiskPolicy, checks: FraudChecks = CHECKS) -> object:
    return assess(order, checks=checks, policy=policy, velocity=InMemoryVelocityCounter())


def test_an_assessment_explains_its_decision_in_plain_words() -> None:
    """The decision comes with score, signals, fired rules and sentences an agent can read out."""
    policy = RiskPolicy.from_text(
        'big_jump: review if :amount: > 500 and :signals: includes "above_usual_value"'
    )
    result = run(ORDER, policy)
    assert result.decision is Decision.REVIEW  # type: ignore[attr-defined]
    assert result.score == 44  # type: ignore[attr-defined]  # 1 - 0.7 * 0.8 = 0.44
    assert result.fired_rules == (("big_jump", Decision.REVIEW),)  # type: ignore[attr-defined]
    assert result.explanation == (  # type: ignore[attr-defined]
        "This order is on hold while our team checks it (risk score 44 of 100). What we noticed: "
        "the billing address did not match the card; the order is 10.7 times the customer's usual "
        "total. Store rules applied: big_jump (review)."
    )


@pytest.mark.parametrize(
    ("rules", "decision"),
    [
        ("", Decision.REQUEST_3DS),  # score 44: above challenge_at 40
        ("review if :amount: > 1", Decision.REVIEW),
        ("request_3ds if :amount: > 1", Decision.REQUEST_3DS),
        ("allow if :amount: > 1\nreview if :amount: > 1", Decision.ALLOW),
        ("allow if :amount: > 1\nblock if :amount: > 1", Decision.BLOCK),
        ('block if :phone: == "1"', Decision.REQUEST_3DS),  # unknown never fires
    ],
)
def test_rule_actions_follow_the_documented_precedence(rules: str, decision: Decision) -> None:
    """block beats allow, allow beats review and the score, and otherwise the most severe wins."""
    assert run(ORDER, RiskPolicy.from_text(rules)).decision is decision  # type: ignore[attr-defined]


def test_score_thresholds_decide_when_no_rule_fires() -> None:
    """The same score blocks, reviews, challenges or allows depending on the thresholds."""
    for thresholds, decision in (
        (Thresholds(10, 20, 40), Decision.BLOCK),
        (Thresholds(10, 40, 50), Decision.REVIEW),
        (Thresholds(10, 50, 60), Decision.REQUEST_3DS),
        (Thresholds(50, 60, 70), Decision.ALLOW),
    ):
        assert run(ORDER, RiskPolicy(thresholds=thresholds)).decision is decision  # type: ignore[attr-defined]
    with pytest.raises(ValidationError, match="thresholds"):
        Thresholds(50, 40, 60)


def test_lists_decide_before_the_score() -> None:
    """A blocklisted email blocks; an allowlisted one is let through despite a high score."""
    blocked = attrs.evolve(CHECKS, blocklist=Watchlist.of(HASHER, emails=["kim@example.com"]))
    assert run(ORDER, RiskPolicy(), blocked).decision is Decision.BLOCK  # type: ignore[attr-defined]
    assert ORDER.card is not None
    risky = attrs.evolve(ORDER, card=attrs.evolve(ORDER.card, cvv="no_match", three_ds="failed"))
    trusted = attrs.evolve(CHECKS, allowlist=Watchlist.of(HASHER, emails=["kim@example.com"]))
    assert run(risky, RiskPolicy()).decision is Decision.BLOCK  # type: ignore[attr-defined]
    assert run(risky, RiskPolicy(), trusted).decision is Decision.ALLOW  # type: ignore[attr-defined]


def test_rules_can_use_named_watchlists() -> None:
    """A rule like 'block if :email_domain: in @blocked' reads a keyed-hash list."""
    blocked = Watchlist.of(HASHER, domains=["example.com"])
    policy = RiskPolicy.from_text("block if :email_domain: in @blocked", lists={"blocked": blocked})
    assert run(ORDER, policy).decision is Decision.BLOCK  # type: ignore[attr-defined]


ORDERS = generate_orders(1500, seed=11)


def test_a_backtest_counts_add_up() -> None:
    """Every order lands in exactly one cell; caught plus missed fraud value is all fraud value."""
    report = backtest(
        ORDERS, RiskPolicy(name="score"), checks=CHECKS, velocity=InMemoryVelocityCounter()
    )
    assert report.count() == len(ORDERS)
    assert report.true_positives + report.false_negatives == sum(o.is_fraud for o in ORDERS)
    assert report.false_positives + report.true_negatives == sum(not o.is_fraud for o in ORDERS)
    fraud_value = sum(o.order.amount.amount for o in ORDERS if o.is_fraud)
    assert report.fraud_caught_value.amount + report.fraud_missed_value.amount == fraud_value
    assert report.recall is not None
    assert Decimal(0) <= report.recall <= Decimal(1)


def test_comparing_two_policies_shows_the_trade_off() -> None:
    """A stricter policy catches at least as much fraud, at the price of more reviews."""
    loose = RiskPolicy(name="loose", thresholds=Thresholds(90, 95, 100))
    strict = RiskPolicy.from_text(
        'review if :signals: includes "first_order" or :amount: > 500', name="strict"
    )
    comparison = compare_policies(
        ORDERS, loose, strict, checks=CHECKS, velocity=InMemoryVelocityCounter()
    )
    assert comparison.candidate.true_positives >= comparison.baseline.true_positives
    assert comparison.candidate.review_rate > comparison.baseline.review_rate  # type: ignore[operator]
    assert comparison.changed_decisions > 0
    table = comparison.table()
    assert "loose" in table
    assert "strict" in table
    assert "precision" in table


def test_a_backtest_refuses_mixed_currencies_and_empty_input() -> None:
    """A backtest needs orders in one currency, and at least one."""
    mixed = [
        *ORDERS[:3],
        attrs.evolve(ORDERS[3], order=attrs.evolve(ORDERS[3].order, amount=Money("1", "USD"))),
    ]
    with pytest.raises(ValidationError, match=r"orders\[4\]"):
        backtest(mixed, RiskPolicy(), checks=CHECKS, velocity=InMemoryVelocityCounter())
    with pytest.raises(ValidationError, match="at least one"):
        backtest([], RiskPolicy(), checks=CHECKS, velocity=InMemoryVelocityCounter())


def test_generated_data_holds_every_kind_of_fraud_and_is_seeded() -> None:
    """The generator gives good orders and all three fraud patterns, the same for the same seed."""
    kinds = {o.kind for o in ORDERS}
    assert kinds == {"good", "card_tester", "account_takeover", "reshipper"}
    assert all(o.is_fraud == (o.kind != "good") for o in ORDERS)
    assert generate_orders(50, seed=3) == generate_orders(50, seed=3)
    assert generate_orders(50, seed=3) != generate_orders(50, seed=4)
