"""Inventory events: low stock, out of stock, back in stock, a reservation expired."""

import attrs

from ecomcore.core import DomainEvent

__all__ = ["BackInStock", "LowStock", "OutOfStock", "ReservationExpired"]


@attrs.frozen(kw_only=True)
class LowStock(DomainEvent):
    """Available stock fell to the reorder point or below (from above it), still above zero."""

    sku: str
    location: str
    available: int
    reorder_point: int


@attrs.frozen(kw_only=True)
class OutOfStock(DomainEvent):
    """Available stock fell to zero or below (from above zero)."""

    sku: str
    location: str
    available: int


@attrs.frozen(kw_only=True)
class BackInStock(DomainEvent):
    """Available stock rose above zero (from zero or below)."""

    sku: str
    location: str
    available: int


@attrs.frozen(kw_only=True)
class ReservationExpired(DomainEvent):
    """A reservation's time ran out and the sweep returned its units to stock."""

    reservation_id: str
    units: int
