"""The rule language's tree: what a parsed rule set is, and how it prints back to text."""

from collections.abc import Iterable
from decimal import Decimal
from typing import Final, Union

import attrs

from ecomcore.fraud._model import Decision

__all__ = [
    "And",
    "Comparison",
    "Condition",
    "Field",
    "Includes",
    "IsMissing",
    "IsTrue",
    "Like",
    "ListLiteral",
    "Literal",
    "Membership",
    "NamedList",
    "Not",
    "Or",
    "Rule",
    "format_literal",
]

COMPARISON_OPERATORS: Final = ("==", "!=", "<", "<=", ">", ">=")


def _items(items: Iterable[Decimal | str]) -> tuple[Decimal | str, ...]:
    return tuple(items)


def _operands(operands: "Iterable[Condition]") -> "tuple[Condition, ...]":
    return tuple(operands)


def format_literal(value: Decimal | str | bool) -> str:
    r"""Write a literal as rule text: numbers in plain notation, strings quoted with ``\`` escapes.

    Examples:
        >>> format_literal(Decimal("1E+3")), format_literal(True)
        ('1000', 'true')
        >>> print(format_literal('say "hi"'))
        "say \"hi\""
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@attrs.frozen
class Field:
    """A documented attribute of the order, written ``:name:`` (see `ATTRIBUTES`)."""

    name: str

    def __str__(self) -> str:
        return f":{self.name}:"


@attrs.frozen
class Literal:
    """A number (Decimal), string or boolean written in the rule."""

    value: Decimal | str | bool

    def __str__(self) -> str:
        return format_literal(self.value)


@attrs.frozen
class ListLiteral:
    """A list of numbers or strings written in the rule: ``["US", "CA"]``."""

    items: tuple[Decimal | str, ...] = attrs.field(converter=_items)

    def __str__(self) -> str:
        return "[" + ", ".join(format_literal(item) for item in self.items) + "]"


@attrs.frozen
class NamedList:
    """A list supplied when the rules are compiled, written ``@name``."""

    name: str

    def __str__(self) -> str:
        return f"@{self.name}"


Scalar = Field | Literal


@attrs.frozen
class Comparison:
    """``left op right`` with op one of ``== != < <= > >=``; ordering compares numbers only."""

    left: Scalar
    operator: str
    right: Scalar

    def __str__(self) -> str:
        return f"{self.left} {self.operator} {self.right}"


@attrs.frozen
class Membership:
    """``item in collection``: the collection is a list, a named list or a list attribute."""

    item: Scalar
    collection: ListLiteral | NamedList | Field

    def __str__(self) -> str:
        return f"{self.item} in {self.collection}"


@attrs.frozen
class Includes:
    """``collection includes item``, as in ``:signals: includes "cvv_mismatch"``."""

    collection: Field | ListLiteral
    item: Scalar

    def __str__(self) -> str:
        return f"{self.collection} includes {self.item}"


@attrs.frozen
class Like:
    """``field like "pattern"``: ``*`` any run of characters, ``?`` one; case-insensitive."""

    subject: Field
    pattern: str

    def __str__(self) -> str:
        return f"{self.subject} like {format_literal(self.pattern)}"


@attrs.frozen
class IsMissing:
    """``is_missing(:field:)``: true when the order does not have that fact; never unknown."""

    subject: Field

    def __str__(self) -> str:
        return f"is_missing({self.subject})"


@attrs.frozen
class IsTrue:
    """A true/false attribute on its own, as in ``block if :ip_is_proxy:``."""

    subject: Field

    def __str__(self) -> str:
        return str(self.subject)


@attrs.frozen
class Not:
    """``not condition``: unknown stays unknown."""

    operand: "Condition"

    def __str__(self) -> str:
        return "not " + _wrapped(self.operand, (And, Or))


@attrs.frozen
class And:
    """Two or more conditions joined by ``and`` (false wins over unknown)."""

    operands: tuple["Condition", ...] = attrs.field(converter=_operands)

    def __str__(self) -> str:
        return " and ".join(_wrapped(operand, (And, Or)) for operand in self.operands)


@attrs.frozen
class Or:
    """Two or more conditions joined by ``or`` (true wins over unknown)."""

    operands: tuple["Condition", ...] = attrs.field(converter=_operands)

    def __str__(self) -> str:
        return " or ".join(_wrapped(operand, (Or,)) for operand in self.operands)


Condition = Union[Comparison, Membership, Includes, Like, IsMissing, IsTrue, Not, And, Or]  # noqa: UP007


def _wrapped(condition: Condition, needs_parentheses: tuple[type, ...]) -> str:
    text = str(condition)
    return f"({text})" if isinstance(condition, needs_parentheses) else text


@attrs.frozen
class Rule:
    """``[label:] action if condition``: one rule, with an optional label naming it.

    Examples:
        >>> rule = Rule(Decision.REVIEW, Comparison(Field("amount"), ">", Literal(Decimal(500))))
        >>> str(rule)
        'review if :amount: > 500'
        >>> str(attrs.evolve(rule, label="big_order"))
        'big_order: review if :amount: > 500'
    """

    action: Decision
    condition: Condition
    label: str | None = None

    def __str__(self) -> str:
        prefix = f"{self.label}: " if self.label else ""
        return f"{prefix}{self.action.value} if {self.condition}"
