"""The in-memory `ecomcore.inventory.StockRepository`: thread-safe, one lock, compare-and-set."""

import threading
from collections.abc import Collection, Mapping
from datetime import datetime
from typing import Protocol, TypeVar

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

__all__ = ["InMemoryStockRepository"]


class _Versioned(Protocol):
    @property
    def version(self) -> int: ...


V = TypeVar("V", bound=_Versioned)
K = TypeVar("K")


def _conflict(
    kind: str, stored: Mapping[K, V], key: K, new: V, *, only_if_stale: bool = False
) -> None:
    """Raise the ConcurrencyError for ``new`` (when stale, if ``only_if_stale``)."""
    current = stored.get(key)
    actual = current.version if current is not None else 0
    if not only_if_stale or actual != new.version - 1:
        raise ConcurrencyError(kind, key, expected_version=new.version - 1, actual_version=actual)


# What a key never stored reads as, for the version check (0: not stored yet).
_UNSTORED = StockLevel(StockKey("", ""))
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
        self._levels: dict[StockKey, StockLevel] = {}
        self._reservations: dict[str, Reservation] = {}
        self._active: dict[str, Reservation] = {}
        self._transfers: dict[str, Transfer] = {}
        self._movements: list[Movement] = []
        self._events: list[DomainEvent] = []

    def levels(self, keys: Collection[StockKey]) -> dict[StockKey, StockLevel]:
        """Return the stored level per key; an unstored key gets an empty level (version 0)."""
        found = {}
        with self._lock:
            stored = self._levels
            # A plain loop: on 3.11 a comprehension's own frame costs more than two lookups.
            for key in keys:
                found[key] = stored.get(key) or StockLevel(key)
        return found

    def reservation(self, reservation_id: str) -> Reservation:
        """Return the reservation with this id, or raise NotFoundError."""
        with self._lock:
            found = self._reservations.get(reservation_id)
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
        with self._lock:
            self._apply(change)

    def commit_new_reservation(self, change: StockChange) -> Reservation | None:
        """Return the stored reservation with the change's id, or apply the change (one lock)."""
        with self._lock:
            stored = self._reservations.get(change.reservations[0].id)
            if stored is None:
                self._apply(change)
            return stored

    def stock_keys(self) -> list[StockKey]:
        """Return every stored level's key, sorted."""
        with self._lock:
            return sorted(self._levels)

    def _apply(self, change: StockChange) -> None:
        """Check every version, then write everything; the caller holds the lock."""
        # Inlined version checks: this runs once per reservation, under the lock.
        new_levels, new_reservations, new_transfers, movements, events = change
        levels, reservations, transfers = self._levels, self._reservations, self._transfers
        for level in new_levels:
            if levels.get(level.key, _UNSTORED).version != level.version - 1:
                _conflict("stock level", levels, level.key, level)
        for reservation in new_reservations:
            stored_reservation = reservations.get(reservation.id)
            if (stored_reservation.version if stored_reservation else 0) != (
                reservation.version - 1
            ):
                _conflict("reservation", reservations, reservation.id, reservation)
        for transfer in new_transfers:
            _conflict("transfer", transfers, transfer.id, transfer, only_if_stale=True)
        for level in new_levels:
            levels[level.key] = level
        active = self._active
        for reservation in new_reservations:
            reservations[reservation.id] = reservation
            if reservation.status is _ACTIVE:
                active[reservation.id] = reservation
            else:
                active.pop(reservation.id, None)
        for transfer in new_transfers:
            transfers[transfer.id] = transfer
        self._movements.extend(movements)
        self._events.extend(events)

    def movements(self, after: int = 0) -> list[Movement]:
        """Return the ledger in commit order, from entry ``after`` on."""
        with self._lock:
            return self._movements[after:]

    def events(self, after: int = 0) -> list[DomainEvent]:
        """Return the outbox in commit order, from entry ``after`` on."""
        with self._lock:
            return self._events[after:]
