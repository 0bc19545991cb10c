"""In-memory implementations of every port: the default storage, for tests, demos and small shops.

Each one keeps the concurrency contract of its port and passes its contract suite in
:mod:`ecomcore.testing`.
"""

from ecomcore.adapters.memory._tax import InMemoryTaxRateProvider

__all__: list[str] = ["InMemoryTaxRateProvider"]
