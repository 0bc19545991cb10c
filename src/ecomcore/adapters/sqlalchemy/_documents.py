"""Values as JSON documents and back, by their own type hints: events, tax rules, aggregates.

Money is ``{"amount": "12.50", "currency": "EUR"}`` (the amount as text, never a float), times
and dates ISO 8601, Decimals text, enums their value, attrs values objects, tuples lists.
"""

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from ecomcore.core import Money

__all__ = ["from_document", "hints", "to_document"]

_HINTS: dict[type, dict[str, Any]] = {}


def hints(kind: type) -> dict[str, Any]:
    """Return the resolved type hints of ``kind`` (resolved once per class)."""
    found = _HINTS.get(kind)
    if found is None:
        found = _HINTS[kind] = typing.get_type_hints(kind)
    return found


def to_document(value: object) -> Any:
    """Return ``value`` as JSON: Money, Decimal, times, enums, attrs values and tuples.

    Examples:
        >>> to_document((Money("1.50", "EUR"), dt.date(2026, 5, 4)))
        [{'amount': '1.50', 'currency': 'EUR'}, '2026-05-04']
        >>> from_document([{"amount": "1.50", "currency": "EUR"}], tuple[Money, ...])
        (Money('1.50', 'EUR'),)
    """
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Money):
        return {"amount": str(value.amount), "currency": value.currency.code}
    if isinstance(value, Decimal | dt.date):  # a datetime is a date too
        return str(value) if isinstance(value, Decimal) else value.isoformat()
    if isinstance(value, tuple | list):
        return [to_document(item) for item in value]
    kind = type(value)
    if attrs.has(kind):
        return {field.name: to_document(getattr(value, field.name)) for field in attrs.fields(kind)}
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"cannot store {type(value).__name__} in the outbox")


_PARSERS: dict[Any, Callable[[Any], Any]] = {
    dt.datetime: dt.datetime.fromisoformat,
    dt.date: dt.date.fromisoformat,
    Decimal: Decimal,
}


def from_document(value: Any, hint: Any) -> Any:
    """Return the value of type ``hint`` that `to_document` turned into ``value``."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        [inner] = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return None if value is None else from_document(value, inner)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_document(item, args[0]) for item in value)
        return tuple(from_document(item, arg) for item, arg in zip(value, args, strict=True))
    parse = _PARSERS.get(hint) or (_class_parser(hint) if isinstance(hint, type) else None)
    return value if parse is None else parse(value)


def _class_parser(hint: type) -> Callable[[Any], Any] | None:
    if issubclass(hint, Money):
        return lambda value: Money(value["amount"], value["currency"])
    if issubclass(hint, enum.Enum):
        return hint
    if attrs.has(hint):
        inner = hints(hint)
        return lambda value: hint(
            **{name: from_document(item, inner[name]) for name, item in value.items()}
        )
    return None
