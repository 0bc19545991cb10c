"""The base of domain events: facts, named in the past tense, that an aggregate records."""

from datetime import datetime

import attrs

from ecomcore.core._errors import ValidationError


def _aware(_: object, attribute: "attrs.Attribute[datetime]", value: datetime) -> None:
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise ValidationError(attribute.name, value, "a timezone-aware datetime")


@attrs.frozen(kw_only=True)
class DomainEvent:
    """Something that happened in the domain, at a timezone-aware instant.

    Aggregates record events as they change; the caller collects them after saving and publishes
    them however the application likes. Subclasses add the facts, as keyword-only fields.

    Examples:
        >>> from datetime import UTC, datetime
        >>> @attrs.frozen(kw_only=True)
        ... class CartEmptied(DomainEvent):
        ...     cart_id: str
        >>> event = CartEmptied(cart_id="c-1", occurred_at=datetime(2026, 1, 5, 9, 30, tzinfo=UTC))
        >>> event.name, event.cart_id
        ('CartEmptied', 'c-1')
    """

    occurred_at: datetime = attrs.field(validator=_aware)

    @property
    def name(self) -> str:
        """The event's type name, for logs and message routing."""
        return type(self).__name__
