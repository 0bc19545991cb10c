"""The redemption ledger in SQL: one row per (promotion or coupon key, order), behind the SQL uow.

Recording is ``INSERT ... ON CONFLICT DO NOTHING`` inside the commit's transaction, so a retried
order (or two processes recording the same order) stores one redemption and sends its event
once; the event goes to the outbox only when the row was inserted. Discounts are stored as
integer minor units with their currency.
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ecomcore.adapters.sqlalchemy._database import Database
from ecomcore.adapters.sqlalchemy._schema import UtcDateTime, metadata, money_columns
from ecomcore.adapters.sqlalchemy.uow import SqlUnitOfWork, Subscriber, insert_new
from ecomcore.core import DomainEvent, from_minor_units, to_minor_units
from ecomcore.pricing import Redemption, RedemptionUsage

__all__ = ["SqlPricingUnitOfWork", "SqlRedemptionLedger"]

redemption = sa.Table(
    "ecomcore_pricing_redemption",
    metadata,
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("order_id", sa.String(200), primary_key=True),
    sa.Column("customer_id", sa.String(200)),
    *money_columns("discount"),
    sa.Column("at", UtcDateTime, nullable=False),
)


class SqlRedemptionLedger:
    """A `ecomcore.pricing.RedemptionLedger` in SQL, staging into a `SqlUnitOfWork`.

    `usage` reads what is committed, so a quote may use the ledger without a unit of work of
    its own.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.sqlalchemy import upgrade
        >>> from ecomcore.core import Money
        >>> uow = SqlPricingUnitOfWork(upgrade("sqlite://"))
        >>> spring = Redemption("spring", "o-1", "c-1", Money("5.00", "EUR"),
        ...                     datetime(2026, 4, 1, tzinfo=UTC))
        >>> with uow:
        ...     uow.redemptions.record(spring)
        ...     uow.redemptions.record(spring)  # a retry: still one use
        ...     uow.commit()
        >>> uow.redemptions.usage("spring", "c-1", "EUR")
        RedemptionUsage(uses=1, customer_uses=1, granted=Money('5.00', 'EUR'))
    """

    def __init__(self, uow: SqlUnitOfWork) -> None:
        self._uow = uow
        self._database: Database = uow.database

    def usage(self, key: str, customer_id: str | None, currency: str) -> RedemptionUsage:
        """Return the committed uses of ``key`` in all and by ``customer_id``, and the discount."""
        table = redemption
        in_currency = table.c.discount_currency == currency
        query = sa.select(
            sa.func.count(),
            sa.func.count().filter(table.c.customer_id == customer_id),
            sa.func.coalesce(sa.func.sum(table.c.discount_minor).filter(in_currency), 0),
        ).where(table.c.key == key)
        with self._database.reading() as connection:
            uses, customer_uses, granted = connection.execute(query).one()
        return RedemptionUsage(
            uses,
            0 if customer_id is None else customer_uses,
            from_minor_units(int(granted), currency),  # PostgreSQL sums bigints as numeric
        )

    def record(self, redemption: Redemption, *, event: DomainEvent | None = None) -> None:
        """Stage recording ``redemption``; ``event`` goes to the outbox if the commit stores it."""
        write = _Record(redemption, event)
        self._uow.stage(write, write)

    def release(self, key: str, order_id: str) -> None:
        """Stage forgetting the redemption of ``key`` by ``order_id``, if any."""
        table = redemption

        def delete(connection: Connection) -> None:
            connection.execute(
                table.delete().where(table.c.key == key, table.c.order_id == order_id)
            )

        self._uow.stage(delete)


class _Record:
    """Insert one redemption unless its (key, order) is stored; only then send its event."""

    def __init__(self, redemption: Redemption, event: DomainEvent | None) -> None:
        self._redemption, self._event = redemption, event
        self._events: list[DomainEvent] = []

    def __call__(self, connection: Connection) -> None:
        found = self._redemption
        row: dict[str, Any] = {
            "key": found.key, "order_id": found.order_id, "customer_id": found.customer_id,
            "discount_minor": to_minor_units(found.discount),
            "discount_currency": found.discount.currency.code, "at": found.at,
        }  # fmt: skip
        if insert_new(connection, redemption, row) and self._event is not None:
            self._events.append(self._event)

    def pull_events(self) -> list[DomainEvent]:
        events, self._events = self._events, []
        return events


class SqlPricingUnitOfWork(SqlUnitOfWork):
    """A `ecomcore.pricing.PricingUnitOfWork` over a `Database`.

    Examples:
        >>> from ecomcore.adapters.sqlalchemy import upgrade
        >>> uow = SqlPricingUnitOfWork(upgrade("sqlite://"))
        >>> uow.redemptions.usage("spring", None, "EUR").uses, uow.outbox.events()
        (0, [])
    """

    def __init__(self, database: Database, *, subscribers: Sequence[Subscriber] = ()) -> None:
        super().__init__(database, subscribers=subscribers)
        self.redemptions = SqlRedemptionLedger(self)
