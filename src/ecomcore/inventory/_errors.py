"""The inventory context's errors, each under `ecomcore.core.EcomcoreError`."""

from collections.abc import Sequence

import attrs

from ecomcore.core import EcomcoreError

__all__ = ["IdempotencyConflictError", "InsufficientStockError", "Shortage"]


@attrs.frozen
class Shortage:
    """One item that cannot be filled: ``requested`` units asked, only ``sellable`` there.

    ``location`` is None when the shortage is across every location considered.

    Examples:
        >>> from ecomcore.inventory import Location, StockAtLocation, by_location_priority
        >>> try:
        ...     by_location_priority({"mug": 5}, [StockAtLocation(Location("wh"), {"mug": 2})])
        ... except InsufficientStockError as error:
        ...     shortage = error.shortages[0]
        >>> shortage.requested, shortage.sellable, shortage.short
        (5, 2, 3)
    """

    sku: str
    location: str | None
    requested: int
    sellable: int

    @property
    def short(self) -> int:
        """Units missing: requested minus what could be taken (never below zero)."""
        return self.requested - max(self.sellable, 0)

    def describe(self) -> str:
        """One phrase for a message: ``mug at wh-1 short by 3 (requested 5, sellable 2)``."""
        where = f" at {self.location}" if self.location is not None else ""
        return (
            f"{self.sku}{where} short by {self.short}"
            f" (requested {self.requested}, sellable {max(self.sellable, 0)})"
        )


class InsufficientStockError(EcomcoreError, ValueError):
    """Not enough stock for a request: names every short item and by how much; nothing was taken.

    Examples:
        >>> error = InsufficientStockError([Shortage("mug", "wh-1", requested=5, sellable=2)])
        >>> print(error)
        not enough stock, nothing was taken: mug at wh-1 short by 3 (requested 5, sellable 2)
        >>> error.code, error.shortages[0].short
        ('insufficient_stock', 3)
    """

    code = "insufficient_stock"

    def __init__(self, shortages: Sequence[Shortage], *, split_allowed: bool = True) -> None:
        hint = "" if split_allowed else " (from a single location; allowing a split may help)"
        super().__init__(
            "not enough stock, nothing was taken: "
            + "; ".join(shortage.describe() for shortage in shortages)
            + hint,
            shortages=[
                {
                    "sku": s.sku,
                    "location": s.location,
                    "requested": s.requested,
                    "sellable": max(s.sellable, 0),
                    "short": s.short,
                }
                for s in shortages
            ],
            split_allowed=split_allowed,
        )
        self.shortages = tuple(shortages)


class IdempotencyConflictError(EcomcoreError, ValueError):
    """An idempotency key was used again for a different request.

    A retry must repeat the same request; a new request needs a new key.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import ReservationLine, StockKey, receive_stock, reserve
        >>> from ecomcore.core import FixedClock
        >>> uow, clock = InMemoryStockUnitOfWork(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> _ = receive_stock(uow, clock, StockKey("mug", "wh"), 5, reference="po-1")
        >>> _ = reserve(uow, clock, "c-1", [ReservationLine("mug", 2, "wh")], timedelta(hours=1))
        >>> try:
        ...     reserve(uow, clock, "c-1", [ReservationLine("mug", 3, "wh")], timedelta(hours=1))
        ... except IdempotencyConflictError as error:
        ...     print(error.code, error.key)
        idempotency_conflict c-1
    """

    code = "idempotency_conflict"

    def __init__(self, key: str) -> None:
        super().__init__(
            f"idempotency key {key!r} was already used for a different request; "
            "retry with the same lines, or use a new key for a new request",
            key=key,
        )
        self.key = key
