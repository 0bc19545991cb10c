"""One process of the cross-process reservation race (run by test_sql_race.py, not imported).

Usage: ``python race_worker.py URL CART...``. Connects, prints ``ready``, waits for a line on
standard input (so every process starts racing at once), then reserves each cart and prints
one JSON object: the carts held with their units, the carts refused as short, the ones given up.
"""

import json
import sys
from datetime import UTC, datetime, timedelta

from ecomcore.adapters.sqlalchemy import Database, SqlStockUnitOfWork
from ecomcore.core import ConcurrencyError, FixedClock
from ecomcore.inventory import InsufficientStockError, ReservationLine, reserve


def cart_lines(cart: int) -> list[ReservationLine]:
    """The lines of cart ``cart``: 1 to 3 mugs, and 0 to 2 plates (the same in every process)."""
    lines = [ReservationLine("mug", 1 + cart % 3, "wh")]
    if cart % 3:
        lines.append(ReservationLine("plate", cart % 3, "wh"))
    return lines


def main(url: str, carts: list[int]) -> None:
    database = Database(url)
    clock = FixedClock(datetime(2026, 5, 4, 9, tzinfo=UTC))
    print("ready", flush=True)
    sys.stdin.readline()
    held: dict[str, list[list[object]]] = {}
    short: list[str] = []
    gave_up: list[str] = []
    for cart in carts:
        name = f"cart-{cart}"
        uow = SqlStockUnitOfWork(database)
        try:
            reservation = reserve(uow, clock, name, cart_lines(cart), timedelta(minutes=15))
        except InsufficientStockError:
            short.append(name)
        except ConcurrencyError:
            gave_up.append(name)
        else:
            held[name] = [[key.sku, units] for key, units in reservation.units]
    database.dispose()
    print(json.dumps({"held": held, "short": short, "gave_up": gave_up}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], [int(cart) for cart in sys.argv[2:]])
