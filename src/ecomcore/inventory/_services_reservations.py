"""Use cases for reservations: reserve, extend, release, expire, allocate to an order, ship.

Each takes the `StockRepository` and a `ecomcore.core.Clock` as arguments, decides on a fresh read,
and commits one `StockChange`; a lost race is retried (``attempts`` times at most).
"""

from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import datetime, timedelta

from ecomcore.core import Clock, ConcurrencyError, DomainEvent, ValidationError
from ecomcore.inventory._allocation import StockAtLocation, Strategy
from ecomcore.inventory._errors import (
    IdempotencyConflictError,
    InsufficientStockError,
    Shortage,
    StockStateError,
)
from ecomcore.inventory._events import ReservationExpired
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
from ecomcore.inventory._records import (
    Reservation,
    ReservationLine,
    ReservationStatus,
    demand,
)
from ecomcore.inventory._unit_of_change import (
    DEFAULT_ATTEMPTS,
    change_from,
    stock_events,
    with_retries,
)

__all__ = [
    "allocate_reservation",
    "expire_reservations",
    "extend_reservation",
    "release_reservation",
    "reserve",
    "reserve_by_strategy",
    "ship_reservation",
]


_NO_TIME = timedelta(0)


def _check_ttl(ttl: timedelta) -> None:
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
        >>> from ecomcore.testing import FixedClock
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
    _check_ttl(ttl)
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
        >>> from ecomcore.testing import FixedClock
        >>> repo, clock = InMemoryStockRepository(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> _ = receive_stock(repo, clock, StockKey("mug", "shop"), 5, reference="po-1")
        >>> sites = [Location("wh", priority=1), Location("shop", priority=2)]
        >>> reserve_by_strategy(repo, clock, "c-1", {"mug": 2}, locations=sites,
        ...                     strategy=by_priority, ttl=timedelta(hours=1)).units
        ((StockKey(sku='mug', location='shop'), 2),)
    """
    _check_ttl(ttl)
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


def _release_units(
    repository: StockRepository,
    reservation: Reservation,
    reason: MovementReason,
    now: datetime,
    *,
    reserved: int = -1,
    allocated: int = 0,
    on_hand: int = 0,
    order_id: str | None = None,
) -> tuple[StockChange, Reservation]:
    """Move each held unit of ``reservation`` by the given signs and advance its status."""
    keys = [key for key, _ in reservation.units]
    levels = repository.levels(keys)
    movements = [
        Movement(
            key,
            reason,
            now,
            reservation.id,
            reserved=reserved * units,
            allocated=allocated * units,
            on_hand=on_hand * units,
        )
        for key, units in reservation.units
    ]
    status = {
        MovementReason.RELEASE: ReservationStatus.RELEASED,
        MovementReason.EXPIRY: ReservationStatus.EXPIRED,
        MovementReason.ALLOCATION: ReservationStatus.ALLOCATED,
        MovementReason.SHIPMENT: ReservationStatus.SHIPPED,
    }[reason]
    after = reservation.moved_to(status, order_id=order_id or reservation.order_id)
    events = []
    if reason is MovementReason.EXPIRY:
        events.append(
            ReservationExpired(
                occurred_at=now, reservation_id=reservation.id, units=reservation.total_units
            )
        )
    return change_from(levels, movements, now, reservations=(after,), events=events), after


def extend_reservation(
    repository: StockRepository,
    clock: Clock,
    reservation_id: str,
    ttl: timedelta,
    *,
    attempts: int = DEFAULT_ATTEMPTS,
) -> Reservation:
    """Keep an active reservation until ``now + ttl`` (never shortening it).

    Raises `StockStateError` if it is no longer active or has already expired by the clock.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockRepository
        >>> from ecomcore.inventory import ReservationLine, StockKey
        >>> from ecomcore.testing import FixedClock
        >>> repository = InMemoryStockRepository()
        >>> clock = FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> mug = StockKey("mug", "wh")
        >>> from ecomcore.inventory import receive_stock, reserve
        >>> _ = receive_stock(repository, clock, mug, 10, reference="po-1")
        >>> _ = reserve(repository, clock, "cart-1", [ReservationLine("mug", 3, "wh")],
        ...             timedelta(minutes=15))
        >>> extend_reservation(repository, clock, "cart-1", timedelta(minutes=30)).expires_at
        datetime.datetime(2026, 5, 4, 9, 30, tzinfo=datetime.timezone.utc)
    """
    _check_ttl(ttl)

    def decide() -> tuple[StockChange | None, Reservation]:
        now = clock.now()
        current = repository.reservation(reservation_id)
        if current.status is not ReservationStatus.ACTIVE or current.expired_as_of(now):
            state = "expired" if current.expired_as_of(now) else current.status.value
            raise StockStateError("reservation", reservation_id, state, "extend")
        later = current.moved_to(current.status, expires_at=max(current.expires_at, now + ttl))
        return StockChange(reservations=(later,)), later

    return with_retries(repository, attempts, decide)


def release_reservation(
    repository: StockRepository,
    clock: Clock,
    reservation_id: str,
    *,
    attempts: int = DEFAULT_ATTEMPTS,
) -> Reservation:
    """Give a reservation's units back (a cart abandoned, a checkout cancelled).

    Releasing one already released or expired changes nothing and returns it; one allocated to
    an order raises `StockStateError` (cancel the order's allocation instead).

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockRepository
        >>> from ecomcore.inventory import ReservationLine, StockKey
        >>> from ecomcore.testing import FixedClock
        >>> repository = InMemoryStockRepository()
        >>> clock = FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> mug = StockKey("mug", "wh")
        >>> from ecomcore.inventory import receive_stock, reserve
        >>> _ = receive_stock(repository, clock, mug, 10, reference="po-1")
        >>> _ = reserve(repository, clock, "cart-1", [ReservationLine("mug", 3, "wh")],
        ...             timedelta(minutes=15))
        >>> release_reservation(repository, clock, "cart-1").status.value
        'released'
        >>> repository.levels([mug])[mug].available
        10
    """

    def decide() -> tuple[StockChange | None, Reservation]:
        current = repository.reservation(reservation_id)
        if current.status in (ReservationStatus.RELEASED, ReservationStatus.EXPIRED):
            return None, current
        if current.status is not ReservationStatus.ACTIVE:
            raise StockStateError("reservation", reservation_id, current.status.value, "release")
        return _release_units(repository, current, MovementReason.RELEASE, clock.now())

    return with_retries(repository, attempts, decide)


def expire_reservations(
    repository: StockRepository, clock: Clock, *, attempts: int = DEFAULT_ATTEMPTS
) -> list[Reservation]:
    """Sweep: release every active reservation expired as of the clock's now; return them.

    Each expiry is its own change (one `ReservationExpired` event each), so a sweep racing a
    checkout that allocates the same reservation simply skips it.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockRepository
        >>> from ecomcore.inventory import ReservationLine, StockKey
        >>> from ecomcore.testing import FixedClock
        >>> repository = InMemoryStockRepository()
        >>> clock = FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> mug = StockKey("mug", "wh")
        >>> from ecomcore.inventory import receive_stock, reserve
        >>> _ = receive_stock(repository, clock, mug, 10, reference="po-1")
        >>> _ = reserve(repository, clock, "cart-1", [ReservationLine("mug", 3, "wh")],
        ...             timedelta(minutes=15))
        >>> clock.advance(timedelta(minutes=20))
        >>> [reservation.id for reservation in expire_reservations(repository, clock)]
        ['cart-1']
        >>> repository.levels([mug])[mug].available
        10
    """
    now = clock.now()
    expired = []
    for candidate in repository.expiring(now):

        def decide(
            reservation_id: str = candidate.id,
        ) -> tuple[StockChange | None, Reservation | None]:
            current = repository.reservation(reservation_id)
            if not current.expired_as_of(now):
                return None, None  # released, allocated or expired by someone else meanwhile
            return _release_units(repository, current, MovementReason.EXPIRY, now)

        result = with_retries(repository, attempts, decide)
        if result is not None:
            expired.append(result)
    return expired


def allocate_reservation(
    repository: StockRepository,
    clock: Clock,
    reservation_id: str,
    order_id: str,
    *,
    attempts: int = DEFAULT_ATTEMPTS,
) -> Reservation:
    """Convert a reservation into an allocation for ``order_id`` when the order is placed.

    The units move from reserved to allocated and stop expiring. Doing it again for the same
    order returns the allocation unchanged; an expired, released or otherwise taken reservation
    raises `StockStateError` (reserve again).

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockRepository
        >>> from ecomcore.inventory import ReservationLine, StockKey
        >>> from ecomcore.testing import FixedClock
        >>> repository = InMemoryStockRepository()
        >>> clock = FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> mug = StockKey("mug", "wh")
        >>> from ecomcore.inventory import receive_stock, reserve
        >>> _ = receive_stock(repository, clock, mug, 10, reference="po-1")
        >>> _ = reserve(repository, clock, "cart-1", [ReservationLine("mug", 3, "wh")],
        ...             timedelta(minutes=15))
        >>> allocate_reservation(repository, clock, "cart-1", "order-9").status.value
        'allocated'
        >>> level = repository.levels([mug])[mug]
        >>> level.reserved, level.allocated
        (0, 3)
    """

    def decide() -> tuple[StockChange | None, Reservation]:
        now = clock.now()
        current = repository.reservation(reservation_id)
        if current.status is ReservationStatus.ALLOCATED and current.order_id == order_id:
            return None, current
        if current.status is not ReservationStatus.ACTIVE or current.expired_as_of(now):
            state = "expired" if current.expired_as_of(now) else current.status.value
            raise StockStateError("reservation", reservation_id, state, "allocate")
        return _release_units(
            repository, current, MovementReason.ALLOCATION, now,
            reserved=-1, allocated=1, order_id=order_id,
        )  # fmt: skip

    return with_retries(repository, attempts, decide)


def ship_reservation(
    repository: StockRepository,
    clock: Clock,
    reservation_id: str,
    *,
    attempts: int = DEFAULT_ATTEMPTS,
) -> Reservation:
    """Ship an allocated reservation: its units leave allocated and on hand together.

    Shipping it again changes nothing; shipping one not allocated raises `StockStateError`.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockRepository
        >>> from ecomcore.inventory import ReservationLine, StockKey
        >>> from ecomcore.testing import FixedClock
        >>> repository = InMemoryStockRepository()
        >>> clock = FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> mug = StockKey("mug", "wh")
        >>> from ecomcore.inventory import allocate_reservation, receive_stock, reserve
        >>> _ = receive_stock(repository, clock, mug, 10, reference="po-1")
        >>> _ = reserve(repository, clock, "cart-1", [ReservationLine("mug", 3, "wh")],
        ...             timedelta(minutes=15))
        >>> _ = allocate_reservation(repository, clock, "cart-1", "order-9")
        >>> _ = ship_reservation(repository, clock, "cart-1")
        >>> level = repository.levels([mug])[mug]
        >>> level.on_hand, level.allocated
        (7, 0)
    """

    def decide() -> tuple[StockChange | None, Reservation]:
        current = repository.reservation(reservation_id)
        if current.status is ReservationStatus.SHIPPED:
            return None, current
        if current.status is not ReservationStatus.ALLOCATED:
            raise StockStateError("reservation", reservation_id, current.status.value, "ship")
        return _release_units(
            repository, current, MovementReason.SHIPMENT, clock.now(),
            reserved=0, allocated=-1, on_hand=-1,
        )  # fmt: skip

    return with_retries(repository, attempts, decide)
