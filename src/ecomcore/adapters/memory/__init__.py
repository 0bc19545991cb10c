"""In-memory implementations of every port: the default storage, for tests, demos and small shops.

One module per context (`ecomcore.adapters.memory.fraud`, `.inventory`, ...) and the unit of
work they all stage into (`ecomcore.adapters.memory.uow`); the names are also
importable from this package, which loads only the module a name lives in, so a project that
embeds the fraud engine loads fraud and core and nothing else. Each implementation keeps the
concurrency contract of its port and passes its contract suite in `ecomcore.testing.contracts`.
"""

from typing import TYPE_CHECKING

from ecomcore.core._lazy import lazy_exports

if TYPE_CHECKING:
    from ecomcore.adapters.memory.catalog import (
        InMemoryCatalogStore,
        InMemoryCatalogUnitOfWork,
        InMemoryCategoryRepository,
        InMemoryProductRepository,
    )
    from ecomcore.adapters.memory.fraud import InMemoryVelocityCounter
    from ecomcore.adapters.memory.inventory import (
        InMemoryStockRepository,
        InMemoryStockStore,
        InMemoryStockUnitOfWork,
    )
    from ecomcore.adapters.memory.pricing import (
        InMemoryPricingUnitOfWork,
        InMemoryRedemptionLedger,
        InMemoryRedemptionStore,
    )
    from ecomcore.adapters.memory.tax import InMemoryTaxRateProvider
    from ecomcore.adapters.memory.uow import (
        InMemoryOutbox,
        InMemoryUnitOfWork,
        StagedWrite,
        VersionedTable,
    )

_HOMES = {
    "InMemoryCatalogStore": "catalog",
    "InMemoryCatalogUnitOfWork": "catalog",
    "InMemoryCategoryRepository": "catalog",
    "InMemoryProductRepository": "catalog",
    "InMemoryPricingUnitOfWork": "pricing",
    "InMemoryRedemptionLedger": "pricing",
    "InMemoryRedemptionStore": "pricing",
    "InMemoryStockRepository": "inventory",
    "InMemoryStockStore": "inventory",
    "InMemoryStockUnitOfWork": "inventory",
    "InMemoryTaxRateProvider": "tax",
    "InMemoryVelocityCounter": "fraud",
    "InMemoryOutbox": "uow",
    "InMemoryUnitOfWork": "uow",
    "StagedWrite": "uow",
    "VersionedTable": "uow",
}
__getattr__ = lazy_exports(__name__, _HOMES)

__all__ = [
    "InMemoryCatalogStore",
    "InMemoryCatalogUnitOfWork",
    "InMemoryCategoryRepository",
    "InMemoryOutbox",
    "InMemoryPricingUnitOfWork",
    "InMemoryProductRepository",
    "InMemoryRedemptionLedger",
    "InMemoryRedemptionStore",
    "InMemoryStockRepository",
    "InMemoryStockStore",
    "InMemoryStockUnitOfWork",
    "InMemoryTaxRateProvider",
    "InMemoryUnitOfWork",
    "InMemoryVelocityCounter",
    "StagedWrite",
    "VersionedTable",
]
