"""Rule tree to closures: each condition becomes a function of a `RuleSubject`, no eval anywhere.

Conditions answer True, False or None (unknown, when a fact they need is missing), by Kleene's
three-valued logic: ``not`` keeps unknown unknown, ``and`` is false if any part is false, ``or`` is
true if any part is true. A rule fires only on True.
"""

import operator
import re
from collections.abc import Callable, Container, Mapping
from typing import Any, Final

from ecomcore.fraud._attributes import ATTRIBUTES, RuleSubject
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
)

__all__ = ["Predicate", "compile_condition", "like_pattern"]

Predicate = Callable[[RuleSubject], bool | None]
_Reader = Callable[[RuleSubject], Any]

_OPERATORS: Final[dict[str, Callable[[Any, Any], bool]]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def like_pattern(pattern: str) -> re.Pattern[str]:
    """Translate a ``like`` pattern to a regular expression: ``*`` any run, ``?`` one character.

    Examples:
        >>> bool(like_pattern("*@mail?.com").fullmatch("ANN@MAIL1.COM"))
        True
    """
    parts = ("." if char == "?" else ".*" if char == "*" else re.escape(char) for char in pattern)
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)


def _reader(node: Field | Literal) -> tuple[_Reader | None, Any]:
    """(reader, None) for an attribute, (None, constant) for a literal."""
    if isinstance(node, Field):
        return ATTRIBUTES[node.name].read, None
    return None, node.value


def _compare(node: Comparison) -> Predicate:
    op = _OPERATORS[node.operator]
    left, left_value = _reader(node.left)
    right, right_value = _reader(node.right)
    if left is not None and right is None:

        def field_vs_constant(subject: RuleSubject) -> bool | None:
            value = left(subject)
            return None if value is None else op(value, right_value)

        return field_vs_constant
    if left is not None and right is not None:

        def field_vs_field(subject: RuleSubject) -> bool | None:
            a, b = left(subject), right(subject)
            return None if a is None or b is None else op(a, b)

        return field_vs_field
    if right is not None:

        def constant_vs_field(subject: RuleSubject) -> bool | None:
            value = right(subject)
            return None if value is None else op(left_value, value)

        return constant_vs_field
    constant = op(left_value, right_value)
    return lambda _: constant


def _collection(
    node: ListLiteral | NamedList | Field, lists: Mapping[str, Container[Any]]
) -> tuple[_Reader | None, Container[Any]]:
    if isinstance(node, Field):
        return ATTRIBUTES[node.name].read, frozenset()
    if isinstance(node, NamedList):
        return None, lists[node.name]
    return None, frozenset(node.items)


def _membership(item_node: Field | Literal, collection: _Reader | None, fixed: Any) -> Predicate:
    item, item_value = _reader(item_node)

    def member(subject: RuleSubject) -> bool | None:
        value = item_value if item is None else item(subject)
        where = fixed if collection is None else collection(subject)
        if value is None or where is None:
            return None
        return value in where

    return member


def _not(operand: Predicate) -> Predicate:
    def negated(subject: RuleSubject) -> bool | None:
        result = operand(subject)
        return None if result is None else not result

    return negated


def _and(operands: list[Predicate]) -> Predicate:
    def all_of(subject: RuleSubject) -> bool | None:
        unknown = False
        for operand in operands:
            result = operand(subject)
            if result is False:
                return False
            if result is None:
                unknown = True
        return None if unknown else True

    return all_of


def _or(operands: list[Predicate]) -> Predicate:
    def any_of(subject: RuleSubject) -> bool | None:
        unknown = False
        for operand in operands:
            result = operand(subject)
            if result is True:
                return True
            if result is None:
                unknown = True
        return None if unknown else False

    return any_of


def compile_condition(  # noqa: PLR0911 (one return per kind of node reads best)
    node: Condition, lists: Mapping[str, Container[Any]]
) -> Predicate:
    """Compile a condition into a predicate answering True, False or None (unknown).

    ``lists`` supplies every ``@name`` the condition uses (checked by the caller).
    """
    if isinstance(node, Comparison):
        return _compare(node)
    if isinstance(node, Membership):
        reader, fixed = _collection(node.collection, lists)
        return _membership(node.item, reader, fixed)
    if isinstance(node, Includes):
        reader, fixed = _collection(node.collection, lists)
        return _membership(node.item, reader, fixed)
    if isinstance(node, Like):
        read = ATTRIBUTES[node.subject.name].read
        match = like_pattern(node.pattern).fullmatch

        def like(subject: RuleSubject) -> bool | None:
            value = read(subject)
            return None if value is None else match(str(value)) is not None

        return like
    if isinstance(node, IsMissing):
        read = ATTRIBUTES[node.subject.name].read
        return lambda subject: read(subject) is None
    if isinstance(node, IsTrue):
        return ATTRIBUTES[node.subject.name].read  # type: ignore[return-value]
    if isinstance(node, Not):
        return _not(compile_condition(node.operand, lists))
    operands = [compile_condition(operand, lists) for operand in node.operands]
    return _and(operands) if isinstance(node, And) else _or(operands)
