"""Time as a port: domain code asks a Clock, never the wall."""

from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    """Tells the current time, timezone-aware. Every use case that needs "now" takes one.

    Tests pass `ecomcore.testing.FixedClock`; applications pass `SystemClock` or
    their own (a clock that reads a request's timestamp, say).
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
