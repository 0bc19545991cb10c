"""Use cases that take stock: reserve units, or reserve by a strategy across locations.

Each takes the `StockRepository` and a `ecomcore.core.Clock` as arguments, decides on a fresh read,
and commits one `StockChange`; a lost race is retried (``attempts`` times at most).
"""

from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import datetime, timedelta

from ecomcore.core import Clock, ConcurrencyError, DomainEvent, ValidationError
from ecomcore.inventory._allocation import StockAtLocation, Strategy
from ecomcore.inventory._errors import IdempotencyConflictError, InsufficientStockError, Shortage
from ecomcore.inventory._locations import Location
from ecomcore.inventory._model import (
    NO_BACKORDERS,
    Kit,
    Movement,
    MovementReason,
    StockKey,
    StockLevel,
    StockPolicy,
)
from ecomcore.inventory._ports import StockChange, StockRepository
from ecomcore.inventory._records import Reservation, ReservationLine, ReservationStatus, demand
from ecomcore.inventory._unit_of_change import DEFAULT_ATTEMPTS, stock_events

__all__ = ["check_ttl", "reserve", "reserve_by_strategy"]


_NO_TIME = timedelta(0)


def check_ttl(ttl: timedelta) -> None:
    """Refuse a time to live that is not positive (shared with `extend_reservation`)."""
    if ttl <= _NO_TIME:
        raise ValidationError("ttl", ttl, "a positive time to live")


_Units = tuple[tuple[StockKey, int], ...]
_new = tuple.__new__  # builds a named tuple from a ready tuple, skipping keyword handling
_RESERVATION = MovementReason.RESERVATION
_ACTIVE = ReservationStatus.ACTIVE


def _hold(
    levels: Mapping[StockKey, StockLevel],
    reservation_id: str,
    units: _Units,
    now: datetime,
    ttl: timedelta,
    *,
    policy: StockPolicy,
) -> StockChange:
    """Build the change holding ``units`` (the reservation's pairs) all-or-nothing.

    Raises InsufficientStockError naming every short key, having built nothing.
    """
    shortages = []
    movements = []
    after = []
    events: list[DomainEvent] = []
    # The hottest path in the library: one movement per key (demand sums them), so the next
    # level is built directly from the read tuple rather than through the general change_from.
    plain = not policy.preorder
    backorder_limit = policy.backorder_limit
    for key, quantity in units:
        level = levels[key]
        _, on_hand, reserved, allocated, in_transit, incoming, safety, point, version = level
        was = on_hand - reserved - allocated - safety
        sellable = was + backorder_limit if plain else level.sellable(policy)
        if sellable < quantity:
            shortages.append(Shortage(key.sku, key.location, quantity, sellable))
            continue
        movements.append(
            _new(Movement, (key, _RESERVATION, now, reservation_id, 0, quantity, 0, 0, 0, None))
        )
        held = _new(
            StockLevel,
            (key, on_hand, reserved + quantity, allocated, in_transit, incoming, safety, point,
             version + 1),
        )  # fmt: skip
        after.append(held)
        if was - quantity <= point:  # only then can a threshold have been crossed
            events += stock_events(level, held, now)
    if shortages:
        raise InsufficientStockError(shortages)
    reservation = _new(Reservation, (reservation_id, units, now, now + ttl, _ACTIVE, None, 1))
    return _new(StockChange, (after, (reservation,), (), movements, events))


def _hold_once(
    repository: StockRepository,
    clock: Clock,
    reservation_id: str,
    keys: Collection[StockKey],
    units: _Units | Callable[[Mapping[StockKey, StockLevel]], _Units],
    *,
    ttl: timedelta,
    policy: StockPolicy,
    attempts: int,
    same_request: Callable[[Reservation], bool] | None = None,
) -> Reservation:
    """Hold ``units`` under one new reservation per id, on a fresh read of ``keys``; retry races.

    ``units`` is the reservation's (key, units) pairs, or a plan making them from the levels
    read (made again on every attempt). The idempotency check rides on the commit
    (`StockRepository.commit_new_reservation`), so the common case costs one read and one
    atomic write. Only when stock is short is the id looked up on its own: a retry of a
    request that succeeded earlier returns its reservation even once the stock is gone. A
    stored reservation for another request (by ``same_request``; by default, one not holding
    exactly ``units``) raises `IdempotencyConflictError`.
    """
    if attempts < 1:
        raise ValidationError("attempts", attempts, "1 or more")
    # Plain arguments rather than a closure per call: reserve is the library's hottest path.
    for attempt in range(1, attempts + 1):
        levels = repository.levels(keys)
        try:
            held = units if isinstance(units, tuple) else units(levels)
            change = _hold(levels, reservation_id, held, clock.now(), ttl, policy=policy)
        except InsufficientStockError:
            first = repository.find_reservation(reservation_id)
            if first is None:
                raise
        else:
            try:
                first = repository.commit_new_reservation(change)
            except ConcurrencyError:
                if attempt == attempts:
                    raise
                continue
            if first is None:
                return change.reservations[0]
        if not (same_request(first) if same_request else first.units == units):
            raise IdempotencyConflictError(reservation_id)
        return first
    raise AssertionError("unreachable")  # pragma: no cover


def reserve(
    repository: StockRepository,
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
        >>> from ecomcore.adapters.memory import InMemoryStockRepository
        >>> from ecomcore.inventory import ReservationLine, StockKey
        >>> from ecomcore.core import FixedClock
        >>> repository = InMemoryStockRepository()
        >>> clock = FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> mug = StockKey("mug", "wh")
        >>> from ecomcore.inventory import receive_stock
        >>> _ = receive_stock(repository, clock, mug, 10, reference="po-1")
        >>> held = reserve(repository, clock, "cart-1", [ReservationLine("mug", 3, "wh")],
        ...                timedelta(minutes=15))
        >>> held.status.value, repository.levels([mug])[mug].available
        ('active', 7)
        >>> reserve(repository, clock, "cart-1", [ReservationLine("mug", 3, "wh")],
        ...         timedelta(minutes=15)) == held  # a retry returns the first reservation
        True
    """
    check_ttl(ttl)
    if not lines:
        raise ValidationError("lines", lines, "one reservation line or more")
    units = demand(lines, kits)  # its keys are the levels to read
    return _hold_once(
        repository, clock, reservation_id, units, tuple(units.items()),
        ttl=ttl, policy=policy, attempts=attempts,
    )  # fmt: skip


def _item_totals(units: Mapping[StockKey, int] | Sequence[tuple[StockKey, int]]) -> dict[str, int]:
    pairs = units.items() if isinstance(units, Mapping) else units
    totals: dict[str, int] = {}
    for key, quantity in pairs:
        totals[key.sku] = totals.get(key.sku, 0) + quantity
    return dict(sorted(totals.items()))


def reserve_by_strategy(
    repository: StockRepository,
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
        >>> from ecomcore.adapters.memory import InMemoryStockRepository
        >>> from ecomcore.inventory import by_location_priority as by_priority, receive_stock
        >>> from ecomcore.core import FixedClock
        >>> repo, clock = InMemoryStockRepository(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> _ = receive_stock(repo, clock, StockKey("mug", "shop"), 5, reference="po-1")
        >>> sites = [Location("wh", priority=1), Location("shop", priority=2)]
        >>> reserve_by_strategy(repo, clock, "c-1", {"mug": 2}, locations=sites,
        ...                     strategy=by_priority, ttl=timedelta(hours=1)).units
        ((StockKey(sku='mug', location='shop'), 2),)
    """
    check_ttl(ttl)
    lines = [ReservationLine(sku, quantity, "") for sku, quantity in sorted(items.items())]
    needed = {key.sku: units for key, units in demand(lines, kits).items()}

    keys = [StockKey(sku, location.id) for location in locations for sku in needed]

    def plan(levels: Mapping[StockKey, StockLevel]) -> _Units:
        stock = [
            StockAtLocation(
                location,
                {sku: levels[StockKey(sku, location.id)].sellable(policy) for sku in needed},
            )
            for location in locations
        ]
        return tuple(strategy(needed, stock, split=split).units().items())

    return _hold_once(
        repository, clock, reservation_id, keys, plan,
        ttl=ttl, policy=policy, attempts=attempts,
        same_request=lambda first: _item_totals(first.units) == needed,
    )  # fmt: skip
