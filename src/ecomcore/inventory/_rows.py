"""The private shapes of the reservation fast path: plain tuples, never public.

A reservation is the library's hottest write. Its use case and the storage adapters exchange
stock levels and ledger entries as plain tuples in the field order of `StockLevel` and
`Movement` (so ``StockLevel(*row)`` and ``Movement(*row)`` build the public values), and build
the public values only where a caller reads them. Everything here is built by already-checked
internal code; nothing here is exported.
"""

from datetime import date, datetime

import attrs

from ecomcore.inventory._model import (
    ExpectedReceipt,
    Movement,
    MovementReason,
    StockKey,
    StockLevel,
)

LevelRow = tuple[StockKey, int, int, int, int, tuple[ExpectedReceipt, ...], int, int, int]
"""key, on_hand, reserved, allocated, in_transit, incoming, safety_stock, reorder_point, version."""

MovementRow = tuple[StockKey, MovementReason, datetime, str, int, int, int, int, int, date | None]
"""key, reason, occurred_at, reference, on_hand, reserved, allocated, in_transit, incoming, due."""


def level_row(level: StockLevel) -> LevelRow:
    """Return ``level`` as a row (`StockLevel(*row)` gives it back)."""
    row: LevelRow = attrs.astuple(level, recurse=False)
    return row


def movement_row(movement: Movement) -> MovementRow:
    """Return ``movement`` as a row (`Movement(*row)` gives it back)."""
    row: MovementRow = attrs.astuple(movement, recurse=False)
    return row


def empty_row(key: StockKey) -> LevelRow:
    """Return the row of a level nothing has happened to (version 0: not stored)."""
    return (key, 0, 0, 0, 0, (), 0, 0, 0)
