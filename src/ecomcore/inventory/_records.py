"""Reservations and transfers: the records that say who holds which units, and why."""

import enum
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import NamedTuple

import attrs

from ecomcore.core import ValidationError
from ecomcore.inventory._model import Kit, StockKey

__all__ = [
    "Reservation",
    "ReservationLine",
    "ReservationStatus",
    "Transfer",
    "TransferStatus",
    "demand",
]


def _units(_: object, attribute: "attrs.Attribute[int]", value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValidationError(attribute.name, value, "a whole number of units, 1 or more")


@attrs.frozen
class ReservationLine:
    """``quantity`` of a SKU (an inventory item or a `Kit`) to hold at ``location``.

    Examples:
        >>> ReservationLine("mug", 2, "wh-1").quantity
        2
        >>> ReservationLine("mug", 0, "wh-1")
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: quantity must be a whole number of units...
    """

    sku: str
    quantity: int = attrs.field(validator=_units)
    location: str


_new = tuple.__new__


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
    totals: dict[StockKey, int] = {}
    for line in lines:
        kit = kits.get(line.sku) if kits else None
        if kit is None:
            # The reservation hot path: a ready tuple skips the named tuple's keyword handling.
            key = _new(StockKey, (line.sku, line.location))
            totals[key] = totals.get(key, 0) + line.quantity
            continue
        for item, per_unit in kit.components:
            key = StockKey(item, line.location)
            totals[key] = totals.get(key, 0) + per_unit * line.quantity
    keys = [*totals]
    ordered = sorted(keys)
    # Requests often come in key order already (one line, a sorted cart): then keep the dict.
    return totals if ordered == keys else {key: totals[key] for key in ordered}


class ReservationStatus(enum.Enum):
    """Where a reservation is in its life: active until released, expired, allocated.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockRepository
        >>> from ecomcore.inventory import allocate_reservation, receive_stock, reserve
        >>> from ecomcore.core import FixedClock
        >>> repo, clock = InMemoryStockRepository(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> _ = receive_stock(repo, clock, StockKey("mug", "wh"), 5, reference="po-1")
        >>> held = reserve(repo, clock, "c-1", [ReservationLine("mug", 2, "wh")],
        ...                timedelta(hours=1))
        >>> held.status, allocate_reservation(repo, clock, "c-1", "order-9").status
        (<ReservationStatus.ACTIVE: 'active'>, <ReservationStatus.ALLOCATED: 'allocated'>)
    """

    ACTIVE = "active"
    RELEASED = "released"
    EXPIRED = "expired"
    ALLOCATED = "allocated"
    SHIPPED = "shipped"


class Reservation(NamedTuple):
    """Units held for one request, per (item, location), until ``expires_at``.

    A named tuple (immutable, cheap to build): one is written per reservation.

    Its ``id`` is the request's idempotency key. Once allocated to an order it no longer
    expires; shipping it takes the units off the shelf.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockRepository
        >>> from ecomcore.inventory import receive_stock, reserve
        >>> from ecomcore.core import FixedClock
        >>> repo, clock = InMemoryStockRepository(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> _ = receive_stock(repo, clock, StockKey("mug", "wh"), 5, reference="po-1")
        >>> held = reserve(repo, clock, "c-1", [ReservationLine("mug", 2, "wh")],
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
        *,
        expires_at: datetime | None = None,
        order_id: str | None = None,
    ) -> "Reservation":
        """Return the next version, in ``status``, with a new expiry or order id if given."""
        return Reservation(
            self.id,
            self.units,
            self.created_at,
            expires_at or self.expires_at,
            status,
            order_id or self.order_id,
            self.version + 1,
        )


class TransferStatus(enum.Enum):
    """A transfer is in transit once dispatched, done once received.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryStockRepository
        >>> from ecomcore.inventory import dispatch_transfer, receive_stock, receive_transfer
        >>> from ecomcore.core import FixedClock
        >>> repo, clock = InMemoryStockRepository(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> _ = receive_stock(repo, clock, StockKey("mug", "wh"), 5, reference="po-1")
        >>> sent = dispatch_transfer(repo, clock, "t-1", sku="mug", source="wh", destination="shop",
        ...                          quantity=2)
        >>> sent.status, receive_transfer(repo, clock, "t-1").status
        (<TransferStatus.IN_TRANSIT: 'in_transit'>, <TransferStatus.RECEIVED: 'received'>)
    """

    IN_TRANSIT = "in_transit"
    RECEIVED = "received"


@attrs.frozen
class Transfer:
    """``quantity`` units of ``sku`` moving from ``source`` to ``destination``.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryStockRepository
        >>> from ecomcore.inventory import dispatch_transfer, receive_stock
        >>> from ecomcore.core import FixedClock
        >>> repo, clock = InMemoryStockRepository(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> _ = receive_stock(repo, clock, StockKey("mug", "wh"), 5, reference="po-1")
        >>> _ = dispatch_transfer(repo, clock, "t-1", sku="mug", source="wh", destination="shop",
        ...                       quantity=2)
        >>> transfer = repo.transfer("t-1")
        >>> transfer.source, transfer.destination, transfer.quantity, transfer.version
        ('wh', 'shop', 2, 1)
    """

    id: str
    sku: str
    source: str
    destination: str
    quantity: int = attrs.field(validator=_units)
    dispatched_at: datetime
    status: TransferStatus = TransferStatus.IN_TRANSIT
    version: int = 1
