"""The attributes a rule may read, supplied by the context whose rules they are.

A rule never reaches into the object it judges: it names attributes (``:amount:``), and each
context lists the attributes its rules may name, with a type and a reader, in a `Vocabulary`.
"""

import enum
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Final, Generic, TypeVar

import attrs

from ecomcore.core import ValidationError

__all__ = ["Attribute", "Value", "ValueType", "Vocabulary"]

S = TypeVar("S")

Value = Decimal | int | str | bool | frozenset[str] | frozenset[Decimal] | None
"""What a reader returns: a number, a string, true/false, a set of them, or None when missing."""

_NAME: Final = re.compile(r"[a-z_][a-z0-9_]*")


class ValueType(enum.Enum):
    """The type of a rule value; comparisons type-check against these when a rule is parsed.

    Examples:
        >>> from ecomcore.rules import Attribute, ValueType, Vocabulary, parse_condition
        >>> words = Vocabulary([Attribute("tags", ValueType.STRINGS, "the tags", set)])
        >>> words["tags"].value_type.value
        'a list of strings'
        >>> parse_condition(":tags: > 1", words)
        Traceback (most recent call last):
        ...
        ecomcore.rules._errors.RuleTypeError: line 1, column 1: ... expected a single value
    """

    NUMBER = "a number"
    STRING = "a string"
    BOOL = "true or false"
    STRINGS = "a list of strings"
    NUMBERS = "a list of numbers"


def _name(_: object, attribute: "attrs.Attribute[str]", value: object) -> None:
    if not isinstance(value, str) or not _NAME.fullmatch(value):
        raise ValidationError(attribute.name, value, "lower-case letters, digits and '_'")


@attrs.frozen
class Attribute(Generic[S]):
    """One attribute rules may read: its name in rules (``:amount:``), type, meaning and reader.

    ``read`` takes the subject a rule judges (an order, a customer) and returns the value, or
    None when the subject lacks that fact; a rule then answers unknown, never a match.
    Numbers are read as `Decimal` or `int`, never `float`.

    Examples:
        >>> from decimal import Decimal
        >>> total = Attribute("total", ValueType.NUMBER, "order total",
        ...                   lambda order: Decimal(order["total"]))
        >>> total.read({"total": "12.50"}), str(total)
        (Decimal('12.50'), ':total: (a number): order total')
        >>> Attribute("Total", ValueType.NUMBER, "order total", len)
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: name must be lower-case letters, digits and '_', ...
    """

    name: str = attrs.field(validator=_name)
    value_type: ValueType = attrs.field(validator=attrs.validators.instance_of(ValueType))
    description: str
    read: Callable[[S], Value] = attrs.field(eq=False, repr=False)

    def __str__(self) -> str:
        return f":{self.name}: ({self.value_type.value}): {self.description}"


def _by_name(attributes: Iterable[Attribute[S]]) -> dict[str, Attribute[S]]:
    by_name: dict[str, Attribute[S]] = {}
    for attribute in attributes:
        if not isinstance(attribute, Attribute):
            raise ValidationError("attributes", attribute, "Attribute values")
        if attribute.name in by_name:
            raise ValidationError("attributes", attribute.name, "each name once")
        by_name[attribute.name] = attribute
    return by_name


@attrs.frozen
class Vocabulary(Mapping[str, Attribute[S]]):
    """Every attribute rules of one kind may name, by name: nothing else is reachable from a rule.

    A context builds one for its subject (fraud for an order snapshot, segments for a customer)
    and hands it to `parse_condition`, `parse_rules` and `compile_condition`.

    Examples:
        >>> from ecomcore.rules import Attribute, ValueType, Vocabulary
        >>> words = Vocabulary([
        ...     Attribute("country", ValueType.STRING, "alpha-2", lambda c: c.get("country")),
        ...     Attribute("orders", ValueType.NUMBER, "orders so far", lambda c: c["orders"]),
        ... ])
        >>> sorted(words), words["orders"].read({"orders": 3}), "email" in words
        (['country', 'orders'], 3, False)
    """

    _attributes: dict[str, Attribute[S]] = attrs.field(converter=_by_name, alias="attributes")

    def __getitem__(self, name: str) -> Attribute[S]:
        return self._attributes[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._attributes)

    def __len__(self) -> int:
        return len(self._attributes)
