"""The port the velocity checks count through; applications back it with Redis, SQL or memory."""

from datetime import datetime
from typing import Protocol

import attrs

__all__ = ["VelocityCount", "VelocityCounter"]


@attrs.frozen
class VelocityCount:
    """What a counter saw for one subject in a window: how many orders, which distinct values.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryVelocityCounter
        >>> counter, t = InMemoryVelocityCounter(), datetime(2026, 3, 1, 12, tzinfo=UTC)
        >>> for n, card in enumerate(["card-a", "card-b", "card-a"]):
        ...     counter.record("ip:1", order_id=f"o-{n}", at=t, value=card)
        >>> seen = counter.count("ip:1", since=t - timedelta(hours=1), until=t, exclude_order="o-9")
        >>> seen.orders, sorted(seen.values)
        (3, ['card-a', 'card-b'])
    """

    orders: int
    values: frozenset[str]


class VelocityCounter(Protocol):
    """Remembers which orders touched which subject (an IP, a device, an email, a card) and when.

    Subjects and values arrive already keyed-hashed, so a counter stores no plain personal data.
    Implementations must pass `ecomcore.testing.VelocityCounterContract`.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryVelocityCounter
        >>> from ecomcore.fraud import VelocityCounter
        >>> counter: VelocityCounter = InMemoryVelocityCounter()
        >>> t = datetime(2026, 3, 1, 12, tzinfo=UTC)
        >>> for order_id in ["o-1", "o-2", "o-2"]:  # o-2 assessed twice: recorded once
        ...     counter.record("email:9f2c", order_id=order_id, at=t, value="addr:77a1")
        >>> counter.count("email:9f2c", since=t - timedelta(days=1), until=t, exclude_order="o-2")
        VelocityCount(orders=1, values=frozenset({'addr:77a1'}))
    """

    def record(self, subject: str, *, order_id: str, at: datetime, value: str) -> None:
        """Remember that ``order_id`` touched ``subject`` at ``at``, carrying ``value``.

        ``value`` is what distinct counts count (a card, an email, an address). Recording the same
        (subject, order, value) again changes nothing, so assessing an order twice is safe.
        """
        ...

    def count(
        self, subject: str, *, since: datetime, until: datetime, exclude_order: str
    ) -> VelocityCount:
        """Orders and distinct values recorded for ``subject`` with ``since < at <= until``.

        Records of ``exclude_order`` (the order being assessed) are left out.
        """
        ...
