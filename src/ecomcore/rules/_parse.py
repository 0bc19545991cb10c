"""Rule text to tree: names and types checked against the caller's attributes, with positions."""

import difflib
import re
from collections.abc import Collection, Iterator, Mapping
from decimal import Decimal
from typing import Any, Final

import lark
from lark import Token, Transformer, v_args

from ecomcore.core import ValidationError
from ecomcore.rules._attributes import Attribute, ValueType
from ecomcore.rules._errors import RuleSyntaxError, RuleTypeError
from ecomcore.rules._grammar import KEYWORDS, MAX_LIST_ITEMS, parse_tree
from ecomcore.rules._model import (
    And,
    Comparison,
    ConditionTree,
    Constant,
    ConstantList,
    Field,
    Includes,
    IsMissing,
    IsTrue,
    Like,
    Membership,
    NamedList,
    Not,
    Or,
    OutcomeRule,
)

__all__ = ["named_lists", "parse_condition", "parse_rules"]

_SCALARS: Final = (ValueType.NUMBER, ValueType.STRING, ValueType.BOOL)
_LIST_OF: Final = {ValueType.NUMBER: ValueType.NUMBERS, ValueType.STRING: ValueType.STRINGS}
_OUTCOME: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _unquote(token: str) -> str:
    chars = iter(token[1:-1])
    return "".join(next(chars) if char == "\\" else char for char in chars)


def _unknown_attribute(token: Token, attributes: Mapping[str, Attribute[Any]]) -> RuleTypeError:
    name = token[1:-1]
    nearest = difflib.get_close_matches(name, list(attributes), n=1)
    hint = f" (did you mean :{nearest[0]}:?)" if nearest else ""
    known = ", ".join(f":{known}:" for known in sorted(attributes)) or "none"
    return RuleTypeError(
        f"unknown attribute {token}{hint}",
        line=token.line or 0,
        column=token.column or 0,
        expected=["one of the documented attributes: " + known],
    )


@v_args(meta=True)
class _ToTree(Transformer[Token, Any]):
    """Builds the tree from lark's parse tree, checking names and types as it goes."""

    def __init__(
        self, attributes: Mapping[str, Attribute[Any]], outcomes: Collection[str] = ()
    ) -> None:
        super().__init__()
        self.attributes = attributes
        self.outcomes = outcomes

    def _type(self, node: object) -> ValueType | None:
        """Return the type of an operand; None for an empty or named list (it fits any list)."""
        if isinstance(node, Field):
            return self.attributes[node.name].value_type
        if isinstance(node, Constant):
            if isinstance(node.value, bool):
                return ValueType.BOOL
            return ValueType.NUMBER if isinstance(node.value, Decimal) else ValueType.STRING
        if isinstance(node, ConstantList) and node.items:
            return ValueType.NUMBERS if isinstance(node.items[0], Decimal) else ValueType.STRINGS
        return None  # a named list's items are known only when compiled

    def _fail(self, meta: Any, problem: str, expected: str) -> RuleTypeError:
        return RuleTypeError(problem, line=meta.line, column=meta.column, expected=[expected])

    def _say(self, node: object) -> str:
        kind = self._type(node)
        return f"{node} ({kind.value if kind else 'a list'})"

    def _scalar(self, meta: Any, node: object, role: str) -> ValueType:
        kind = self._type(node)
        if kind not in _SCALARS:
            raise self._fail(
                meta, f"{role} {self._say(node)} is not a single value", "a single value"
            )
        assert kind is not None
        return kind

    @v_args(inline=True)
    def FIELD(self, token: Token) -> Field:  # noqa: N802 (lark names terminal callbacks this way)
        if token[1:-1] not in self.attributes:
            raise _unknown_attribute(token, self.attributes)
        return Field(token[1:-1])

    def NUMBER(self, token: Token) -> Constant:  # noqa: N802
        return Constant(Decimal(token))

    def STRING(self, token: Token) -> Constant:  # noqa: N802
        return Constant(_unquote(token))

    def TRUE(self, _: Token) -> Constant:  # noqa: N802
        return Constant(True)

    def FALSE(self, _: Token) -> Constant:  # noqa: N802
        return Constant(False)

    def LISTREF(self, token: Token) -> NamedList:  # noqa: N802
        return NamedList(token[1:])

    def rule_set(self, meta: Any, children: list[OutcomeRule]) -> tuple[OutcomeRule, ...]:
        return tuple(children)

    def rule(self, meta: Any, children: list[Any]) -> OutcomeRule:
        label = str(children[0]) if len(children) == 5 else None
        outcome, condition = children[-3], children[-1]
        if outcome not in self.outcomes:
            raise RuleSyntaxError(
                f"unknown outcome {str(outcome)!r}",
                line=outcome.line,
                column=outcome.column,
                expected=["one of " + ", ".join(sorted(self.outcomes))],
            )
        return OutcomeRule(str(outcome), condition, label)

    def condition(self, meta: Any, children: list[Any]) -> ConditionTree:
        return children[0]  # type: ignore[no-any-return]

    def or_expr(self, meta: Any, children: list[Any]) -> Or:
        return Or(child for child in children if not isinstance(child, Token))

    def and_expr(self, meta: Any, children: list[Any]) -> And:
        return And(child for child in children if not isinstance(child, Token))

    def negation(self, meta: Any, children: list[Any]) -> Not:
        return Not(children[1])

    def group(self, meta: Any, children: list[Any]) -> ConditionTree:
        return children[1]  # type: ignore[no-any-return]

    def comparison(self, meta: Any, children: list[Any]) -> Comparison:
        left, operator, right = children
        left_type = self._scalar(meta, left, "the left side")
        right_type = self._scalar(meta, right, "the right side")
        if left_type is not right_type:
            raise self._fail(
                meta, f"cannot compare {self._say(left)} with {self._say(right)}", left_type.value
            )
        if operator not in ("==", "!=") and left_type is not ValueType.NUMBER:
            raise self._fail(
                meta, f"{operator} orders numbers only, not {self._say(left)}", "a number"
            )
        return Comparison(left, str(operator), right)

    def _collection(
        self, meta: Any, collection: object, item_type: ValueType, problem: str
    ) -> None:
        """Refuse a collection that is not a list attribute or literal of ``item_type`` items."""
        if not isinstance(collection, Field | ConstantList) or self._type(collection) not in (
            None,
            _LIST_OF.get(item_type),
        ):
            expected = _LIST_OF.get(item_type, ValueType.STRINGS).value
            raise self._fail(meta, problem, expected)

    def membership(self, meta: Any, children: list[Any]) -> Membership:
        item, _, collection = children
        item_type = self._scalar(meta, item, "the value before 'in'")
        if not isinstance(collection, NamedList):  # a named list's items are known when compiled
            problem = f"{self._say(item)} cannot be in {self._say(collection)}"
            self._collection(meta, collection, item_type, problem)
        return Membership(item, collection)

    def includes(self, meta: Any, children: list[Any]) -> Includes:
        collection, _, item = children
        item_type = self._scalar(meta, item, "the value after 'includes'")
        problem = f"{self._say(collection)} cannot include {self._say(item)}"
        self._collection(meta, collection, item_type, problem)
        return Includes(collection, item)

    def like(self, meta: Any, children: list[Any]) -> Like:
        subject, _, pattern = children
        if self._type(subject) is not ValueType.STRING:
            raise self._fail(meta, f"like matches strings, not {self._say(subject)}", "a string")
        return Like(subject, str(pattern.value))

    def is_missing(self, meta: Any, children: list[Any]) -> IsMissing:
        return IsMissing(children[2])

    def is_true(self, meta: Any, children: list[Any]) -> IsTrue:
        (subject,) = children
        if self._type(subject) is not ValueType.BOOL:
            raise self._fail(
                meta, f"{self._say(subject)} is not true or false on its own", "a comparison"
            )
        return IsTrue(subject)

    def list_literal(self, meta: Any, children: list[Any]) -> ConstantList:
        items = [
            child.value
            for child in children
            if isinstance(child, Constant) and not isinstance(child.value, bool)
        ]
        if len(items) > MAX_LIST_ITEMS:
            raise self._fail(meta, f"a list of {len(items)} items", f"{MAX_LIST_ITEMS} at most")
        if len({isinstance(item, Decimal) for item in items}) > 1:
            raise self._fail(meta, "a list mixes numbers and strings", "one kind of item")
        return ConstantList(items)


def _transform(tree: "lark.Tree[Token]", to_tree: _ToTree) -> Any:
    try:
        return to_tree.transform(tree)
    except lark.exceptions.VisitError as error:
        if isinstance(error.orig_exc, RuleSyntaxError):
            raise error.orig_exc from None
        raise


def parse_condition(text: str, attributes: Mapping[str, Attribute[Any]]) -> ConditionTree:
    """Parse one condition, naming only ``attributes``; raises `RuleSyntaxError` with a position.

    Examples:
        >>> from ecomcore.rules import Attribute, ValueType, Vocabulary
        >>> words = Vocabulary([
        ...     Attribute("orders", ValueType.NUMBER, "orders so far", lambda c: c["orders"]),
        ...     Attribute("country", ValueType.STRING, "alpha-2", lambda c: c["country"]),
        ... ])
        >>> print(parse_condition(':orders: >= 5 and (:country: in ["DE", "AT"])', words))
        :orders: >= 5 and :country: in ["DE", "AT"]
        >>> parse_condition(":order: > 1", words)
        Traceback (most recent call last):
        ...
        ecomcore.rules._errors.RuleTypeError: line 1, column 1: unknown attribute :order: (did you
        mean :orders:?); expected one of the documented attributes: :country:, :orders:
    """
    condition: ConditionTree = _transform(parse_tree(text, "condition"), _ToTree(attributes))
    return condition


def _check_outcomes(outcomes: Collection[str]) -> None:
    for outcome in outcomes:
        if not isinstance(outcome, str) or not _OUTCOME.fullmatch(outcome) or outcome in KEYWORDS:
            raise ValidationError(
                "outcomes", outcome, "words that are not keywords of the language"
            )


def parse_rules(
    text: str, attributes: Mapping[str, Attribute[Any]], outcomes: Collection[str]
) -> tuple[OutcomeRule, ...]:
    """Parse rules ``[label:] outcome if condition``, with outcomes from ``outcomes``.

    Rules may span lines; ``#`` starts a comment. Labels are unique. Raises `RuleSyntaxError`
    (or `RuleTypeError`) with line and column.

    Examples:
        >>> from ecomcore.rules import Attribute, ValueType, Vocabulary
        >>> words = Vocabulary([Attribute("days", ValueType.NUMBER, "days away", len)])
        >>> rules = parse_rules('''
        ...     lapsed: win_back if :days: > 90   # a comment
        ...     remind if :days: > 30
        ... ''', words, outcomes={"win_back", "remind"})
        >>> [(rule.label, rule.outcome, str(rule.condition)) for rule in rules]
        [('lapsed', 'win_back', ':days: > 90'), (None, 'remind', ':days: > 30')]
        >>> parse_rules("stop if :days: > 1", words, outcomes={"remind"})
        Traceback (most recent call last):
        ...
        ecomcore.rules._errors.RuleSyntaxError: line 1, column 1: unknown outcome 'stop'; expected
        one of remind
    """
    _check_outcomes(outcomes)
    words = "a label or an outcome (" + ", ".join(sorted(outcomes)) + ")"
    tree = parse_tree(text, "rule_set", words)
    rules: tuple[OutcomeRule, ...] = _transform(tree, _ToTree(attributes, frozenset(outcomes)))
    seen: set[str] = set()
    for rule, node in zip(rules, tree.children, strict=True):
        if rule.label is not None and rule.label in seen:
            assert isinstance(node, lark.Tree)
            raise RuleSyntaxError(
                f"the label {rule.label!r} is used twice",
                line=node.meta.line,
                column=node.meta.column,
                expected=["a label not used before"],
            )
        if rule.label is not None:
            seen.add(rule.label)
    return rules


def _named(condition: ConditionTree) -> Iterator[str]:
    if isinstance(condition, Membership | Includes) and isinstance(condition.collection, NamedList):
        yield condition.collection.name
    elif isinstance(condition, Not):
        yield from _named(condition.operand)
    elif isinstance(condition, And | Or):
        for operand in condition.operands:
            yield from _named(operand)


def named_lists(condition: ConditionTree) -> frozenset[str]:
    """Return the ``@names`` a condition uses; compiling it needs a list for each.

    Examples:
        >>> from ecomcore.rules import Field, Membership, NamedList, Not
        >>> sorted(named_lists(Not(Membership(Field("bin"), NamedList("risky_bins")))))
        ['risky_bins']
    """
    return frozenset(_named(condition))
