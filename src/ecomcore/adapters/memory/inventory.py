"""In-memory stock storage, its repository and unit of work: staged changes, one commit.

Levels are kept as private rows keyed by plain ``(sku, location)`` tuples and the ledger as
private rows; the public `ecomcore.inventory.StockLevel` and `ecomcore.inventory.Movement`
values are built only when read.
"""

import threading
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import datetime

from ecomcore.adapters.memory.uow import InMemoryOutbox, InMemoryUnitOfWork
from ecomcore.core import ConcurrencyError, DomainEvent, NotFoundError
from ecomcore.inventory import (
    Movement,
    Reservation,
    ReservationStatus,
    StockChange,
    StockKey,
    StockLevel,
    Transfer,
)
from ecomcore.inventory._ports import Held
from ecomcore.inventory._rows import LevelRow, MovementRow, empty_row, level_row, movement_row

__all__ = ["InMemoryStockRepository", "InMemoryStockStore", "InMemoryStockUnitOfWork"]

_ACTIVE = ReservationStatus.ACTIVE  # a module constant: cheaper than the enum lookup per commit


class InMemoryStockStore:
    """The stored levels, reservations, transfers and ledger: one inventory, behind one lock.

    Every `InMemoryStockUnitOfWork` given the same store sees and changes the same stock, as
    connections to one database do; stored values are immutable, so readers keep what they got.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import FixedClock
        >>> from ecomcore.inventory import StockKey, receive_stock
        >>> store, clock = InMemoryStockStore(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> _ = receive_stock(InMemoryStockUnitOfWork(store), clock, StockKey("mug", "wh"), 5,
        ...                   reference="po-1")
        >>> InMemoryStockUnitOfWork(store).stock.stock_keys()
        [StockKey(sku='mug', location='wh')]
    """

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.levels: dict[tuple[str, str], LevelRow] = {}
        self.reservations: dict[str, Reservation] = {}
        self.active: dict[str, Reservation] = {}
        self.transfers: dict[str, Transfer] = {}
        self.ledger: list[MovementRow] = []


_Change = tuple[
    Sequence[LevelRow], Sequence[Reservation], Sequence[Transfer], Sequence[MovementRow]
]


class _StockWrites:
    """Every stock change one commit stages: checked together, then applied, under the lock.

    A level or record staged twice in one commit is checked against the first staging's new
    version, so the second change must build on the first.
    """

    __slots__ = ("changes", "events", "lock", "store")

    def __init__(self, store: InMemoryStockStore) -> None:
        self.store, self.lock = store, store.lock
        self.changes: list[_Change] = []
        self.events: list[DomainEvent] = []

    def check(self) -> None:
        """Raise ConcurrencyError unless each version is one above the one it builds on."""
        if len(self.changes) == 1:  # the common commit: each level and record appears once
            rows, reservations, transfers, _ = self.changes[0]
            _check_change(self.store, rows, reservations, transfers)
            return
        store = self.store
        stored_levels = store.levels
        levels: dict[tuple[str, str], int] = {}  # the versions this commit has staged so far
        reservations_seen: dict[str, int] = {}
        transfers_seen: dict[str, int] = {}
        for rows, reservations, transfers, _ in self.changes:
            for row in rows:
                key = row[0]
                pair = (key.sku, key.location)
                current = levels.get(pair)
                if current is None:
                    level = stored_levels.get(pair)
                    current = level[8] if level else 0
                if current != row[8] - 1:
                    _conflict("stock level", key, current, row[8])
                levels[pair] = row[8]
            _check_records("reservation", reservations, store.reservations, reservations_seen)
            _check_records("transfer", transfers, store.transfers, transfers_seen)

    def apply(self) -> None:
        """Write the levels, records and ledger rows (every check has passed)."""
        for change in self.changes:
            _apply_change(self.store, *change)

    def pull_events(self) -> list[DomainEvent]:
        """Hand the changes' events to the commit's outbox entry, once."""
        events, self.events = self.events, []
        return events


def _check_change(
    store: InMemoryStockStore,
    rows: Sequence[LevelRow],
    reservations: Sequence[Reservation],
    transfers: Sequence[Transfer],
) -> None:
    """Raise ConcurrencyError unless each of one change's versions is one above the stored."""
    stored = store.levels
    for row in rows:  # inlined: this runs once per reservation, under the lock
        key = row[0]
        level = stored.get((key.sku, key.location))
        if (level[8] if level else 0) != row[8] - 1:
            _conflict("stock level", key, level[8] if level else 0, row[8])
    stored_reservations = store.reservations
    for reservation in reservations:
        found = stored_reservations.get(reservation.id)
        if (found.version if found else 0) != reservation.version - 1:
            _conflict("reservation", reservation.id, found.version if found else 0,
                      reservation.version)  # fmt: skip
    if transfers:
        _check_records("transfer", transfers, store.transfers, {})


def _apply_change(
    store: InMemoryStockStore,
    rows: Sequence[LevelRow],
    reservations: Sequence[Reservation],
    transfers: Sequence[Transfer],
    movements: Sequence[MovementRow],
) -> None:
    """Write one change's levels, records and ledger rows (its checks have passed)."""
    stored_levels, stored_reservations, active = store.levels, store.reservations, store.active
    for row in rows:
        key = row[0]
        stored_levels[key.sku, key.location] = row
    for reservation in reservations:
        stored_reservations[reservation.id] = reservation
        if reservation.status is _ACTIVE:
            active[reservation.id] = reservation
        else:
            active.pop(reservation.id, None)
    for transfer in transfers:
        store.transfers[transfer.id] = transfer
    store.ledger.extend(movements)


def _check_records(
    kind: str,
    staged: Sequence[Reservation | Transfer],
    stored: Mapping[str, Reservation | Transfer],
    seen: dict[str, int],
) -> None:
    """Check each staged record's version against ``seen`` (staged earlier) or ``stored``."""
    for record in staged:
        current = seen.get(record.id)
        if current is None:
            found = stored.get(record.id)
            current = found.version if found else 0
        if current != record.version - 1:
            _conflict(kind, record.id, current, record.version)
        seen[record.id] = record.version


def _conflict(kind: str, key: object, current: int, new: int) -> None:
    """Raise the ConcurrencyError for version ``new`` built on ``current``."""
    raise ConcurrencyError(kind, key, expected_version=new - 1, actual_version=current)


class InMemoryStockRepository:
    """A `ecomcore.inventory.StockRepository` over an `InMemoryStockStore`, staging in a uow.

    Reads see what is committed; staged changes are checked and written by the unit of work's
    commit.

    Examples:
        >>> from ecomcore.inventory import StockKey
        >>> uow = InMemoryStockUnitOfWork()
        >>> uow.stock.levels([StockKey("mug", "wh")])[StockKey("mug", "wh")].version
        0
    """

    def __init__(self, store: InMemoryStockStore, uow: InMemoryUnitOfWork) -> None:
        self._store, self._uow = store, uow
        self._new_write = lambda: _StockWrites(store)

    def levels(self, keys: Collection[StockKey]) -> dict[StockKey, StockLevel]:
        """Return the stored level per key; an unstored key gets an empty level (version 0)."""
        with self._store.lock:
            stored = self._store.levels
            rows = [(key, stored.get((key.sku, key.location))) for key in keys]
        return {key: StockLevel(*row) if row else StockLevel(key) for key, row in rows}

    def reservation(self, reservation_id: str) -> Reservation:
        """Return the reservation with this id, or raise NotFoundError."""
        found = self.find_reservation(reservation_id)
        if found is None:
            raise NotFoundError("reservation", reservation_id)
        return found

    def find_reservation(self, reservation_id: str) -> Reservation | None:
        """Return the reservation with this id, or None."""
        with self._store.lock:
            return self._store.reservations.get(reservation_id)

    def expiring(self, as_of: datetime) -> list[Reservation]:
        """Active reservations expired as of ``as_of``, oldest expiry first, ties by id."""
        with self._store.lock:
            due = [r for r in self._store.active.values() if r.expires_at <= as_of]
        return sorted(due, key=lambda r: (r.expires_at, r.id))

    def transfer(self, transfer_id: str) -> Transfer:
        """Return the transfer with this id, or raise NotFoundError."""
        with self._store.lock:
            found = self._store.transfers.get(transfer_id)
        if found is None:
            raise NotFoundError("transfer", transfer_id)
        return found

    def stock_keys(self) -> list[StockKey]:
        """Return every stored level's key, sorted."""
        with self._store.lock:
            return sorted(row[0] for row in self._store.levels.values())

    def movements(self, after: int = 0) -> list[Movement]:
        """Return the ledger in commit order, from entry ``after`` on."""
        with self._store.lock:
            rows = self._store.ledger[after:]
        return [Movement(*row) for row in rows]

    def stage(self, change: StockChange) -> None:
        """Stage ``change`` for the next commit, which checks every version and writes it all."""
        self._stage_rows(
            [level_row(level) for level in change.levels],
            change.reservations,
            change.transfers,
            [movement_row(movement) for movement in change.movements],
            change.events,
        )

    def _stage_rows(
        self,
        levels: Sequence[LevelRow],
        reservations: Sequence[Reservation],
        transfers: Sequence[Transfer],
        movements: Sequence[MovementRow],
        events: Sequence[DomainEvent],
    ) -> None:
        """`stage` on rows."""
        write = self._uow.shared_write(self._store, self._new_write)
        write.changes.append((levels, reservations, transfers, movements))
        if events:
            write.events += events
            self._uow.collect(write)

    def _reserve_rows(
        self, pairs: Collection[tuple[str, str]], decide: Callable[[list[LevelRow]], Held]
    ) -> Reservation:
        """Decide a reservation on the rows of ``pairs`` and commit it (the fast path).

        When the reservation is the whole commit it is read, decided, checked and applied
        under the store's lock, so racing reservations queue instead of retrying; otherwise
        it is decided on a fresh read and committed with what is staged.
        """
        uow, store = self._uow, self._store
        if not uow.idle:  # commit with what is staged
            after, held, movements, events = decide(self._rows(pairs))
            self._stage_rows(after, (held,), (), movements, events)
            uow.commit()
            return held
        with store.lock:
            stored, rows = store.levels, []
            for pair in pairs:  # _rows, inlined: the lock is held already
                rows.append(stored.get(pair) or empty_row(StockKey(*pair)))  # noqa: PERF401
            after, held, movements, events = decide(rows)
            _check_change(store, after, (held,), ())  # the id may be taken: a racing retry
            _apply_change(store, after, (held,), (), movements)
            if events:
                uow.outbox.append(events)
        uow.notify(events)
        return held

    def _rows(self, pairs: Collection[tuple[str, str]]) -> list[LevelRow]:
        """Return the stored row per ``(sku, location)``, an empty one when unstored."""
        found = []
        with self._store.lock:
            stored = self._store.levels
            # A plain loop: on 3.11 a comprehension's own frame costs more than two lookups.
            for pair in pairs:
                found.append(stored.get(pair) or empty_row(StockKey(*pair)))  # noqa: PERF401
        return found


class InMemoryStockUnitOfWork(InMemoryUnitOfWork):
    """A `ecomcore.inventory.InventoryUnitOfWork` over an `InMemoryStockStore` (new if none).

    One unit of work serves one thread at a time; give each thread its own, over one store.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.core import FixedClock
        >>> from ecomcore.inventory import ReservationLine, StockKey, receive_stock, reserve
        >>> clock = FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> published = []
        >>> uow = InMemoryStockUnitOfWork(subscribers=[published.extend])
        >>> _ = receive_stock(uow, clock, StockKey("mug", "wh"), 1, reference="po-1")
        >>> _ = reserve(uow, clock, "c-1", [ReservationLine("mug", 1, "wh")], timedelta(hours=1))
        >>> [event.name for event in published], uow.outbox.events() == published
        (['BackInStock', 'OutOfStock'], True)
    """

    def __init__(
        self,
        store: InMemoryStockStore | None = None,
        outbox: InMemoryOutbox | None = None,
        *,
        subscribers: Sequence[Callable[[Sequence[DomainEvent]], None]] = (),
    ) -> None:
        super().__init__(outbox, subscribers=subscribers)
        self.store = store if store is not None else InMemoryStockStore()
        self.stock = InMemoryStockRepository(self.store, self)
