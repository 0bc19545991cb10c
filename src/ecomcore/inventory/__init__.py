"""Inventory: stock across locations, a movement ledger, reservations that never oversell.

- Stock per (item, location) is a versioned `StockLevel`;
  **available = on_hand - reserved - allocated - safety_stock**, derived, never stored.
- Every change is an append-only `Movement` with a `MovementReason`; `replay` of the ledger
  reproduces the levels exactly.
- `reserve` holds several items all-or-nothing, with a time to live and an idempotency key;
  demand is summed per (item, location) across lines and `Kit` components.
- Allocation strategies are pure functions (`by_location_priority`, `highest_available_first`,
  `nearest_to`, `fewest_shipments`, `collection_point_first`), with or without a split.
- Use cases take an `InventoryUnitOfWork`: they read through its ``stock`` repository
  (`StockRepository`), stage one `StockChange`, and commit; the commit checks every version
  (`ecomcore.core.ConcurrencyError` when stale, nothing written) and hands the events to the
  unit of work's outbox. Lost races are retried.
- Reservation and transfer statuses move as `RESERVATION_LIFECYCLE` and `TRANSFER_LIFECYCLE`
  allow (`ecomcore.core.TransitionError` otherwise).
- Forecasts, reorder policies and what to buy next: `ecomcore.inventory.planning`.

Examples:
    >>> from datetime import UTC, datetime, timedelta
    >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
    >>> from ecomcore.core import FixedClock
    >>> uow, clock = InMemoryStockUnitOfWork(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
    >>> _ = receive_stock(uow, clock, StockKey("mug", "wh"), 5, reference="po-1")
    >>> r = reserve(uow, clock, "cart-1", [ReservationLine("mug", 2, "wh")], timedelta(minutes=15))
    >>> uow.stock.levels([StockKey("mug", "wh")])[StockKey("mug", "wh")].available
    3
"""

from ecomcore.inventory._allocation import (
    AllocationPlan,
    Pick,
    StockAtLocation,
    Strategy,
    by_location_priority,
    collection_point_first,
    fewest_shipments,
    highest_available_first,
    nearest_to,
)
from ecomcore.inventory._errors import (
    IdempotencyConflictError,
    InsufficientStockError,
    Shortage,
)
from ecomcore.inventory._events import BackInStock, LowStock, OutOfStock, ReservationExpired
from ecomcore.inventory._locations import Location, LocationKind
from ecomcore.inventory._model import (
    ExpectedReceipt,
    Kit,
    Movement,
    MovementReason,
    StockKey,
    StockLevel,
    StockPolicy,
    StockQuantities,
    replay,
)
from ecomcore.inventory._ports import InventoryUnitOfWork, StockChange, StockRepository
from ecomcore.inventory._records import (
    RESERVATION_LIFECYCLE,
    TRANSFER_LIFECYCLE,
    Reservation,
    ReservationLine,
    ReservationStatus,
    Transfer,
    TransferStatus,
    demand,
)
from ecomcore.inventory._reservation_lifecycle import (
    allocate_reservation,
    expire_reservations,
    extend_reservation,
    release_reservation,
    ship_reservation,
)
from ecomcore.inventory._reserving import reserve, reserve_by_strategy
from ecomcore.inventory._stock_changes import DEFAULT_ATTEMPTS
from ecomcore.inventory._stock_moves import (
    adjust_stock,
    configure_stock,
    expect_receipt,
    receive_stock,
    record_count,
    return_to_stock,
)
from ecomcore.inventory._transfers import dispatch_transfer, receive_transfer

__all__ = [
    "DEFAULT_ATTEMPTS",
    "RESERVATION_LIFECYCLE",
    "TRANSFER_LIFECYCLE",
    "AllocationPlan",
    "BackInStock",
    "ExpectedReceipt",
    "IdempotencyConflictError",
    "InsufficientStockError",
    "InventoryUnitOfWork",
    "Kit",
    "Location",
    "LocationKind",
    "LowStock",
    "Movement",
    "MovementReason",
    "OutOfStock",
    "Pick",
    "Reservation",
    "ReservationExpired",
    "ReservationLine",
    "ReservationStatus",
    "Shortage",
    "StockAtLocation",
    "StockChange",
    "StockKey",
    "StockLevel",
    "StockPolicy",
    "StockQuantities",
    "StockRepository",
    "Strategy",
    "Transfer",
    "TransferStatus",
    "adjust_stock",
    "allocate_reservation",
    "by_location_priority",
    "collection_point_first",
    "configure_stock",
    "demand",
    "dispatch_transfer",
    "expect_receipt",
    "expire_reservations",
    "extend_reservation",
    "fewest_shipments",
    "highest_available_first",
    "nearest_to",
    "receive_stock",
    "receive_transfer",
    "record_count",
    "release_reservation",
    "replay",
    "reserve",
    "reserve_by_strategy",
    "return_to_stock",
    "ship_reservation",
]
