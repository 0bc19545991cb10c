"""Fraud: built-in checks, merchant rules, explainable scores, and backtests.

Describe an order as a `FraudInput` (never a card number: a token, BIN and last four; addresses
are `ecomcore.core.Address`), run the built-in checks (`FraudChecks`) through a
`VelocityCounter`, and let a `RiskPolicy` (merchant rules, plus score thresholds) decide. Rules
are written in the shared rule language `ecomcore.rules` over fraud's `ATTRIBUTES`; its tree
nodes, errors and bounds live there, not here. The `Assessment` says what to do and why, in
words a support agent can read to the customer. `backtest` and `compare_policies` show what a
policy would have done to labelled past orders.

Examples:
    >>> from datetime import UTC, datetime
    >>> from ecomcore.core import Address, Money
    >>> from ecomcore.adapters.memory import InMemoryVelocityCounter
    >>> order = FraudInput(
    ...     order_id="o-1", placed_at=datetime(2026, 3, 1, 12, tzinfo=UTC),
    ...     amount=Money("740.00", "EUR"), email="kim@mailinator.com",
    ...     billing=Address("DE", lines=["1 Main St"]),
    ...     shipping=Address("GB", lines=["9 Harbour Road"]),
    ... )
    >>> checks = FraudChecks(hasher=KeyedHasher(b"a secret key of 16+ bytes"))
    >>> policy = RiskPolicy.from_text(
    ...     "review if :amount: > 500 and :shipping_country: != :billing_country:"
    ... )
    >>> result = assess(order, checks=checks, policy=policy, velocity=InMemoryVelocityCounter())
    >>> result.decision, result.score, result.fired_rules
    (<Decision.REVIEW: 'review'>, 43, (('rule 1', <Decision.REVIEW: 'review'>),))
"""

from ecomcore.fraud._attributes import ATTRIBUTES, RuleSubject
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
from ecomcore.fraud._generator import FREIGHT_FORWARDERS, LabelledOrder, generate_orders
from ecomcore.fraud._input import (
    AvsResult,
    CardFacts,
    Channel,
    CustomerFacts,
    CvvResult,
    FraudInput,
    Funding,
    IpFacts,
    ItemFacts,
    ThreeDSResult,
)
from ecomcore.fraud._lists import KeyedHasher, ListKind, Watchlist
from ecomcore.fraud._model import Assessment, Decision, Signal, Thresholds, combine_weights
from ecomcore.fraud._ports import VelocityCount, VelocityCounter
from ecomcore.fraud._ruleset import CompiledRule, CompiledRuleSet, Rule, RuleSet
from ecomcore.fraud._services import RiskPolicy, assess, decide, explain

__all__ = [
    "ATTRIBUTES",
    "DEFAULT_VELOCITY_LIMITS",
    "DEFAULT_WEIGHTS",
    "FREIGHT_FORWARDERS",
    "Assessment",
    "AvsResult",
    "BacktestComparison",
    "BacktestReport",
    "CardFacts",
    "Channel",
    "CompiledRule",
    "CompiledRuleSet",
    "Counted",
    "CustomerFacts",
    "CvvResult",
    "Decision",
    "FraudChecks",
    "FraudInput",
    "Funding",
    "IpFacts",
    "ItemFacts",
    "KeyedHasher",
    "LabelledOrder",
    "ListKind",
    "RiskPolicy",
    "Rule",
    "RuleSet",
    "RuleSubject",
    "Signal",
    "ThreeDSResult",
    "Thresholds",
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
    "explain",
    "generate_orders",
    "is_disposable_email_domain",
    "run_checks",
]
