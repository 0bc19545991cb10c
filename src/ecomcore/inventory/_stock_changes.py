"""What every inventory use case shares: movements into one change, and retrying lost races."""

import random
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import TypeVar

from ecomcore.core import ConcurrencyError, DomainEvent, check_whole_number
from ecomcore.inventory._events import BackInStock, LowStock, OutOfStock
from ecomcore.inventory._model import Movement, StockKey, StockLevel
from ecomcore.inventory._ports import InventoryUnitOfWork, StockChange
from ecomcore.inventory._records import Reservation, Transfer

T = TypeVar("T")

DEFAULT_ATTEMPTS = 10
"""How many times a use case re-reads and re-decides after losing a race before giving up."""

_BACKOFF_FIRST, _BACKOFF_CAP = 0.0005, 0.025  # seconds: 0.5 ms doubling, at most 25 ms
_jitter = random.Random()  # spreading retries in time needs no secrets


def back_off(attempt: int) -> None:
    """Wait a random while before retry ``attempt + 1``: full jitter, exponentially capped.

    Writers that lost a race to each other would otherwise retry in lockstep and collide
    again; with a random wait up to 0.5 ms, 1 ms, 2 ms, ... (at most 25 ms) they spread out,
    which is what lets many processes share one hot item through a database.
    """
    time.sleep(_jitter.uniform(0, min(_BACKOFF_CAP, _BACKOFF_FIRST * 2 ** (attempt - 1))))


def check_attempts(attempts: int) -> None:
    """Refuse a retry budget below one attempt."""
    if type(attempts) is not int or attempts < 1:  # the cheap test first: this runs per call
        check_whole_number("attempts", attempts, minimum=1)


def with_retries(
    uow: InventoryUnitOfWork,
    attempts: int,
    decide: Callable[[], tuple[StockChange | None, T]],
) -> T:
    """Run ``decide`` in ``uow``, stage and commit its change; on `ConcurrencyError`, start over.

    ``decide`` reads what it needs through ``uow.stock``, checks, and returns the change to
    commit (None: nothing to write) with the result to hand back. Every attempt re-reads and
    re-checks, so a check never outlives a lost race, after a short random wait (`back_off`);
    after ``attempts`` of them the last `ConcurrencyError` propagates.
    """
    check_attempts(attempts)
    for attempt in range(1, attempts + 1):
        with uow:
            change, result = decide()
            if change is None:
                return result
            uow.stock.stage(change)
            try:
                uow.commit()
            except ConcurrencyError:
                if attempt == attempts:
                    raise
                back_off(attempt)
            else:
                return result
    raise AssertionError("unreachable")  # pragma: no cover


def stock_events(
    key: StockKey, was: int, now: int, reorder_point: int, at: datetime
) -> list[DomainEvent]:
    """Events for crossings of available stock (``was`` before, ``now`` after) at ``key``.

    Out of stock, back in stock, or low stock (at or below the reorder point).
    """
    point = reorder_point
    if was > point and now > point:  # the common case: comfortably in stock before and after
        return []
    sku, location = key.sku, key.location
    if was > 0 >= now:
        return [OutOfStock(occurred_at=at, sku=sku, location=location, available=now)]
    if was <= 0 < now:
        return [BackInStock(occurred_at=at, sku=sku, location=location, available=now)]
    if was > point >= now > 0:
        return [
            LowStock(occurred_at=at, sku=sku, location=location, available=now, reorder_point=point)
        ]
    return []


def level_events(before: StockLevel, after: StockLevel, at: datetime) -> list[DomainEvent]:
    """`stock_events` for a level changed from ``before`` to ``after``."""
    return stock_events(after.key, before.available, after.available, after.reorder_point, at)


def change_from(
    levels: Mapping[StockKey, StockLevel],
    movements: Sequence[Movement],
    at: datetime,
    *,
    reservations: Sequence[Reservation] = (),
    transfers: Sequence[Transfer] = (),
    events: Iterable[DomainEvent] = (),
) -> StockChange:
    """Apply ``movements`` to the ``levels`` they touch and package the result as one change."""
    by_key: dict[StockKey, list[Movement]] = {}
    for movement in movements:
        by_key.setdefault(movement.key, []).append(movement)
    new_levels = []
    all_events = list(events)
    for key, moves in by_key.items():
        before = levels[key]
        after = before.apply(moves)
        new_levels.append(after)
        all_events += level_events(before, after, at)
    return StockChange(
        levels=new_levels,
        reservations=reservations,
        transfers=transfers,
        movements=movements,
        events=all_events,
    )
