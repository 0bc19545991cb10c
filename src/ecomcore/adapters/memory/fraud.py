"""In-memory `VelocityCounter`: sorted timelines per subject, for tests, demos and backtests."""

from bisect import bisect_right, insort
from datetime import datetime
from operator import itemgetter

from ecomcore.core import ValidationError
from ecomcore.fraud import VelocityCount

__all__ = ["InMemoryVelocityCounter"]


_instant = itemgetter(0)  # a record's instant; in C, as bisect calls it at every step


class InMemoryVelocityCounter:
    """Counts orders and distinct values per subject in time windows, in memory.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> counter = InMemoryVelocityCounter()
        >>> t = datetime(2026, 3, 1, 12, tzinfo=UTC)
        >>> counter.record("ip:1", order_id="o-1", at=t, value="card-a")
        >>> counter.record("ip:1", order_id="o-2", at=t + timedelta(minutes=5), value="card-b")
        >>> counter.count("ip:1", since=t - timedelta(hours=1), until=t + timedelta(minutes=5),
        ...               exclude_order="o-2")
        VelocityCount(orders=1, values=frozenset({'card-a'}))
    """

    def __init__(self) -> None:
        self._times: dict[str, list[tuple[datetime, str, str]]] = {}
        self._seen: set[tuple[str, str, str]] = set()

    def record(self, subject: str, *, order_id: str, at: datetime, value: str) -> None:
        """Remember the touch; the same (subject, order, value) twice is kept once."""
        if at.utcoffset() is None:
            raise ValidationError("at", at, "a timezone-aware datetime")
        key = (subject, order_id, value)
        if key in self._seen:
            return
        self._seen.add(key)
        insort(self._times.setdefault(subject, []), (at, order_id, value), key=_instant)

    def count(
        self, subject: str, *, since: datetime, until: datetime, exclude_order: str
    ) -> VelocityCount:
        """Count orders and distinct values with ``since < at <= until``, not ``exclude_order``."""
        timeline = self._times.get(subject)
        if not timeline:
            return VelocityCount(0, frozenset())
        start = bisect_right(timeline, since, key=_instant)
        end = bisect_right(timeline, until, lo=start, key=_instant)
        orders: set[str] = set()
        values: set[str] = set()
        for _, order_id, value in timeline[start:end]:
            if order_id != exclude_order:
                orders.add(order_id)
                values.add(value)
        return VelocityCount(len(orders), frozenset(values))
