"""Fakes and sample data for tests and examples: no pytest or hypothesis needed.

- `FakeVatNumberValidator` (``fakes.tax``): a VAT number service that knows a fixed set of numbers.
- `sample_catalog_csv`, `SampleCatalogCsv`, `BROKEN_KINDS` (``fakes.catalog``): seeded catalog
  CSV files with known broken rows, for import tests.

One module per context; the names are also importable from here, loading only their context.
"""

from typing import TYPE_CHECKING

from ecomcore.core._lazy import lazy_exports

if TYPE_CHECKING:
    from ecomcore.testing.fakes.catalog import BROKEN_KINDS, SampleCatalogCsv, sample_catalog_csv
    from ecomcore.testing.fakes.tax import FakeVatNumberValidator

_HOMES = {
    "BROKEN_KINDS": "catalog",
    "FakeVatNumberValidator": "tax",
    "SampleCatalogCsv": "catalog",
    "sample_catalog_csv": "catalog",
}
__getattr__ = lazy_exports(__name__, _HOMES)

__all__ = ["BROKEN_KINDS", "FakeVatNumberValidator", "SampleCatalogCsv", "sample_catalog_csv"]
