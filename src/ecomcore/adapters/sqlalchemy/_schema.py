"""The tables' shared parts: one `MetaData`, column types, and the outbox every commit writes.

Every table is named ``ecomcore_<context>_<thing>`` so ecomcore's tables live beside an
application's own in one database. Times are stored in UTC (`UtcDateTime`), money as integer
minor units plus an ISO 4217 code (SQLite keeps ``NUMERIC`` as a float).
"""

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

from ecomcore.core import ValidationError

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)
"""The schema of every ecomcore table; the migrations are checked against it."""


class UtcDateTime(sa.types.TypeDecorator[datetime]):
    """A timezone-aware instant, stored in UTC and read back as an aware UTC ``datetime``.

    PostgreSQL stores ``timestamptz``; SQLite stores the UTC wall time as text, so that text
    order is time order. A naive ``datetime`` is refused.

    Examples:
        >>> from datetime import timedelta, timezone
        >>> column = UtcDateTime()
        >>> column.process_bind_param(
        ...     datetime(2026, 5, 4, 11, tzinfo=timezone(timedelta(hours=2))), None)
        datetime.datetime(2026, 5, 4, 9, 0, tzinfo=datetime.timezone.utc)
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect | None) -> Any:
        """Convert ``value`` to UTC (naive UTC for SQLite, which has no time zones)."""
        if value is None:
            return None
        if not isinstance(value, datetime) or value.utcoffset() is None:
            raise ValidationError("datetime", value, "a timezone-aware datetime")
        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect is not None and dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Read ``value`` back as an aware UTC datetime."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.utcoffset() is None else value.astimezone(UTC)


def version_column() -> sa.Column[int]:
    """Return a stored-version column: 1 once stored, one more at each change."""
    return sa.Column("version", sa.Integer, nullable=False)


outbox = sa.Table(
    "ecomcore_outbox",
    metadata,
    sa.Column("position", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True,
              autoincrement=True),
    sa.Column("event_type", sa.String(200), nullable=False),
    sa.Column("occurred_at", UtcDateTime, nullable=False),
    sa.Column("payload", sa.JSON, nullable=False),
)  # fmt: skip
"""Committed events in commit order; ``event_type`` is ``module:QualifiedName``."""


def money_columns(name: str) -> tuple[sa.Column[int], sa.Column[str]]:
    """Return the two columns of an amount: ``<name>_minor`` (whole minor units) and its currency.

    Examples:
        >>> [column.name for column in money_columns("discount")]
        ['discount_minor', 'discount_currency']
    """
    return (
        sa.Column(f"{name}_minor", sa.BigInteger, nullable=False),
        sa.Column(f"{name}_currency", sa.String(3), nullable=False),
    )
