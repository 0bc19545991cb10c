"""Import products from a CSV with one row per variant (the layout of common store exports)."""

import csv
import io
import operator
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import TypeVar

from ecomcore.catalog import (
    Barcode,
    DuplicateSkuError,
    Media,
    OptionAxis,
    Product,
    ProductStatus,
    Variant,
    Weight,
    WeightUnit,
    check_handle,
)
from ecomcore.core import Clock, EcomcoreError, ValidationError
from ecomcore.schemas._catalog_csv_rows import ALIAS, CsvRow, read_rows
from ecomcore.schemas._catalog_report import CatalogImport, ImportReport, RejectedRow, RowError

__all__ = ["import_catalog_csv"]

_PRODUCT_FIELDS = ("title", "body", "vendor", "product_type")
_OPTION_NAMES = ("option1_name", "option2_name", "option3_name")
_OPTION_VALUES = ("option1_value", "option2_value", "option3_value")
# What a product's first row says for the whole product, kept by its draft as a plain tuple.
_FIRST_ROW_FIELDS = (*_PRODUCT_FIELDS, *_OPTION_NAMES)
_first_row_facts = operator.attrgetter(*_FIRST_ROW_FIELDS)
_VARIANT_FIELDS = (*_OPTION_VALUES, "sku", "barcode", "weight", "grams", "hs_code", "tax_code")
# The fields Variant checks itself, by the field name its ValidationError gives.
_VARIANT_CHECKED = {"sku": "sku", "hs_code": "hs_code", "country_of_origin": "country_of_origin"}
_BOOLEANS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}
_STATUSES = {status.value: status for status in ProductStatus}
_UNSEEN = object()


_T = TypeVar("_T")


def _checked(column: str, value: str, check: Callable[[str], _T]) -> _T:
    try:
        return check(value)
    except EcomcoreError as error:
        raise RowError.from_error(ALIAS[column], value, error) from None


class _Draft:
    """A product being assembled from its rows; built once every row has been read."""

    __slots__ = (
        "facts", "handle", "line", "media", "option_lines", "option_names", "requires_shipping",
        "status", "tags", "variant_rows",
    )  # fmt: skip

    def __init__(self, row: CsvRow, line: int) -> None:
        self.line = line
        self.handle = row.handle
        # Not the row itself: a bulk import keeps every draft to the end, and the collector
        # keeps walking a named tuple, while a plain tuple of strings it soon stops tracking.
        self.facts: tuple[str, ...] = _first_row_facts(row)
        names = [row.option1_name, row.option2_name, row.option3_name]
        # Shopify writes products without options as Option1 "Title" = "Default Title".
        if names[0] == "Title" and row.option1_value == "Default Title" and not any(names[1:]):
            names = [""]
        self.option_names = tuple(filter(None, names))
        if tuple(names[: len(self.option_names)]) != self.option_names:
            raise RowError(
                ALIAS["option1_name"], names, "validation_error", "option names without gaps"
            )
        # Positions of its variants in the import's list: a tuple of numbers, which the
        # collector stops tracking, rather than one more list per draft.
        self.variant_rows: tuple[int, ...] = ()
        self.option_lines: dict[tuple[str, ...], int] = {}
        # Few products have images: no list until one does. Each image with the line of its
        # image-only row, or 0 when it came on a variant row (a bulk import keeps every draft
        # alive to the end, and fewer containers per draft is less work for the collector).
        self.media: list[tuple[Media, int]] | None = None
        self.status = self._status(row.status)
        self.requires_shipping = _boolean("requires_shipping", row.requires_shipping, True)
        self.tags = _tags(row.tags)

    @staticmethod
    def _status(text: str) -> ProductStatus:
        status = _STATUSES.get(text.lower() or "draft")
        if status is None:
            raise RowError(
                ALIAS["status"],
                text,
                "validation_error",
                "status must be draft, active or archived",
            )
        return status

    def options_of(self, row: CsvRow) -> tuple[str, ...]:
        values = (row.option1_value, row.option2_value, row.option3_value)
        count = len(self.option_names)
        if not count and values == ("Default Title", "", ""):
            values = ("", "", "")
        options = values[:count]
        if not all(options) or any(values[count:]):
            raise self._mismatch(values)
        first = self.option_lines.get(options)
        if first is not None:
            raise RowError(
                ALIAS["option1_value"],
                " / ".join(options) or "Default",
                "duplicate_variant",
                f"product {self.handle!r} already has this variant, at line {first}",
            )
        return options

    def _mismatch(self, values: tuple[str, str, str]) -> RowError:
        """Return the error for the first value missing on an axis or given beyond them."""
        count = len(self.option_names)
        index = next(i for i, value in enumerate(values) if bool(value) is not (i < count))
        axes = ", ".join(self.option_names) or "none"
        return RowError(
            ALIAS[_OPTION_VALUES[index]],
            values[index],
            "option_mismatch",
            f"product {self.handle!r} has {count} option axes ({axes}); give one "
            "value for each and none beyond",
        )

    def conflicts(self, row: CsvRow) -> None:
        if not (row.title or row.body or row.vendor or row.product_type or row.option1_name):
            return
        facts = zip(_FIRST_ROW_FIELDS, _first_row_facts(row), self.facts, strict=True)
        for field, value, first in facts:
            if value and value != first:
                raise RowError(
                    ALIAS[field],
                    value,
                    "conflicting_product_field",
                    f"differs from {first!r} on the product's first row "
                    f"(line {self.line}); leave it empty or repeat it exactly",
                )

    def add_media(self, media: Media, line: int) -> None:
        if self.media is None:
            self.media = []
        self.media.append((media, line))

    def imported_lines(self) -> list[int]:
        media_lines = [line for _, line in self.media or () if line]
        return sorted([*self.option_lines.values(), *media_lines])

    def build(
        self,
        product_id: str,
        clock: Clock,
        variants: tuple[Variant, ...],
        shared: "_SharedAxes",
    ) -> Product:
        # Values in the order the rows gave them, each once, per axis (a column of the options).
        columns = zip(*self.option_lines, strict=True)
        key = tuple(
            (name, tuple(dict.fromkeys(values)))
            for name, values in zip(self.option_names, columns, strict=True)
        )
        axes = shared.axes.get(key)
        if axes is None:
            axes = shared.axes[key] = tuple(shared.axis(name, values) for name, values in key)
        title, body, vendor, product_type = self.facts[: len(_PRODUCT_FIELDS)]
        return Product.create(
            product_id,
            self.handle,
            title,
            clock=clock,
            options=axes,
            variants=variants,
            description=body,
            status=self.status,
            product_type=product_type or None,
            vendor=vendor,
            tags=self.tags,
            media=tuple(media for media, _ in self.media or ()),
            requires_shipping=self.requires_shipping,
        )


class _SharedAxes:
    """Option axes met so far; many products share them (Size S-XL), and they are immutable."""

    def __init__(self) -> None:
        self.axes: dict[tuple[tuple[str, tuple[str, ...]], ...], tuple[OptionAxis, ...]] = {}
        self.by_name: dict[tuple[str, tuple[str, ...]], OptionAxis] = {}

    def axis(self, name: str, values: tuple[str, ...]) -> OptionAxis:
        axis = self.by_name.get((name, values))
        if axis is None:
            axis = self.by_name[name, values] = OptionAxis(name, values)
        return axis


@lru_cache(maxsize=1024)  # products share tag lists; a frozenset is safe to share
def _tags(text: str) -> frozenset[str]:
    return frozenset(tag.strip() for tag in text.split(",") if tag.strip())


def _boolean(field: str, text: str, default: bool) -> bool:
    if not text:
        return default
    value = _BOOLEANS.get(text.lower())
    if value is None:
        raise RowError(ALIAS[field], text, "validation_error", "must be true or false")
    return value


def _new_draft(row: CsvRow, line: int) -> _Draft:
    _checked("handle", row.handle, check_handle)
    if not row.title:
        raise RowError(
            ALIAS["title"],
            "",
            "missing_title",
            "the first row of a product needs its Title; later rows may leave it empty",
        )
    return _Draft(row, line)


def _weight(row: CsvRow) -> Weight | None:
    unit: WeightUnit = WeightUnit.GRAM
    if row.weight_unit:
        unit = _checked("weight_unit", row.weight_unit, WeightUnit.parse)
    # Shopify's Variant Grams is always grams; its unit column only says how to display it.
    column, text = ("weight", row.weight) if row.weight else ("grams", row.grams)
    if not text:
        return None
    try:
        return Weight.of(text, unit if column == "weight" else WeightUnit.GRAM)
    except EcomcoreError as error:
        raise RowError.from_error(ALIAS[column], text, error) from None


class _CsvImporter:
    def __init__(self, taken_skus: Mapping[str, str]) -> None:
        self.taken_skus = taken_skus
        self.drafts: dict[str, _Draft | int] = {}
        # SKU to its product's handle and line: plain tuples, which the collector stops tracking.
        self.sku_owners: dict[str, tuple[str, int]] = {}
        self.variants: list[Variant] = []
        self.weights: dict[tuple[str, str, str], object] = {}
        self.option_values: dict[tuple[str, ...], tuple[str, ...]] = {}
        self.rejected: list[RejectedRow] = []

    def take(self, row: CsvRow, line: int) -> None:
        draft = self.drafts.get(row.handle)
        if draft is None:
            try:
                draft = _new_draft(row, line)
            except RowError:
                self.drafts[row.handle] = line
                raise
            self.drafts[row.handle] = draft
        elif isinstance(draft, int):
            raise RowError(
                ALIAS["handle"],
                row.handle,
                "product_rejected",
                f"the first row of product {row.handle!r} (line {draft}) was rejected, so this "
                "row has no product; fix that row and import again",
            )
        else:
            draft.conflicts(row)
            if row.image_src and not any(getattr(row, field) for field in _VARIANT_FIELDS):
                draft.add_media(self._media(row), line)
                return
        options = draft.options_of(row)
        # Equal option values are shared by every variant that has them (they are immutable):
        # fewer distinct objects for the collector to reach from each variant.
        options = self.option_values.setdefault(options, options)
        variant = self._variant(row, options)
        media = self._media(row) if row.image_src else None
        draft.option_lines[options] = line
        draft.variant_rows += (len(self.variants),)
        self.variants.append(variant)
        if media is not None:
            draft.add_media(media, 0)
        if variant.sku is not None:
            self.sku_owners[variant.sku] = (row.handle, line)

    def _media(self, row: CsvRow) -> Media:
        return _checked("image_src", row.image_src, lambda url: Media(url, row.image_alt))

    def _weight(self, row: CsvRow) -> Weight | None:
        # Catalogs repeat weights a lot; Weight is immutable, so equal cells share one object.
        key = (row.weight, row.grams, row.weight_unit)
        weight = self.weights.get(key, _UNSEEN)
        if weight is _UNSEEN:
            weight = self.weights[key] = _weight(row)
        return weight  # type: ignore[return-value]  # not _UNSEEN any more

    def _variant(self, row: CsvRow, options: tuple[str, ...]) -> Variant:
        barcode = None
        if row.barcode:
            try:
                barcode = Barcode.parse(row.barcode)
            except EcomcoreError as error:
                raise RowError.from_error(ALIAS["barcode"], row.barcode, error) from None
        weight = self._weight(row)
        try:
            variant = Variant(
                options=options,
                sku=row.sku or None,
                barcode=barcode,
                weight=weight,
                tax_category=row.tax_code or None,
                hs_code=row.hs_code or None,
                country_of_origin=row.country_of_origin or None,
            )
        except ValidationError as error:
            column = ALIAS.get(_VARIANT_CHECKED.get(error.field, ""), "(row)")
            raise RowError.from_error(column, error.value, error) from None
        sku = variant.sku
        if sku is not None:
            owner = self.taken_skus.get(sku)
            seen = self.sku_owners.get(sku)
            if owner is not None or seen is not None:
                product = f"{seen[0]} (line {seen[1]})" if seen is not None else str(owner)
                raise RowError.from_error(
                    ALIAS["sku"], sku, DuplicateSkuError(sku, product=product)
                )
        return variant

    def finish(self, clock: Clock, product_id: Callable[[str], str]) -> list[Product]:
        products: list[Product] = []
        shared = _SharedAxes()
        # Each draft is let go once its product is built, so the collector never walks both.
        drafts, self.drafts = self.drafts, {}
        for handle in list(drafts):
            draft = drafts.pop(handle)
            if isinstance(draft, int):
                continue
            try:
                if not draft.variant_rows:
                    raise ValidationError("variants", [], "at least one imported variant row")
                variants = tuple(self.variants[row] for row in draft.variant_rows)
                products.append(draft.build(product_id(handle), clock, variants, shared))
            except EcomcoreError as error:
                # Rows that passed one by one but not as a product: report each, lose none.
                self.rejected += [
                    RowError.from_error(ALIAS["handle"], handle, error).at(line)
                    for line in draft.imported_lines()
                ]
        return products


def import_catalog_csv(
    source: str | Iterable[str],
    *,
    clock: Clock,
    taken_skus: Mapping[str, str] | None = None,
    product_id: Callable[[str], str] | None = None,
) -> CatalogImport:
    """Import products from CSV text (or lines), one row per variant; nothing is lost.

    Rows sharing a ``Handle`` make one product whose facts come from its first row; every good
    row becomes a variant (or, with only ``Image Src``, an image); every bad row is reported with
    its line, column and reason, and ``report.imported + len(report.rejected) == report.total``.
    A product whose first row is rejected takes its other rows with it (each reported).
    ``taken_skus`` maps SKUs already in the catalog to their product's handle; ``product_id``
    makes a product id from a handle (default: the handle). Raises `ValidationError` only if
    the header has no ``Handle`` column. Open files with ``newline=""`` (as the csv module
    asks) so that cells spanning lines keep their line numbers right.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import FixedClock
        >>> text = '''Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Barcode
        ... mug,Mug,Size,S,MUG-S,4006381333931
        ... mug,,,L,MUG-L,4006381333932
        ... '''
        >>> result = import_catalog_csv(text, clock=FixedClock(datetime(2026, 3, 1, tzinfo=UTC)))
        >>> [variant.sku for variant in result.products[0].variants]
        ['MUG-S']
        >>> rejected = result.report.rejected[0]
        >>> rejected.line, rejected.column, rejected.code
        (3, 'Variant Barcode', 'invalid_barcode')
    """
    return _import_csv(source, clock, taken_skus or {}, product_id or (lambda handle: handle))


def _import_csv(
    source: str | Iterable[str],
    clock: Clock,
    taken_skus: Mapping[str, str],
    product_id: Callable[[str], str],
) -> CatalogImport:
    lines = io.StringIO(source) if isinstance(source, str) else source
    reader = csv.reader(lines)
    header = [name.strip() for name in next(reader, [])]
    if "Handle" not in header:
        raise ValidationError("csv header", header, "a header row with a 'Handle' column")
    importer = _CsvImporter(taken_skus)
    total = 0
    for line, row in read_rows(reader, header):
        total += 1
        if isinstance(row, RowError):
            importer.rejected.append(row.at(line))
            continue
        try:
            importer.take(row, line)
        except RowError as problem:
            importer.rejected.append(problem.at(line))
    products = importer.finish(clock, product_id)
    rejected = sorted(importer.rejected, key=lambda row: row.line)
    report = ImportReport(
        total=total, imported=total - len(rejected), products=len(products), rejected=rejected
    )
    return CatalogImport(products=tuple(products), report=report)
