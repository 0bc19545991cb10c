"""Test helpers for ecomcore and for the code you build on it.

- `ecomcore.testing.strategies`: Hypothesis strategies for money in every ISO currency and for
  allocation weights, so your own properties can run against the same inputs as ours.
- `ProductRepositoryContract`, `CategoryRepositoryContract`: contract suites your repositories
  must pass; subclass one as ``Test...`` and implement ``make_repository``.
- `sample_catalog_csv`: seeded catalog CSV files with known broken rows, for import tests.
- `StockRepositoryContract`: the tests every `ecomcore.inventory.StockRepository` must pass,
  a many-threaded never-oversell test included. Subclass it and implement ``make_repository``.
- `ecomcore.testing.fraud_strategies`: fraud inputs and random well-typed fraud rule trees.
- `VelocityCounterContract`: the test suite any `ecomcore.fraud.VelocityCounter` must pass.
- `RedemptionLedgerContract`: the contract suite any `ecomcore.pricing.RedemptionLedger` passes.
- `FakeVatNumberValidator`: a VAT number service that knows a fixed set of numbers.
- `TaxRateProviderContract`: the tests every `ecomcore.pricing.TaxRateProvider` must pass.

Needs the ``testing`` extra (hypothesis).
"""

from ecomcore.testing import fraud_strategies, strategies
from ecomcore.testing._catalog_contracts import (
    CategoryRepositoryContract,
    ProductRepositoryContract,
)
from ecomcore.testing._catalog_data import BROKEN_KINDS, SampleCatalogCsv, sample_catalog_csv
from ecomcore.testing._fraud_contracts import VelocityCounterContract
from ecomcore.testing._inventory_contracts import StockRepositoryContract
from ecomcore.testing._pricing_contracts import RedemptionLedgerContract
from ecomcore.testing._tax_contracts import TaxRateProviderContract
from ecomcore.testing._tax_fakes import FakeVatNumberValidator

__all__ = [
    "BROKEN_KINDS",
    "CategoryRepositoryContract",
    "FakeVatNumberValidator",
    "ProductRepositoryContract",
    "RedemptionLedgerContract",
    "SampleCatalogCsv",
    "StockRepositoryContract",
    "TaxRateProviderContract",
    "VelocityCounterContract",
    "fraud_strategies",
    "sample_catalog_csv",
    "strategies",
]
