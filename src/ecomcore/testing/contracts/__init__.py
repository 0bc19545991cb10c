"""Contract suites: the tests every implementation of a port must pass, ours and yours.

Subclass one as ``Test...`` and implement its factory method (``make_repository`` and so on);
pytest then runs the whole suite against your implementation. One module per context; the names
are also importable from here, which loads only the context a suite belongs to.
"""

from typing import TYPE_CHECKING

from ecomcore.core._lazy import lazy_exports

if TYPE_CHECKING:
    from ecomcore.testing.contracts.catalog import (
        CategoryRepositoryContract,
        ProductRepositoryContract,
    )
    from ecomcore.testing.contracts.fraud import VelocityCounterContract
    from ecomcore.testing.contracts.inventory import StockRepositoryContract
    from ecomcore.testing.contracts.pricing import RedemptionLedgerContract
    from ecomcore.testing.contracts.tax import TaxRateProviderContract
    from ecomcore.testing.contracts.uow import UnitOfWorkContract

_HOMES = {
    "CategoryRepositoryContract": "catalog",
    "ProductRepositoryContract": "catalog",
    "RedemptionLedgerContract": "pricing",
    "StockRepositoryContract": "inventory",
    "TaxRateProviderContract": "tax",
    "UnitOfWorkContract": "uow",
    "VelocityCounterContract": "fraud",
}
__getattr__ = lazy_exports(__name__, _HOMES)

__all__ = [
    "CategoryRepositoryContract",
    "ProductRepositoryContract",
    "RedemptionLedgerContract",
    "StockRepositoryContract",
    "TaxRateProviderContract",
    "UnitOfWorkContract",
    "VelocityCounterContract",
]
