"""Where the tour's stock lives: in memory, or in the database given with ``--db URL``."""

from ecomcore.adapters.memory import InMemoryStockUnitOfWork
from ecomcore.core import ValidationError
from ecomcore.inventory import InventoryUnitOfWork

_database: list[object] = []  # the tour's Database, once ``use`` has been given a URL


def use(url: str) -> None:
    """Keep the tour's stock in the database at ``url`` (created or upgraded; must hold none).

    Needs the ``sql`` extra. The tour writes its own deliveries and reservations, so a database
    that already holds stock is refused rather than mixed with.
    """
    try:
        from ecomcore.adapters.sqlalchemy import SqlStockUnitOfWork, upgrade  # noqa: PLC0415
    except ImportError as missing:  # the demo installs no SQL driver
        raise ValidationError("--db", url, "a URL with the sql extra installed") from missing
    database = upgrade(url)
    if SqlStockUnitOfWork(database).stock.stock_keys():
        raise ValidationError("--db", url, "a new database (the tour writes its own stock)")
    _database[:] = [database]


def stock_unit_of_work() -> InventoryUnitOfWork:
    """Return a unit of work over the tour's stock: each call a new one, over the same store."""
    if not _database:
        return InMemoryStockUnitOfWork()  # each section its own stock, gone after the tour
    from ecomcore.adapters.sqlalchemy import Database, SqlStockUnitOfWork  # noqa: PLC0415

    database = _database[0]
    assert isinstance(database, Database)
    return SqlStockUnitOfWork(database)
