"""Planning from live stock: positions from stock levels, demand from the ledger's shipments.

The one module of planning that reads the rest of the inventory context (a subpackage may import
its parent); the forecasting and policy math stays on plain numbers.

- **Position.** incoming = every expected receipt (or those due by ``incoming_due_by``) + the
  units in transit to the location: both are on their way and not yet on hand, the textbook
  "on order". Committed = reserved + allocated (carts and checkouts hold their units as surely as
  placed orders, until they expire). A backorder policy lets committed exceed on hand; the excess
  is reported as ``backorders`` and the rest as ``allocated``, so on hand - allocated - backorders
  = on hand - committed and no unit is subtracted twice. Safety stock is a setting, not a count:
  planning computes its own.
- **Demand.** Each `MovementReason.SHIPMENT` movement is demand of the units it took off the
  shelf, on the calendar date of its timestamp. Returns are not subtracted: the demand happened,
  and a resellable return is already back in on hand (subtracting it would count it twice).
  Transfers, damage and adjustments are not customer demand.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

from ecomcore.inventory import (
    InventoryUnitOfWork,
    Movement,
    MovementReason,
    StockKey,
    StockLevel,
)
from ecomcore.inventory.planning._errors import PlanningInputError
from ecomcore.inventory.planning._history import DemandPeriod, DemandRecord, demand_history
from ecomcore.inventory.planning._suggest import (
    InventoryPosition,
    ReorderSuggestion,
    Supplier,
    suggest_reorders,
)


def position_from_level(
    level: StockLevel, *, incoming_due_by: date | None = None
) -> InventoryPosition:
    """Turn a stock level into planning's `InventoryPosition` (see the module docstring).

    Examples:
        >>> from datetime import date
        >>> from ecomcore.inventory import ExpectedReceipt, StockKey, StockLevel
        >>> receipt = ExpectedReceipt("po", date(2026, 6, 1), 10)
        >>> level = StockLevel(StockKey("mug", "wh"), on_hand=3, reserved=4, allocated=1,
        ...                    in_transit=2, incoming=(receipt,))
        >>> p = position_from_level(level)
        >>> p.on_hand, p.incoming, p.allocated, p.backorders, p.position
        (3, 12, 3, 2, 10)
        >>> position_from_level(level, incoming_due_by=date(2026, 5, 31)).incoming
        2
    """
    committed = level.reserved + level.allocated
    backorders = max(0, committed - level.on_hand)
    incoming = level.in_transit + sum(
        receipt.quantity
        for receipt in level.incoming
        if incoming_due_by is None or receipt.due <= incoming_due_by
    )
    return InventoryPosition(
        level.key.sku,
        level.key.location,
        on_hand=level.on_hand,
        incoming=incoming,
        allocated=committed - backorders,
        backorders=backorders,
    )


def shipments_as_demand(movements: Iterable[Movement]) -> list[DemandRecord]:
    """One `DemandRecord` per shipment movement in a ledger: the units it took off the shelf.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.inventory import Movement, MovementReason, StockKey
        >>> at, key = datetime(2026, 5, 4, 9, tzinfo=UTC), StockKey("mug", "wh")
        >>> shipments_as_demand([
        ...     Movement(key, MovementReason.SHIPMENT, at, "r-1", on_hand=-2, allocated=-2),
        ...     Movement(key, MovementReason.RETURN_TO_STOCK, at, "rma-1", on_hand=1),
        ... ])
        [DemandRecord(item='mug', location='wh', day=datetime.date(2026, 5, 4), quantity=2)]
    """
    return [
        DemandRecord(m.key.sku, m.key.location, m.occurred_at.date(), -m.on_hand)
        for m in movements
        if m.reason is MovementReason.SHIPMENT and m.on_hand < 0
    ]


def suggest_reorders_from_stock(
    uow: InventoryUnitOfWork,
    *,
    suppliers: Mapping[str, Supplier],
    as_of: date,
    history_days: int = 91,
    period: DemandPeriod = DemandPeriod.DAY,
    service_level: float = 0.95,
    window: int | None = None,
    keys: Sequence[StockKey] | None = None,
    incoming_due_by: date | None = None,
) -> list[ReorderSuggestion]:
    """Reorder suggestions for every stored item and location, from live stock and its ledger.

    Positions come from ``uow.stock``'s committed levels (`position_from_level`); demand from the
    shipments in its ledger (`shipments_as_demand`) over the ``history_days`` days before
    ``as_of`` (``as_of`` itself excluded), zeros filled in, so an item that never shipped has a
    history of zeros. ``keys`` limits it to some levels (default: every stored level, in key
    order, as ``uow.stock.stock_keys()`` lists them). The rest is `suggest_reorders`. Raises
    `PlanningInputError` for no levels, a ``history_days`` below 1, or an item without a supplier.

    Examples:
        Ten mugs received, six shipped on 2 January; plan on the 4th from three days of history:

        >>> from datetime import UTC, date, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import (ReservationLine, StockKey, allocate_reservation,
        ...     receive_stock, reserve, ship_reservation)
        >>> from ecomcore.inventory.planning import Supplier, suggest_reorders_from_stock
        >>> from ecomcore.core import FixedClock
        >>> uow, clock = InMemoryStockUnitOfWork(), FixedClock(datetime(2024, 1, 2, 9, tzinfo=UTC))
        >>> _ = receive_stock(uow, clock, StockKey("mug", "wh"), 10, reference="po-1")
        >>> _ = reserve(uow, clock, "o-1", [ReservationLine("mug", 6, "wh")], timedelta(hours=1))
        >>> _ = allocate_reservation(uow, clock, "o-1", "order-1")
        >>> _ = ship_reservation(uow, clock, "o-1")
        >>> [mug] = suggest_reorders_from_stock(
        ...     uow, suppliers={"mug": Supplier("acme", lead_time_days=3)},
        ...     as_of=date(2024, 1, 4), history_days=3)
        >>> mug.inventory_position, mug.demand_per_day, mug.order_quantity
        (4.0, 2.0, 40)
    """
    if isinstance(history_days, bool) or not isinstance(history_days, int) or history_days < 1:
        raise PlanningInputError("history_days", history_days, "a whole number of days, 1 or more")
    stock = uow.stock
    chosen = list(keys) if keys is not None else stock.stock_keys()
    if not chosen:
        raise PlanningInputError("keys", chosen, "at least one stored stock level")
    levels = stock.levels(chosen)
    start = as_of - timedelta(days=history_days)
    # A zero on the first day gives every chosen level a series, shipped or not.
    quiet = [DemandRecord(key.sku, key.location, start, 0) for key in chosen]
    history = demand_history(
        [*quiet, *shipments_as_demand(stock.movements())],
        period=period,
        start=start,
        end=as_of,
    )
    positions = [
        position_from_level(levels[key], incoming_due_by=incoming_due_by) for key in chosen
    ]
    return suggest_reorders(
        history, positions, suppliers=suppliers, service_level=service_level, window=window
    )
