"""SQL adapter benchmarks: reservations through the stock unit of work against hand-written SQL.

The baseline is the same reservation written by hand through the same engine and driver: in one
write transaction, read the two levels (on PostgreSQL ``FOR UPDATE``, so concurrent writers
queue on the rows), check what is available, update both with their version check, insert the
reservation and its two ledger rows. Ours reads through the repository, then
commits through `SqlStockUnitOfWork` (version-checked writes, the ledger and the outbox's
commit-order lock on PostgreSQL). Both run on a SQLite file and on a throwaway PostgreSQL server,
with 1 worker and with 8 worker threads (each with its own unit of work), BATCH reservations per
round; the stock never runs out.
"""

import itertools
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from ecomcore.adapters.sqlalchemy import Database, SqlStockUnitOfWork, upgrade
from ecomcore.core import FixedClock, ValidationError
from ecomcore.inventory import ReservationLine, StockKey, receive_stock, reserve
from ecomcore.testing.postgres import throwaway_postgres
from ratio import ratio_benchmark

BATCH = 40
WORKERS = 8
STOCK = 10**12
TTL = timedelta(minutes=15)
CLOCK = FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
_ids = itertools.count()
_databases: dict[str, Database] = {}


@pytest.fixture(scope="module", autouse=True)
def _servers() -> Iterator[None]:
    """One SQLite file and one PostgreSQL server for the module, each stocked once per side."""
    with tempfile.TemporaryDirectory() as folder, throwaway_postgres() as url:
        _databases["sqlite"] = upgrade(f"sqlite:///{Path(folder) / 'bench.db'}")
        _databases["postgresql"] = upgrade(url)
        for database in _databases.values():
            for sku in ("mug", "plate", "mug-by-hand", "plate-by-hand"):
                receive_stock(SqlStockUnitOfWork(database), CLOCK, StockKey(sku, "wh"), STOCK,
                              reference="po-1")  # fmt: skip
        yield
        for database in _databases.values():
            database.dispose()
        _databases.clear()


def ours(backend: str, count: int) -> None:
    uow = SqlStockUnitOfWork(_databases[backend])
    lines = [ReservationLine("mug", 2, "wh"), ReservationLine("plate", 1, "wh")]
    for _ in range(count):
        reserve(uow, CLOCK, f"r{next(_ids)}", lines, TTL)


_READ = (
    "SELECT sku, on_hand, reserved, allocated, safety_stock, version FROM ecomcore_stock_level"
    " WHERE location = :location AND sku IN (:first, :second) ORDER BY sku"
)
_READS = {  # PostgreSQL locks the rows it will update (SQLite's BEGIN IMMEDIATE locks it all)
    "sqlite": sa.text(_READ),
    "postgresql": sa.text(_READ + " FOR UPDATE"),
}
_UPDATE = sa.text(
    "UPDATE ecomcore_stock_level SET reserved = reserved + :units, version = version + 1"
    " WHERE sku = :sku AND location = :location AND version = :version RETURNING version"
)
_HOLD = sa.text(
    "INSERT INTO ecomcore_stock_reservation"
    " (id, units, created_at, expires_at, status, order_id, version)"
    " VALUES (:id, :units, :created_at, :expires_at, 'active', NULL, 1)"
)
_LEDGER = sa.text(
    "INSERT INTO ecomcore_stock_movement (sku, location, reason, occurred_at, reference, on_hand,"
    " reserved, allocated, in_transit, incoming, due)"
    " VALUES (:sku, 'wh', 'reservation', :at, :reference, 0, :units, 0, 0, 0, NULL)"
)


_UNITS = '[["mug-by-hand", "wh", 2], ["plate-by-hand", "wh", 1]]'  # the document ours stores


def by_hand(backend: str, count: int) -> None:
    database = _databases[backend]
    wanted = {"mug-by-hand": 2, "plate-by-hand": 1}
    sqlite = database.dialect == "sqlite"
    for _ in range(count):
        name, now = f"h{next(_ids)}", CLOCK.now()
        stamp = now.replace(tzinfo=None) if sqlite else now  # SQLite keeps UTC as text
        with database.writing() as connection:
            rows = connection.execute(
                _READS[database.dialect],
                {"location": "wh", "first": "mug-by-hand", "second": "plate-by-hand"},
            ).all()
            for sku, on_hand, reserved, allocated, safety, version in rows:
                if on_hand - reserved - allocated - safety < wanted[sku]:
                    raise ValidationError("stock", sku, "enough stock")
                params = {"units": wanted[sku], "sku": sku, "location": "wh", "version": version}
                if connection.execute(_UPDATE, params).first() is None:
                    raise ValidationError("version", version, "the stored version")
            connection.execute(
                _HOLD, {"id": name, "units": _UNITS, "created_at": stamp, "expires_at": stamp + TTL}
            )
            connection.execute(
                _LEDGER,
                [{"sku": sku, "at": stamp, "reference": name, "units": units}
                 for sku, units in wanted.items()],
            )  # fmt: skip


_pool: list[ThreadPoolExecutor] = []


def workers(side: Callable[[str, int], None], backend: str, threads: int) -> Callable[[], None]:
    """Run BATCH reservations of ``side`` on ``backend``, spread over ``threads`` threads."""

    def run() -> None:
        if threads == 1:
            side(backend, BATCH)
            return
        if not _pool:
            _pool.append(ThreadPoolExecutor(WORKERS))
        share = BATCH // threads
        for future in [_pool[0].submit(side, backend, share) for _ in range(threads)]:
            future.result()

    return run


def _pair(backend: str, threads: int) -> Callable[..., None]:
    label = "1 worker" if threads == 1 else f"{threads} worker threads"
    return ratio_benchmark(
        f"sql_reserve_{backend}_{threads}_workers",
        target=2.0,
        baseline=f"the same reservation in hand-written SQL, same engine and driver, {label}",
        ours=workers(ours, backend, threads),
        reference=workers(by_hand, backend, threads),
    )


test_sql_reserve_sqlite_1_workers = _pair("sqlite", 1)
test_sql_reserve_sqlite_8_workers = _pair("sqlite", WORKERS)
test_sql_reserve_postgresql_1_workers = _pair("postgresql", 1)
test_sql_reserve_postgresql_8_workers = _pair("postgresql", WORKERS)
