"""Domain events as outbox rows and back: JSON by the events' own type hints.

An event is stored as its type (``module:QualifiedName``), its instant and a JSON object of its
other fields. Money is ``{"amount": "12.50", "currency": "EUR"}`` (the amount as text, never a
float), times and dates ISO 8601, enums their value, attrs values objects, tuples lists.
"""

import datetime as dt
import enum
import importlib
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from ecomcore.core import DomainEvent, Money

__all__ = ["event_from_row", "event_row"]


def event_row(event: DomainEvent) -> dict[str, Any]:
    """Return the outbox row of ``event`` (without its position).

    Examples:
        >>> from ecomcore.inventory import OutOfStock
        >>> at = dt.datetime(2026, 5, 4, 9, tzinfo=dt.UTC)
        >>> out = OutOfStock(occurred_at=at, sku="mug", location="wh", available=0)
        >>> row = event_row(out)
        >>> row["event_type"], row["payload"]
        ('ecomcore.inventory._events:OutOfStock', {'sku': 'mug', 'location': 'wh', 'available': 0})
        >>> event_from_row(**row) == out
        True
    """
    kind = type(event)
    payload = {
        field.name: _plain(getattr(event, field.name))
        for field in attrs.fields(kind)
        if field.name != "occurred_at"
    }
    return {
        "event_type": f"{kind.__module__}:{kind.__qualname__}",
        "occurred_at": event.occurred_at,
        "payload": payload,
    }


def event_from_row(
    event_type: str, occurred_at: dt.datetime, payload: dict[str, Any]
) -> DomainEvent:
    """Rebuild the event an outbox row holds (its class is imported if it is not loaded yet)."""
    kind = _event_class(event_type)
    hints = _hints(kind)
    fields = {name: _typed(value, hints[name]) for name, value in payload.items()}
    event: DomainEvent = kind(occurred_at=occurred_at, **fields)
    return event


def _event_class(event_type: str) -> type[DomainEvent]:
    module_name, _, qualname = event_type.partition(":")
    found: Any = importlib.import_module(module_name)
    for part in qualname.split("."):
        found = getattr(found, part, None)
    if not (isinstance(found, type) and issubclass(found, DomainEvent)):
        raise LookupError(f"the outbox names {event_type!r}, which is not a DomainEvent class")
    return found


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(kind: type) -> dict[str, Any]:
    """Return the resolved type hints of ``kind`` (resolved once per class)."""
    found = _HINTS.get(kind)
    if found is None:
        found = _HINTS[kind] = typing.get_type_hints(kind)
    return found


def _plain(value: object) -> Any:
    """Return ``value`` as JSON: Money, Decimal, times, enums, attrs values and tuples."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Money):
        return {"amount": str(value.amount), "currency": value.currency.code}
    if isinstance(value, Decimal | dt.date):  # a datetime is a date too
        return str(value) if isinstance(value, Decimal) else value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    kind = type(value)
    if attrs.has(kind):
        return {field.name: _plain(getattr(value, field.name)) for field in attrs.fields(kind)}
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"cannot store {type(value).__name__} in the outbox")


_PARSERS: dict[Any, Callable[[Any], Any]] = {
    dt.datetime: dt.datetime.fromisoformat,
    dt.date: dt.date.fromisoformat,
    Decimal: Decimal,
}


def _typed(value: Any, hint: Any) -> Any:
    """Return the value of type ``hint`` that `_plain` turned into ``value``."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        [inner] = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return None if value is None else _typed(value, inner)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_typed(item, args[0]) for item in value)
        return tuple(_typed(item, arg) for item, arg in zip(value, args, strict=True))
    parse = _PARSERS.get(hint) or (_class_parser(hint) if isinstance(hint, type) else None)
    return value if parse is None else parse(value)


def _class_parser(hint: type) -> Callable[[Any], Any] | None:
    if issubclass(hint, Money):
        return lambda value: Money(value["amount"], value["currency"])
    if issubclass(hint, enum.Enum):
        return hint
    if attrs.has(hint):
        inner = _hints(hint)
        return lambda value: hint(
            **{name: _typed(item, inner[name]) for name, item in value.items()}
        )
    return None
