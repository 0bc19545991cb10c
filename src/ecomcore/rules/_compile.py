"""Tree to closures: each condition becomes a function of the subject, no eval anywhere.

Conditions answer True, False or None (unknown, when a fact they need is missing), by Kleene's
three-valued logic: ``not`` keeps unknown unknown, ``and`` is false if any part is false, ``or`` is
true if any part is true.
"""

import operator
import re
from collections.abc import Callable, Container, Iterable, Mapping
from typing import Any, Final, TypeVar

from ecomcore.core import ValidationError
from ecomcore.rules._attributes import Attribute
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
)
from ecomcore.rules._parse import named_lists, parse_condition

__all__ = ["Predicate", "compile_condition", "compile_conditions", "like_pattern"]

S = TypeVar("S")

Predicate = Callable[[S], bool | None]
"""A compiled condition: True, False, or None when a fact it needs is missing."""
_Reader = Callable[[Any], Any]

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


class _Compiler:
    """Compiles one condition tree with the attributes and named lists it may use."""

    def __init__(
        self, attributes: Mapping[str, Attribute[Any]], lists: Mapping[str, Container[Any]]
    ) -> None:
        self.attributes, self.lists = attributes, lists

    def read(self, field: Field) -> _Reader:
        attribute = self.attributes.get(field.name)
        if attribute is None:
            raise ValidationError(
                "condition", str(field), "attributes named in the vocabulary given"
            )
        return attribute.read

    def operand(self, node: Field | Constant) -> tuple[_Reader | None, Any]:
        """(reader, None) for an attribute, (None, constant) for a literal."""
        if isinstance(node, Field):
            return self.read(node), None
        return None, node.value

    def compare(self, node: Comparison) -> Predicate[Any]:
        op = _OPERATORS[node.operator]
        left, left_value = self.operand(node.left)
        right, right_value = self.operand(node.right)
        if left is not None and right is None:

            def field_vs_constant(subject: Any) -> bool | None:
                value = left(subject)
                return None if value is None else op(value, right_value)

            return field_vs_constant
        if left is not None and right is not None:

            def field_vs_field(subject: Any) -> bool | None:
                a, b = left(subject), right(subject)
                return None if a is None or b is None else op(a, b)

            return field_vs_field
        if right is not None:

            def constant_vs_field(subject: Any) -> bool | None:
                value = right(subject)
                return None if value is None else op(left_value, value)

            return constant_vs_field
        constant = op(left_value, right_value)
        return lambda _: constant

    def membership(self, item_node: Field | Constant, node: Any) -> Predicate[Any]:
        collection: _Reader | None = None
        fixed: Container[Any] = frozenset()
        if isinstance(node, Field):
            collection = self.read(node)
        elif isinstance(node, NamedList):
            fixed = self.lists[node.name]
        else:
            assert isinstance(node, ConstantList)
            fixed = frozenset(node.items)
        item, item_value = self.operand(item_node)

        def member(subject: Any) -> bool | None:
            value = item_value if item is None else item(subject)
            where = fixed if collection is None else collection(subject)
            if value is None or where is None:
                return None
            return value in where

        return member

    def like(self, node: Like) -> Predicate[Any]:
        read = self.read(node.subject)
        match = like_pattern(node.pattern).fullmatch

        def like(subject: Any) -> bool | None:
            value = read(subject)
            return None if value is None else match(str(value)) is not None

        return like

    def compile(self, node: ConditionTree) -> Predicate[Any]:  # noqa: PLR0911 (one return per node)
        if isinstance(node, Comparison):
            return self.compare(node)
        if isinstance(node, Membership | Includes):
            return self.membership(node.item, node.collection)
        if isinstance(node, Like):
            return self.like(node)
        if isinstance(node, IsMissing):
            read = self.read(node.subject)
            return lambda subject: read(subject) is None
        if isinstance(node, IsTrue):
            return self.read(node.subject)
        if isinstance(node, Not):
            return _not(self.compile(node.operand))
        operands = [self.compile(operand) for operand in node.operands]
        return _and(operands) if isinstance(node, And) else _or(operands)


def _not(operand: Predicate[S]) -> Predicate[S]:
    def negated(subject: S) -> bool | None:
        result = operand(subject)
        return None if result is None else not result

    return negated


def _and(operands: list[Predicate[S]]) -> Predicate[S]:
    def all_of(subject: S) -> bool | None:
        unknown = False
        for operand in operands:
            result = operand(subject)
            if result is False:
                return False
            if result is None:
                unknown = True
        return None if unknown else True

    return all_of


def _or(operands: list[Predicate[S]]) -> Predicate[S]:
    def any_of(subject: S) -> bool | None:
        unknown = False
        for operand in operands:
            result = operand(subject)
            if result is True:
                return True
            if result is None:
                unknown = True
        return None if unknown else False

    return any_of


def compile_conditions(
    conditions: Iterable[str | ConditionTree],
    attributes: Mapping[str, Attribute[S]],
    *,
    lists: Mapping[str, Container[Any]] | None = None,
) -> tuple[Predicate[S], ...]:
    """Compile several conditions (text or trees) at once, with the named lists they use.

    A list is anything supporting ``in`` (a set, a fraud `Watchlist`). Raises `ValidationError`
    naming every list that is missing, before compiling anything.

    Examples:
        >>> from ecomcore.rules import Attribute, ValueType, Vocabulary
        >>> words = Vocabulary([Attribute("city", ValueType.STRING, "city", lambda c: c["city"])])
        >>> near, far = compile_conditions([':city: in @near', 'not :city: in @near'], words,
        ...                                lists={"near": {"Berlin", "Potsdam"}})
        >>> near({"city": "Berlin"}), far({"city": "Berlin"}), near({"city": None})
        (True, False, None)
        >>> compile_conditions([":city: in @near", ":city: in @far"], words)
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: lists must be ... missing @far, @near, got []
    """
    trees = [
        parse_condition(condition, attributes) if isinstance(condition, str) else condition
        for condition in conditions
    ]
    given = dict(lists or {})
    missing = sorted(frozenset().union(*map(named_lists, trees)) - given.keys())
    if missing:
        raise ValidationError(
            "lists",
            sorted(given),
            "a mapping with a list for every @name the conditions use; missing "
            + ", ".join(f"@{name}" for name in missing),
        )
    compiler = _Compiler(attributes, given)
    return tuple(compiler.compile(tree) for tree in trees)


def compile_condition(
    condition: str | ConditionTree,
    attributes: Mapping[str, Attribute[S]],
    *,
    lists: Mapping[str, Container[Any]] | None = None,
) -> Predicate[S]:
    """Compile a condition (text or tree) into a function of the subject: True, False or None.

    None means unknown: a fact the condition needs is missing (its reader returned None), and
    neither the condition nor its negation holds. ``is_missing(:x:)`` asks for that case.

    Examples:
        >>> from decimal import Decimal
        >>> from ecomcore.rules import Attribute, ValueType, Vocabulary
        >>> words = Vocabulary([
        ...     Attribute("spent", ValueType.NUMBER, "lifetime spend",
        ...               lambda customer: customer.get("spent")),
        ...     Attribute("country", ValueType.STRING, "alpha-2",
        ...               lambda customer: customer.get("country")),
        ... ])
        >>> big_spender = compile_condition(':spent: >= 1000 and :country: == "DE"', words)
        >>> big_spender({"spent": Decimal(1500), "country": "DE"})
        True
        >>> big_spender({"spent": Decimal(90), "country": "DE"})
        False
        >>> print(big_spender({"country": "DE"}))  # spend unknown
        None
    """
    (predicate,) = compile_conditions([condition], attributes, lists=lists)
    return predicate
