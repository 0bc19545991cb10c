"""Import products from the JSON document whose schema `catalog_import_json_schema` publishes."""

import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TypeVar

import pydantic

from ecomcore.catalog import (
    AttributeValue,
    Barcode,
    Dimensions,
    DuplicateSkuError,
    InventoryComponent,
    Media,
    OptionAxis,
    Product,
    ProductStatus,
    ProductType,
    Variant,
    Weight,
)
from ecomcore.core import Clock, EcomcoreError, ValidationError
from ecomcore.schemas._catalog_models import ProductIn, VariantIn
from ecomcore.schemas._catalog_report import CatalogImport, ImportReport, RejectedRow, RowError

__all__ = ["import_catalog_json"]

_T = TypeVar("_T")


def _at(path: str, value: object, build: Callable[[], _T]) -> _T:
    try:
        return build()
    except EcomcoreError as error:
        raise RowError.from_error(path, value, error) from None


def _variant(index: int, given: VariantIn) -> Variant:
    path = f"variants[{index}]"
    weight, box, barcode = given.weight, given.dimensions, given.barcode
    return _at(
        path,
        given.sku,
        lambda: Variant(
            options=tuple(given.options),
            sku=given.sku,
            barcode=_at(f"{path}.barcode", barcode, lambda: Barcode.parse(barcode))
            if barcode is not None
            else None,
            weight=_at(f"{path}.weight", weight, lambda: Weight.of(weight.value, weight.unit))
            if weight is not None
            else None,
            dimensions=_at(
                f"{path}.dimensions",
                box,
                lambda: Dimensions.of(box.length, box.width, box.height, box.unit),
            )
            if box is not None
            else None,
            tax_category=given.tax_category,
            hs_code=given.hs_code,
            country_of_origin=given.country_of_origin,
            components=tuple(InventoryComponent(c.item_id, c.quantity) for c in given.components),
            active=given.active,
        ),
    )


def _product(
    given: ProductIn,
    clock: Clock,
    product_id: Callable[[str], str],
    product_types: Mapping[str, ProductType],
) -> Product:
    variants = [_variant(index, variant) for index, variant in enumerate(given.variants)]
    attributes: Mapping[str, AttributeValue] = {}
    if given.attributes:
        known = product_types.get(given.product_type or "")
        if known is None:
            raise RowError(
                "product_type",
                given.product_type,
                "unknown_product_type",
                "attributes need a product type the import knows; "
                f"known: {', '.join(sorted(product_types)) or 'none'}",
            )
        attributes = _at(
            "attributes", given.attributes, lambda: known.check_attributes(given.attributes)
        )
    return _at(
        "",
        given.handle,
        lambda: Product.create(
            product_id(given.handle),
            given.handle,
            given.title,
            clock=clock,
            options=[OptionAxis(axis.name, tuple(axis.values)) for axis in given.options],
            variants=variants,
            description=given.description,
            status=ProductStatus(given.status),
            product_type=given.product_type,
            vendor=given.vendor,
            tags=frozenset(given.tags),
            media=tuple(Media(media.url, media.alt) for media in given.media),
            attributes=attributes,
            category_ids=frozenset(given.category_ids),
            requires_shipping=given.requires_shipping,
        ),
    )


def import_catalog_json(
    document: str | bytes,
    *,
    clock: Clock,
    taken_skus: Mapping[str, str] | None = None,
    product_types: Mapping[str, ProductType] | None = None,
    product_id: Callable[[str], str] | None = None,
) -> CatalogImport:
    """Import the products of a JSON document ``{"products": [...]}``; nothing is lost.

    Each product is imported whole or rejected with its position (``line``, from 1), the path
    of the first problem (``column``, such as ``variants[0].barcode``) and the reason. Numbers
    are read as exact Decimals. SKUs must be unique in the document and absent from
    ``taken_skus`` (SKU to handle of products already in the catalog); attributes are checked
    against ``product_types`` by code. Raises `ValidationError` if the document is not JSON or
    has no ``products`` list.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import FixedClock
        >>> clock = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
        >>> document = '''{"products": [
        ...   {"handle": "mug", "title": "Mug",
        ...    "variants": [{"sku": "MUG", "barcode": "4006381333931"}]},
        ...   {"handle": "cap", "title": "Cap", "variants": [{"sku": "MUG"}]}]}'''
        >>> result = import_catalog_json(document, clock=clock)
        >>> [product.handle for product in result.products], result.report.rejected[0].code
        (['mug'], 'duplicate_sku')
    """
    try:
        data = json.loads(document, parse_float=Decimal)
    except (ValueError, UnicodeDecodeError) as error:
        raise ValidationError("document", str(error), "a JSON document") from None
    items = data.get("products") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ValidationError("document", type(data).__name__, 'an object {"products": [...]}')
    taken = dict(taken_skus or {})
    types = product_types or {}
    make_id = product_id or (lambda handle: handle)
    products: list[Product] = []
    rejected: list[RejectedRow] = []
    for position, item in enumerate(items, start=1):
        try:
            given = _parsed(item)
            product = _product(given, clock, make_id, types)
            skus = [variant.sku for variant in product.variants if variant.sku is not None]
            for index, sku in enumerate(skus):
                if sku in taken:
                    raise RowError.from_error(
                        f"variants[{index}].sku", sku, DuplicateSkuError(sku, product=taken[sku])
                    )
        except RowError as problem:
            rejected.append(problem.at(position))
            continue
        taken.update(dict.fromkeys(skus, product.handle))
        products.append(product)
    report = ImportReport(
        total=len(items), imported=len(products), products=len(products), rejected=rejected
    )
    return CatalogImport(products=tuple(products), report=report)


def _parsed(item: object) -> ProductIn:
    try:
        return ProductIn.model_validate(item)
    except pydantic.ValidationError as error:
        first = error.errors()[0]
        path = "".join(
            f"[{part}]" if isinstance(part, int) else f".{part}" for part in first["loc"]
        ).lstrip(".")
        raise RowError(path, first.get("input"), "validation_error", first["msg"]) from None
