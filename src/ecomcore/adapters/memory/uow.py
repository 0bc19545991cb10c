"""The in-memory unit of work and outbox: what every in-memory repository stages into."""

import threading
from collections.abc import Callable, Hashable, Sequence
from contextlib import ExitStack
from types import TracebackType
from typing import Any, Generic, Protocol, Self, TypeVar, cast

import attrs

from ecomcore.core import Aggregate, ConcurrencyError, DomainEvent

__all__ = ["InMemoryOutbox", "InMemoryUnitOfWork", "StagedWrite", "VersionedTable"]

V = TypeVar("V")
W = TypeVar("W", bound="StagedWrite")

Subscriber = Callable[[Sequence[DomainEvent]], None]


class _RecordsEvents(Protocol):
    """What a commit collects events from: an aggregate, or a write that carries its events."""

    def pull_events(self) -> list[DomainEvent]: ...


class StagedWrite(Protocol):
    """One repository's part of a commit: checked, then applied, under the repository's lock.

    In-memory repositories stage these into an `InMemoryUnitOfWork`; a commit takes the locks
    of every repository involved (in a fixed order, so two commits cannot deadlock), runs every
    ``check`` (each raises `ConcurrencyError` on a stale version), then every ``apply``.

    Examples:
        >>> import threading
        >>> class SetFlag:
        ...     lock = threading.RLock()
        ...     def __init__(self, store: dict[str, bool]) -> None:
        ...         self.store = store
        ...     def check(self) -> None:
        ...         pass
        ...     def apply(self) -> None:
        ...         self.store["flag"] = True
        >>> store: dict[str, bool] = {}
        >>> with InMemoryUnitOfWork() as uow:
        ...     uow.stage(SetFlag(store))
        ...     uow.commit()
        >>> store
        {'flag': True}
    """

    @property
    def lock(self) -> threading.RLock:
        """The lock of the store this write changes."""
        ...

    def check(self) -> None:
        """Raise `ConcurrencyError` if what was read has changed since; write nothing."""
        ...

    def apply(self) -> None:
        """Write the change; called only once every staged write has passed its check."""
        ...


@attrs.define
class InMemoryOutbox:
    """The committed events, in commit order: the outbox of every `InMemoryUnitOfWork` given it.

    Examples:
        >>> outbox = InMemoryOutbox()
        >>> with InMemoryUnitOfWork(outbox) as uow:
        ...     uow.commit()
        >>> outbox.events()
        []
    """

    _events: list[DomainEvent] = attrs.field(factory=list, init=False)
    _lock: threading.Lock = attrs.field(factory=threading.Lock, init=False, repr=False)

    def events(self, after: int = 0) -> list[DomainEvent]:
        """Return the committed events in commit order, skipping the first ``after``."""
        with self._lock:
            return self._events[after:]

    def append(self, events: Sequence[DomainEvent]) -> None:
        """Add ``events`` at the end (called by a unit of work inside its commit)."""
        with self._lock:
            self._events.extend(events)


class InMemoryUnitOfWork:
    """A `ecomcore.core.UnitOfWork` over in-memory repositories, with an outbox and subscribers.

    Repositories stage `StagedWrite` objects (and the aggregates whose events to collect) into
    it; `commit` checks and applies them all under their stores' locks, appends the events to
    the outbox, and only then calls each subscriber with the committed events. A commit that
    fails its checks writes nothing and keeps nothing staged. Subclass it and add your
    repositories as attributes to get one unit of work across contexts.

    Examples:
        >>> from datetime import UTC, datetime
        >>> seen = []
        >>> uow = InMemoryUnitOfWork(subscribers=[seen.extend])
        >>> with uow:
        ...     uow.commit()
        >>> seen, uow.outbox.events()
        ([], [])
    """

    def __init__(
        self, outbox: InMemoryOutbox | None = None, *, subscribers: Sequence[Subscriber] = ()
    ) -> None:
        self.outbox = outbox if outbox is not None else InMemoryOutbox()
        self._subscribers = tuple(subscribers)
        self._writes: list[StagedWrite] = []
        self._shared: dict[Hashable, StagedWrite] = {}
        # By identity, in staging order: a bulk commit stages 100,000 products.
        self._aggregates: dict[int, _RecordsEvents] = {}

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

    def stage(self, write: StagedWrite, aggregate: _RecordsEvents | None = None) -> None:
        """Add ``write`` to the next commit, and ``aggregate``'s events to its outbox entry."""
        self._writes.append(write)
        if aggregate is not None:
            self.collect(aggregate)

    def collect(self, aggregate: _RecordsEvents) -> None:
        """Add ``aggregate``'s events to the next commit's outbox entry (once, however often)."""
        self._aggregates.setdefault(id(aggregate), aggregate)

    def shared_write(self, key: Hashable, new: Callable[[], W]) -> W:
        """Return the write staged under ``key`` for the next commit, staging ``new()`` if none.

        For a repository whose changes must be checked together: the in-memory product
        repository stages one write per commit and adds every product to it, so that two
        products of one commit cannot claim the same SKU.

        Examples:
            >>> class Tally:
            ...     lock = threading.RLock()
            ...     def __init__(self) -> None:
            ...         self.count = 0
            ...     def check(self) -> None:
            ...         pass
            ...     def apply(self) -> None:
            ...         print("applied once, with", self.count)
            >>> uow = InMemoryUnitOfWork()
            >>> for _ in range(3):
            ...     uow.shared_write("tally", Tally).count += 1
            >>> uow.commit()
            applied once, with 3
        """
        write = self._shared.get(key)
        if write is None:
            write = self._shared[key] = new()
            self._writes.append(write)
        return cast(W, write)

    @property
    def idle(self) -> bool:
        """Tell whether nothing is staged for the next commit.

        A repository whose change is then the whole commit may check and apply it itself,
        under its store's lock (appending its events to the outbox inside it), and call
        `notify` after: the same commit with no bookkeeping, for the hottest writes.
        """
        return not self._writes and not self._aggregates

    def commit(self) -> None:
        """Check and apply every staged write atomically, then publish the committed events."""
        writes, aggregates = self._writes, self._aggregates
        # Fresh containers only where something was staged: a commit is often one write.
        self._writes = []
        if self._shared:
            self._shared = {}
        if aggregates:
            self._aggregates = {}
        events: Sequence[DomainEvent] = ()
        # The common commit is one repository's write under one lock: take it directly.
        with writes[0].lock if len(writes) == 1 else _locks_of(writes):
            for write in writes:
                write.check()
            for write in writes:
                write.apply()
            if aggregates:
                events = [
                    event for aggregate in aggregates.values() for event in aggregate.pull_events()
                ]
                if events:
                    self.outbox.append(events)
        self.notify(events)

    def notify(self, events: Sequence[DomainEvent]) -> None:
        """Call every subscriber with the events of a commit that has been stored."""
        for subscriber in self._subscribers:
            subscriber(events)

    def rollback(self) -> None:
        """Forget everything staged since the last commit."""
        self._writes, self._shared, self._aggregates = [], {}, {}


def _locks_of(writes: Sequence[StagedWrite]) -> ExitStack:
    """Hold the locks of every store ``writes`` change, in a fixed order (no deadlock)."""
    locks = {id(write.lock): write.lock for write in writes}
    held = ExitStack()
    for key in sorted(locks):
        held.enter_context(locks[key])
    return held


@attrs.frozen
class _Save:
    """Store ``value`` under ``key`` if the stored version is still ``read_version``."""

    table: "VersionedTable[Any]"
    key: str
    value: object
    read_version: int
    aggregate: Aggregate | None

    @property
    def lock(self) -> threading.RLock:
        return self.table.lock

    def check(self) -> None:
        stored = self.table.version(self.key)
        if stored != self.read_version:
            raise ConcurrencyError(
                self.table.name, self.key, expected_version=self.read_version, actual_version=stored
            )

    def apply(self) -> None:
        self.table.rows[self.key] = (self.read_version + 1, self.value)
        if self.aggregate is not None:
            self.aggregate.version = self.read_version + 1


class VersionedTable(Generic[V]):
    """Versioned rows by id, behind one lock: the storage under the in-memory repositories.

    A repository reads rows with `get` and stages saves with `stage_save`; the save checks, at
    commit, that the stored version is still the one the value was read at (0: not stored)
    and stores it one higher, also setting the aggregate's ``version`` to the stored one.

    Examples:
        >>> table = VersionedTable[str]("note")
        >>> with InMemoryUnitOfWork() as uow:
        ...     table.stage_save(uow, "n-1", "hello", read_version=0)
        ...     uow.commit()
        >>> table.get("n-1")
        (1, 'hello')
        >>> with InMemoryUnitOfWork() as uow:
        ...     table.stage_save(uow, "n-1", "stale", read_version=0)
        ...     uow.commit()
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ConcurrencyError: ...
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.lock = threading.RLock()
        self.rows: dict[str, tuple[int, V]] = {}

    def get(self, key: str) -> tuple[int, V] | None:
        """Return the stored ``(version, value)`` of ``key``, or None when there is none."""
        with self.lock:
            return self.rows.get(key)

    def version(self, key: str) -> int:
        """Return the stored version of ``key``: 0 when it is not stored."""
        row = self.get(key)
        return row[0] if row is not None else 0

    def stage_save(
        self,
        uow: InMemoryUnitOfWork,
        key: str,
        value: V,
        *,
        read_version: int,
        aggregate: Aggregate | None = None,
    ) -> None:
        """Stage storing ``value`` at ``read_version + 1`` in ``uow``'s next commit."""
        uow.stage(_Save(self, key, value, read_version, aggregate), aggregate)
