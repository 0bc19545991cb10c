"""A clock for tests."""

from datetime import datetime, timedelta

import attrs

from ecomcore.core import ValidationError


def _aware(_: object, __: "attrs.Attribute[datetime]", value: datetime) -> None:
    if value.utcoffset() is None:
        raise ValidationError("current", value, "a timezone-aware datetime")


@attrs.define
class FixedClock:
    """A clock that shows one instant until told to move: time in tests, made deterministic.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> clock = FixedClock(datetime(2026, 3, 1, 12, 0, tzinfo=UTC))
        >>> clock.advance(timedelta(minutes=15))
        >>> clock.now()
        datetime.datetime(2026, 3, 1, 12, 15, tzinfo=datetime.timezone.utc)
    """

    current: datetime = attrs.field(validator=_aware)

    def now(self) -> datetime:
        """Return the instant the clock shows."""
        return self.current

    def advance(self, delta: timedelta) -> None:
        """Move the clock forward by ``delta`` (backward if negative)."""
        self.current += delta
