"""SQL storage for every port, on SQLAlchemy 2 Core: SQLite embedded, PostgreSQL for many processes.

`upgrade(url)` creates or upgrades ecomcore's tables (the Alembic migrations ship in this
package) and returns the `Database`; each context's unit of work (`SqlStockUnitOfWork`,
`SqlCatalogUnitOfWork`, ...) stages into one transaction per commit, with the committed events
in the ``ecomcore_outbox`` table of the same transaction. Install with the ``sql`` extra
(``postgresql`` adds psycopg 3).
"""

from typing import TYPE_CHECKING

from ecomcore.core._lazy import lazy_exports

if TYPE_CHECKING:
    from ecomcore.adapters.sqlalchemy._database import SQLITE_BUSY_TIMEOUT_MS, Database
    from ecomcore.adapters.sqlalchemy._migrations import VERSION_TABLE, downgrade, upgrade
    from ecomcore.adapters.sqlalchemy.catalog import (
        SqlCatalogUnitOfWork,
        SqlCategoryRepository,
        SqlProductRepository,
    )
    from ecomcore.adapters.sqlalchemy.fraud import SqlVelocityCounter
    from ecomcore.adapters.sqlalchemy.inventory import SqlStockRepository, SqlStockUnitOfWork
    from ecomcore.adapters.sqlalchemy.pricing import SqlPricingUnitOfWork, SqlRedemptionLedger
    from ecomcore.adapters.sqlalchemy.tax import SqlTaxRateProvider
    from ecomcore.adapters.sqlalchemy.uow import SqlOutbox, SqlUnitOfWork

_HOMES = {
    "Database": "_database",
    "SQLITE_BUSY_TIMEOUT_MS": "_database",
    "VERSION_TABLE": "_migrations",
    "downgrade": "_migrations",
    "upgrade": "_migrations",
    "SqlCatalogUnitOfWork": "catalog",
    "SqlCategoryRepository": "catalog",
    "SqlProductRepository": "catalog",
    "SqlVelocityCounter": "fraud",
    "SqlStockRepository": "inventory",
    "SqlStockUnitOfWork": "inventory",
    "SqlPricingUnitOfWork": "pricing",
    "SqlRedemptionLedger": "pricing",
    "SqlTaxRateProvider": "tax",
    "SqlOutbox": "uow",
    "SqlUnitOfWork": "uow",
}
__getattr__ = lazy_exports(__name__, _HOMES)

__all__ = [
    "SQLITE_BUSY_TIMEOUT_MS",
    "VERSION_TABLE",
    "Database",
    "SqlCatalogUnitOfWork",
    "SqlCategoryRepository",
    "SqlOutbox",
    "SqlPricingUnitOfWork",
    "SqlProductRepository",
    "SqlRedemptionLedger",
    "SqlStockRepository",
    "SqlStockUnitOfWork",
    "SqlTaxRateProvider",
    "SqlUnitOfWork",
    "SqlVelocityCounter",
    "downgrade",
    "upgrade",
]
