"""CSV records to validated rows, a batch at a time: one pydantic-core call per batch, not per row.

`VariantCsvRow` documents the row (aliases, defaults); the import validates the same fields as
`CsvRow`, a NamedTuple that pydantic checks in batches of plain tuples. Building a model
instance per row from a dict cost more than everything else pydantic did, so the import reads
cells by position (an itemgetter in the row's field order) and validates a list of tuples.
"""

import operator
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

import pydantic
from pydantic import ConfigDict, TypeAdapter

from ecomcore.schemas._catalog_models import VariantCsvRow
from ecomcore.schemas._catalog_report import RowError

__all__ = ["ALIAS", "CsvRow", "read_rows"]

ALIAS = {name: field.alias or name for name, field in VariantCsvRow.model_fields.items()}
"""The CSV column of each row field (``sku`` -> ``Variant SKU``)."""

# Rows per pydantic call: enough to amortise the call, and few enough that a batch's rows are
# mostly gone before a young collection sees them (named tuples stay tracked, and each one the
# collector promotes brings the next full collection of the whole heap closer; 1024 cost one
# more full collection per 100,000-row import than 128).
_BATCH = 128


class CsvRow(NamedTuple):
    """One CSV row as the import reads it: the fields of `VariantCsvRow`, in its order."""

    handle: str
    title: str
    body: str
    vendor: str
    product_type: str
    tags: str
    status: str
    option1_name: str
    option1_value: str
    option2_name: str
    option2_value: str
    option3_name: str
    option3_value: str
    sku: str
    barcode: str
    weight: str
    grams: str
    weight_unit: str
    requires_shipping: str
    tax_code: str
    hs_code: str
    country_of_origin: str
    image_src: str
    image_alt: str


# The same checks as VariantCsvRow's config: every cell a string, stripped.
_STRIP = ConfigDict(str_strip_whitespace=True)
_BATCH_ADAPTER = TypeAdapter(list[CsvRow], config=_STRIP)
_ROW_ADAPTER = TypeAdapter(CsvRow, config=_STRIP)


def read_rows(
    records: Iterator[list[str]], header: list[str]
) -> Iterator[tuple[int, CsvRow | RowError]]:
    """Yield ``(line, CsvRow)`` for each non-empty record, or ``(line, RowError)`` for a bad one.

    ``records`` is a `csv.reader` (its ``line_num`` gives each row's first line). Rows with
    the wrong number of cells are yielded as soon as they are read; the others in batches,
    in file order. A column missing from the header reads as empty text.
    """
    width = len(header)
    # The last of duplicate columns wins, as with dict(zip(header, record)); index ``width``
    # is an empty cell appended to every record for the columns the file does not have.
    position = {name: index for index, name in enumerate(header)}
    pick = operator.itemgetter(*(position.get(ALIAS[field], width) for field in CsvRow._fields))
    lines: list[int] = []
    cells: list[tuple[str, ...]] = []
    last_line = records.line_num  # type: ignore[attr-defined]
    for record in records:
        line, last_line = last_line + 1, records.line_num  # type: ignore[attr-defined]
        if not record:
            continue
        if len(record) != width:
            yield (
                line,
                RowError(
                    "(row)",
                    len(record),
                    "wrong_field_count",
                    f"the row has {len(record)} fields where the header has {width}",
                ),
            )
            continue
        record.append("")
        lines.append(line)
        cells.append(pick(record))
        if len(cells) == _BATCH:
            yield from zip(lines, _validated(cells), strict=True)
            lines, cells = [], []
    yield from zip(lines, _validated(cells), strict=True)


def _validated(cells: list[tuple[str, ...]]) -> Sequence[CsvRow | RowError]:
    try:
        return _BATCH_ADAPTER.validate_python(cells)
    except pydantic.ValidationError:
        # Rare (csv yields text): validate row by row to blame each bad row alone.
        return [_validated_row(row) for row in cells]


def _validated_row(cells: tuple[Any, ...]) -> CsvRow | RowError:
    try:
        return _ROW_ADAPTER.validate_python(cells)
    except pydantic.ValidationError as error:
        first = error.errors()[0]
        loc = first["loc"]
        index = loc[0] if loc and isinstance(loc[0], int) else None
        column = ALIAS[CsvRow._fields[index]] if index is not None else "(row)"
        value = cells[index] if index is not None else ""
        return RowError(column, value, "validation_error", f"{column}: {first['msg']}")
