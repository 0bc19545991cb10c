"""JSON import and its published JSON Schema."""

import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import jsonschema
import pydantic
import pytest

from ecomcore.catalog import AttributeDefinition, Dimensions, ProductType, Weight
from ecomcore.core import FixedClock, ValidationError
from ecomcore.schemas import CatalogDocument, catalog_import_json_schema, import_catalog_json

CLOCK = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
MUG_TYPE = ProductType(
    "mug", "Mug", (AttributeDefinition.number("capacity", "Capacity", unit="ml"),)
)


def mug(**changes: Any) -> dict[str, Any]:
    product: dict[str, Any] = {
        "handle": "mug",
        "title": "Mug",
        "status": "active",
        "product_type": "mug",
        "tags": ["kitchen"],
        "media": [{"url": "https://cdn.example/mug.jpg", "alt": "A mug"}],
        "options": [{"name": "Size", "values": ["S", "L"]}],
        "variants": [
            {
                "options": ["S"],
                "sku": "MUG-S",
                "barcode": "4006381333931",
                "weight": {"value": 0.35, "unit": "kg"},
                "dimensions": {"length": "9", "width": "9", "height": "10", "unit": "cm"},
                "hs_code": "6912.00",
                "country_of_origin": "pt",
                "tax_category": "standard",
            },
            {"options": ["L"], "sku": "MUG-L", "components": [{"item_id": "MUG-L", "quantity": 1}]},
        ],
        "attributes": {"capacity": "350"},
        "category_ids": ["c-1"],
    }
    product.update(changes)
    return product


def document(*products: dict[str, Any]) -> str:
    return json.dumps({"products": list(products)})


def test_a_full_product_is_imported_exactly() -> None:
    """Every fact arrives: numbers as exact Decimals, codes normalised, attributes typed."""
    result = import_catalog_json(document(mug()), clock=CLOCK, product_types={"mug": MUG_TYPE})
    (product,) = result.products
    small = product.variant(("S",))
    assert small.weight == Weight.of("0.35", "kg")
    assert small.weight is not None
    assert small.weight.amount == Decimal("0.35")
    assert small.dimensions == Dimensions.of(9, 9, 10, "cm")
    assert (small.hs_code, small.country_of_origin) == ("691200", "PT")
    assert product.attributes == {"capacity": Decimal(350)}
    assert result.report.model_dump() == {"total": 1, "imported": 1, "products": 1, "rejected": []}


@pytest.mark.parametrize(
    ("changes", "column", "code"),
    [
        ({"title": ""}, "title", "validation_error"),
        ({"colour": "red"}, "colour", "validation_error"),
        (
            {"variants": [{"sku": "A", "options": ["S"], "barcode": "123"}]},
            "variants[0].barcode",
            "invalid_barcode",
        ),
        (
            {"variants": [{"options": ["S"], "weight": {"value": "1", "unit": "st"}}]},
            "variants[0].weight",
            "unknown_unit",
        ),
        (
            {"variants": [{"options": ["S"], "country_of_origin": "UK"}]},
            "variants[0]",
            "validation_error",
        ),
        ({"variants": [{"options": ["XL"]}]}, "", "validation_error"),
        ({"attributes": {"capacity": "big"}}, "attributes", "invalid_attribute"),
        ({"product_type": "plate"}, "product_type", "unknown_product_type"),
    ],
)
def test_a_bad_product_is_reported_with_its_path(
    changes: dict[str, Any], column: str, code: str
) -> None:
    """The bad product is rejected at its position with the path to the problem; the good stays."""
    good = mug(handle="good-mug", variants=[{"options": ["S"], "sku": "G-1"}])
    result = import_catalog_json(
        document(good, mug(**changes)), clock=CLOCK, product_types={"mug": MUG_TYPE}
    )
    (rejected,) = result.report.rejected
    assert (rejected.line, rejected.column, rejected.code) == (2, column, code)
    assert [p.handle for p in result.products] == ["good-mug"]
    assert result.report.balanced


def test_skus_must_be_unique_across_the_document_and_the_catalog() -> None:
    """The second product reusing MUG-S is rejected, as is one reusing a catalog SKU."""
    other = mug(handle="other", variants=[{"options": ["S"], "sku": "MUG-S"}], attributes={})
    taken = mug(handle="taken", variants=[{"options": ["S"], "sku": "OLD-1"}], attributes={})
    result = import_catalog_json(
        document(mug(attributes={}), other, taken), clock=CLOCK, taken_skus={"OLD-1": "old"}
    )
    assert [(r.line, r.column, r.code) for r in result.report.rejected] == [
        (2, "variants[0].sku", "duplicate_sku"),
        (3, "variants[0].sku", "duplicate_sku"),
    ]


def test_documents_that_are_not_catalogs_are_refused_whole() -> None:
    """Not JSON, or JSON without a products list, is one ValidationError."""
    for bad in ("{", "[]", '{"products": {}}'):
        with pytest.raises(ValidationError):
            import_catalog_json(bad, clock=CLOCK)


def test_the_published_schema_is_valid_json_schema_of_the_model() -> None:
    """The schema passes the 2020-12 meta-schema and is the model's own schema."""
    schema = catalog_import_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert {
        k: v for k, v in schema.items() if k != "$schema"
    } == CatalogDocument.model_json_schema()


@pytest.mark.parametrize(
    "candidate",
    [
        {"products": [mug()]},
        {"products": []},
        {"products": [mug(title="")]},
        {"products": [mug(status="sold")]},
        {"products": [mug(extra=1)]},
        {"products": [mug(variants=[{"components": [{"item_id": "X", "quantity": 0}]}])]},
        {"items": []},
    ],
)
def test_schema_and_model_agree_on_what_is_acceptable(candidate: dict[str, Any]) -> None:
    """A document the schema accepts the model accepts, and the other way round."""
    validator = jsonschema.Draft202012Validator(catalog_import_json_schema())
    try:
        CatalogDocument.model_validate(candidate)
        model_ok = True
    except pydantic.ValidationError:
        model_ok = False
    assert validator.is_valid(candidate) == model_ok
