"""Test helpers for ecomcore and for the code you build on it, in three parts.

- `ecomcore.testing.contracts`: the contract suite of every port (``StockRepositoryContract``,
  ``VelocityCounterContract``, ...); subclass one as ``Test...`` and implement its factory.
  Needs pytest (the ``testing`` extra).
- `ecomcore.testing.strategies`: Hypothesis strategies: money in every ISO currency and
  allocation weights (here), fraud inputs and random rule trees (``strategies.fraud``).
  Needs hypothesis (the ``testing`` extra).
- `ecomcore.testing.fakes`: fakes and sample data (``FakeVatNumberValidator``,
  ``sample_catalog_csv``); needs nothing beyond ecomcore.
- `ecomcore.testing.postgres`: ``throwaway_postgres()``, a PostgreSQL server for one test run
  (needs PostgreSQL's server programs).

The clock for tests is `ecomcore.core.FixedClock`. Every name of the three parts is also
importable from this package; reading one loads only the part and the context it belongs to.
"""

from typing import TYPE_CHECKING

from ecomcore.core._lazy import lazy_exports

if TYPE_CHECKING:
    from ecomcore.testing import contracts, fakes, postgres, strategies
    from ecomcore.testing.contracts import (
        CategoryRepositoryContract,
        ProductRepositoryContract,
        RedemptionLedgerContract,
        StockRepositoryContract,
        TaxRateProviderContract,
        UnitOfWorkContract,
        VelocityCounterContract,
    )
    from ecomcore.testing.fakes import (
        BROKEN_KINDS,
        FakeVatNumberValidator,
        SampleCatalogCsv,
        sample_catalog_csv,
    )
    from ecomcore.testing.postgres import throwaway_postgres

_HOMES = {
    "BROKEN_KINDS": "fakes",
    "CategoryRepositoryContract": "contracts",
    "FakeVatNumberValidator": "fakes",
    "ProductRepositoryContract": "contracts",
    "RedemptionLedgerContract": "contracts",
    "SampleCatalogCsv": "fakes",
    "StockRepositoryContract": "contracts",
    "TaxRateProviderContract": "contracts",
    "UnitOfWorkContract": "contracts",
    "VelocityCounterContract": "contracts",
    "contracts": "contracts",
    "fakes": "fakes",
    "postgres": "postgres",
    "sample_catalog_csv": "fakes",
    "strategies": "strategies",
    "throwaway_postgres": "postgres",
}
__getattr__ = lazy_exports(__name__, _HOMES)


__all__ = [
    "BROKEN_KINDS",
    "CategoryRepositoryContract",
    "FakeVatNumberValidator",
    "ProductRepositoryContract",
    "RedemptionLedgerContract",
    "SampleCatalogCsv",
    "StockRepositoryContract",
    "TaxRateProviderContract",
    "UnitOfWorkContract",
    "VelocityCounterContract",
    "contracts",
    "fakes",
    "postgres",
    "sample_catalog_csv",
    "strategies",
    "throwaway_postgres",
]
