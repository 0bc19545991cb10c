"""The in-memory `ecomcore.inventory.StockRepository`: thread-safe, one lock, compare-and-set.

Levels are kept as private rows keyed by plain ``(sku, location)`` tuples and the ledger as
private rows; the public `ecomcore.inventory.StockLevel` and `ecomcore.inventory.Movement`
values are built only when read.
"""

import threading
from collections.abc import Collection, Sequence
from datetime import datetime

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
from ecomcore.inventory._rows import LevelRow, MovementRow, empty_row, level_row, movement_row

__all__ = ["InMemoryStockRepository"]

_ACTIVE = ReservationStatus.ACTIVE  # a module constant: cheaper than the enum lookup per commit


class InMemoryStockRepository:
    """Stock levels, reservations, transfers, the ledger and the outbox, in dictionaries.

    One lock guards every read and every commit, so a commit's version checks and writes are
    one atomic step (the `ecomcore.inventory.StockRepository` contract); stored values are
    immutable, so readers can keep what they got.

    Examples:
        >>> from ecomcore.inventory import StockKey, StockLevel
        >>> repo = InMemoryStockRepository()
        >>> repo.levels([StockKey("mug", "wh")])[StockKey("mug", "wh")].version
        0
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._levels: dict[tuple[str, str], LevelRow] = {}
        self._reservations: dict[str, Reservation] = {}
        self._active: dict[str, Reservation] = {}
        self._transfers: dict[str, Transfer] = {}
        self._ledger: list[MovementRow] = []
        self._events: list[DomainEvent] = []

    def levels(self, keys: Collection[StockKey]) -> dict[StockKey, StockLevel]:
        """Return the stored level per key; an unstored key gets an empty level (version 0)."""
        with self._lock:
            stored = self._levels
            rows = [(key, stored.get((key.sku, key.location))) for key in keys]
        return {key: StockLevel(*row) if row else StockLevel(key) for key, row in rows}

    def _level_rows(self, pairs: Collection[tuple[str, str]]) -> list[LevelRow]:
        """Return the stored row per ``(sku, location)``, an empty one when unstored."""
        found = []
        with self._lock:
            stored = self._levels
            # A plain loop: on 3.11 a comprehension's own frame costs more than two lookups.
            for pair in pairs:
                found.append(stored.get(pair) or empty_row(StockKey(*pair)))  # noqa: PERF401
        return found

    def reservation(self, reservation_id: str) -> Reservation:
        """Return the reservation with this id, or raise NotFoundError."""
        found = self.find_reservation(reservation_id)
        if found is None:
            raise NotFoundError("reservation", reservation_id)
        return found

    def find_reservation(self, reservation_id: str) -> Reservation | None:
        """Return the reservation with this id, or None."""
        with self._lock:
            return self._reservations.get(reservation_id)

    def expiring(self, as_of: datetime) -> list[Reservation]:
        """Active reservations expired as of ``as_of``, oldest expiry first, ties by id."""
        with self._lock:
            due = [r for r in self._active.values() if r.expires_at <= as_of]
        return sorted(due, key=lambda r: (r.expires_at, r.id))

    def transfer(self, transfer_id: str) -> Transfer:
        """Return the transfer with this id, or raise NotFoundError."""
        with self._lock:
            found = self._transfers.get(transfer_id)
        if found is None:
            raise NotFoundError("transfer", transfer_id)
        return found

    def commit(self, change: StockChange) -> None:
        """Check every version, then write everything; on a stale version, write nothing."""
        self._commit_rows(
            [level_row(level) for level in change.levels],
            change.reservations,
            change.transfers,
            [movement_row(movement) for movement in change.movements],
            change.events,
        )

    def commit_new_reservation(self, change: StockChange) -> Reservation | None:
        """Return the stored reservation with the change's id, or apply the change (one lock)."""
        return self._commit_rows(
            [level_row(level) for level in change.levels],
            change.reservations,
            change.transfers,
            [movement_row(movement) for movement in change.movements],
            change.events,
            new_reservation=True,
        )

    def _commit_rows(
        self,
        levels: Sequence[LevelRow],
        reservations: Sequence[Reservation],
        transfers: Sequence[Transfer],
        movements: Sequence[MovementRow],
        events: Sequence[DomainEvent],
        *,
        new_reservation: bool = False,
    ) -> Reservation | None:
        """Check every version, then write everything, under the lock.

        With ``new_reservation``, a stored reservation with the id of the first one in
        ``reservations`` is returned instead and nothing is written.
        """
        with self._lock:
            stored_reservations = self._reservations
            if new_reservation:
                stored = stored_reservations.get(reservations[0].id)
                if stored is not None:
                    return stored
            self._check(levels, reservations, transfers)
            stored_levels = self._levels
            for row in levels:
                key = row[0]
                stored_levels[key.sku, key.location] = row
            active = self._active
            for reservation in reservations:
                stored_reservations[reservation.id] = reservation
                if reservation.status is _ACTIVE:
                    active[reservation.id] = reservation
                else:
                    active.pop(reservation.id, None)
            for transfer in transfers:
                self._transfers[transfer.id] = transfer
            self._ledger.extend(movements)
            self._events.extend(events)
        return None

    def _check(
        self,
        levels: Sequence[LevelRow],
        reservations: Sequence[Reservation],
        transfers: Sequence[Transfer],
    ) -> None:
        """Raise ConcurrencyError unless each stored version is one below the new one (locked)."""
        # Inlined comparisons: this runs once per reservation, under the lock.
        stored_levels, stored_reservations = self._levels, self._reservations
        for row in levels:
            key = row[0]
            level = stored_levels.get((key.sku, key.location))
            if (level[8] if level else 0) != row[8] - 1:
                _conflict("stock level", key, level[8] if level else 0, row[8])
        for reservation in reservations:
            found = stored_reservations.get(reservation.id)
            if (found.version if found else 0) != reservation.version - 1:
                _conflict("reservation", reservation.id, found, reservation.version)
        for transfer in transfers:
            moved = self._transfers.get(transfer.id)
            if (moved.version if moved else 0) != transfer.version - 1:
                _conflict("transfer", transfer.id, moved, transfer.version)

    def stock_keys(self) -> list[StockKey]:
        """Return every stored level's key, sorted."""
        with self._lock:
            return sorted(row[0] for row in self._levels.values())

    def movements(self, after: int = 0) -> list[Movement]:
        """Return the ledger in commit order, from entry ``after`` on."""
        with self._lock:
            rows = self._ledger[after:]
        return [Movement(*row) for row in rows]

    def events(self, after: int = 0) -> list[DomainEvent]:
        """Return the outbox in commit order, from entry ``after`` on."""
        with self._lock:
            return self._events[after:]


def _conflict(
    kind: str, key: object, stored: int | Reservation | Transfer | None, new: int
) -> None:
    """Raise the ConcurrencyError for version ``new`` over ``stored`` (a version or record)."""
    actual = stored if isinstance(stored, int) else stored.version if stored else 0
    raise ConcurrencyError(kind, key, expected_version=new - 1, actual_version=actual)
