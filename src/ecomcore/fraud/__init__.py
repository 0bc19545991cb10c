"""Fraud: built-in checks, a safe rule language, explainable scores, and backtests.

Describe an order as a `FraudInput` (never a card number: a token, BIN and last four), run the
built-in checks (`FraudChecks`) through a `VelocityCounter`, and let a `RiskPolicy` (merchant rules
in a small language, plus score thresholds) decide. The `Assessment` says what to do and why, in
words a support agent can read to the customer. `backtest` and `compare_policies` show what a
policy would have done to labelled past orders.

Examples:
    >>> from datetime import UTC, datetime
    >>> from ecomcore.core import Money
    >>> from ecomcore.adapters.memory import InMemoryVelocityCounter
    >>> order = FraudInput(
    ...     order_id="o-1", placed_at=datetime(2026, 3, 1, 12, tzinfo=UTC),
    ...     amount=Money("740.00", "EUR"), email="kim@mailinator.com",
    ...     billing=Address(line1="1 Main St", country="DE"),
    ...     shipping=Address(line1="9 Harbour Road", country="GB"),
    ... )
    >>> checks = FraudChecks(hasher=KeyedHasher(b"a secret key of 16+ bytes"))
    >>> policy = RiskPolicy.from_text(
    ...     "review if :amount: > 500 and :shipping_country: != :billing_country:"
    ... )
    >>> result = assess(order, checks=checks, policy=policy, velocity=InMemoryVelocityCounter())
    >>> result.decision, result.score, result.fired_rules
    (<Decision.REVIEW: 'review'>, 43, (('rule 1', <Decision.REVIEW: 'review'>),))
"""

from ecomcore.fraud._attributes import ATTRIBUTES, Attribute, RuleSubject, ValueType, distance_km
from ecomcore.fraud._backtest import (
    BacktestComparison,
    BacktestReport,
    backtest,
    compare_policies,
)
from ecomcore.fraud._checks import (
    DEFAULT_VELOCITY_LIMITS,
    DEFAULT_WEIGHTS,
    Counted,
    FraudChecks,
    VelocityLimit,
    VelocitySubject,
    is_disposable_email_domain,
    run_checks,
)
from ecomcore.fraud._errors import RuleSyntaxError, RuleTypeError
from ecomcore.fraud._generator import FREIGHT_FORWARDERS, LabelledOrder, generate_orders
from ecomcore.fraud._input import (
    Address,
    AvsResult,
    CardFacts,
    Channel,
    CustomerFacts,
    CvvResult,
    FraudInput,
    Funding,
    IpFacts,
    LineItem,
    ThreeDSResult,
)
from ecomcore.fraud._lists import KeyedHasher, ListKind, Watchlist
from ecomcore.fraud._model import Assessment, Decision, Signal, Thresholds, combine_weights
from ecomcore.fraud._parse import MAX_DEPTH, MAX_LIST_ITEMS, MAX_RULES, MAX_TEXT_LENGTH
from ecomcore.fraud._ports import VelocityCount, VelocityCounter
from ecomcore.fraud._rules import (
    And,
    Comparison,
    Condition,
    Field,
    Includes,
    IsMissing,
    IsTrue,
    Like,
    ListLiteral,
    Literal,
    Membership,
    NamedList,
    Not,
    Or,
    Rule,
)
from ecomcore.fraud._ruleset import CompiledRule, CompiledRuleSet, RuleSet
from ecomcore.fraud._services import RiskPolicy, assess, decide, explain

__all__ = [
    "ATTRIBUTES",
    "DEFAULT_VELOCITY_LIMITS",
    "DEFAULT_WEIGHTS",
    "FREIGHT_FORWARDERS",
    "MAX_DEPTH",
    "MAX_LIST_ITEMS",
    "MAX_RULES",
    "MAX_TEXT_LENGTH",
    "Address",
    "And",
    "Assessment",
    "Attribute",
    "AvsResult",
    "BacktestComparison",
    "BacktestReport",
    "CardFacts",
    "Channel",
    "Comparison",
    "CompiledRule",
    "CompiledRuleSet",
    "Condition",
    "Counted",
    "CustomerFacts",
    "CvvResult",
    "Decision",
    "Field",
    "FraudChecks",
    "FraudInput",
    "Funding",
    "Includes",
    "IpFacts",
    "IsMissing",
    "IsTrue",
    "KeyedHasher",
    "LabelledOrder",
    "Like",
    "LineItem",
    "ListKind",
    "ListLiteral",
    "Literal",
    "Membership",
    "NamedList",
    "Not",
    "Or",
    "RiskPolicy",
    "Rule",
    "RuleSet",
    "RuleSubject",
    "RuleSyntaxError",
    "RuleTypeError",
    "Signal",
    "ThreeDSResult",
    "Thresholds",
    "ValueType",
    "VelocityCount",
    "VelocityCounter",
    "VelocityLimit",
    "VelocitySubject",
    "Watchlist",
    "assess",
    "backtest",
    "combine_weights",
    "compare_policies",
    "decide",
    "distance_km",
    "explain",
    "generate_orders",
    "is_disposable_email_domain",
    "run_checks",
]
