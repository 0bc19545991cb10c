"""Reservations and transfers: the records that say who holds which units, and their lifecycles."""

import enum
from collections.abc import Iterable, Mapping
from datetime import datetime

import attrs

from ecomcore.core import Lifecycle, whole_number
from ecomcore.inventory._model import Kit, StockKey

__all__ = [
    "RESERVATION_LIFECYCLE",
    "TRANSFER_LIFECYCLE",
    "Reservation",
    "ReservationLine",
    "ReservationStatus",
    "Transfer",
    "TransferStatus",
    "demand",
]


@attrs.frozen
class ReservationLine:
    """``quantity`` of a SKU (an inventory item or a `Kit`) to hold at ``location``.

    Examples:
        >>> ReservationLine("mug", 2, "wh-1").quantity
        2
        >>> ReservationLine("mug", 0, "wh-1")
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: quantity must be a whole number, 1 or more, got 0
    """

    sku: str
    quantity: int = attrs.field(validator=whole_number(minimum=1))
    location: str


def demand_pairs(
    lines: Iterable[ReservationLine], kits: Mapping[str, Kit] | None = None
) -> dict[tuple[str, str], int]:
    """`demand` keyed by plain ``(sku, location)`` tuples: the reservation fast path's form."""
    totals: dict[tuple[str, str], int] = {}
    for line in lines:
        kit = kits.get(line.sku) if kits else None
        if kit is None:
            pair = (line.sku, line.location)
            totals[pair] = totals.get(pair, 0) + line.quantity
            continue
        for item, per_unit in kit.components:
            pair = (item, line.location)
            totals[pair] = totals.get(pair, 0) + per_unit * line.quantity
    pairs = [*totals]
    ordered = sorted(pairs)
    # Requests often come in key order already (one line, a sorted cart): then keep the dict.
    return totals if ordered == pairs else {pair: totals[pair] for pair in ordered}


def demand(
    lines: Iterable[ReservationLine], kits: Mapping[str, Kit] | None = None
) -> dict[StockKey, int]:
    """Sum what ``lines`` take per (item, location), kits expanded into their components.

    Two lines, or two kits, that share a component add up here, so they can never be checked
    against the same unit twice. Keys come out sorted (a stable order for locks and ledgers).

    Examples:
        >>> kit = Kit.of("set", {"mug": 2, "plate": 1})
        >>> demand([ReservationLine("set", 3, "wh"), ReservationLine("mug", 1, "wh")], {"set": kit})
        {StockKey(sku='mug', location='wh'): 7, StockKey(sku='plate', location='wh'): 3}
    """
    return {StockKey(*pair): units for pair, units in demand_pairs(lines, kits).items()}


class ReservationStatus(enum.Enum):
    """Where a reservation is in its life: active until released, expired, allocated.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import allocate_reservation, receive_stock, reserve
        >>> from ecomcore.core import FixedClock
        >>> uow, clock = InMemoryStockUnitOfWork(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> _ = receive_stock(uow, clock, StockKey("mug", "wh"), 5, reference="po-1")
        >>> held = reserve(uow, clock, "c-1", [ReservationLine("mug", 2, "wh")],
        ...                timedelta(hours=1))
        >>> held.status, allocate_reservation(uow, clock, "c-1", "order-9").status
        (<ReservationStatus.ACTIVE: 'active'>, <ReservationStatus.ALLOCATED: 'allocated'>)
    """

    ACTIVE = "active"
    RELEASED = "released"
    EXPIRED = "expired"
    ALLOCATED = "allocated"
    SHIPPED = "shipped"


@attrs.frozen
class Reservation:
    """Units held for one request, per (item, location), until ``expires_at``.

    Its ``id`` is the request's idempotency key. Once allocated to an order it no longer
    expires; shipping it takes the units off the shelf. Its status moves only as
    `RESERVATION_LIFECYCLE` allows (`moved_to`).

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import receive_stock, reserve
        >>> from ecomcore.core import FixedClock
        >>> uow, clock = InMemoryStockUnitOfWork(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> _ = receive_stock(uow, clock, StockKey("mug", "wh"), 5, reference="po-1")
        >>> held = reserve(uow, clock, "c-1", [ReservationLine("mug", 2, "wh")],
        ...                timedelta(hours=1))
        >>> held.units, held.total_units, held.expires_at.isoformat()
        (((StockKey(sku='mug', location='wh'), 2),), 2, '2026-05-04T10:00:00+00:00')
        >>> held.expired_as_of(clock.now() + timedelta(hours=2))
        True
    """

    id: str
    units: tuple[tuple[StockKey, int], ...]
    created_at: datetime
    expires_at: datetime
    status: ReservationStatus = ReservationStatus.ACTIVE
    order_id: str | None = None
    version: int = 1

    @property
    def total_units(self) -> int:
        """Units held across every item and location."""
        return sum(units for _, units in self.units)

    def expired_as_of(self, now: datetime) -> bool:
        """Tell whether the reservation is active and its time has run out at ``now``."""
        return self.status is ReservationStatus.ACTIVE and self.expires_at <= now

    def moved_to(
        self,
        status: ReservationStatus,
        now: datetime,
        *,
        expires_at: datetime | None = None,
        order_id: str | None = None,
    ) -> "Reservation":
        """Return the next version in ``status`` (with a new expiry or order id if given).

        Raises `ecomcore.core.TransitionError` when `RESERVATION_LIFECYCLE` refuses the move
        at ``now`` (an active reservation whose time ran out can only be released or expired).
        """
        RESERVATION_LIFECYCLE.move(self.status, status, (self, now))
        return attrs.evolve(
            self,
            expires_at=expires_at or self.expires_at,
            status=status,
            order_id=order_id or self.order_id,
            version=self.version + 1,
        )


def _in_time(subject: tuple[Reservation, datetime]) -> str | None:
    reservation, now = subject
    if reservation.expires_at <= now:
        return f"its time ran out at {reservation.expires_at.isoformat()}"
    return None


def _run_out(subject: tuple[Reservation, datetime]) -> str | None:
    reservation, now = subject
    if reservation.expires_at > now:
        return f"it holds until {reservation.expires_at.isoformat()}"
    return None


_ACTIVE, _ALLOCATED = ReservationStatus.ACTIVE, ReservationStatus.ALLOCATED

RESERVATION_LIFECYCLE = Lifecycle[ReservationStatus, tuple[Reservation, datetime]](
    "reservation",
    {
        _ACTIVE: {_ACTIVE, _ALLOCATED, ReservationStatus.RELEASED, ReservationStatus.EXPIRED},
        _ALLOCATED: {ReservationStatus.SHIPPED},
    },
    guards={
        (_ACTIVE, _ACTIVE): _in_time,
        (_ACTIVE, _ALLOCATED): _in_time,
        (_ACTIVE, ReservationStatus.EXPIRED): _run_out,
    },
)
"""How a reservation's status may move; the subject of a move is ``(reservation, now)``.

An active reservation may be extended (active to active) or allocated to an order while its
time has not run out, released at any time, and expired once its time has run out; an
allocated one may only be shipped. Released, expired and shipped are final.

Examples:
    >>> from datetime import UTC, datetime, timedelta
    >>> from ecomcore.core import TransitionError
    >>> at = datetime(2026, 5, 4, 9, tzinfo=UTC)
    >>> held = Reservation("c-1", (), at, at + timedelta(minutes=15))
    >>> RESERVATION_LIFECYCLE.move(ReservationStatus.ACTIVE, ReservationStatus.ALLOCATED,
    ...                            (held, at)).value
    'allocated'
    >>> try:
    ...     held.moved_to(ReservationStatus.ALLOCATED, at + timedelta(hours=1))
    ... except TransitionError as refused:
    ...     print(refused)
    reservation cannot move from active to allocated (its time ran out at ...); allowed from
    active: active, allocated, expired, released
"""


class TransferStatus(enum.Enum):
    """A transfer is in transit once dispatched, done once received.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import dispatch_transfer, receive_stock, receive_transfer
        >>> from ecomcore.core import FixedClock
        >>> uow, clock = InMemoryStockUnitOfWork(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> _ = receive_stock(uow, clock, StockKey("mug", "wh"), 5, reference="po-1")
        >>> sent = dispatch_transfer(uow, clock, "t-1", sku="mug", source="wh", destination="shop",
        ...                          quantity=2)
        >>> sent.status, receive_transfer(uow, clock, "t-1").status
        (<TransferStatus.IN_TRANSIT: 'in_transit'>, <TransferStatus.RECEIVED: 'received'>)
    """

    IN_TRANSIT = "in_transit"
    RECEIVED = "received"


@attrs.frozen
class Transfer:
    """``quantity`` units of ``sku`` moving from ``source`` to ``destination``.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import dispatch_transfer, receive_stock
        >>> from ecomcore.core import FixedClock
        >>> uow, clock = InMemoryStockUnitOfWork(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> _ = receive_stock(uow, clock, StockKey("mug", "wh"), 5, reference="po-1")
        >>> _ = dispatch_transfer(uow, clock, "t-1", sku="mug", source="wh", destination="shop",
        ...                       quantity=2)
        >>> transfer = uow.stock.transfer("t-1")
        >>> transfer.source, transfer.destination, transfer.quantity, transfer.version
        ('wh', 'shop', 2, 1)
    """

    id: str
    sku: str
    source: str
    destination: str
    quantity: int = attrs.field(validator=whole_number(minimum=1))
    dispatched_at: datetime
    status: TransferStatus = TransferStatus.IN_TRANSIT
    version: int = 1

    def received(self) -> "Transfer":
        """Return the next version, received; `TRANSFER_LIFECYCLE` refuses it once received."""
        TRANSFER_LIFECYCLE.move(self.status, TransferStatus.RECEIVED, self)
        return attrs.evolve(self, status=TransferStatus.RECEIVED, version=self.version + 1)


TRANSFER_LIFECYCLE = Lifecycle[TransferStatus, Transfer](
    "transfer", {TransferStatus.IN_TRANSIT: {TransferStatus.RECEIVED}}
)
"""How a transfer's status may move: in transit, then received (final).

Examples:
    >>> sorted(status.value for status in TRANSFER_LIFECYCLE.allowed(TransferStatus.IN_TRANSIT))
    ['received']
    >>> TRANSFER_LIFECYCLE.is_final(TransferStatus.RECEIVED)
    True
"""
