"""The port the velocity checks count through; applications back it with Redis, SQL or memory."""

from datetime import datetime
from typing import Protocol

import attrs

__all__ = ["VelocityCount", "VelocityCounter"]


@attrs.frozen
class VelocityCount:
    """What a counter saw for one subject in a window: how many orders, which distinct values."""

    orders: int
    values: frozenset[str]


class VelocityCounter(Protocol):
    """Remembers which orders touched which subject (an IP, a device, an email, a card) and when.

    Subjects and values arrive already keyed-hashed, so a counter stores no plain personal data.
    Implementations must pass `ecomcore.testing.VelocityCounterContract`.
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
