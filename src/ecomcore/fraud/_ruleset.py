"""Rule sets: parse from text, print back to text, compile to closures, evaluate."""

from collections.abc import Container, Iterable, Iterator, Mapping
from typing import Any

import attrs

from ecomcore.core import ValidationError
from ecomcore.fraud._attributes import RuleSubject
from ecomcore.fraud._compile import Predicate, compile_condition
from ecomcore.fraud._model import Decision
from ecomcore.fraud._parse import parse_rules
from ecomcore.fraud._rules import And, Condition, Includes, Membership, NamedList, Not, Or, Rule

__all__ = ["CompiledRule", "CompiledRuleSet", "RuleSet"]


def _named_lists(condition: Condition) -> Iterator[str]:
    if isinstance(condition, Membership | Includes) and isinstance(condition.collection, NamedList):
        yield condition.collection.name
    elif isinstance(condition, Not):
        yield from _named_lists(condition.operand)
    elif isinstance(condition, And | Or):
        for operand in condition.operands:
            yield from _named_lists(operand)


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
    predicate: Predicate = attrs.field(eq=False, repr=False)


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


def _rules(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(rules)


@attrs.frozen
class RuleSet:
    """Merchant rules, one per line: ``[label:] action if condition``.

    `RuleSet.parse` reads text; ``str()`` prints it back in canonical form (one rule per line,
    single spaces, no comments), which parses to the same tree.

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
        """Parse rule text; raises `RuleSyntaxError` (or `RuleTypeError`) with line and column."""
        return cls(parse_rules(text))

    def __str__(self) -> str:
        return "\n".join(str(rule) for rule in self.rules)

    @property
    def named_lists(self) -> frozenset[str]:
        """The ``@names`` the rules use; `compile` needs a list for each."""
        return frozenset(name for rule in self.rules for name in _named_lists(rule.condition))

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
        lists = dict(lists or {})
        missing = sorted(self.named_lists - lists.keys())
        if missing:
            raise ValidationError(
                "lists",
                sorted(lists),
                "a mapping with a list for every @name the rules use; missing "
                + ", ".join(f"@{name}" for name in missing),
            )
        compiled = [
            CompiledRule(
                rule.label or f"rule {position}",
                rule.action,
                compile_condition(rule.condition, lists),
            )
            for position, rule in enumerate(self.rules, start=1)
        ]
        return CompiledRuleSet(tuple(compiled))
