"""A product as a row of ``ecomcore_catalog_product`` and back: columns plus a JSON document."""

from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.engine import Row

from ecomcore.adapters.sqlalchemy._catalog_tables import _key
from ecomcore.catalog import (
    AttributeValue,
    Barcode,
    Category,
    Dimensions,
    InventoryComponent,
    LengthUnit,
    Media,
    OptionAxis,
    Product,
    ProductStatus,
    Variant,
    Weight,
    WeightUnit,
)
from ecomcore.core import ValidationError


def _by_handle(rows: Sequence[Row[Any]]) -> list[Product]:
    # Sorted here rather than by the database, whose collation may order text differently.
    return sorted(map(_product, rows), key=lambda product: product.handle)


def _category(row: Row[Any]) -> Category:
    return Category(row.id, row.handle, row.name, row.parent_id)


def _product_row(product: Product) -> dict[str, Any]:
    """Return the product's row: the queried columns, and the rest as a JSON document."""
    document = {
        "title": product.title,
        "description": product.description,
        "vendor": product.vendor,
        "tags": sorted(product.tags),
        "media": [[media.url, media.alt] for media in product.media],
        "options": [[axis.name, list(axis.values)] for axis in product.options],
        "variants": [_variant_document(variant) for variant in product.variants],
        "attributes": [[code, *_attribute(value)] for code, value in product.attributes.items()],
        "category_ids": sorted(product.category_ids),
        "requires_shipping": product.requires_shipping,
    }
    product_type = product.product_type
    return {
        "handle": _key("handle", product.handle),
        "status": product.status.value,
        "product_type": None if product_type is None else _key("product type", product_type),
        "document": document,
    }


def _product(row: Row[Any]) -> Product:
    document = row.document
    return Product(
        id=row.id,
        handle=row.handle,
        title=document["title"],
        description=document["description"],
        status=ProductStatus(row.status),
        product_type=row.product_type,
        vendor=document["vendor"],
        tags=frozenset(document["tags"]),
        media=tuple(Media(url, alt) for url, alt in document["media"]),
        options=tuple(OptionAxis(name, tuple(values)) for name, values in document["options"]),
        variants=tuple(map(_variant, document["variants"])),
        attributes={code: _READ[kind](value) for code, kind, value in document["attributes"]},
        category_ids=frozenset(document["category_ids"]),
        requires_shipping=document["requires_shipping"],
        version=row.version,
    )


def _variant_document(variant: Variant) -> dict[str, Any]:
    weight, box = variant.weight, variant.dimensions
    return {
        "options": list(variant.options),
        "sku": variant.sku,
        "barcode": None if variant.barcode is None else variant.barcode.value,
        "weight": None if weight is None else [str(weight.amount), weight.unit.value],
        "dimensions": None if box is None else [*map(str, box.sides), box.unit.value],
        "tax_category": variant.tax_category,
        "hs_code": variant.hs_code,
        "country_of_origin": variant.country_of_origin,
        "components": [[part.item_id, part.quantity] for part in variant.components],
        "active": variant.active,
    }


def _variant(document: dict[str, Any]) -> Variant:
    weight, box, barcode = document["weight"], document["dimensions"], document["barcode"]
    return Variant(
        options=tuple(document["options"]),
        sku=document["sku"],
        barcode=None if barcode is None else Barcode(barcode),
        weight=None if weight is None else Weight(Decimal(weight[0]), WeightUnit(weight[1])),
        dimensions=None
        if box is None
        else Dimensions(Decimal(box[0]), Decimal(box[1]), Decimal(box[2]), LengthUnit(box[3])),
        tax_category=document["tax_category"],
        hs_code=document["hs_code"],
        country_of_origin=document["country_of_origin"],
        components=tuple(
            InventoryComponent(item, quantity) for item, quantity in document["components"]
        ),
        active=document["active"],
    )


def _attribute(value: AttributeValue) -> tuple[str, Any]:
    """Return an attribute value as its kind and JSON (numbers and dates as text)."""
    if isinstance(value, bool):
        return ("boolean", value)
    if isinstance(value, str):
        return ("text", value)
    if isinstance(value, Decimal):
        return ("number", str(value))
    if isinstance(value, datetime):
        return ("datetime", value.isoformat())
    if isinstance(value, date):
        return ("date", value.isoformat())
    raise ValidationError("attribute value", value, "text, a Decimal, a bool or a date")


_READ: dict[str, Callable[[Any], AttributeValue]] = {
    "boolean": bool,
    "text": str,
    "number": Decimal,
    "datetime": datetime.fromisoformat,
    "date": date.fromisoformat,
}
