"""Signals, decisions and the assessment that explains them."""

import enum
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs

from ecomcore.core import ValidationError, whole_number

__all__ = ["Assessment", "Decision", "Signal", "Thresholds", "combine_weights"]


class Decision(enum.StrEnum):
    """What to do with an order; also the action a rule takes when it fires.

    Precedence when several apply (see `Assessment`): a ``block`` rule or blocklist hit wins; then
    an ``allow`` rule or allowlist hit; otherwise the most severe of the score's decision and the
    rules' ``review`` / ``request_3ds``, by severity: block > review > request_3ds > allow.

    Examples:
        >>> from ecomcore.fraud import Decision, RuleSet
        >>> rule = RuleSet.parse("request_3ds if :amount: > 200").rules[0]
        >>> rule.action is Decision.REQUEST_3DS, rule.action.severity
        (True, 1)
        >>> max([Decision.REVIEW, Decision.BLOCK, Decision.ALLOW], key=lambda d: d.severity)
        <Decision.BLOCK: 'block'>
    """

    ALLOW = "allow"
    REQUEST_3DS = "request_3ds"
    REVIEW = "review"
    BLOCK = "block"

    @property
    def severity(self) -> int:
        """0 for allow up to 3 for block."""
        return _SEVERITY[self]


_SEVERITY = {Decision.ALLOW: 0, Decision.REQUEST_3DS: 1, Decision.REVIEW: 2, Decision.BLOCK: 3}


def _weight(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if not isinstance(value, Decimal) or not Decimal(0) <= value <= Decimal(1):
        raise ValidationError(attribute.name, value, "a Decimal between 0 and 1")


@attrs.frozen
class Signal:
    """One finding of a check: a stable code, a weight in [0, 1] and a sentence a person can read.

    Examples:
        >>> Signal("cvv_mismatch", Decimal("0.5"), "the card's security code did not match").code
        'cvv_mismatch'
    """

    code: str
    weight: Decimal = attrs.field(converter=Decimal, validator=_weight)
    reason: str


def combine_weights(weights: Sequence[Decimal]) -> int:
    """Combine signal weights into a 0-100 score: ``100 * (1 - prod(1 - w))``, rounded half up.

    Each weight reads as "the chance this signal alone means fraud"; the score is the chance that
    at least one of them does, so two 0.5 signals give 75, not 100, and a weight-1 signal gives 100.

    Examples:
        >>> combine_weights([Decimal("0.5"), Decimal("0.5")]), combine_weights([])
        (75, 0)
    """
    remaining = Decimal(1)
    for weight in weights:
        remaining *= Decimal(1) - weight
    score = (Decimal(100) * (Decimal(1) - remaining)).quantize(Decimal(1), ROUND_HALF_UP)
    return int(score)


@attrs.frozen
class Thresholds:
    """Score cut-offs: at or above ``block_at`` block, ``review_at`` review, ``challenge_at`` 3-DS.

    Examples:
        >>> Thresholds().decide(70), Thresholds().decide(10)
        (<Decision.REVIEW: 'review'>, <Decision.ALLOW: 'allow'>)
    """

    challenge_at: int = attrs.field(default=40, validator=whole_number(maximum=101))
    review_at: int = attrs.field(default=60, validator=whole_number(maximum=101))
    block_at: int = attrs.field(default=85, validator=whole_number(maximum=101))

    def __attrs_post_init__(self) -> None:
        if not self.challenge_at <= self.review_at <= self.block_at:
            raise ValidationError(
                "thresholds",
                (self.challenge_at, self.review_at, self.block_at),
                "challenge_at <= review_at <= block_at (101 never blocks)",
            )

    def decide(self, score: int) -> Decision:
        """Return the decision the score alone gives."""
        if score >= self.block_at:
            return Decision.BLOCK
        if score >= self.review_at:
            return Decision.REVIEW
        if score >= self.challenge_at:
            return Decision.REQUEST_3DS
        return Decision.ALLOW


@attrs.frozen(kw_only=True)
class Assessment:
    """The verdict on one order: decision, score, the rules that fired, the signals, and why.

    ``explanation`` is plain language a support agent can read to the customer.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from decimal import Decimal
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import FraudInput, RiskPolicy, Signal, decide
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("80.00", "EUR"))
        >>> cvv = Signal("cvv_no_match", Decimal("0.45"), "the card's security code did not match")
        >>> result = decide(order, [cvv], RiskPolicy())
        >>> result.decision, result.score, result.signal_codes
        (<Decision.REQUEST_3DS: 'request_3ds'>, 45, frozenset({'cvv_no_match'}))
        >>> print(result.explanation)
        We need the card holder to confirm this payment with their bank (3-D Secure)
        (risk score 45 of 100). What we noticed: the card's security code did not match.
    """

    order_id: str
    decision: Decision
    score: int
    signals: tuple[Signal, ...]
    fired_rules: tuple[tuple[str, Decision], ...]
    explanation: str

    @property
    def signal_codes(self) -> frozenset[str]:
        """The codes of the signals, for quick membership tests."""
        return frozenset(signal.code for signal in self.signals)
