"""The storage port for stock, and the concurrency contract every adapter keeps.

**The contract.** A use case reads the levels and records it needs, decides, and hands the
repository one `StockChange`. The adapter applies it as a single atomic compare-and-set:

1. Every level, reservation and transfer in the change carries the version it will have once
   stored; the adapter checks that the stored version is exactly one less (0: not stored yet).
2. If any check fails, nothing is written and `ecomcore.core.ConcurrencyError` is raised.
   A new reservation whose id is already stored fails the same way (this is what makes
   idempotency keys safe under concurrent retries).
3. Otherwise every level and record is written, the movements are appended to the ledger in
   order and the events to the outbox, all at once: no reader ever sees part of a change.

**Reserving in one step.** `StockRepository.commit_new_reservation` is the same compare-and-set
with the idempotency check folded in, for a change that creates one new reservation (its first):

4. If a reservation with that id is already stored, nothing is written and the stored one is
   returned (the use case then checks it asks for the same units). Otherwise the change is
   applied exactly as by `commit` (stale versions raise `ConcurrencyError`) and None returned.

Check, version checks and writes happen under one lock (one transaction), so a reservation
costs one read of the levels and one atomic write, and two concurrent first attempts with one
id can never both be stored.

A SQL adapter does this in one transaction with ``UPDATE ... WHERE version = :expected`` per row
(checking the row count) or ``SELECT ... FOR UPDATE``; the in-memory adapter holds one lock.
Use cases retry a `ConcurrencyError` a bounded number of times, re-reading and re-deciding, so
a check ("are 3 units sellable?") and its write can never be separated by another writer.
"""

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Protocol

import attrs

from ecomcore.core import DomainEvent
from ecomcore.inventory._model import Movement, StockKey, StockLevel
from ecomcore.inventory._records import Reservation, Transfer
from ecomcore.inventory._rows import LevelRow, MovementRow

__all__ = ["StockChange", "StockRepository"]


@attrs.frozen
class StockChange:
    """Everything one use case writes, applied all-or-nothing by `StockRepository.commit`.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryStockRepository
        >>> from ecomcore.inventory import MovementReason
        >>> at, mug = datetime(2026, 5, 4, 9, tzinfo=UTC), StockKey("mug", "wh")
        >>> received = Movement(mug, MovementReason.RECEIPT, at, "po-1", on_hand=5)
        >>> repo = InMemoryStockRepository()
        >>> repo.commit(StockChange(levels=(StockLevel(mug, on_hand=5, version=1),),
        ...                         movements=(received,)))
        >>> repo.levels([mug])[mug].on_hand, repo.movements() == [received]
        (5, True)
    """

    levels: Sequence[StockLevel] = ()
    reservations: Sequence[Reservation] = ()
    transfers: Sequence[Transfer] = ()
    movements: Sequence[Movement] = ()
    events: Sequence[DomainEvent] = ()


class StockRepository(Protocol):
    """Stores stock levels, reservations, transfers, the movement ledger and an event outbox.

    See the module docstring for the concurrency contract; `ecomcore.testing` has the
    contract suite (concurrency test included) that an implementation must pass.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryStockRepository
        >>> from ecomcore.core import ConcurrencyError
        >>> from ecomcore.inventory import receive_stock
        >>> from ecomcore.core import FixedClock
        >>> repo: StockRepository = InMemoryStockRepository()
        >>> clock, mug = FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC)), StockKey("mug", "wh")
        >>> _ = receive_stock(repo, clock, mug, 5, reference="po-1")
        >>> repo.levels([mug])[mug].version, repo.stock_keys()
        (1, [StockKey(sku='mug', location='wh')])
        >>> try:
        ...     repo.commit(StockChange(levels=(StockLevel(mug, on_hand=9, version=1),)))
        ... except ConcurrencyError as stale:
        ...     print(stale.code)
        concurrency_conflict
    """

    def levels(self, keys: Collection[StockKey]) -> dict[StockKey, StockLevel]:
        """Return the stored level for each key, `StockLevel.empty` (version 0) for unknown ones."""
        ...

    def reservation(self, reservation_id: str) -> Reservation:
        """Return a reservation; raises `ecomcore.core.NotFoundError` when there is none."""
        ...

    def find_reservation(self, reservation_id: str) -> Reservation | None:
        """Return a reservation, or None when there is none (the idempotency check's query)."""
        ...

    def expiring(self, as_of: datetime) -> list[Reservation]:
        """Active reservations with ``expires_at <= as_of``, oldest expiry first, ties by id."""
        ...

    def transfer(self, transfer_id: str) -> Transfer:
        """Return a transfer; raises `ecomcore.core.NotFoundError` when there is none."""
        ...

    def commit(self, change: StockChange) -> None:
        """Apply ``change`` atomically, or write nothing and raise `ConcurrencyError`."""
        ...

    def commit_new_reservation(self, change: StockChange) -> Reservation | None:
        """Apply a change creating a reservation, unless one with its id is stored already.

        In one atomic step: if a reservation with the id of ``change.reservations[0]`` is
        stored, write nothing and return it; otherwise apply ``change`` exactly like `commit`
        (raising `ConcurrencyError` on a stale version) and return None.
        """
        ...

    def _level_rows(self, pairs: Collection[tuple[str, str]]) -> list[LevelRow]:
        """Return the stored row of each ``(sku, location)``, in order: the fast path's read.

        Internal to ecomcore's own use cases and adapters (see ``ecomcore.inventory._rows``).
        """
        ...

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
        """`commit` (or, with ``new_reservation``, `commit_new_reservation`) on rows. Internal."""
        ...

    def stock_keys(self) -> list[StockKey]:
        """Return the key of every stored level (version 1 or more), sorted."""
        ...

    def movements(self, after: int = 0) -> list[Movement]:
        """Return the ledger in commit order, skipping the first ``after`` entries."""
        ...

    def events(self, after: int = 0) -> list[DomainEvent]:
        """Return the event outbox in commit order, skipping the first ``after`` entries."""
        ...
