"""Use cases for the stock itself: receipts, adjustments, counts, returns, settings."""

from collections.abc import Callable
from datetime import date, datetime

from ecomcore.core import Clock, ValidationError, check_whole_number
from ecomcore.inventory._model import Movement, MovementReason, StockKey, StockLevel
from ecomcore.inventory._ports import InventoryUnitOfWork, StockChange
from ecomcore.inventory._stock_changes import (
    DEFAULT_ATTEMPTS,
    change_from,
    level_events,
    with_retries,
)

__all__ = [
    "adjust_stock",
    "configure_stock",
    "expect_receipt",
    "receive_stock",
    "record_count",
    "return_to_stock",
]


def _move(
    uow: InventoryUnitOfWork,
    clock: Clock,
    key: StockKey,
    attempts: int,
    movement_for: Callable[[StockLevel, datetime], Movement],
) -> StockLevel:
    """Record the one movement ``movement_for`` builds from a fresh read of ``key``."""

    def decide() -> tuple[StockChange | None, StockLevel]:
        now = clock.now()
        level = uow.stock.levels((key,))[key]
        change = change_from({key: level}, (movement_for(level, now),), now)
        return change, change.levels[0]

    return with_retries(uow, attempts, decide)


def expect_receipt(
    uow: InventoryUnitOfWork,
    clock: Clock,
    key: StockKey,
    quantity: int,
    *,
    reference: str,
    due: date,
    attempts: int = DEFAULT_ATTEMPTS,
) -> StockLevel:
    """Record ``quantity`` units expected under ``reference`` (a purchase order), due on ``due``.

    Expected units are not on hand; they count as sellable only under a preorder `StockPolicy`.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import StockPolicy
        >>> from ecomcore.core import FixedClock
        >>> uow, clock = InMemoryStockUnitOfWork(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> level = expect_receipt(uow, clock, StockKey("mug", "wh"), 20, reference="po-7",
        ...                        due=date(2026, 6, 1))
        >>> level.on_hand, level.sellable(), level.sellable(StockPolicy(preorder=True))
        (0, 0, 20)
    """
    check_whole_number("quantity", quantity, minimum=1)
    return _move(
        uow, clock, key, attempts,
        lambda _, now: Movement(
            key, MovementReason.EXPECTED, now, reference, incoming=quantity, due=due
        ),
    )  # fmt: skip


def receive_stock(
    uow: InventoryUnitOfWork,
    clock: Clock,
    key: StockKey,
    quantity: int,
    *,
    reference: str,
    attempts: int = DEFAULT_ATTEMPTS,
) -> StockLevel:
    """Put ``quantity`` received units on hand; an expected receipt under ``reference`` shrinks.

    Receiving more than was expected is fine (the receipt is then simply done); units
    reserved against it under a preorder policy stay reserved, now against stock on hand.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import StockKey
        >>> from ecomcore.core import FixedClock
        >>> uow = InMemoryStockUnitOfWork()
        >>> clock = FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> mug = StockKey("mug", "wh")
        >>> receive_stock(uow, clock, mug, 10, reference="po-1").on_hand
        10
    """
    check_whole_number("quantity", quantity, minimum=1)

    def movement(level: StockLevel, now: datetime) -> Movement:
        expected = sum(r.quantity for r in level.incoming if r.reference == reference)
        return Movement(
            key,
            MovementReason.RECEIPT,
            now,
            reference,
            on_hand=quantity,
            incoming=-min(quantity, expected),
        )

    return _move(uow, clock, key, attempts, movement)


def return_to_stock(
    uow: InventoryUnitOfWork,
    clock: Clock,
    key: StockKey,
    quantity: int,
    *,
    reference: str,
    attempts: int = DEFAULT_ATTEMPTS,
) -> StockLevel:
    """Put ``quantity`` returned, resellable units back on hand (``reference``: the return).

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import StockKey
        >>> from ecomcore.core import FixedClock
        >>> uow = InMemoryStockUnitOfWork()
        >>> clock = FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> mug = StockKey("mug", "wh")
        >>> return_to_stock(uow, clock, mug, 2, reference="rma-7").on_hand
        2
    """
    check_whole_number("quantity", quantity, minimum=1)
    return _move(
        uow, clock, key, attempts,
        lambda _, now: Movement(
            key, MovementReason.RETURN_TO_STOCK, now, reference, on_hand=quantity
        ),
    )  # fmt: skip


_ADJUSTMENTS = (MovementReason.ADJUSTMENT, MovementReason.DAMAGE)


def adjust_stock(
    uow: InventoryUnitOfWork,
    clock: Clock,
    key: StockKey,
    delta: int,
    *,
    reason: MovementReason,
    reference: str,
    attempts: int = DEFAULT_ATTEMPTS,
) -> StockLevel:
    """Add (``delta`` > 0) or remove units on hand: an ADJUSTMENT, or DAMAGE (removal only).

    Removal is refused beyond the units on hand. It may leave fewer units than are reserved and
    allocated (the shelf is what it is); available then goes negative and `OutOfStock` is raised
    as an event, for someone to resolve.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import StockKey
        >>> from ecomcore.core import FixedClock
        >>> uow = InMemoryStockUnitOfWork()
        >>> clock = FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> mug = StockKey("mug", "wh")
        >>> from ecomcore.inventory import MovementReason, receive_stock
        >>> _ = receive_stock(uow, clock, mug, 10, reference="po-1")
        >>> adjust_stock(uow, clock, mug, -1, reason=MovementReason.DAMAGE,
        ...              reference="broken in aisle 3").on_hand
        9
    """
    if reason not in _ADJUSTMENTS:
        raise ValidationError("reason", reason, "MovementReason.ADJUSTMENT or DAMAGE")
    if (
        not isinstance(delta, int)
        or isinstance(delta, bool)
        or delta == 0
        or (reason is MovementReason.DAMAGE and delta > 0)
    ):
        raise ValidationError("delta", delta, "a non-zero whole number (negative for damage)")

    def movement(level: StockLevel, now: datetime) -> Movement:
        if level.on_hand + delta < 0:
            raise ValidationError(
                "delta", delta, f"no more than the {level.on_hand} units on hand to remove"
            )
        return Movement(key, reason, now, reference, on_hand=delta)

    return _move(uow, clock, key, attempts, movement)


def record_count(
    uow: InventoryUnitOfWork,
    clock: Clock,
    key: StockKey,
    counted: int,
    *,
    reference: str,
    attempts: int = DEFAULT_ATTEMPTS,
) -> StockLevel:
    """Set on hand to a physical count: the difference is recorded as a COUNT_CORRECTION.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import StockKey
        >>> from ecomcore.core import FixedClock
        >>> uow = InMemoryStockUnitOfWork()
        >>> clock = FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> mug = StockKey("mug", "wh")
        >>> from ecomcore.inventory import receive_stock
        >>> _ = receive_stock(uow, clock, mug, 10, reference="po-1")
        >>> record_count(uow, clock, mug, 8, reference="count-2026-05").on_hand
        8
    """
    check_whole_number("counted", counted)
    return _move(
        uow, clock, key, attempts,
        lambda level, now: Movement(
            key, MovementReason.COUNT_CORRECTION, now, reference, on_hand=counted - level.on_hand
        ),
    )  # fmt: skip


def configure_stock(
    uow: InventoryUnitOfWork,
    clock: Clock,
    key: StockKey,
    *,
    safety_stock: int,
    reorder_point: int,
    attempts: int = DEFAULT_ATTEMPTS,
) -> StockLevel:
    """Set a level's safety stock and reorder point (settings: no movement is recorded).

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.inventory import StockKey
        >>> from ecomcore.core import FixedClock
        >>> uow = InMemoryStockUnitOfWork()
        >>> clock = FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> mug = StockKey("mug", "wh")
        >>> configure_stock(uow, clock, mug, safety_stock=2, reorder_point=5).reorder_point
        5
    """

    def decide() -> tuple[StockChange | None, StockLevel]:
        level = uow.stock.levels((key,))[key]
        after = level.configured(safety_stock=safety_stock, reorder_point=reorder_point)
        events = level_events(level, after, clock.now())
        return StockChange(levels=(after,), events=events), after

    return with_retries(uow, attempts, decide)
