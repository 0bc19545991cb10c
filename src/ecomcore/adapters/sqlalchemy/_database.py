"""One database from a URL: the engine, SQLite's settings, and reading and writing connections."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.pool import StaticPool

_IMMEDIATE = "ecomcore_immediate"
"""Execution option: on SQLite, begin this connection's transaction with BEGIN IMMEDIATE."""
_READ_ONLY = "ecomcore_read_only"
"""Execution option: on SQLite, run this connection's statements without BEGIN (autocommit)."""

SQLITE_BUSY_TIMEOUT_MS = 30_000
"""How long a SQLite writer waits for another process's write to finish before giving up."""


class Database:
    """The database ecomcore's SQL adapters store into, reached from a SQLAlchemy URL.

    SQLite (a file, or ``sqlite://`` in memory) is the embedded default and needs no server;
    PostgreSQL (``postgresql+psycopg://...``) is for shops with many processes. On SQLite a
    file database runs in WAL mode (readers never wait for the writer), every write
    transaction begins with ``BEGIN IMMEDIATE`` (it takes the write lock before reading, so two
    writers cannot deadlock upgrading their locks), a writer waits up to
    `SQLITE_BUSY_TIMEOUT_MS` for another, and foreign keys are enforced. An in-memory SQLite
    database is one connection shared by every thread of this process.

    Examples:
        >>> database = Database("sqlite://")
        >>> database.dialect
        'sqlite'
        >>> with database.writing() as connection:
        ...     connection.exec_driver_sql("CREATE TABLE t (x INTEGER)").rowcount
        -1
        >>> database.dispose()
    """

    def __init__(self, url: str | URL, **engine_options: Any) -> None:
        self.url = make_url(url)
        self.engine: Engine = _engine(self.url, engine_options)
        # SQLite's reads skip BEGIN in `on_begin`; psycopg's need autocommit for that.
        reading = (
            {_READ_ONLY: True} if self.dialect == "sqlite" else {"isolation_level": "AUTOCOMMIT"}
        )
        self._reader = self.engine.execution_options(**reading)

    @property
    def dialect(self) -> str:
        """The database's dialect name: ``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """Yield a connection for reads of what is committed, each statement on its own.

        No transaction is opened around the reads (autocommit), which spares PostgreSQL a
        ``BEGIN`` and a ``ROLLBACK`` round trip per read; every read ecomcore's adapters make is
        one statement, consistent by itself.
        """
        with self._reader.connect() as connection:
            yield connection

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """Yield a connection in a write transaction: committed at the end, rolled back on error."""
        writer = self.engine.connect().execution_options(**{_IMMEDIATE: True})
        with writer as connection, connection.begin():
            yield connection

    def dispose(self) -> None:
        """Close every pooled connection (call when done, e.g. before a process forks)."""
        self.engine.dispose()


def _engine(url: URL, options: dict[str, Any]) -> Engine:
    if url.get_backend_name() != "sqlite":
        options.setdefault("pool_pre_ping", True)
        return sa.create_engine(url, **options)
    in_memory = url.database in (None, "", ":memory:")
    if in_memory:
        options.setdefault("poolclass", StaticPool)
    connect_args = options.setdefault("connect_args", {})
    connect_args.setdefault("check_same_thread", False)
    connect_args.setdefault("timeout", SQLITE_BUSY_TIMEOUT_MS / 1000)
    engine = sa.create_engine(url, **options)
    _sqlite_settings(engine, wal=not in_memory)
    return engine


def _sqlite_settings(engine: Engine, *, wal: bool) -> None:
    """Take over SQLite's transactions from the driver: WAL, foreign keys, immediate writes."""

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: object) -> None:
        dbapi_connection.isolation_level = None  # we say BEGIN ourselves (see on_begin)
        cursor = dbapi_connection.cursor()
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Connection) -> None:
        options = connection.get_execution_options()
        if options.get(_IMMEDIATE, False):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        elif not options.get(_READ_ONLY, False):
            connection.exec_driver_sql("BEGIN")
