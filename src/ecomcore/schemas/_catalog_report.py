"""What an import says back: every row imported or rejected (with line, column and reason)."""

import attrs
from pydantic import BaseModel, ConfigDict

from ecomcore.catalog import Product
from ecomcore.core import EcomcoreError
from ecomcore.schemas._schema_text import without_examples

__all__ = ["CatalogImport", "ImportReport", "RejectedRow"]


class RejectedRow(BaseModel):
    """One row the import refused, with the first problem found in it.

    ``line`` is the CSV line the row starts on (the header is line 1), or the product's position
    (from 1) in a JSON document; ``column`` is the CSV column, or the path inside the JSON product
    (``variants[2].barcode``); ``code`` is stable (``invalid_barcode``, ``duplicate_sku``,
    ``missing_title``, ``unknown_unit``, ``validation_error``...); ``reason`` says what is
    wrong and what would be right.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.schemas import import_catalog_csv
        >>> from ecomcore.core import FixedClock
        >>> lines = ["Handle,Title,Variant SKU,Variant Barcode", "mug,Mug,MUG-1,123"]
        >>> result = import_catalog_csv(lines, clock=FixedClock(datetime(2026, 3, 1, tzinfo=UTC)))
        >>> rejected = result.report.rejected[0]
        >>> rejected.line, rejected.column, rejected.value, rejected.code
        (2, 'Variant Barcode', '123', 'invalid_barcode')
    """

    model_config = ConfigDict(json_schema_extra=without_examples, frozen=True)

    line: int
    column: str
    value: str
    code: str
    reason: str


class ImportReport(BaseModel):
    """The account of an import: ``imported + len(rejected) == total``, always.

    Rows are CSV variant rows (and image-only rows), or products in a JSON document.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.schemas import import_catalog_json
        >>> from ecomcore.core import FixedClock
        >>> document = '{"products": [{"handle": "mug", "title": "Mug"}, {"handle": "cap"}]}'
        >>> clock = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
        >>> report = import_catalog_json(document, clock=clock).report
        >>> report.total, report.imported, len(report.rejected), report.balanced
        (2, 1, 1, True)
        >>> report.rejected[0].column, report.rejected[0].reason
        ('title', 'Field required')
    """

    model_config = ConfigDict(json_schema_extra=without_examples, frozen=True)

    total: int
    imported: int
    products: int
    rejected: list[RejectedRow]

    @property
    def balanced(self) -> bool:
        """Whether every input row is accounted for exactly once."""
        return self.imported + len(self.rejected) == self.total


@attrs.frozen
class CatalogImport:
    """The result of an import: the products built from the good rows, and the report.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.schemas import import_catalog_csv
        >>> from ecomcore.core import FixedClock
        >>> lines = ["Handle,Title,Variant SKU", "mug,Mug,MUG-1", "cap,Cap,CAP-1"]
        >>> result = import_catalog_csv(lines, clock=FixedClock(datetime(2026, 3, 1, tzinfo=UTC)))
        >>> [(product.handle, product.title) for product in result.products], result.report.imported
        ([('mug', 'Mug'), ('cap', 'Cap')], 2)
    """

    products: tuple[Product, ...]
    report: ImportReport


class RowError(Exception):
    """Internal: the first problem of a row, on its way to becoming a `RejectedRow`."""

    def __init__(self, column: str, value: object, code: str, reason: str) -> None:
        super().__init__(reason)
        self.column, self.value, self.code, self.reason = column, value, code, reason

    @classmethod
    def from_error(cls, column: str, value: object, error: EcomcoreError) -> "RowError":
        """Wrap a domain error raised while reading ``column``."""
        return cls(column, value, error.code, error.message)

    def at(self, line: int) -> RejectedRow:
        """Return the rejection of the row starting at ``line``."""
        value = "" if self.value is None else str(self.value)
        return RejectedRow(
            line=line, column=self.column, value=value, code=self.code, reason=self.reason
        )
