"""Time as a port: domain code asks a Clock, never the wall."""

from datetime import UTC, datetime, timedelta
from typing import Protocol

import attrs

from ecomcore.core._errors import ValidationError


class Clock(Protocol):
    """Tells the current time, timezone-aware. Every use case that needs "now" takes one.

    Tests pass `FixedClock`; applications pass `SystemClock` or
    their own (a clock that reads a request's timestamp, say).

    Examples:
        >>> from datetime import timedelta
        >>> def expires_at(clock: Clock, hold: timedelta) -> datetime:
        ...     return clock.now() + hold
        >>> clock = FixedClock(datetime(2026, 3, 1, 9, 30, tzinfo=UTC))
        >>> expires_at(clock, timedelta(minutes=15)).isoformat()
        '2026-03-01T09:45:00+00:00'
    """

    def now(self) -> datetime:
        """Return the current instant as a timezone-aware datetime."""
        ...


class SystemClock:
    """The wall clock, in UTC: the one place in ecomcore that reads it.

    Examples:
        >>> SystemClock().now().tzinfo
        datetime.timezone.utc
    """

    def now(self) -> datetime:
        """Return the current instant in UTC."""
        return datetime.now(UTC)


def _aware(_: object, __: "attrs.Attribute[datetime]", value: datetime) -> None:
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise ValidationError("current", value, "a timezone-aware datetime")


@attrs.define
class FixedClock:
    """A clock that shows one instant until told to move: time in tests and examples, made exact.

    Needs nothing beyond the core (no pytest, no hypothesis), so examples and demos use it too.

    Examples:
        >>> from datetime import timedelta
        >>> clock = FixedClock(datetime(2026, 3, 1, 12, 0, tzinfo=UTC))
        >>> clock.advance(timedelta(minutes=15))
        >>> clock.now()
        datetime.datetime(2026, 3, 1, 12, 15, tzinfo=datetime.timezone.utc)
        >>> FixedClock(datetime(2026, 3, 1))
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: current must be a timezone-aware datetime, ...
    """

    current: datetime = attrs.field(validator=_aware)

    def now(self) -> datetime:
        """Return the instant the clock shows."""
        return self.current

    def advance(self, delta: timedelta) -> None:
        """Move the clock forward by ``delta`` (backward if negative)."""
        self.current += delta
