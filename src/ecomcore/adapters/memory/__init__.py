"""In-memory implementations of every port: the default storage, for tests, demos and small shops.

Each one keeps the concurrency contract of its port and passes its contract suite in
:mod:`ecomcore.testing`.
"""

from ecomcore.adapters.memory._catalog import InMemoryCategoryRepository, InMemoryProductRepository
from ecomcore.adapters.memory._fraud import InMemoryVelocityCounter
from ecomcore.adapters.memory._inventory import InMemoryStockRepository
from ecomcore.adapters.memory._pricing import InMemoryRedemptionLedger
from ecomcore.adapters.memory._tax import InMemoryTaxRateProvider

__all__ = [
    "InMemoryCategoryRepository",
    "InMemoryProductRepository",
    "InMemoryRedemptionLedger",
    "InMemoryStockRepository",
    "InMemoryTaxRateProvider",
    "InMemoryVelocityCounter",
]
