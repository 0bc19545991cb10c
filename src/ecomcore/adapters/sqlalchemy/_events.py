"""Domain events as outbox rows and back.

An event is stored as its type (``module:QualifiedName``), its instant and a JSON document of
its other fields (see `ecomcore.adapters.sqlalchemy._documents`).
"""

import datetime as dt
import importlib
from typing import Any

import attrs

from ecomcore.adapters.sqlalchemy._documents import from_document, hints, to_document
from ecomcore.core import DomainEvent

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
        field.name: to_document(getattr(event, field.name))
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
    types = hints(kind)
    fields = {name: from_document(value, types[name]) for name, value in payload.items()}
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
