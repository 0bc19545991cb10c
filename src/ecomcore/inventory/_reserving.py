"""Use cases that take stock: reserve units, or reserve by a strategy across locations.

Each takes the `InventoryUnitOfWork` and a `ecomcore.core.Clock` as arguments, decides on a fresh
read, stages one change and commits it; a lost race is retried (``attempts`` times at most).
"""

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import datetime, timedelta

from ecomcore.core import Clock, ConcurrencyError, DomainEvent, ValidationError
from ecomcore.inventory._allocation import StockAtLocation, Strategy
from ecomcore.inventory._errors import IdempotencyConflictError, InsufficientStockError, Shortage
from ecomcore.inventory._locations import Location
from ecomcore.inventory._model import (
    NO_BACKORDERS,
    Kit,
    MovementReason,
    StockLevel,
    StockPolicy,
    available_units,
)
from ecomcore.inventory._ports import Held, InventoryUnitOfWork, row_stock
from ecomcore.inventory._records import Reservation, ReservationLine, demand_pairs
from ecomcore.inventory._rows import LevelRow, MovementRow
from ecomcore.inventory._stock_changes import (
    DEFAULT_ATTEMPTS,
    back_off,
    check_attempts,
    stock_events,
)

__all__ = ["check_ttl", "reserve", "reserve_by_strategy"]


_NO_TIME = timedelta(0)


def check_ttl(ttl: timedelta) -> None:
    """Refuse a time to live that is not positive (shared with `extend_reservation`)."""
    if ttl <= _NO_TIME:
        raise ValidationError("ttl", ttl, "a positive time to live")


_Pair = tuple[str, str]
_Wanted = Iterable[tuple[LevelRow, int]]
_RESERVATION = MovementReason.RESERVATION


def _hold(
    wanted: _Wanted,
    reservation_id: str,
    now: datetime,
    ttl: timedelta,
    policy: StockPolicy,
) -> tuple[list[LevelRow], Reservation, list[MovementRow], list[DomainEvent]]:
    """Hold ``wanted`` (each row read, with the units to take there) all-or-nothing.

    Returns the next rows, the new reservation, its ledger rows and events. Raises
    InsufficientStockError naming every short key, having built nothing.
    """
    shortages = []
    units = []
    movements: list[MovementRow] = []
    after: list[LevelRow] = []
    events: list[DomainEvent] = []
    # The hottest path in the library: plain rows (see _rows) rather than public values.
    plain = not policy.preorder
    backorder_limit = policy.backorder_limit
    for row, quantity in wanted:
        key, on_hand, reserved, allocated, in_transit, incoming, safety, point, version = row
        was = available_units(on_hand, reserved, allocated, safety)
        sellable = was + backorder_limit if plain else StockLevel(*row).sellable(policy)
        if sellable < quantity:
            shortages.append(Shortage(key.sku, key.location, quantity, sellable))
            continue
        units.append((key, quantity))
        movements.append((key, _RESERVATION, now, reservation_id, 0, quantity, 0, 0, 0, None))
        after.append(
            (key, on_hand, reserved + quantity, allocated, in_transit, incoming, safety, point,
             version + 1)
        )  # fmt: skip
        if was - quantity <= point:  # only then can a threshold have been crossed
            events += stock_events(key, was, was - quantity, point, now)
    if shortages:
        raise InsufficientStockError(shortages)
    return after, Reservation(reservation_id, tuple(units), now, now + ttl), movements, events


def _hold_once(
    uow: InventoryUnitOfWork,
    clock: Clock,
    reservation_id: str,
    pairs: Collection[_Pair],
    units: list[int] | Callable[[list[LevelRow]], _Wanted],
    *,
    same_request: Callable[[Reservation], bool],
    ttl: timedelta,
    policy: StockPolicy,
    attempts: int,
) -> Reservation:
    """Hold units under one new reservation per id, on a fresh read of ``pairs``; retry races.

    ``units`` is the units to take at each of ``pairs``, in order, or a plan making the
    (row, units) to take from the rows read (made again on every attempt). The idempotency
    check rides on the commit (a new reservation is staged at version 1, which the commit
    refuses when its id is stored), so the common case costs one read and one commit. Only when
    the commit or the stock refuses is the id looked up on its own: a retry of a request that
    succeeded earlier returns its reservation even once the stock is gone, and writes nothing.
    A stored reservation for another request (``same_request`` false) raises
    `IdempotencyConflictError`. Nothing is left staged on any path (the commit forgets what it
    was given, even when it refuses), so no ``with`` block is needed around the attempt.
    """
    check_attempts(attempts)
    stock = uow.stock
    rows_of = row_stock(uow)

    def decide(rows: list[LevelRow]) -> Held:
        wanted = zip(rows, units, strict=True) if isinstance(units, list) else units(rows)
        return _hold(wanted, reservation_id, clock.now(), ttl, policy)

    for attempt in range(1, attempts + 1):
        try:
            return rows_of._reserve_rows(pairs, decide)
        except InsufficientStockError:
            first = stock.find_reservation(reservation_id)
            if first is None:
                raise
        except ConcurrencyError:
            first = stock.find_reservation(reservation_id)
            if first is None:
                if attempt == attempts:
                    raise
                back_off(attempt)
                continue
        if not same_request(first):
            raise IdempotencyConflictError(reservation_id)
        return first
    raise AssertionError("unreachable")  # pragma: no cover


def reserve(
    uow: InventoryUnitOfWork,
    clock: Clock,
    reservation_id: str,
    lines: Sequence[ReservationLine],
    ttl: timedelta,
    *,
    kits: Mapping[str, Kit] | None = None,
    policy: StockPolicy = NO_BACKORDERS,
    attempts: int = DEFAULT_ATTEMPTS,
) -> Reservation:
    """Hold every line at its location for ``ttl``, all or nothing.

    ``reservation_id`` is the idempotency key: a retry with the same lines returns the first
    reservation and changes nothing; the same key with other lines raises
    `IdempotencyConflictError`. Demand is summed per (item, location) across lines and kit
    components before checking, so nothing is checked against the same unit twice. Raises
    `InsufficientStockError` naming every short (item, location), having taken nothing.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import ReservationLine, StockKey
        >>> from ecomcore.core import FixedClock
        >>> uow = InMemoryStockUnitOfWork()
        >>> clock = FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> mug = StockKey("mug", "wh")
        >>> from ecomcore.inventory import receive_stock
        >>> _ = receive_stock(uow, clock, mug, 10, reference="po-1")
        >>> held = reserve(uow, clock, "cart-1", [ReservationLine("mug", 3, "wh")],
        ...                timedelta(minutes=15))
        >>> held.status.value, uow.stock.levels([mug])[mug].available
        ('active', 7)
        >>> reserve(uow, clock, "cart-1", [ReservationLine("mug", 3, "wh")],
        ...         timedelta(minutes=15)) == held  # a retry returns the first reservation
        True
    """
    check_ttl(ttl)
    if not lines:
        raise ValidationError("lines", lines, "one reservation line or more")
    wanted = demand_pairs(lines, kits)  # its keys are the levels to read

    def same_request(first: Reservation) -> bool:
        return {(key.sku, key.location): units for key, units in first.units} == wanted

    return _hold_once(
        uow, clock, reservation_id, wanted, [*wanted.values()], same_request=same_request,
        ttl=ttl, policy=policy, attempts=attempts,
    )  # fmt: skip


def _item_totals(pairs: Iterable[tuple[str, int]]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for sku, quantity in pairs:
        totals[sku] = totals.get(sku, 0) + quantity
    return dict(sorted(totals.items()))


def reserve_by_strategy(
    uow: InventoryUnitOfWork,
    clock: Clock,
    reservation_id: str,
    items: Mapping[str, int],
    *,
    locations: Sequence[Location],
    strategy: Strategy,
    ttl: timedelta,
    split: bool = True,
    kits: Mapping[str, Kit] | None = None,
    policy: StockPolicy = NO_BACKORDERS,
    attempts: int = DEFAULT_ATTEMPTS,
) -> Reservation:
    """Let ``strategy`` choose the locations for ``items`` (SKU: units), then hold them.

    The plan is made on the same read the hold is checked against, and made again after a lost
    race, so it always reflects other checkouts' reservations. Idempotent per
    ``reservation_id``: a retry asking for the same units per item returns the first
    reservation. Raises `InsufficientStockError` (nothing taken) when the strategy cannot fill it.

    Examples:
        >>> from datetime import UTC
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import StockKey, receive_stock
        >>> from ecomcore.inventory import by_location_priority as by_priority
        >>> from ecomcore.core import FixedClock
        >>> uow, clock = InMemoryStockUnitOfWork(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> _ = receive_stock(uow, clock, StockKey("mug", "shop"), 5, reference="po-1")
        >>> sites = [Location("wh", priority=1), Location("shop", priority=2)]
        >>> reserve_by_strategy(uow, clock, "c-1", {"mug": 2}, locations=sites,
        ...                     strategy=by_priority, ttl=timedelta(hours=1)).units
        ((StockKey(sku='mug', location='shop'), 2),)
    """
    check_ttl(ttl)
    lines = [ReservationLine(sku, quantity, "") for sku, quantity in sorted(items.items())]
    needed = {sku: units for (sku, _), units in demand_pairs(lines, kits).items()}
    pairs = [(sku, location.id) for location in locations for sku in needed]

    def plan(rows: list[LevelRow]) -> _Wanted:
        by_pair = dict(zip(pairs, rows, strict=True))
        levels = {pair: StockLevel(*row) for pair, row in by_pair.items()}
        stock = [
            StockAtLocation(
                location, {sku: levels[sku, location.id].sellable(policy) for sku in needed}
            )
            for location in locations
        ]
        picks = strategy(needed, stock, split=split).picks
        return [(by_pair[pick.sku, pick.location], pick.quantity) for pick in picks]

    def same_request(first: Reservation) -> bool:
        return _item_totals((key.sku, units) for key, units in first.units) == needed

    return _hold_once(
        uow, clock, reservation_id, pairs, plan, same_request=same_request,
        ttl=ttl, policy=policy, attempts=attempts,
    )  # fmt: skip
