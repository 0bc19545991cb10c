"""Time as a port: domain code asks a Clock, never the wall."""

from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    """Tells the current time, timezone-aware. Every use case that needs "now" takes one.

    Tests pass `ecomcore.testing.FixedClock`; applications pass `SystemClock` or
    their own (a clock that reads a request's timestamp, say).

    Examples:
        >>> from datetime import timedelta
        >>> from ecomcore.testing import FixedClock
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
