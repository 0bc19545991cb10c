"""The publication check: every reason a product is not sellable, as values with codes."""

from ecomcore.catalog import (
    AttributeDefinition,
    OptionAxis,
    Product,
    ProductStatus,
    ProductType,
    Variant,
    Weight,
    publication_problems,
)

TEE = ProductType("tee", "T-shirt", (AttributeDefinition.text("fabric", "Fabric", required=True),))
GIFT_CARD = ProductType("gift-card", "Gift card", requires_shipping=False)


def codes(
    product: Product, product_type: ProductType | None = None
) -> list[tuple[str, str | None]]:
    return [(p.code, p.variant or p.attribute) for p in publication_problems(product, product_type)]


def test_a_complete_product_has_no_problems() -> None:
    """SKU and weight on every active variant and required attributes set: nothing to fix."""
    product = Product(
        "p-1", "tee", "Tee", product_type="tee", attributes={"fabric": "cotton"},
        options=(OptionAxis.of("Size", "S", "M"),),
        variants=(Variant(options=("S",), sku="T-S", weight=Weight.of(150, "g")),
                  Variant(options=("M",), sku=None, active=False)),
    )  # fmt: skip
    assert publication_problems(product, TEE) == []


def test_every_problem_is_listed_in_order() -> None:
    """Missing SKU, missing weight and a missing required attribute are each reported."""
    product = Product(
        "p-1", "tee", "Tee", product_type="tee",
        options=(OptionAxis.of("Size", "S", "M"),),
        variants=(Variant(options=("S",)), Variant(options=("M",), sku="T-M")),
    )  # fmt: skip
    assert codes(product, TEE) == [
        ("variant_without_sku", "S"),
        ("variant_without_weight", "S"),
        ("variant_without_weight", "M"),
        ("missing_required_attribute", "fabric"),
    ]
    messages = [p.message for p in publication_problems(product, TEE)]
    assert "required attribute Fabric (fabric) is not set" in messages


def test_no_active_variant_and_archived_status() -> None:
    """A product with no active variant, or archived, cannot be sold."""
    product = Product("p-1", "tee", "Tee", status=ProductStatus.ARCHIVED)
    assert codes(product) == [("archived", None), ("no_active_variant", None)]


def test_products_that_do_not_ship_need_no_weight() -> None:
    """A gift card needs a SKU but no weight."""
    card = Product("p-2", "gift-card", "Gift card", product_type="gift-card",
                   requires_shipping=False, variants=(Variant(sku="GC"),))  # fmt: skip
    assert codes(card, GIFT_CARD) == []
    assert codes(card, TEE)[0] == ("product_type_mismatch", None)
