"""Assessing an order: checks give signals, signals a score, score and rules a decision."""

from collections.abc import Container, Mapping, Sequence
from typing import Any, Final

import attrs

from ecomcore.fraud._attributes import RuleSubject
from ecomcore.fraud._checks import FraudChecks, run_checks
from ecomcore.fraud._input import FraudInput
from ecomcore.fraud._model import Assessment, Decision, Signal, Thresholds, combine_weights
from ecomcore.fraud._ports import VelocityCounter
from ecomcore.fraud._ruleset import CompiledRule, CompiledRuleSet, RuleSet

__all__ = ["RiskPolicy", "assess", "decide", "explain"]


@attrs.frozen(kw_only=True)
class RiskPolicy:
    """What turns signals into a decision: compiled rules and score thresholds.

    Examples:
        >>> policy = RiskPolicy.from_text("review if :amount: > 500", name="cautious")
        >>> policy.name, len(policy.rules.rules), policy.thresholds.block_at
        ('cautious', 1, 85)
    """

    rules: CompiledRuleSet = attrs.field(factory=lambda: CompiledRuleSet(()))
    thresholds: Thresholds = attrs.field(factory=Thresholds)
    name: str = "policy"

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        lists: Mapping[str, Container[Any]] | None = None,
        thresholds: Thresholds | None = None,
        name: str = "policy",
    ) -> "RiskPolicy":
        """Parse and compile rule text into a policy (raises `RuleSyntaxError` on bad text)."""
        return cls(
            rules=RuleSet.parse(text).compile(lists),
            thresholds=thresholds or Thresholds(),
            name=name,
        )


_OPENINGS: Final = {
    Decision.ALLOW: "We accepted this order",
    Decision.REQUEST_3DS: "We need the card holder to confirm this payment with their bank "
    "(3-D Secure)",
    Decision.REVIEW: "This order is on hold while our team checks it",
    Decision.BLOCK: "We could not accept this order",
}


def explain(
    decision: Decision, score: int, signals: Sequence[Signal], fired: Sequence[CompiledRule]
) -> str:
    """Write the plain-language explanation of a decision, strongest reasons first.

    Examples:
        >>> from decimal import Decimal
        >>> signals = [
        ...     Signal("first_order", Decimal("0.05"), "this is the customer's first order"),
        ...     Signal("avs_no_match", Decimal("0.3"), "the billing address did not match"),
        ... ]
        >>> print(explain(Decision.REVIEW, 34, signals, []))
        This order is on hold while our team checks it (risk score 34 of 100). What we noticed:
        the billing address did not match; this is the customer's first order.
    """
    text = f"{_OPENINGS[decision]} (risk score {score} of 100)."
    if signals:
        ranked = sorted(signals, key=lambda signal: -signal.weight)  # stable: ties keep check order
        text += " What we noticed: " + "; ".join(signal.reason for signal in ranked) + "."
    else:
        text += " Nothing unusual was found."
    if fired:
        text += " Store rules applied: " + ", ".join(f"{r.name} ({r.action})" for r in fired) + "."
    return text


def _rule_decision(fired: Sequence[CompiledRule], signals: Sequence[Signal]) -> Decision | None:
    actions = {rule.action for rule in fired}
    codes = [signal.code for signal in signals]
    if Decision.BLOCK in actions or any(code.startswith("blocklisted_") for code in codes):
        return Decision.BLOCK
    if Decision.ALLOW in actions or any(code.startswith("allowlisted_") for code in codes):
        return Decision.ALLOW
    return None


def decide(order: FraudInput, signals: Sequence[Signal], policy: RiskPolicy) -> Assessment:
    """Score the signals, run the rules and settle the decision (see `Decision` for precedence).

    Rules see the score and signal codes as ``:score:`` and ``:signals:``.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from decimal import Decimal
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import FraudInput, RiskPolicy, Signal, decide
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("80.00", "EUR"), email="kim@example.com")
        >>> signals = [
        ...     Signal("three_ds_failed", Decimal("0.5"), "the bank's 3-D Secure check failed"),
        ...     Signal("cvv_no_match", Decimal("0.45"), "the card's security code did not match"),
        ... ]
        >>> decide(order, signals, RiskPolicy()).decision  # score 73: review
        <Decision.REVIEW: 'review'>
        >>> staff = RiskPolicy.from_text('staff: allow if :email_domain: == "example.com"')
        >>> result = decide(order, signals, staff)
        >>> result.decision, result.score, result.fired_rules
        (<Decision.ALLOW: 'allow'>, 73, (('staff', <Decision.ALLOW: 'allow'>),))
    """
    score = combine_weights([signal.weight for signal in signals])
    subject = RuleSubject(order, score=score, signals=frozenset(s.code for s in signals))
    fired = policy.rules.fired(subject)
    decision = _rule_decision(fired, signals)
    if decision is None:
        decision = max(
            (policy.thresholds.decide(score), *(rule.action for rule in fired)),
            key=lambda candidate: candidate.severity,
        )
    return Assessment(
        order_id=order.order_id,
        decision=decision,
        score=score,
        signals=tuple(signals),
        fired_rules=tuple((rule.name, rule.action) for rule in fired),
        explanation=explain(decision, score, signals, fired),
    )


def assess(
    order: FraudInput, *, checks: FraudChecks, policy: RiskPolicy, velocity: VelocityCounter
) -> Assessment:
    """Assess one order: run the built-in checks (recording it in ``velocity``), then decide.

    Assessing the same order again gives the same assessment: the counter leaves the order itself
    out of its counts.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryVelocityCounter
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import FraudChecks, FraudInput, KeyedHasher, RiskPolicy
        >>> checks = FraudChecks(hasher=KeyedHasher(b"a secret key of 16+ bytes"))
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("80.00", "EUR"), email="kim@mailinator.com")
        >>> counter, policy = InMemoryVelocityCounter(), RiskPolicy()
        >>> first = assess(order, checks=checks, policy=policy, velocity=counter)
        >>> first.decision, first.score, sorted(first.signal_codes)
        (<Decision.ALLOW: 'allow'>, 34, ['disposable_email', 'first_order'])
        >>> assess(order, checks=checks, policy=policy, velocity=counter) == first
        True
    """
    return decide(order, run_checks(order, checks, velocity), policy)
