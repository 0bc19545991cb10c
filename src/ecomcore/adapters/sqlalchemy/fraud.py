"""Fraud's velocity counter in SQL: which orders touched which (keyed-hashed) subject, and when.

Each touch is one row keyed by (subject, order, value), written at once in its own short
transaction (``INSERT ... ON CONFLICT DO NOTHING``: assessing an order twice records it once),
and counted with one indexed range query per subject and window.
"""

from datetime import datetime

import sqlalchemy as sa

from ecomcore.adapters.sqlalchemy._database import Database
from ecomcore.adapters.sqlalchemy._schema import UtcDateTime, metadata
from ecomcore.adapters.sqlalchemy.uow import insert_new
from ecomcore.core import ValidationError
from ecomcore.fraud import VelocityCount

__all__ = ["SqlVelocityCounter"]

velocity_touch = sa.Table(
    "ecomcore_fraud_velocity_touch",
    metadata,
    sa.Column("subject", sa.String(200), primary_key=True),
    sa.Column("order_id", sa.String(200), primary_key=True),
    sa.Column("value", sa.String(200), primary_key=True),
    sa.Column("at", UtcDateTime, nullable=False),
    sa.Index("ix_ecomcore_fraud_velocity_touch_window", "subject", "at"),
)


class SqlVelocityCounter:
    """A `ecomcore.fraud.VelocityCounter` in a SQL table, shared by every process of a shop.

    Examples:
        >>> from datetime import UTC, timedelta
        >>> from ecomcore.adapters.sqlalchemy import upgrade
        >>> counter = SqlVelocityCounter(upgrade("sqlite://"))
        >>> t = datetime(2026, 3, 1, 12, tzinfo=UTC)
        >>> for order_id in ["o-1", "o-2", "o-2"]:  # o-2 assessed twice: recorded once
        ...     counter.record("email:9f2c", order_id=order_id, at=t, value="addr:77a1")
        >>> counter.count("email:9f2c", since=t - timedelta(days=1), until=t, exclude_order="o-2")
        VelocityCount(orders=1, values=frozenset({'addr:77a1'}))
    """

    def __init__(self, database: Database) -> None:
        self._database = database

    def record(self, subject: str, *, order_id: str, at: datetime, value: str) -> None:
        """Remember the touch; the same (subject, order, value) twice is kept once."""
        if at.utcoffset() is None:
            raise ValidationError("at", at, "a timezone-aware datetime")
        row = {"subject": subject, "order_id": order_id, "value": value, "at": at}
        with self._database.writing() as connection:
            insert_new(connection, velocity_touch, row)

    def count(
        self, subject: str, *, since: datetime, until: datetime, exclude_order: str
    ) -> VelocityCount:
        """Count orders and distinct values with ``since < at <= until``, not ``exclude_order``."""
        table = velocity_touch
        query = sa.select(table.c.order_id, table.c.value).where(
            table.c.subject == subject,
            table.c.at > since,
            table.c.at <= until,
            table.c.order_id != exclude_order,
        )
        with self._database.reading() as connection:
            rows = connection.execute(query).all()
        return VelocityCount(
            len({row.order_id for row in rows}), frozenset(row.value for row in rows)
        )
