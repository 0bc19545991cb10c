"""Use cases moving stock between locations: dispatch a transfer, receive it at the other end.

A transfer's status moves only as `TRANSFER_LIFECYCLE` allows: in transit, then received.
"""

from ecomcore.core import Clock, NotFoundError, ValidationError, check_whole_number
from ecomcore.inventory._errors import IdempotencyConflictError, InsufficientStockError, Shortage
from ecomcore.inventory._model import Movement, MovementReason, StockKey
from ecomcore.inventory._ports import InventoryUnitOfWork, StockChange
from ecomcore.inventory._records import Transfer, TransferStatus
from ecomcore.inventory._stock_changes import DEFAULT_ATTEMPTS, change_from, with_retries

__all__ = ["dispatch_transfer", "receive_transfer"]


def dispatch_transfer(
    uow: InventoryUnitOfWork,
    clock: Clock,
    transfer_id: str,
    *,
    sku: str,
    source: str,
    destination: str,
    quantity: int,
    attempts: int = DEFAULT_ATTEMPTS,
) -> Transfer:
    """Send ``quantity`` available units of ``sku`` from ``source`` towards ``destination``.

    They leave the source's on hand and appear as in transit at the destination. Only
    available units travel (never reserved, allocated or safety stock); otherwise
    `InsufficientStockError`. ``transfer_id`` is the idempotency key.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.core import FixedClock
        >>> from ecomcore.inventory import receive_stock
        >>> uow, clock = InMemoryStockUnitOfWork(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> wh, shop = StockKey("mug", "wh"), StockKey("mug", "shop")
        >>> _ = receive_stock(uow, clock, wh, 5, reference="po-1")
        >>> _ = dispatch_transfer(uow, clock, "t-1", sku="mug", source="wh", destination="shop",
        ...                       quantity=2)
        >>> levels = uow.stock.levels([wh, shop])
        >>> levels[wh].on_hand, levels[shop].in_transit, levels[shop].on_hand
        (3, 2, 0)
    """
    check_whole_number("quantity", quantity, minimum=1)
    if source == destination:
        raise ValidationError("destination", destination, "a location other than the source")

    def decide() -> tuple[StockChange | None, Transfer]:
        try:
            first = uow.stock.transfer(transfer_id)
        except NotFoundError:
            pass
        else:
            if (first.sku, first.source, first.destination, first.quantity) != (
                sku, source, destination, quantity,
            ):  # fmt: skip
                raise IdempotencyConflictError(transfer_id)
            return None, first
        now = clock.now()
        out_key, in_key = StockKey(sku, source), StockKey(sku, destination)
        levels = uow.stock.levels((out_key, in_key))
        if levels[out_key].available < quantity:
            raise InsufficientStockError(
                [Shortage(sku, source, quantity, levels[out_key].available)]
            )
        transfer = Transfer(transfer_id, sku, source, destination, quantity, now)
        movements = (
            Movement(out_key, MovementReason.TRANSFER_OUT, now, transfer_id, on_hand=-quantity),
            Movement(in_key, MovementReason.TRANSFER_OUT, now, transfer_id, in_transit=quantity),
        )
        return change_from(levels, movements, now, transfers=(transfer,)), transfer

    return with_retries(uow, attempts, decide)


def receive_transfer(
    uow: InventoryUnitOfWork,
    clock: Clock,
    transfer_id: str,
    *,
    attempts: int = DEFAULT_ATTEMPTS,
) -> Transfer:
    """Book a transfer in at its destination: in transit becomes on hand. Idempotent.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryStockUnitOfWork
        >>> from ecomcore.core import FixedClock
        >>> uow, clock = InMemoryStockUnitOfWork(), FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
        >>> from ecomcore.inventory import receive_stock
        >>> shop = StockKey("mug", "shop")
        >>> _ = receive_stock(uow, clock, StockKey("mug", "wh"), 5, reference="po-1")
        >>> _ = dispatch_transfer(uow, clock, "t-1", sku="mug", source="wh", destination="shop",
        ...                       quantity=2)
        >>> receive_transfer(uow, clock, "t-1").status.value
        'received'
        >>> uow.stock.levels([shop])[shop].on_hand, uow.stock.levels([shop])[shop].in_transit
        (2, 0)
    """

    def decide() -> tuple[StockChange | None, Transfer]:
        transfer = uow.stock.transfer(transfer_id)
        if transfer.status is TransferStatus.RECEIVED:
            return None, transfer
        now = clock.now()
        key = StockKey(transfer.sku, transfer.destination)
        levels = uow.stock.levels((key,))
        done = transfer.received()
        movement = Movement(
            key,
            MovementReason.TRANSFER_IN,
            now,
            transfer_id,
            on_hand=transfer.quantity,
            in_transit=-transfer.quantity,
        )
        return change_from(levels, (movement,), now, transfers=(done,)), done

    return with_retries(uow, attempts, decide)
