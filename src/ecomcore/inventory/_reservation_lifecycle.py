"""Use cases for held reservations: extend, release, expire, allocate to an order, ship.

Each takes the `InventoryUnitOfWork` and a `ecomcore.core.Clock` as arguments, decides on a fresh
read, and commits one `StockChange`; a lost race is retried (``attempts`` times at most). Every
status move is asked of `RESERVATION_LIFECYCLE`, which refuses with `ecomcore.core.TransitionError`.
Taking stock (`reserve`, `reserve_by_strategy`) is in ``_reserving``.
"""

from datetime import datetime, timedelta

from ecomcore.core import Clock
from ecomcore.inventory._events import ReservationExpired
from ecomcore.inventory._model import Movement, MovementReason
from ecomcore.inventory._ports import InventoryUnitOfWork, StockChange
from ecomcore.inventory._records import Reservation, ReservationStatus
from ecomcore.inventory._reserving import check_ttl
from ecomcore.inventory._stock_changes import DEFAULT_ATTEMPTS, change_from, with_retries

__all__ = [
    "allocate_reservation",
    "expire_reservations",
    "extend_reservation",
    "release_reservation",
    "ship_reservation",
]


def _release_units(
    uow: InventoryUnitOfWork,
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
    levels = uow.stock.levels(keys)
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
    after = reservation.moved_to(status, now, order_id=order_id)
    events = []
    if reason is MovementReason.EXPIRY:
        events.append(
            ReservationExpired(
                occurred_at=now, reservation_id=reservation.id, units=reservation.total_units
            )
        )
    return change_from(levels, movements, now, reservations=(after,), events=events), after


_GIVEN_BACK = frozenset({ReservationStatus.RELEASED, ReservationStatus.EXPIRED})


def extend_reservation(
    uow: InventoryUnitOfWork,
    clock: Clock,
    reservation_id: str,
    ttl: timedelta,
    *,
    attempts: int = DEFAULT_ATTEMPTS,
) -> Reservation:
    """Keep an active reservation until ``now + ttl`` (never shortening it).

    Raises `ecomcore.core.TransitionError` if it is no longer active or its time has run out.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import ReservationLine, StockKey
        >>> from ecomcore.core import FixedClock
        >>> uow = InMemoryStockUnitOfWork()
        >>> clock = FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> mug = StockKey("mug", "wh")
        >>> from ecomcore.inventory import receive_stock, reserve
        >>> _ = receive_stock(uow, clock, mug, 10, reference="po-1")
        >>> _ = reserve(uow, clock, "cart-1", [ReservationLine("mug", 3, "wh")],
        ...             timedelta(minutes=15))
        >>> extend_reservation(uow, clock, "cart-1", timedelta(minutes=30)).expires_at
        datetime.datetime(2026, 5, 4, 9, 30, tzinfo=datetime.timezone.utc)
    """
    check_ttl(ttl)

    def decide() -> tuple[StockChange | None, Reservation]:
        now = clock.now()
        current = uow.stock.reservation(reservation_id)
        later = current.moved_to(
            ReservationStatus.ACTIVE, now, expires_at=max(current.expires_at, now + ttl)
        )
        return StockChange(reservations=(later,)), later

    return with_retries(uow, attempts, decide)


def release_reservation(
    uow: InventoryUnitOfWork,
    clock: Clock,
    reservation_id: str,
    *,
    attempts: int = DEFAULT_ATTEMPTS,
) -> Reservation:
    """Give a reservation's units back (a cart abandoned, a checkout cancelled).

    Releasing one already released or expired changes nothing and returns it; one allocated to
    an order raises `ecomcore.core.TransitionError` (cancel the order's allocation instead).

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import ReservationLine, StockKey
        >>> from ecomcore.core import FixedClock
        >>> uow = InMemoryStockUnitOfWork()
        >>> clock = FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> mug = StockKey("mug", "wh")
        >>> from ecomcore.inventory import receive_stock, reserve
        >>> _ = receive_stock(uow, clock, mug, 10, reference="po-1")
        >>> _ = reserve(uow, clock, "cart-1", [ReservationLine("mug", 3, "wh")],
        ...             timedelta(minutes=15))
        >>> release_reservation(uow, clock, "cart-1").status.value
        'released'
        >>> uow.stock.levels([mug])[mug].available
        10
    """

    def decide() -> tuple[StockChange | None, Reservation]:
        current = uow.stock.reservation(reservation_id)
        if current.status in _GIVEN_BACK:
            return None, current
        return _release_units(uow, current, MovementReason.RELEASE, clock.now())

    return with_retries(uow, attempts, decide)


def expire_reservations(
    uow: InventoryUnitOfWork, clock: Clock, *, attempts: int = DEFAULT_ATTEMPTS
) -> list[Reservation]:
    """Sweep: release every active reservation expired as of the clock's now; return them.

    Each expiry is its own change (one `ReservationExpired` event each), so a sweep racing a
    checkout that allocates the same reservation simply skips it.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import ReservationLine, StockKey
        >>> from ecomcore.core import FixedClock
        >>> uow = InMemoryStockUnitOfWork()
        >>> clock = FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> mug = StockKey("mug", "wh")
        >>> from ecomcore.inventory import receive_stock, reserve
        >>> _ = receive_stock(uow, clock, mug, 10, reference="po-1")
        >>> _ = reserve(uow, clock, "cart-1", [ReservationLine("mug", 3, "wh")],
        ...             timedelta(minutes=15))
        >>> clock.advance(timedelta(minutes=20))
        >>> [reservation.id for reservation in expire_reservations(uow, clock)]
        ['cart-1']
        >>> uow.stock.levels([mug])[mug].available
        10
    """
    now = clock.now()
    expired = []
    for candidate in uow.stock.expiring(now):

        def decide(
            reservation_id: str = candidate.id,
        ) -> tuple[StockChange | None, Reservation | None]:
            current = uow.stock.reservation(reservation_id)
            if not current.expired_as_of(now):
                return None, None  # released, allocated or expired by someone else meanwhile
            return _release_units(uow, current, MovementReason.EXPIRY, now)

        result = with_retries(uow, attempts, decide)
        if result is not None:
            expired.append(result)
    return expired


def allocate_reservation(
    uow: InventoryUnitOfWork,
    clock: Clock,
    reservation_id: str,
    order_id: str,
    *,
    attempts: int = DEFAULT_ATTEMPTS,
) -> Reservation:
    """Convert a reservation into an allocation for ``order_id`` when the order is placed.

    The units move from reserved to allocated and stop expiring. Doing it again for the same
    order returns the allocation unchanged; an expired, released or otherwise taken reservation
    raises `ecomcore.core.TransitionError` (reserve again).

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import ReservationLine, StockKey
        >>> from ecomcore.core import FixedClock
        >>> uow = InMemoryStockUnitOfWork()
        >>> clock = FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> mug = StockKey("mug", "wh")
        >>> from ecomcore.inventory import receive_stock, reserve
        >>> _ = receive_stock(uow, clock, mug, 10, reference="po-1")
        >>> _ = reserve(uow, clock, "cart-1", [ReservationLine("mug", 3, "wh")],
        ...             timedelta(minutes=15))
        >>> allocate_reservation(uow, clock, "cart-1", "order-9").status.value
        'allocated'
        >>> level = uow.stock.levels([mug])[mug]
        >>> level.reserved, level.allocated
        (0, 3)
    """

    def decide() -> tuple[StockChange | None, Reservation]:
        now = clock.now()
        current = uow.stock.reservation(reservation_id)
        if current.status is ReservationStatus.ALLOCATED and current.order_id == order_id:
            return None, current
        return _release_units(
            uow, current, MovementReason.ALLOCATION, now,
            reserved=-1, allocated=1, order_id=order_id,
        )  # fmt: skip

    return with_retries(uow, attempts, decide)


def ship_reservation(
    uow: InventoryUnitOfWork,
    clock: Clock,
    reservation_id: str,
    *,
    attempts: int = DEFAULT_ATTEMPTS,
) -> Reservation:
    """Ship an allocated reservation: its units leave allocated and on hand together.

    Shipping it again changes nothing; shipping one not allocated raises
    `ecomcore.core.TransitionError`.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import ReservationLine, StockKey
        >>> from ecomcore.core import FixedClock
        >>> uow = InMemoryStockUnitOfWork()
        >>> clock = FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> mug = StockKey("mug", "wh")
        >>> from ecomcore.inventory import allocate_reservation, receive_stock, reserve
        >>> _ = receive_stock(uow, clock, mug, 10, reference="po-1")
        >>> _ = reserve(uow, clock, "cart-1", [ReservationLine("mug", 3, "wh")],
        ...             timedelta(minutes=15))
        >>> _ = allocate_reservation(uow, clock, "cart-1", "order-9")
        >>> _ = ship_reservation(uow, clock, "cart-1")
        >>> level = uow.stock.levels([mug])[mug]
        >>> level.on_hand, level.allocated
        (7, 0)
    """

    def decide() -> tuple[StockChange | None, Reservation]:
        current = uow.stock.reservation(reservation_id)
        if current.status is ReservationStatus.SHIPPED:
            return None, current
        return _release_units(
            uow, current, MovementReason.SHIPMENT, clock.now(),
            reserved=0, allocated=-1, on_hand=-1,
        )  # fmt: skip

    return with_retries(uow, attempts, decide)
