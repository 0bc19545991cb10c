"""One process of the cross-process catalog race (run by test_sql_catalog_race.py, not imported).

Usage: ``python catalog_race_worker.py URL WORKER COUNT MODE``. Connects, prints ``ready``, waits
for a line on standard input (so every process starts racing at once), then commits COUNT new
products, one per commit. In ``sku`` mode product ``n`` of every worker claims the SKU ``SKU-n``
(handles are the worker's own); in ``handle`` mode it claims the handle ``item-n`` (SKUs are
the worker's own). Prints one JSON object: the ``n`` it stored, was refused, or gave up.
"""

import json
import sys

from ecomcore.adapters.sqlalchemy import Database, SqlCatalogUnitOfWork
from ecomcore.catalog import DuplicateSkuError, Product, Variant
from ecomcore.core import ConcurrencyError, ValidationError


def product(worker: int, n: int, mode: str) -> Product:
    """Product ``n`` of ``worker``: its id is its own, and its SKU or its handle is shared."""
    handle = f"item-{n}" if mode == "handle" else f"item-{worker}-{n}"
    sku = f"SKU-{n}" if mode == "sku" else f"SKU-{worker}-{n}"
    return Product(f"p-{worker}-{n}", handle, "Item", variants=(Variant(sku=sku),))


def main(url: str, worker: int, count: int, mode: str) -> None:
    database = Database(url)
    refused_as = DuplicateSkuError if mode == "sku" else ValidationError
    print("ready", flush=True)
    sys.stdin.readline()
    stored: list[int] = []
    refused: list[int] = []
    gave_up: list[int] = []
    for n in range(count):
        try:
            with SqlCatalogUnitOfWork(database) as uow:
                uow.products.save(product(worker, n, mode))
                uow.commit()
        except refused_as:
            refused.append(n)
        except ConcurrencyError:
            gave_up.append(n)
        else:
            stored.append(n)
    database.dispose()
    print(json.dumps({"stored": stored, "refused": refused, "gave_up": gave_up}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
