"""Fraud rules: ``[label:] action if condition``, a decision over an `ecomcore.rules` condition.

The rule language is `ecomcore.rules`; fraud supplies its attributes (`ATTRIBUTES`) and its four
actions as the outcomes rules may choose, and maps each outcome to a `Decision`.
"""

from collections.abc import Container, Iterable, Mapping
from typing import Any, Final

import attrs

from ecomcore.fraud._attributes import ATTRIBUTES, RuleSubject
from ecomcore.fraud._model import Decision
from ecomcore.rules import (
    ConditionTree,
    OutcomeRule,
    Predicate,
    compile_conditions,
    named_lists,
    parse_rules,
)

__all__ = ["CompiledRule", "CompiledRuleSet", "Rule", "RuleSet"]

_ACTIONS: Final = frozenset(decision.value for decision in Decision)


@attrs.frozen
class Rule:
    """``[label:] action if condition``: one fraud rule, with an optional label naming it.

    Examples:
        >>> from decimal import Decimal
        >>> from ecomcore.rules import Comparison, Field, Constant
        >>> rule = Rule(Decision.REVIEW, Comparison(Field("amount"), ">", Constant(Decimal(500))))
        >>> str(rule)
        'review if :amount: > 500'
        >>> str(attrs.evolve(rule, label="big_order"))
        'big_order: review if :amount: > 500'
    """

    action: Decision
    condition: ConditionTree
    label: str | None = None

    def __str__(self) -> str:
        return str(OutcomeRule(self.action.value, self.condition, self.label))


@attrs.frozen
class CompiledRule:
    """A rule ready to run: its name (label, or ``rule N`` by position), action and predicate.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import FraudInput, RuleSet, RuleSubject
        >>> rules = RuleSet.parse('''big: review if :amount: > 500
        ...                          block if :ip_country: != :billing_country:''')
        >>> big, foreign = rules.compile().rules
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("740.00", "EUR"))
        >>> subject = RuleSubject(order)
        >>> (big.name, big.predicate(subject)), (foreign.name, foreign.predicate(subject))
        (('big', True), ('rule 2', None))
    """

    name: str
    action: Decision
    predicate: Predicate[RuleSubject] = attrs.field(eq=False, repr=False)


@attrs.frozen
class CompiledRuleSet:
    """Compiled rules, evaluated in order; see `RuleSet.compile`.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import FraudInput, RiskPolicy, RuleSet, RuleSubject
        >>> rules = RuleSet.parse('''small: allow if :amount: < 20
        ...                          guest: request_3ds if :is_guest:''').compile()
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("9.90", "EUR"))
        >>> [rule.name for rule in rules.fired(RuleSubject(order))]
        ['small', 'guest']
        >>> RiskPolicy(rules=rules).rules is rules
        True
    """

    rules: tuple[CompiledRule, ...]

    def fired(self, subject: RuleSubject) -> list[CompiledRule]:
        """Return the rules whose condition is true (not false or unknown) for ``subject``."""
        return [rule for rule in self.rules if rule.predicate(subject) is True]


def _rules(given: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(given)


@attrs.frozen
class RuleSet:
    """Merchant rules, one per line: ``[label:] action if condition``.

    `RuleSet.parse` reads text in the `ecomcore.rules` language over fraud's `ATTRIBUTES`;
    ``str()`` prints it back in canonical form (one rule per line, single spaces, no comments),
    which parses to the same tree.

    Examples:
        >>> rules = RuleSet.parse('''
        ...   big_foreign: review if :amount: > 500 and :ip_country: != :billing_country:
        ...   block if :email_domain:   in @blocked   # comments are allowed
        ... ''')
        >>> print(rules)
        big_foreign: review if :amount: > 500 and :ip_country: != :billing_country:
        block if :email_domain: in @blocked
        >>> RuleSet.parse(str(rules)) == rules
        True
        >>> sorted(rules.named_lists)
        ['blocked']
    """

    rules: tuple[Rule, ...] = attrs.field(converter=_rules)

    @classmethod
    def parse(cls, text: str) -> "RuleSet":
        """Parse rule text; raises `ecomcore.rules.RuleSyntaxError` with line and column.

        Examples:
            >>> RuleSet.parse("hold if :amount: > 500")
            Traceback (most recent call last):
            ...
            ecomcore.rules._errors.RuleSyntaxError: line 1, column 1: unknown outcome 'hold'; ...
        """
        parsed = parse_rules(text, ATTRIBUTES, _ACTIONS)
        return cls(Rule(Decision(rule.outcome), rule.condition, rule.label) for rule in parsed)

    def __str__(self) -> str:
        return "\n".join(str(rule) for rule in self.rules)

    @property
    def named_lists(self) -> frozenset[str]:
        """The ``@names`` the rules use; `compile` needs a list for each."""
        return frozenset().union(*(named_lists(rule.condition) for rule in self.rules))

    def compile(self, lists: Mapping[str, Container[Any]] | None = None) -> CompiledRuleSet:
        """Compile every rule to closures, with the named lists the rules refer to.

        A list is anything supporting ``in``: a set of strings, or a `Watchlist` of keyed hashes.
        Raises `ValidationError` naming the lists that are missing.

        Examples:
            >>> RuleSet.parse("block if :email_domain: in @blocked").compile()
            Traceback (most recent call last):
            ...
            ecomcore.core._errors.ValidationError: lists must be ... missing @blocked, got []
        """
        predicates = compile_conditions(
            [rule.condition for rule in self.rules], ATTRIBUTES, lists=lists
        )
        compiled = [
            CompiledRule(rule.label or f"rule {position}", rule.action, predicate)
            for position, (rule, predicate) in enumerate(
                zip(self.rules, predicates, strict=True), start=1
            )
        ]
        return CompiledRuleSet(tuple(compiled))
