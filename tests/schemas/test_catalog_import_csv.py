"""CSV import: every good row imported, every bad row reported with line, column and reason."""

from datetime import UTC, datetime

import pytest

from ecomcore.catalog import ProductStatus, Weight
from ecomcore.core import FixedClock, ValidationError
from ecomcore.schemas import CSV_COLUMNS, VariantCsvRow, import_catalog_csv
from ecomcore.schemas._catalog_csv_rows import CsvRow
from ecomcore.testing import BROKEN_KINDS, sample_catalog_csv

CLOCK = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
HEADER = (
    "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Barcode,Variant Weight,"
    "Variant Weight Unit"
)


def test_ten_thousand_rows_with_one_percent_broken_lose_nothing() -> None:
    """10,000 variant rows, 100 broken five ways: 9,900 imported, 100 reported exactly."""
    sample = sample_catalog_csv(10_000, seed=20260301)
    assert len(sample.broken) == 100
    assert set(sample.broken.values()) == set(BROKEN_KINDS)

    result = import_catalog_csv(sample.text, clock=CLOCK)
    report = result.report

    assert report.total == 10_000
    assert report.imported == 9_900
    assert report.balanced
    reported = {row.line: (row.column, row.code) for row in report.rejected}
    assert reported == {line: BROKEN_KINDS[kind] for line, kind in sample.broken.items()}
    assert all(row.reason for row in report.rejected)
    variants = [variant for product in result.products for variant in product.variants]
    assert len(variants) == 9_900 - sum(len(p.media) for p in result.products)
    skus = [variant.sku for variant in variants]
    assert len(set(skus)) == len(skus)


def test_product_fields_come_from_the_first_row() -> None:
    """Title, option names, tags and status come from the first row; later rows add variants."""
    text = "\n".join(
        [
            "Handle,Title,Tags,Status,Option1 Name,Option1 Value,Variant SKU,Variant Weight,"
            "Variant Weight Unit,Variant Price",
            'mug,Mug,"kitchen, gift",active,Size,S,MUG-S,0.3,kg,9.99',
            "mug,,,,,L,MUG-L,450,g,12.99",
        ]
    )
    result = import_catalog_csv(text, clock=CLOCK)
    (mug,) = result.products
    assert (mug.title, mug.status) == ("Mug", ProductStatus.ACTIVE)
    assert mug.tags == frozenset({"kitchen", "gift"})
    assert [axis.values for axis in mug.options] == [("S", "L")]
    assert [v.weight for v in mug.variants] == [Weight.of(300, "g"), Weight.of("0.45", "kg")]
    assert result.report.imported == 2


@pytest.mark.parametrize(
    ("row", "column", "code"),
    [
        ("mug,,,L,MUG-L,,1,stone", "Variant Weight Unit", "unknown_unit"),
        ("mug,,,L,MUG-L,,heavy,g", "Variant Weight", "validation_error"),
        ("mug,,,L,MUG-S,,1,g", "Variant SKU", "duplicate_sku"),
        ("mug,,,S,MUG-L,,1,g", "Option1 Value", "duplicate_variant"),
        ("mug,,,,MUG-L,,1,g", "Option1 Value", "option_mismatch"),
        ("mug,Cup,,L,MUG-L,,1,g", "Title", "conflicting_product_field"),
        ("mug,,,L,MUG-L,4006381333932,1,g", "Variant Barcode", "invalid_barcode"),
        ("Mug Two,Mug,Size,L,MUG-L,,1,g", "Handle", "validation_error"),
        ("cup,,Size,L,CUP-L,,1,g", "Title", "missing_title"),
        ("mug,,,L,MUG-L,,1", "(row)", "wrong_field_count"),
    ],
)
def test_each_kind_of_bad_row_is_blamed_on_its_column(row: str, column: str, code: str) -> None:
    """The second row is rejected, on line 3, naming the column at fault."""
    text = f"{HEADER}\nmug,Mug,Size,S,MUG-S,,1,g\n{row}\n"
    report = import_catalog_csv(text, clock=CLOCK).report
    (rejected,) = report.rejected
    assert (rejected.line, rejected.column, rejected.code) == (3, column, code)
    assert report.imported == 1
    assert report.balanced


def test_a_rejected_first_row_takes_its_product_rows_with_it() -> None:
    """Without a title on its first row, a product's other rows are reported, not dropped."""
    text = f"{HEADER}\ncup,,Size,S,CUP-S,,1,g\ncup,,,L,CUP-L,,1,g\nmug,Mug,Size,S,MUG-S,,1,g\n"
    report = import_catalog_csv(text, clock=CLOCK).report
    assert [(r.line, r.code) for r in report.rejected] == [
        (2, "missing_title"),
        (3, "product_rejected"),
    ]
    assert "line 2" in report.rejected[1].reason
    assert (report.total, report.imported, report.products) == (3, 1, 1)


def test_skus_already_in_the_catalog_are_refused_naming_the_owner() -> None:
    """A SKU taken by an existing product is reported with that product's handle."""
    text = f"{HEADER}\nmug,Mug,Size,S,MUG-S,,1,g\n"
    report = import_catalog_csv(text, clock=CLOCK, taken_skus={"MUG-S": "old-mug"}).report
    assert report.rejected[0].code == "duplicate_sku"
    assert "'old-mug'" in report.rejected[0].reason
    assert report.products == 0


def test_shopify_conventions_are_understood() -> None:
    """'Default Title' means no options, Variant Grams is grams, image-only rows add media."""
    text = "\n".join(
        [
            "Handle,Title,Body (HTML),Option1 Name,Option1 Value,Variant SKU,Variant Grams,"
            "Image Src,Image Alt Text",
            'poster,Poster,"<p>A poster,\nprinted</p>",Title,Default Title,P-1,120,'
            "https://cdn.example/p1.jpg,Front",
            "poster,,,,,,,https://cdn.example/p2.jpg,Back",
            "",
            "poster,,,,,,,/img/p3.jpg,",
        ]
    )
    result = import_catalog_csv(text, clock=CLOCK)
    (poster,) = result.products
    assert poster.options == ()
    assert poster.variants[0].weight == Weight.of(120, "g")
    assert [m.alt for m in poster.media] == ["Front", "Back", ""]
    assert (result.report.total, result.report.imported) == (3, 3)


def test_line_numbers_count_physical_lines_of_multiline_cells() -> None:
    """A quoted description spanning two lines pushes the next row to line 4."""
    text = (
        "Handle,Title,Body (HTML),Variant SKU,Variant Barcode\n"
        'mug,Mug,"two\nlines",M-1,\n'
        "cup,Cup,,C-1,123\n"
    )
    (rejected,) = import_catalog_csv(text, clock=CLOCK).report.rejected
    assert (rejected.line, rejected.column) == (4, "Variant Barcode")


def test_a_file_without_a_handle_column_is_refused_whole() -> None:
    """No Handle column means the file is not this layout at all."""
    with pytest.raises(ValidationError, match="Handle"):
        import_catalog_csv("Title,SKU\nMug,M-1\n", clock=CLOCK)
    assert CSV_COLUMNS[0] == "Handle"


def test_the_import_reads_every_documented_csv_column() -> None:
    """The row the import validates has exactly the fields and order VariantCsvRow documents."""
    assert CsvRow._fields == tuple(VariantCsvRow.model_fields)
