"""Seeded sample catalogs: CSV files with known broken rows, for import tests and benchmarks."""

import csv
import io
import random

import attrs
from stdnum import ean

__all__ = ["BROKEN_KINDS", "SampleCatalogCsv", "sample_catalog_csv"]

_COLUMNS = (
    "Handle", "Title", "Body (HTML)", "Vendor", "Type", "Tags", "Option1 Name", "Option1 Value",
    "Option2 Name", "Option2 Value", "Variant SKU", "Variant Barcode", "Variant Weight",
    "Variant Weight Unit", "Variant Price", "Variant HS Code", "Variant Country of Origin",
)  # fmt: skip
_SIZES = ("XS", "S", "M", "L", "XL")
_COLOURS = ("Black", "White", "Navy", "Sand")
_UNITS = ("g", "kg", "lb", "oz")
_COUNTRIES = ("PT", "DE", "VN", "TR", "US")

BROKEN_KINDS: dict[str, tuple[str, str]] = {
    "bad_barcode": ("Variant Barcode", "invalid_barcode"),
    "duplicate_sku": ("Variant SKU", "duplicate_sku"),
    "missing_title": ("Title", "missing_title"),
    "unknown_unit": ("Variant Weight Unit", "unknown_unit"),
    "wrong_number": ("Variant Weight", "validation_error"),
}
"""Each kind of breakage: (the column the import must blame, the code it must give)."""


@attrs.frozen
class SampleCatalogCsv:
    """A generated CSV and the truth about it: which lines are broken, and how.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.schemas import import_catalog_csv
        >>> from ecomcore.core import FixedClock
        >>> sample = sample_catalog_csv(20, seed=7, broken_share=0.1)
        >>> sample.rows, sample.broken
        (20, {6: 'bad_barcode', 16: 'duplicate_sku'})
        >>> clock = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
        >>> result = import_catalog_csv(sample.text, clock=clock)
        >>> {row.line: row.code for row in result.report.rejected} == {
        ...     line: BROKEN_KINDS[kind][1] for line, kind in sample.broken.items()}
        True
    """

    text: str
    rows: int
    broken: dict[int, str]
    """Line number (header = 1) to the kind of breakage, a key of `BROKEN_KINDS`."""


def _barcode(rng: random.Random) -> str:
    body = f"{rng.randrange(10**11, 10**12)}0"
    return body + ean.calc_check_digit(body)


def _bad_barcode(good: str) -> str:
    return good[:-1] + str((int(good[-1]) + 1 + 0) % 10)


def sample_catalog_csv(
    variant_rows: int, *, seed: int, broken_share: float = 0.01
) -> SampleCatalogCsv:
    r"""Generate ``variant_rows`` CSV rows (plus a header), about ``broken_share`` of them broken.

    Products have 1-4 variants over Size and Colour; breakages cycle through `BROKEN_KINDS`
    (a missing title only ever on a one-variant product, so it costs no other row). Same seed,
    same file.

    Examples:
        >>> sample = sample_catalog_csv(300, seed=7)
        >>> sample.rows, len(sample.broken), sample.text.count("\n")
        (300, 3, 301)
    """
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_COLUMNS)
    every = max(1, round(1 / broken_share)) if broken_share > 0 else 0
    broken: dict[int, str] = {}
    good_skus: list[str] = []
    kinds = tuple(BROKEN_KINDS)
    line, product = 1, 0
    while line - 1 < variant_rows:
        product += 1
        count = min(rng.randint(1, 4), variant_rows - (line - 1))
        combos = rng.sample([(s, c) for s in _SIZES for c in _COLOURS], count)
        handle = f"product-{product:06d}"
        for index, (size, colour) in enumerate(combos):
            line += 1
            sku = f"SKU-{product:06d}-{index}"
            row = {
                "Handle": handle,
                "Option1 Value": size,
                "Option2 Value": colour,
                "Variant SKU": sku,
                "Variant Barcode": _barcode(rng),
                "Variant Weight": f"{rng.randint(50, 2000)}.{rng.randint(0, 9)}",
                "Variant Weight Unit": rng.choice(_UNITS),
                "Variant Price": f"{rng.randint(5, 200)}.99",
                "Variant HS Code": "6109.10",
                "Variant Country of Origin": rng.choice(_COUNTRIES),
            }
            if index == 0:
                row |= {
                    "Title": f"Product {product}",
                    "Body (HTML)": '<p>Soft, "heavy" cotton, 180 g/m²</p>',
                    "Vendor": "Acme",
                    "Type": "t-shirt",
                    "Tags": "cotton, summer",
                    "Option1 Name": "Size",
                    "Option2 Name": "Colour",
                }
            breaks = every > 0 and (line - 1) % every == every // 2
            kind = kinds[len(broken) % len(kinds)] if breaks else None
            if kind == "missing_title" and (count != 1 or index != 0):
                kind = "bad_barcode"
            if kind == "duplicate_sku" and not good_skus:
                kind = "unknown_unit"
            if kind is not None:
                broken[line] = kind
                _break(row, kind, good_skus, rng)
            else:
                good_skus.append(sku)
            writer.writerow([row.get(column, "") for column in _COLUMNS])
    return SampleCatalogCsv(out.getvalue(), variant_rows, broken)


def _break(row: dict[str, str], kind: str, good_skus: list[str], rng: random.Random) -> None:
    if kind == "bad_barcode":
        row["Variant Barcode"] = _bad_barcode(row["Variant Barcode"])
    elif kind == "duplicate_sku":
        row["Variant SKU"] = rng.choice(good_skus)
    elif kind == "missing_title":
        row["Title"] = ""
    elif kind == "unknown_unit":
        row["Variant Weight Unit"] = rng.choice(("stone", "kgs", "pounds"))
    else:
        row["Variant Weight"] = rng.choice(("12,5", "abc", "-3", "1e", "NaN"))
