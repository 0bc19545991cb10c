"""The catalog import formats as pydantic models: a JSON document and a CSV row per variant."""

from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ecomcore.schemas._schema_text import without_examples

__all__ = [
    "CSV_COLUMNS",
    "CatalogDocument",
    "ComponentIn",
    "DimensionsIn",
    "MediaIn",
    "OptionIn",
    "ProductIn",
    "VariantCsvRow",
    "VariantIn",
    "WeightIn",
    "catalog_import_json_schema",
]


class _Strict(BaseModel):
    model_config = ConfigDict(
        json_schema_extra=without_examples, extra="forbid", str_strip_whitespace=True
    )


class WeightIn(_Strict):
    """A weight: ``value`` as a number or numeric text, ``unit`` one of g, kg, lb, oz."""

    value: Decimal
    unit: str = "g"


class DimensionsIn(_Strict):
    """A box: length, width and height in one ``unit`` (mm, cm, m, in)."""

    length: Decimal
    width: Decimal
    height: Decimal
    unit: str = "cm"


class MediaIn(_Strict):
    """An image or video: its URL and alt text."""

    url: str
    alt: str = ""


class OptionIn(_Strict):
    """An option axis: its name and values in display order."""

    name: str = Field(min_length=1)
    values: list[str] = Field(min_length=1)


class ComponentIn(_Strict):
    """An inventory item a variant consumes, and how many."""

    item_id: str = Field(min_length=1)
    quantity: int = Field(default=1, ge=1)


class VariantIn(_Strict):
    """A variant: option values in axis order and its own facts; codes are checked on import.

    Examples:
        >>> from ecomcore.schemas import VariantIn
        >>> variant = VariantIn.model_validate({"options": ["L"], "sku": " MUG-L ",
        ...                                     "weight": {"value": "0.35", "unit": "kg"}})
        >>> variant.sku, variant.weight.value
        ('MUG-L', Decimal('0.35'))
    """

    options: list[str] = []
    sku: str | None = None
    barcode: str | None = None
    weight: WeightIn | None = None
    dimensions: DimensionsIn | None = None
    tax_category: str | None = None
    hs_code: str | None = None
    country_of_origin: str | None = None
    components: list[ComponentIn] = []
    active: bool = True


class ProductIn(_Strict):
    """A product with its option axes and variants (a chosen subset of the matrix, or all of it).

    ``attributes`` are checked against the product type's definitions, so a product with
    attributes needs a product type the import knows.

    Examples:
        >>> import pydantic
        >>> from ecomcore.schemas import ProductIn
        >>> mug = ProductIn.model_validate({"handle": "mug", "title": "Mug",
        ...     "options": [{"name": "Size", "values": ["S", "L"]}],
        ...     "variants": [{"options": ["S"]}]})
        >>> mug.status, [option.values for option in mug.options]
        ('draft', [['S', 'L']])
        >>> try:
        ...     ProductIn.model_validate({"handle": "mug", "title": "Mug", "colour": "red"})
        ... except pydantic.ValidationError as error:
        ...     print(error.errors()[0]["loc"], error.errors()[0]["msg"])
        ('colour',) Extra inputs are not permitted
    """

    handle: str
    title: str = Field(min_length=1)
    description: str = ""
    status: Literal["draft", "active", "archived"] = "draft"
    product_type: str | None = None
    vendor: str = ""
    tags: list[str] = []
    media: list[MediaIn] = []
    options: list[OptionIn] = []
    variants: list[VariantIn] = []
    attributes: dict[str, str | bool | Decimal] = {}
    category_ids: list[str] = []
    requires_shipping: bool = True


class CatalogDocument(_Strict):
    """The JSON import document: ``{"products": [...]}``.

    Examples:
        >>> from ecomcore.schemas import CatalogDocument
        >>> document = CatalogDocument.model_validate_json('{"products": [{"handle": "mug",'
        ...                                                 ' "title": "Mug"}]}')
        >>> [product.handle for product in document.products]
        ['mug']
        >>> CatalogDocument.model_validate_json('{"products": [{"handle": "cap"}]}')
        Traceback (most recent call last):
        ...
        pydantic_core._pydantic_core.ValidationError: 1 validation error for CatalogDocument
        products.0.title
          Field required ...
    """

    products: list[ProductIn]


def catalog_import_json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the JSON import document.

    Examples:
        >>> schema = catalog_import_json_schema()
        >>> schema["required"], sorted(schema["$defs"])[:3]
        (['products'], ['ComponentIn', 'DimensionsIn', 'MediaIn'])
    """
    schema = CatalogDocument.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


class VariantCsvRow(BaseModel):
    """One CSV row: one variant, with its product's columns on the product's first row.

    The layout of common store exports (Shopify's product CSV): ``Handle`` groups rows into a
    product; ``Title``, ``Body (HTML)``, ``Vendor``, ``Type``, ``Tags``, ``Status`` and the
    option names are read from a product's first row. ``Variant Weight`` is in
    ``Variant Weight Unit`` (default g); Shopify's ``Variant Grams`` is read when
    ``Variant Weight`` is empty. Other columns (prices, inventory, SEO) are ignored here.

    Examples:
        >>> from ecomcore.schemas import CSV_COLUMNS, VariantCsvRow
        >>> row = VariantCsvRow.model_validate({"Handle": "mug", "Variant SKU": "MUG-S",
        ...                                     "Variant Grams": "350", "Variant Price": "12.00"})
        >>> row.handle, row.sku, row.grams
        ('mug', 'MUG-S', '350')
        >>> CSV_COLUMNS[:3]
        ('Handle', 'Title', 'Body (HTML)')
    """

    model_config = ConfigDict(
        json_schema_extra=without_examples, extra="ignore", str_strip_whitespace=True
    )

    handle: str = Field(alias="Handle")
    title: str = Field("", alias="Title")
    body: str = Field("", alias="Body (HTML)")
    vendor: str = Field("", alias="Vendor")
    product_type: str = Field("", alias="Type")
    tags: str = Field("", alias="Tags")
    status: str = Field("", alias="Status")
    option1_name: str = Field("", alias="Option1 Name")
    option1_value: str = Field("", alias="Option1 Value")
    option2_name: str = Field("", alias="Option2 Name")
    option2_value: str = Field("", alias="Option2 Value")
    option3_name: str = Field("", alias="Option3 Name")
    option3_value: str = Field("", alias="Option3 Value")
    sku: str = Field("", alias="Variant SKU")
    barcode: str = Field("", alias="Variant Barcode")
    weight: str = Field("", alias="Variant Weight")
    grams: str = Field("", alias="Variant Grams")
    weight_unit: str = Field("", alias="Variant Weight Unit")
    requires_shipping: str = Field("", alias="Variant Requires Shipping")
    tax_code: str = Field("", alias="Variant Tax Code")
    hs_code: str = Field("", alias="Variant HS Code")
    country_of_origin: str = Field("", alias="Variant Country of Origin")
    image_src: str = Field("", alias="Image Src")
    image_alt: str = Field("", alias="Image Alt Text")


CSV_COLUMNS: tuple[str, ...] = tuple(
    field.alias or name for name, field in VariantCsvRow.model_fields.items()
)
"""The CSV columns the import reads, in a good order for writing a file."""
