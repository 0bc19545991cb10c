"""The storage port for stock, its unit of work, and the concurrency contract adapters keep.

**Staging, then one commit.** A use case opens the `InventoryUnitOfWork`, reads the levels and
records it needs through ``uow.stock``, decides, stages one `StockChange` with
`StockRepository.stage`, and calls ``uow.commit()``. The commit:

1. checks that every staged level, reservation and transfer is based on the stored version:
   each carries the version it will have once stored, so the stored one must be exactly one
   less (0: not stored yet). A new reservation whose id is already stored fails the same way,
   which is what makes idempotency keys safe under concurrent retries;
2. if any check fails, writes nothing and raises `ecomcore.core.ConcurrencyError`;
3. otherwise writes every level and record, appends the movements to the ledger in order and
   hands the change's events to the unit of work's outbox, all at once: no reader ever sees
   part of a change, and subscribers hear of it only after it is stored.

A SQL adapter stages in memory and commits in one transaction with ``UPDATE ... WHERE version
= :expected`` per row (checking the row count) or ``SELECT ... FOR UPDATE``, inserting the
ledger rows and the outbox rows in the same transaction; the in-memory adapter holds one lock.
Use cases retry a `ConcurrencyError` a bounded number of times, re-reading and re-deciding, so
a check ("are 3 units sellable?") and its write can never be separated by another writer.
"""

import operator
from collections.abc import Callable, Collection, Sequence
from datetime import datetime
from typing import Any, Protocol, cast

import attrs

from ecomcore.core import DomainEvent, UnitOfWork, ValidationError
from ecomcore.inventory._model import Movement, StockKey, StockLevel
from ecomcore.inventory._records import Reservation, Transfer
from ecomcore.inventory._rows import LevelRow, MovementRow, level_row

__all__ = ["InventoryUnitOfWork", "StockChange", "StockRepository"]


def _each_once(field: str, identity: str) -> Callable[[object, object, Sequence[Any]], None]:
    """Return an attrs validator refusing two entries with the same ``identity`` in a change."""
    identify = operator.attrgetter(identity)

    def validate(_instance: object, _attribute: object, values: Sequence[Any]) -> None:
        ids = [identify(value) for value in values]
        if len(set(ids)) != len(ids):
            raise ValidationError(field, ids, "each level or record once per change")

    return validate


@attrs.frozen
class StockChange:
    """Everything one use case writes, staged with `StockRepository.stage`, committed at once.

    Each level, reservation and transfer carries the version it will have once stored, and
    appears once (a second state of the same level belongs in a later change).

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import MovementReason
        >>> at, mug = datetime(2026, 5, 4, 9, tzinfo=UTC), StockKey("mug", "wh")
        >>> received = Movement(mug, MovementReason.RECEIPT, at, "po-1", on_hand=5)
        >>> uow = InMemoryStockUnitOfWork()
        >>> with uow:
        ...     uow.stock.stage(StockChange(levels=(StockLevel(mug, on_hand=5, version=1),),
        ...                                 movements=(received,)))
        ...     uow.commit()
        >>> uow.stock.levels([mug])[mug].on_hand, uow.stock.movements() == [received]
        (5, True)
    """

    levels: Sequence[StockLevel] = attrs.field(default=(), validator=_each_once("levels", "key"))
    reservations: Sequence[Reservation] = attrs.field(
        default=(), validator=_each_once("reservations", "id")
    )
    transfers: Sequence[Transfer] = attrs.field(default=(), validator=_each_once("transfers", "id"))
    movements: Sequence[Movement] = ()
    events: Sequence[DomainEvent] = ()


class StockRepository(Protocol):
    """Reads stock levels, reservations, transfers and the ledger; stages changes to them.

    Reads see what is committed. See the module docstring for the concurrency contract;
    `ecomcore.testing` has the contract suite (concurrency test included) an implementation
    must pass, through its unit of work.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.core import ConcurrencyError, FixedClock
        >>> from ecomcore.inventory import receive_stock
        >>> uow = InMemoryStockUnitOfWork()
        >>> clock, mug = FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC)), StockKey("mug", "wh")
        >>> _ = receive_stock(uow, clock, mug, 5, reference="po-1")
        >>> stock: StockRepository = uow.stock
        >>> stock.levels([mug])[mug].version, stock.stock_keys()
        (1, [StockKey(sku='mug', location='wh')])
        >>> with uow:
        ...     stock.stage(StockChange(levels=(StockLevel(mug, on_hand=9, version=1),)))
        ...     try:
        ...         uow.commit()
        ...     except ConcurrencyError as stale:
        ...         print(stale.code)
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

    def stock_keys(self) -> list[StockKey]:
        """Return the key of every stored level (version 1 or more), sorted."""
        ...

    def movements(self, after: int = 0) -> list[Movement]:
        """Return the ledger in commit order, skipping the first ``after`` entries."""
        ...

    def stage(self, change: StockChange) -> None:
        """Stage ``change`` for the unit of work's next commit (checked and written there)."""
        ...


Held = tuple[list[LevelRow], Reservation, list[MovementRow], list[DomainEvent]]
"""What a reservation decides on the rows it read: next rows, itself, ledger rows and events."""


class _RowStock(Protocol):
    """The reservation fast path a repository may offer: decide on rows, commit at once.

    Internal to ecomcore's own adapters (see ``ecomcore.inventory._rows``). ``decide`` gets the
    rows of ``pairs`` (in that order) and returns what to hold, or raises
    `InsufficientStockError`; the adapter commits the result as the unit of work's commit. It
    may call ``decide`` under its lock (a SQL adapter reads the rows ``FOR UPDATE`` in the
    commit's transaction, so racing reservations queue instead of retrying). A repository that
    does not offer it is read and staged through the public `StockRepository` methods.
    """

    def _reserve_rows(
        self, pairs: Collection[tuple[str, str]], decide: Callable[[list[LevelRow]], Held]
    ) -> Reservation: ...


class _PublicRows:
    """`_RowStock` over any inventory unit of work, through its public methods."""

    __slots__ = ("_uow",)

    def __init__(self, uow: "InventoryUnitOfWork") -> None:
        self._uow = uow

    def _reserve_rows(
        self, pairs: Collection[tuple[str, str]], decide: Callable[[list[LevelRow]], Held]
    ) -> Reservation:
        keys = [StockKey(*pair) for pair in pairs]
        levels = self._uow.stock.levels(keys)
        after, held, movements, events = decide([level_row(levels[key]) for key in keys])
        self._uow.stock.stage(staged_change(after, held, movements, events))
        self._uow.commit()
        return held


def staged_change(
    levels: Sequence[LevelRow],
    held: Reservation,
    movements: Sequence[MovementRow],
    events: Sequence[DomainEvent],
) -> StockChange:
    """Return the public `StockChange` of a reservation decided on rows."""
    return StockChange(
        levels=tuple(StockLevel(*row) for row in levels),
        reservations=(held,),
        movements=tuple(Movement(*row) for row in movements),
        events=tuple(events),
    )


def row_stock(uow: "InventoryUnitOfWork") -> _RowStock:
    """Return the stock of ``uow`` when it offers the fast path, else a public-method bridge."""
    stock = uow.stock
    if hasattr(stock, "_reserve_rows"):
        return cast("_RowStock", stock)
    return _PublicRows(uow)


class InventoryUnitOfWork(UnitOfWork, Protocol):
    """The unit of work of inventory use cases: its ``stock`` repository, and the outbox.

    An application's unit of work with a ``stock`` attribute (and any other context's
    repositories) serves these use cases too, so one commit can span contexts.

    Examples:
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> uow: InventoryUnitOfWork = InMemoryStockUnitOfWork()
        >>> with uow:
        ...     uow.stock.stock_keys()
        []
    """

    @property
    def stock(self) -> StockRepository:
        """The stock of this unit of work."""
        ...
