"""Inventory events: low stock, out of stock, back in stock, a reservation expired."""

import attrs

from ecomcore.core import DomainEvent

__all__ = ["BackInStock", "LowStock", "OutOfStock", "ReservationExpired"]


@attrs.frozen(kw_only=True)
class LowStock(DomainEvent):
    """Available stock fell to the reorder point or below (from above it), still above zero.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import ReservationLine, StockKey, configure_stock
        >>> from ecomcore.inventory import receive_stock, reserve
        >>> from ecomcore.core import FixedClock
        >>> uow, clock = InMemoryStockUnitOfWork(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> mug = StockKey("mug", "wh")
        >>> _ = receive_stock(uow, clock, mug, 10, reference="po-1")
        >>> _ = configure_stock(uow, clock, mug, safety_stock=0, reorder_point=3)
        >>> _ = reserve(uow, clock, "c-1", [ReservationLine("mug", 7, "wh")], timedelta(hours=1))
        >>> low = uow.outbox.events()[-1]
        >>> low.name, low.available, low.reorder_point
        ('LowStock', 3, 3)
    """

    sku: str
    location: str
    available: int
    reorder_point: int


@attrs.frozen(kw_only=True)
class OutOfStock(DomainEvent):
    """Available stock fell to zero or below (from above zero).

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import ReservationLine, StockKey, receive_stock, reserve
        >>> from ecomcore.core import FixedClock
        >>> uow, clock = InMemoryStockUnitOfWork(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> _ = receive_stock(uow, clock, StockKey("mug", "wh"), 2, reference="po-1")
        >>> _ = reserve(uow, clock, "c-1", [ReservationLine("mug", 2, "wh")], timedelta(hours=1))
        >>> out = uow.outbox.events()[-1]
        >>> out.name, out.sku, out.location, out.available
        ('OutOfStock', 'mug', 'wh', 0)
    """

    sku: str
    location: str
    available: int


@attrs.frozen(kw_only=True)
class BackInStock(DomainEvent):
    """Available stock rose above zero (from zero or below).

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import StockKey, receive_stock
        >>> from ecomcore.core import FixedClock
        >>> uow, clock = InMemoryStockUnitOfWork(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> _ = receive_stock(uow, clock, StockKey("mug", "wh"), 5, reference="po-1")
        >>> [(event.name, event.sku, event.available) for event in uow.outbox.events()]
        [('BackInStock', 'mug', 5)]
    """

    sku: str
    location: str
    available: int


@attrs.frozen(kw_only=True)
class ReservationExpired(DomainEvent):
    """A reservation's time ran out and the sweep returned its units to stock.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import ReservationLine, StockKey, expire_reservations
        >>> from ecomcore.inventory import receive_stock, reserve
        >>> from ecomcore.core import FixedClock
        >>> uow, clock = InMemoryStockUnitOfWork(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> _ = receive_stock(uow, clock, StockKey("mug", "wh"), 5, reference="po-1")
        >>> _ = reserve(uow, clock, "c-1", [ReservationLine("mug", 2, "wh")], timedelta(hours=1))
        >>> clock.advance(timedelta(hours=2))
        >>> _ = expire_reservations(uow, clock)
        >>> expired = uow.outbox.events()[-1]
        >>> expired.name, expired.reservation_id, expired.units
        ('ReservationExpired', 'c-1', 2)
    """

    reservation_id: str
    units: int
