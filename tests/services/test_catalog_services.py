"""Catalog use cases against the in-memory repositories."""

from datetime import UTC, datetime

import pytest

from ecomcore.adapters.memory import InMemoryCategoryRepository, InMemoryProductRepository
from ecomcore.catalog import (
    AttributeDefinition,
    Category,
    CategoryCycleError,
    DuplicateSkuError,
    OptionAxis,
    Product,
    ProductStatus,
    ProductType,
    Variant,
    Weight,
    change_product_options,
    move_category,
    products_in_category,
    publish_product,
)
from ecomcore.core import FixedClock

CLOCK = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
SIZE = OptionAxis.of("Size", "S", "M")


def stored_shirt(products: InMemoryProductRepository, *, weight: bool = True) -> Product:
    shirt = Product.create(
        "p-1", "shirt", "Shirt", clock=CLOCK, options=[SIZE], category_ids=frozenset({"c-2"})
    )
    template = Variant(weight=Weight.of(180, "g")) if weight else None
    shirt.generate_variants(clock=CLOCK, sku_template="SH-{Size}", template=template)
    products.save(shirt)
    return shirt


def test_publishing_a_complete_product_makes_it_active() -> None:
    """A product with SKUs and weights is published and saved as active."""
    products = InMemoryProductRepository()
    stored_shirt(products)
    assert publish_product("p-1", products=products, clock=CLOCK) == []
    assert products.get("p-1").status is ProductStatus.ACTIVE
    assert products.get("p-1").version == 2


def test_publishing_an_incomplete_product_changes_nothing() -> None:
    """Problems come back and the product stays a draft at its version."""
    products = InMemoryProductRepository()
    stored_shirt(products, weight=False)
    tee = ProductType("tee", "Tee", (AttributeDefinition.text("fabric", "Fabric", required=True),))
    problems = publish_product("p-1", products=products, clock=CLOCK, product_type=tee)
    assert [p.code for p in problems] == [
        "variant_without_weight", "variant_without_weight", "product_type_mismatch",
        "missing_required_attribute",
    ]  # fmt: skip
    assert products.get("p-1").status is ProductStatus.DRAFT
    assert products.get("p-1").version == 1


def test_an_option_change_can_be_previewed_then_applied() -> None:
    """A dry run says what would change and saves nothing; the real run saves it."""
    products = InMemoryProductRepository()
    stored_shirt(products)
    bigger = [OptionAxis.of("Size", "M", "L")]
    preview = change_product_options("p-1", bigger, products=products, clock=CLOCK, dry_run=True)
    assert preview.added == (("L",),)
    assert [v.sku for v in preview.removed] == ["SH-S"]
    assert len(products.get("p-1").variants) == 2
    applied = change_product_options(
        "p-1", bigger, products=products, clock=CLOCK, sku_template="SH-{Size}"
    )
    assert applied == preview
    assert [v.sku for v in products.get("p-1").variants] == ["SH-M", "SH-L"]
    assert products.get_by_sku("SH-L").id == "p-1"


def test_a_sku_used_by_another_product_is_refused_naming_it() -> None:
    """Saving a second product with SH-S fails, and the error names 'shirt'."""
    products = InMemoryProductRepository()
    stored_shirt(products)
    cap = Product.create("p-2", "cap", "Cap", clock=CLOCK, variants=[Variant(sku="SH-S")])
    with pytest.raises(DuplicateSkuError, match="'shirt'"):
        products.save(cap)


def test_browsing_a_category_includes_its_subcategories() -> None:
    """The shirt in Shirts shows up under Clothing, and not when subcategories are excluded."""
    products, categories = InMemoryProductRepository(), InMemoryCategoryRepository()
    tree = categories.get_tree()
    tree.add(Category("c-1", "clothing", "Clothing"))
    tree.add(Category("c-2", "shirts", "Shirts", parent_id="c-1"))
    categories.save_tree(tree)
    stored_shirt(products)
    found = products_in_category("c-1", products=products, categories=categories)
    assert [p.handle for p in found] == ["shirt"]
    direct = products_in_category(
        "c-1", products=products, categories=categories, include_subcategories=False
    )
    assert direct == []


def test_moving_categories_through_the_repository() -> None:
    """A move is saved; a move into its own subtree is refused and nothing is saved."""
    categories = InMemoryCategoryRepository()
    tree = categories.get_tree()
    tree.add(Category("c-1", "clothing", "Clothing"))
    tree.add(Category("c-2", "shirts", "Shirts", parent_id="c-1"))
    tree.add(Category("c-3", "sale", "Sale"))
    categories.save_tree(tree)
    move_category("c-2", "c-3", categories=categories)
    assert categories.get_tree().breadcrumb("c-2") == "Sale > Shirts"
    with pytest.raises(CategoryCycleError):
        move_category("c-3", "c-2", categories=categories)
    assert categories.get("c-3").parent_id is None
