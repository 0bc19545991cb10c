"""Stock levels per (item, location), the movements that change them, and replaying the ledger.

Quantities are whole units (``int``). A `StockLevel` is an immutable, versioned snapshot: every
change is a `Movement` applied to it, so the ledger of movements replays to the same levels.
"""

import enum
from collections.abc import Iterable, Mapping
from datetime import date, datetime

import attrs

from ecomcore.core import ValidationError, check_whole_number, whole_number

__all__ = [
    "ExpectedReceipt",
    "Kit",
    "Movement",
    "MovementReason",
    "StockKey",
    "StockLevel",
    "StockPolicy",
    "StockQuantities",
    "replay",
]


@attrs.frozen(cache_hash=True, order=True)
class StockKey:
    """The address of a stock level: an inventory item's SKU at one location.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import receive_stock
        >>> from ecomcore.core import FixedClock
        >>> uow, clock = InMemoryStockUnitOfWork(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> mug_in_berlin = StockKey("mug", "wh-berlin")
        >>> _ = receive_stock(uow, clock, mug_in_berlin, 12, reference="po-1")
        >>> uow.stock.levels([mug_in_berlin])[mug_in_berlin].on_hand, mug_in_berlin.location
        (12, 'wh-berlin')
    """

    sku: str
    location: str


@attrs.frozen
class ExpectedReceipt:
    """Stock on its way from a supplier: ``quantity`` units under ``reference``, due on ``due``.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import expect_receipt
        >>> from ecomcore.core import FixedClock
        >>> uow, clock = InMemoryStockUnitOfWork(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> level = expect_receipt(uow, clock, StockKey("mug", "wh"), 20, reference="po-7",
        ...                        due=date(2026, 6, 1))
        >>> level.incoming
        (ExpectedReceipt(reference='po-7', due=datetime.date(2026, 6, 1), quantity=20),)
    """

    reference: str
    due: date
    quantity: int


class MovementReason(enum.Enum):
    """Why stock moved; every `Movement` carries one.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import ReservationLine, receive_stock, reserve
        >>> from ecomcore.core import FixedClock
        >>> uow, clock = InMemoryStockUnitOfWork(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> _ = receive_stock(uow, clock, StockKey("mug", "wh"), 5, reference="po-1")
        >>> _ = reserve(uow, clock, "c-1", [ReservationLine("mug", 2, "wh")], timedelta(hours=1))
        >>> [(m.reason, m.reference) for m in uow.stock.movements()]
        [(<MovementReason.RECEIPT: 'receipt'>, 'po-1'),
         (<MovementReason.RESERVATION: 'reservation'>, 'c-1')]
    """

    RECEIPT = "receipt"
    EXPECTED = "expected"
    ADJUSTMENT = "adjustment"
    COUNT_CORRECTION = "count_correction"
    RESERVATION = "reservation"
    RELEASE = "release"
    EXPIRY = "expiry"
    ALLOCATION = "allocation"
    SHIPMENT = "shipment"
    RETURN_TO_STOCK = "return_to_stock"
    TRANSFER_OUT = "transfer_out"
    TRANSFER_IN = "transfer_in"
    DAMAGE = "damage"


@attrs.frozen
class Movement:
    """One append-only ledger entry: the signed change of each bucket of one stock level.

    ``reference`` names what caused it (a reservation, an order, a transfer, a purchase order);
    ``due`` is set when the movement changes an expected receipt.

    Examples:
        >>> from datetime import UTC, datetime
        >>> at = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
        >>> m = Movement(StockKey("mug", "wh"), MovementReason.RECEIPT, at, "po-1", on_hand=12)
        >>> StockLevel.empty(m.key).apply([m]).on_hand
        12
    """

    key: StockKey
    reason: MovementReason
    occurred_at: datetime
    reference: str
    on_hand: int = 0
    reserved: int = 0
    allocated: int = 0
    in_transit: int = 0
    incoming: int = 0
    due: date | None = None


@attrs.frozen
class StockPolicy:
    """How far selling may go past the units on the shelf.

    - ``backorder_limit``: units that may be promised below zero available (0: no backorders).
    - ``preorder``: expected receipts and stock in transit count as sellable, those due on or
      before ``incoming_due_by`` (all of them when it is None).

    Examples:
        >>> StockPolicy(backorder_limit=5).backorder_limit
        5
    """

    backorder_limit: int = attrs.field(default=0, validator=whole_number())
    preorder: bool = False
    incoming_due_by: date | None = None


NO_BACKORDERS = StockPolicy()


@attrs.frozen
class StockQuantities:
    """The replayable part of a level: the unit counts in each bucket and the expected receipts.

    Examples:
        >>> from datetime import UTC
        >>> at, mug = datetime(2026, 5, 4, 9, tzinfo=UTC), StockKey("mug", "wh")
        >>> ledger = [Movement(mug, MovementReason.RECEIPT, at, "po-1", on_hand=12),
        ...           Movement(mug, MovementReason.RESERVATION, at, "cart-1", reserved=2)]
        >>> quantities = replay(ledger)[mug]
        >>> quantities
        StockQuantities(on_hand=12, reserved=2, allocated=0, in_transit=0, incoming=())
        >>> quantities == StockLevel.empty(mug).apply(ledger).quantities()
        True
    """

    on_hand: int = 0
    reserved: int = 0
    allocated: int = 0
    in_transit: int = 0
    incoming: tuple[ExpectedReceipt, ...] = ()


def _add_receipt(
    receipts: tuple[ExpectedReceipt, ...], reference: str, due: date | None, delta: int
) -> tuple[ExpectedReceipt, ...]:
    kept: list[ExpectedReceipt] = []
    found = False
    for receipt in receipts:
        if receipt.reference == reference:
            found = True
            if receipt.quantity + delta:
                kept.append(
                    ExpectedReceipt(reference, due or receipt.due, receipt.quantity + delta)
                )
        else:
            kept.append(receipt)
    if not found and delta:
        if due is None:
            raise ValidationError(
                "due", due, f"a due date for the new expected receipt {reference}"
            )
        kept.append(ExpectedReceipt(reference, due, delta))
    return tuple(sorted(kept, key=lambda r: (r.due, r.reference)))


def available_units(on_hand: int, reserved: int, allocated: int, safety_stock: int) -> int:
    """Return available stock, the one formula: on_hand - reserved - allocated - safety_stock.

    `StockLevel.available` is this; the reservation fast path applies it to stored counts.

    Examples:
        >>> available_units(10, 3, 2, 1)
        4
    """
    return on_hand - reserved - allocated - safety_stock


@attrs.frozen
class StockLevel:
    """Stock of one item at one location: a versioned snapshot, replaced on every change.

    Buckets, all in units:

    - ``on_hand``: physically at the location.
    - ``reserved``: held for carts and checkouts (each `Reservation` has an expiry).
    - ``allocated``: committed to placed orders, not yet shipped (still on hand).
    - ``in_transit``: transferred from another location, on its way here (not on hand).
    - ``incoming``: expected receipts from suppliers, with due dates (not on hand).
    - ``safety_stock`` and ``reorder_point``: settings, not counts.

    **available = on_hand - reserved - allocated - safety_stock.** It is derived, never stored,
    and may be negative: below the safety stock, or when a backorder policy let selling go past
    zero. What a reservation may take is `sellable`: available, plus incoming and in-transit
    units under a preorder policy, plus the policy's backorder limit.

    Examples:
        >>> level = StockLevel(StockKey("mug", "wh"), on_hand=10, reserved=3, allocated=2,
        ...                    safety_stock=1)
        >>> level.available
        4
        >>> level.sellable(StockPolicy(backorder_limit=5))
        9
    """

    key: StockKey
    on_hand: int = 0
    reserved: int = 0
    allocated: int = 0
    in_transit: int = 0
    incoming: tuple[ExpectedReceipt, ...] = ()
    safety_stock: int = 0
    reorder_point: int = 0
    version: int = 0

    @classmethod
    def empty(cls, key: StockKey) -> "StockLevel":
        """Return a level nothing has happened to yet (version 0: not stored)."""
        return cls(key)

    @property
    def available(self) -> int:
        """on_hand - reserved - allocated - safety_stock, in units (may be negative)."""
        return available_units(self.on_hand, self.reserved, self.allocated, self.safety_stock)

    @property
    def incoming_total(self) -> int:
        """Units in all expected receipts."""
        return sum(receipt.quantity for receipt in self.incoming)

    def sellable(self, policy: StockPolicy = NO_BACKORDERS) -> int:
        """Units a new reservation may take here under ``policy`` (may be negative)."""
        units = self.available
        if policy.preorder:
            units += self.in_transit
            units += sum(
                receipt.quantity
                for receipt in self.incoming
                if policy.incoming_due_by is None or receipt.due <= policy.incoming_due_by
            )
        return units + policy.backorder_limit

    def quantities(self) -> StockQuantities:
        """Return the counts that replaying the ledger reproduces."""
        return StockQuantities(
            self.on_hand, self.reserved, self.allocated, self.in_transit, self.incoming
        )

    def apply(self, movements: Iterable[Movement]) -> "StockLevel":
        """Return the next version of this level with ``movements`` applied, in order."""
        on_hand, reserved, allocated = self.on_hand, self.reserved, self.allocated
        in_transit, incoming = self.in_transit, self.incoming
        for movement in movements:
            on_hand += movement.on_hand
            reserved += movement.reserved
            allocated += movement.allocated
            in_transit += movement.in_transit
            if movement.incoming:
                incoming = _add_receipt(
                    incoming, movement.reference, movement.due, movement.incoming
                )
        return StockLevel(
            self.key,
            on_hand,
            reserved,
            allocated,
            in_transit,
            incoming,
            self.safety_stock,
            self.reorder_point,
            self.version + 1,
        )

    def configured(self, *, safety_stock: int, reorder_point: int) -> "StockLevel":
        """Return the next version with new settings; the counts are unchanged."""
        check_whole_number("safety_stock", safety_stock)
        check_whole_number("reorder_point", reorder_point)
        return attrs.evolve(
            self, safety_stock=safety_stock, reorder_point=reorder_point, version=self.version + 1
        )


def replay(movements: Iterable[Movement]) -> dict[StockKey, StockQuantities]:
    """Fold a ledger, oldest first, into the quantities of every level it touches.

    The law: for every stored level, ``replay(ledger)[key] == level.quantities()``.

    Examples:
        >>> from datetime import UTC, datetime
        >>> at = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
        >>> key = StockKey("mug", "wh")
        >>> ledger = [Movement(key, MovementReason.RECEIPT, at, "po-1", on_hand=10),
        ...           Movement(key, MovementReason.RESERVATION, at, "r-1", reserved=3)]
        >>> replay(ledger)[key]
        StockQuantities(on_hand=10, reserved=3, allocated=0, in_transit=0, incoming=())
    """
    levels: dict[StockKey, StockLevel] = {}
    for movement in movements:
        level = levels.get(movement.key) or StockLevel.empty(movement.key)
        levels[movement.key] = level.apply((movement,))
    return {key: level.quantities() for key, level in levels.items()}


@attrs.frozen
class Kit:
    """A sellable SKU that consumes several inventory items (a kit or a bundle).

    Examples:
        >>> Kit.of("breakfast-set", {"mug": 2, "plate": 2}).components
        (('mug', 2), ('plate', 2))
    """

    sku: str
    components: tuple[tuple[str, int], ...]

    @classmethod
    def of(cls, sku: str, components: Mapping[str, int]) -> "Kit":
        """Build a kit from ``{item sku: units per kit}``; needs one component or more."""
        if not components:
            raise ValidationError("components", components, "one component or more")
        for item, units in components.items():
            if not item:
                raise ValidationError("components", components, "non-empty item SKUs")
            check_whole_number(f"components[{item!r}]", units, minimum=1)
        return cls(sku, tuple(sorted(components.items())))
