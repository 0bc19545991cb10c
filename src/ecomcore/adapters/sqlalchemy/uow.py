"""The SQL unit of work and outbox: staged writes, one transaction, events in the same commit."""

import functools
from collections.abc import Callable, Hashable, Mapping, Sequence
from types import TracebackType
from typing import Any, Protocol, Self, TypeVar, cast

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from ecomcore.adapters.sqlalchemy._database import Database
from ecomcore.adapters.sqlalchemy._events import event_from_row, event_row
from ecomcore.adapters.sqlalchemy._schema import outbox
from ecomcore.core import Aggregate, ConcurrencyError, DomainEvent

__all__ = ["SqlOutbox", "SqlUnitOfWork", "Write", "insert_new", "put_version", "stage_save"]

Write = Callable[[Connection], None]
"""A staged write, run in the commit's transaction; raises `ConcurrencyError` on a stale row."""

Subscriber = Callable[[Sequence[DomainEvent]], None]

W = TypeVar("W", bound=Write)

_COMMIT_ORDER_LOCK = 0x65636F6D  # "ecom": one PostgreSQL advisory lock for the commits' tail
_TRANSIENT_SQLSTATES = {"40001": "serialization failure", "40P01": "deadlock detected"}


class _RecordsEvents(Protocol):
    def pull_events(self) -> list[DomainEvent]: ...


class SqlOutbox:
    """The committed events in commit order, read back from the ``ecomcore_outbox`` table.

    Examples:
        >>> from ecomcore.adapters.sqlalchemy import upgrade
        >>> database = upgrade("sqlite://")
        >>> SqlOutbox(database).events()
        []
    """

    def __init__(self, database: Database) -> None:
        self._database = database

    def events(self, after: int = 0) -> list[DomainEvent]:
        """Return the committed events in commit order, skipping the first ``after``."""
        query = sa.select(outbox).order_by(outbox.c.position).offset(after)
        with self._database.reading() as connection:
            rows = connection.execute(query).all()
        return [event_from_row(row.event_type, row.occurred_at, row.payload) for row in rows]


class SqlUnitOfWork:
    """A `ecomcore.core.UnitOfWork` over a `Database`: one transaction per commit.

    Repositories stage writes (functions run inside the commit's transaction), rows for
    append-only tables such as a ledger, and the aggregates whose events to collect. `commit`
    runs the writes in staging order in one write transaction (each raises `ConcurrencyError`
    on a stale version, which rolls everything back), then appends the ledger rows and the
    events to the outbox in the same transaction, and calls the subscribers only once it is
    committed. On PostgreSQL that last step holds a transaction-scoped advisory lock, so
    ledger and outbox positions are in commit order (a reader paging with ``after`` never skips
    a row committed late). A deadlock or serialization failure reported by the database is a
    `ConcurrencyError` too: the use cases re-read and retry. A failed commit keeps nothing
    staged. One unit of work serves one thread at a time; reads see what is committed.

    Examples:
        >>> from ecomcore.adapters.sqlalchemy import upgrade
        >>> database = upgrade("sqlite://")
        >>> seen = []
        >>> with SqlUnitOfWork(database, subscribers=[seen.extend]) as uow:
        ...     uow.commit()
        >>> seen, uow.outbox.events()
        ([], [])
    """

    def __init__(self, database: Database, *, subscribers: Sequence[Subscriber] = ()) -> None:
        self.database = database
        self.outbox = SqlOutbox(database)
        self._subscribers = tuple(subscribers)
        self._writes: list[Write] = []
        self._shared: dict[Hashable, Write] = {}
        self._appends: list[tuple[sa.Table, list[dict[str, Any]]]] = []
        self._aggregates: dict[int, _RecordsEvents] = {}
        self._after_commit: list[Callable[[], None]] = []

    def __enter__(self) -> Self:
        """Start collecting staged writes."""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Roll back whatever was staged and not committed."""
        self.rollback()

    def stage(self, write: Write, aggregate: _RecordsEvents | None = None) -> None:
        """Add ``write`` to the next commit, and ``aggregate``'s events to its outbox rows."""
        self._writes.append(write)
        if aggregate is not None:
            self.collect(aggregate)

    def shared_write(self, key: Hashable, new: Callable[[], W]) -> W:
        """Return the write staged under ``key`` for the next commit, staging ``new()`` if none.

        For a repository whose changes must be checked together: the SQL product repository
        stages one write per commit and adds every product to it, so that two products of one
        commit may swap handles, and cannot claim the same SKU.

        Examples:
            >>> from ecomcore.adapters.sqlalchemy import upgrade
            >>> class Tally:
            ...     def __init__(self) -> None:
            ...         self.count = 0
            ...     def __call__(self, connection: Connection) -> None:
            ...         print("written once, with", self.count)
            >>> uow = SqlUnitOfWork(upgrade("sqlite://"))
            >>> for _ in range(3):
            ...     uow.shared_write("tally", Tally).count += 1
            >>> uow.commit()
            written once, with 3
        """
        write = self._shared.get(key)
        if write is None:
            write = self._shared[key] = new()
            self._writes.append(write)
        return cast(W, write)

    def append(self, table: sa.Table, rows: Sequence[Mapping[str, Any]]) -> None:
        """Add ``rows`` to the append-only ``table`` at the next commit, in commit order."""
        if rows:
            self._appends.append((table, [dict(row) for row in rows]))

    def collect(self, aggregate: _RecordsEvents) -> None:
        """Add ``aggregate``'s events to the next commit's outbox rows (once, however often)."""
        self._aggregates.setdefault(id(aggregate), aggregate)

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the next commit is stored (to set an aggregate's version)."""
        self._after_commit.append(callback)

    def commit(self, *, first: Write | None = None) -> None:
        """Run every staged write and append in one transaction, then publish the events.

        ``first`` runs at the start of the commit's transaction and may read (with row locks)
        and stage more: a use case that decides there decides on rows no one else can change
        before it commits. Whatever happens, nothing stays staged afterwards.
        """
        try:
            with self.database.writing() as connection:
                if first is not None:
                    first(connection)
                writes, appends, aggregates, after = (
                    self._writes, self._appends, self._aggregates, self._after_commit
                )  # fmt: skip
                for write in writes:
                    write(connection)
                events = [event for item in aggregates.values() for event in item.pull_events()]
                if appends or events:
                    if connection.dialect.name == "postgresql":
                        connection.execute(
                            sa.select(sa.func.pg_advisory_xact_lock(_COMMIT_ORDER_LOCK))
                        )
                    for table, rows in appends:
                        connection.execute(table.insert(), rows)
                    if events:
                        connection.execute(outbox.insert(), [event_row(e) for e in events])
        except DBAPIError as error:
            reason = _TRANSIENT_SQLSTATES.get(getattr(error.orig, "sqlstate", None) or "")
            if reason is None and "database is locked" in str(error.orig):
                reason = "database is locked"
            if reason is None:
                raise
            raise ConcurrencyError(
                "transaction", reason, expected_version=0, actual_version=0
            ) from error
        finally:
            self.rollback()
        for callback in after:
            callback()
        for subscriber in self._subscribers:
            subscriber(events)

    def rollback(self) -> None:
        """Forget everything staged since the last commit."""
        self._writes, self._appends, self._aggregates, self._after_commit = [], [], {}, []
        self._shared = {}


def put_version(
    connection: Connection,
    table: sa.Table,
    row: Mapping[str, Any],
    *,
    kind: str,
    key: Mapping[str, Any],
) -> None:
    """Write ``row`` at ``key``: insert it at version 1, or update the row one version below.

    ``row`` carries the ``version`` it is stored at. A key already taken (for version 1) or a
    stored version that moved on raises `ConcurrencyError` naming ``kind`` and the key; the
    commit's transaction then rolls back.
    """  # fmt: skip
    version = row["version"]
    written = (
        insert_new(connection, table, {**key, **row})
        if version == 1
        else _update_version(connection, table, key, row)
    )
    if not written:
        raise _conflict(connection, table, kind, key, version)


def stage_save(
    uow: SqlUnitOfWork,
    table: sa.Table,
    row: Mapping[str, Any],
    *,
    kind: str,
    key: Mapping[str, Any],
    aggregate: Aggregate,
) -> None:
    """Stage the save of ``aggregate`` as ``row`` at ``key``, checked against its read version.

    At commit the row is stored at ``aggregate.version + 1`` (inserted when the aggregate is
    new); once committed the aggregate's ``version`` is the stored one, and its events are in
    the outbox.
    """
    stored = {**row, "version": aggregate.version + 1}
    uow.stage(functools.partial(_put_row, table, stored, kind, dict(key)), aggregate)

    def stored_at() -> None:
        aggregate.version = stored["version"]

    uow.after_commit(stored_at)


def _put_row(
    table: sa.Table, row: dict[str, Any], kind: str, key: dict[str, Any], connection: Connection
) -> None:
    put_version(connection, table, row, kind=kind, key=key)


def insert_new(connection: Connection, table: sa.Table, row: Mapping[str, Any]) -> bool:
    """Insert ``row`` unless its key is taken; tell whether it was inserted.

    ``INSERT ... ON CONFLICT DO NOTHING``: a concurrent insert of the same key waits for the
    other transaction and then inserts nothing, without aborting this transaction.
    """
    statement = _insert(table, connection.dialect.name, tuple(row))
    return connection.execute(statement, dict(row)).first() is not None


def _update_version(
    connection: Connection, table: sa.Table, key: Mapping[str, Any], row: Mapping[str, Any]
) -> bool:
    """Write ``row`` (with its new ``version``) over the row at ``key`` stored one version below.

    Tell whether it was written: False means the stored version moved on (or there is none).
    """
    statement = _update(table, tuple(key), tuple(row))
    params = {f"new_{name}": value for name, value in row.items()}
    params.update({f"key_{name}": value for name, value in key.items()})
    params["read_version"] = row["version"] - 1
    return connection.execute(statement, params).first() is not None


# Statements are built once per table and set of columns: building and caching a statement costs
# more than a SQLite write, and SQLAlchemy then finds its compiled form in its cache at once.
@functools.cache
def _insert(table: sa.Table, dialect: str, columns: tuple[str, ...]) -> sa.Insert:
    insert: Any = (postgresql if dialect == "postgresql" else sqlite).insert(table)
    values: dict[str, Any] = {name: sa.bindparam(name) for name in columns}
    # RETURNING rather than rowcount: psycopg reports no row count for this statement.
    returned: sa.Insert = (
        insert.values(values).on_conflict_do_nothing().returning(*table.primary_key.columns)
    )
    return returned


@functools.cache
def _update(table: sa.Table, key: tuple[str, ...], columns: tuple[str, ...]) -> sa.Update:
    where = [table.c[name] == sa.bindparam(f"key_{name}") for name in key]
    return (
        table.update()
        .where(*where, table.c.version == sa.bindparam("read_version"))
        .values({name: sa.bindparam(f"new_{name}") for name in columns})
        .returning(table.c.version)
    )


def _conflict(
    connection: Connection, table: sa.Table, kind: str, key: Mapping[str, Any], version: int
) -> ConcurrencyError:
    """Return the `ConcurrencyError` for a write of ``version`` at ``key`` that did not apply."""
    where = [table.c[name] == value for name, value in key.items()]
    stored = connection.execute(sa.select(table.c.version).where(*where)).scalar()
    shown = next(iter(key.values())) if len(key) == 1 else tuple(key.values())
    return ConcurrencyError(kind, shown, expected_version=version - 1, actual_version=stored or 0)
