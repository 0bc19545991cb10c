"""Stock in SQL: levels, reservations, transfers and the ledger, behind the SQL unit of work.

Concurrency is optimistic, as the port's contract says: a change's levels and records are
written with ``UPDATE ... WHERE version = <read version>`` (and new ones with ``INSERT ... ON
CONFLICT DO NOTHING``), in key order, inside the commit's transaction; a row that moved on
makes the commit raise `ConcurrencyError` and roll back, and the use case re-reads and retries.
No lock is held while a use case decides, only for the commit itself: on PostgreSQL the row
locks of the updated levels (a racing writer waits, then finds the version changed), on SQLite
the database's write lock (``BEGIN IMMEDIATE``).
"""

import functools
from collections.abc import Callable, Collection, Sequence
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from ecomcore.adapters.sqlalchemy._database import Database
from ecomcore.adapters.sqlalchemy._schema import UtcDateTime, metadata, version_column
from ecomcore.adapters.sqlalchemy.uow import SqlUnitOfWork, Subscriber, put_version
from ecomcore.core import DomainEvent, NotFoundError
from ecomcore.inventory import (
    ExpectedReceipt,
    Movement,
    MovementReason,
    Reservation,
    ReservationStatus,
    StockChange,
    StockKey,
    StockLevel,
    Transfer,
    TransferStatus,
)
from ecomcore.inventory._ports import Held, staged_change
from ecomcore.inventory._rows import LevelRow, empty_row, level_row

__all__ = ["SqlStockRepository", "SqlStockUnitOfWork"]

_ID = 200  # the longest id, SKU or location stored
_COUNT = sa.BigInteger

stock_level = sa.Table(
    "ecomcore_stock_level",
    metadata,
    sa.Column("sku", sa.String(_ID), primary_key=True),
    sa.Column("location", sa.String(_ID), primary_key=True),
    sa.Column("on_hand", _COUNT, nullable=False),
    sa.Column("reserved", _COUNT, nullable=False),
    sa.Column("allocated", _COUNT, nullable=False),
    sa.Column("in_transit", _COUNT, nullable=False),
    sa.Column("incoming", sa.JSON, nullable=False),
    sa.Column("safety_stock", _COUNT, nullable=False),
    sa.Column("reorder_point", _COUNT, nullable=False),
    version_column(),
)
stock_reservation = sa.Table(
    "ecomcore_stock_reservation",
    metadata,
    sa.Column("id", sa.String(_ID), primary_key=True),
    sa.Column("units", sa.JSON, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("expires_at", UtcDateTime, nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("order_id", sa.String(_ID)),
    version_column(),
    sa.Index("ix_ecomcore_stock_reservation_expiry", "status", "expires_at"),
)
stock_transfer = sa.Table(
    "ecomcore_stock_transfer",
    metadata,
    sa.Column("id", sa.String(_ID), primary_key=True),
    sa.Column("sku", sa.String(_ID), nullable=False),
    sa.Column("source", sa.String(_ID), nullable=False),
    sa.Column("destination", sa.String(_ID), nullable=False),
    sa.Column("quantity", _COUNT, nullable=False),
    sa.Column("dispatched_at", UtcDateTime, nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    version_column(),
)
stock_movement = sa.Table(
    "ecomcore_stock_movement",
    metadata,
    sa.Column("position", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True,
              autoincrement=True),
    sa.Column("sku", sa.String(_ID), nullable=False),
    sa.Column("location", sa.String(_ID), nullable=False),
    sa.Column("reason", sa.String(30), nullable=False),
    sa.Column("occurred_at", UtcDateTime, nullable=False),
    sa.Column("reference", sa.String(_ID), nullable=False),
    sa.Column("on_hand", _COUNT, nullable=False),
    sa.Column("reserved", _COUNT, nullable=False),
    sa.Column("allocated", _COUNT, nullable=False),
    sa.Column("in_transit", _COUNT, nullable=False),
    sa.Column("incoming", _COUNT, nullable=False),
    sa.Column("due", sa.Date),
)  # fmt: skip


_LEVELS = (
    sa.select(stock_level)
    .where(
        sa.tuple_(stock_level.c.sku, stock_level.c.location).in_(
            sa.bindparam("pairs", expanding=True)
        )
    )
    .order_by(stock_level.c.sku, stock_level.c.location)
)
_LEVELS_FOR_UPDATE = _LEVELS.with_for_update()  # rows locked as sorted: one order, no deadlock


class SqlStockRepository:
    """A `ecomcore.inventory.StockRepository` in SQL tables, staging into a `SqlUnitOfWork`.

    Reads see what is committed; `stage` adds the change to the unit of work's next commit.

    Examples:
        >>> from ecomcore.adapters.sqlalchemy import upgrade
        >>> uow = SqlStockUnitOfWork(upgrade("sqlite://"))
        >>> uow.stock.levels([StockKey("mug", "wh")])[StockKey("mug", "wh")].version
        0
    """

    def __init__(self, uow: SqlUnitOfWork) -> None:
        self._uow = uow
        self._database: Database = uow.database

    def _read(self, query: sa.Select[Any]) -> Sequence[Row[Any]]:
        with self._database.reading() as connection:
            return connection.execute(query).all()

    def levels(self, keys: Collection[StockKey]) -> dict[StockKey, StockLevel]:
        """Return the stored level per key; an unstored key gets an empty level (version 0)."""
        pairs = [(key.sku, key.location) for key in keys]
        found: dict[tuple[str, str], StockLevel] = {}
        if pairs:
            with self._database.reading() as connection:
                rows = connection.execute(_LEVELS, {"pairs": pairs}).all()
            for row in rows:
                found[row.sku, row.location] = _level(row)
        return {key: found.get((key.sku, key.location)) or StockLevel(key) for key in keys}

    def reservation(self, reservation_id: str) -> Reservation:
        """Return the reservation with this id, or raise NotFoundError."""
        found = self.find_reservation(reservation_id)
        if found is None:
            raise NotFoundError("reservation", reservation_id)
        return found

    def find_reservation(self, reservation_id: str) -> Reservation | None:
        """Return the reservation with this id, or None."""
        table = stock_reservation
        rows = self._read(sa.select(table).where(table.c.id == reservation_id))
        return _reservation(rows[0]) if rows else None

    def expiring(self, as_of: datetime) -> list[Reservation]:
        """Active reservations expired as of ``as_of``, oldest expiry first, ties by id."""
        table = stock_reservation
        query = (
            sa.select(table)
            .where(table.c.status == ReservationStatus.ACTIVE.value, table.c.expires_at <= as_of)
            .order_by(table.c.expires_at, table.c.id)
        )
        return [_reservation(row) for row in self._read(query)]

    def transfer(self, transfer_id: str) -> Transfer:
        """Return the transfer with this id, or raise NotFoundError."""
        table = stock_transfer
        rows = self._read(sa.select(table).where(table.c.id == transfer_id))
        if not rows:
            raise NotFoundError("transfer", transfer_id)
        row = rows[0]
        return Transfer(
            row.id, row.sku, row.source, row.destination, row.quantity, row.dispatched_at,
            TransferStatus(row.status), row.version,
        )  # fmt: skip

    def stock_keys(self) -> list[StockKey]:
        """Return every stored level's key, sorted."""
        columns = (stock_level.c.sku, stock_level.c.location)
        rows = self._read(sa.select(*columns).order_by(*columns))
        return [StockKey(row.sku, row.location) for row in rows]

    def movements(self, after: int = 0) -> list[Movement]:
        """Return the ledger in commit order, from entry ``after`` on."""
        table = stock_movement
        rows = self._read(sa.select(table).order_by(table.c.position).offset(after))
        return [
            Movement(
                StockKey(row.sku, row.location), MovementReason(row.reason), row.occurred_at,
                row.reference, row.on_hand, row.reserved, row.allocated, row.in_transit,
                row.incoming, row.due,
            )
            for row in rows
        ]  # fmt: skip

    def _reserve_rows(
        self, pairs: Collection[tuple[str, str]], decide: Callable[[list[LevelRow]], Held]
    ) -> Reservation:
        """Decide a reservation on rows read in the commit's transaction, and commit it.

        On PostgreSQL the rows are read ``FOR UPDATE`` (in key order); on SQLite the commit's
        ``BEGIN IMMEDIATE`` holds the database. Racing reservations of one item so queue for
        it rather than losing races and retrying (a new level, not stored yet, can still race).
        """
        held: list[Reservation] = []

        def first(connection: Connection) -> None:
            read = _LEVELS_FOR_UPDATE if connection.dialect.name == "postgresql" else _LEVELS
            stored = {
                (row.sku, row.location): level_row(_level(row))
                for row in connection.execute(read, {"pairs": list(pairs)})
            }
            rows = [stored.get(pair) or empty_row(StockKey(*pair)) for pair in pairs]
            after, reservation, movements, events = decide(rows)
            self.stage(staged_change(after, reservation, movements, events))
            held.append(reservation)

        self._uow.commit(first=first)
        return held[0]

    def stage(self, change: StockChange) -> None:
        """Stage ``change`` for the next commit, which checks every version and writes it all."""
        self._uow.stage(functools.partial(_write, change))
        self._uow.append(stock_movement, [_movement_row(movement) for movement in change.movements])
        if change.events:
            self._uow.collect(_Events(change.events))


class SqlStockUnitOfWork(SqlUnitOfWork):
    """A `ecomcore.inventory.InventoryUnitOfWork` over a `Database`.

    Give each thread or process its own, over one database. An application's own unit of work
    can add ``self.stock = SqlStockRepository(self)`` beside its other repositories.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.sqlalchemy import upgrade
        >>> from ecomcore.core import FixedClock
        >>> from ecomcore.inventory import ReservationLine, receive_stock, reserve
        >>> clock = FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> uow = SqlStockUnitOfWork(upgrade("sqlite://"))
        >>> _ = receive_stock(uow, clock, StockKey("mug", "wh"), 1, reference="po-1")
        >>> _ = reserve(uow, clock, "c-1", [ReservationLine("mug", 1, "wh")], timedelta(hours=1))
        >>> [event.name for event in uow.outbox.events()]
        ['BackInStock', 'OutOfStock']
    """

    def __init__(self, database: Database, *, subscribers: Sequence[Subscriber] = ()) -> None:
        super().__init__(database, subscribers=subscribers)
        self.stock = SqlStockRepository(self)


class _Events:
    """A change's events, handed to the commit's outbox rows once."""

    def __init__(self, events: Sequence[DomainEvent]) -> None:
        self._events = list(events)

    def pull_events(self) -> list[DomainEvent]:
        events, self._events = self._events, []
        return events


def _write(change: StockChange, connection: Connection) -> None:
    """Write the change's levels, reservations and transfers, each on its read version."""
    levels = sorted(change.levels, key=lambda level: (level.key.sku, level.key.location))
    for level in levels:  # in key order, so two commits lock shared rows in the same order
        key = {"sku": level.key.sku, "location": level.key.location}
        put_version(connection, stock_level, _level_row(level), kind="stock level", key=key)
    for reservation in change.reservations:
        row = _reservation_row(reservation)
        put_version(
            connection, stock_reservation, row, kind="reservation", key={"id": reservation.id}
        )
    for transfer in change.transfers:
        row = {
            "sku": transfer.sku, "source": transfer.source, "destination": transfer.destination,
            "quantity": transfer.quantity, "dispatched_at": transfer.dispatched_at,
            "status": transfer.status.value, "version": transfer.version,
        }  # fmt: skip
        put_version(connection, stock_transfer, row, kind="transfer", key={"id": transfer.id})


def _level_row(level: StockLevel) -> dict[str, Any]:
    return {
        "on_hand": level.on_hand, "reserved": level.reserved, "allocated": level.allocated,
        "in_transit": level.in_transit, "safety_stock": level.safety_stock,
        "reorder_point": level.reorder_point, "version": level.version,
        "incoming": [[r.reference, r.due.isoformat(), r.quantity] for r in level.incoming],
    }  # fmt: skip


def _level(row: Row[Any]) -> StockLevel:
    incoming = tuple(
        ExpectedReceipt(reference, date.fromisoformat(due), quantity)
        for reference, due, quantity in row.incoming
    )
    return StockLevel(
        StockKey(row.sku, row.location), row.on_hand, row.reserved, row.allocated,
        row.in_transit, incoming, row.safety_stock, row.reorder_point, row.version,
    )  # fmt: skip


def _reservation_row(reservation: Reservation) -> dict[str, Any]:
    return {
        "units": [[key.sku, key.location, units] for key, units in reservation.units],
        "created_at": reservation.created_at, "expires_at": reservation.expires_at,
        "status": reservation.status.value, "order_id": reservation.order_id,
        "version": reservation.version,
    }  # fmt: skip


def _reservation(row: Row[Any]) -> Reservation:
    units = tuple((StockKey(sku, location), count) for sku, location, count in row.units)
    return Reservation(
        row.id, units, row.created_at, row.expires_at, ReservationStatus(row.status),
        row.order_id, row.version,
    )  # fmt: skip


def _movement_row(movement: Movement) -> dict[str, Any]:
    return {
        "sku": movement.key.sku, "location": movement.key.location,
        "reason": movement.reason.value, "occurred_at": movement.occurred_at,
        "reference": movement.reference, "on_hand": movement.on_hand,
        "reserved": movement.reserved, "allocated": movement.allocated,
        "in_transit": movement.in_transit, "incoming": movement.incoming, "due": movement.due,
    }  # fmt: skip
