"""Catalog use cases against the in-memory catalog unit of work."""

from datetime import UTC, datetime

import pytest

from ecomcore.adapters.memory import InMemoryCatalogUnitOfWork
from ecomcore.catalog import (
    AttributeDefinition,
    Category,
    CategoryCycleError,
    CategoryTree,
    DuplicateSkuError,
    OptionAxis,
    Product,
    ProductStatus,
    ProductStatusChanged,
    ProductType,
    Variant,
    VariantsChanged,
    Weight,
    change_product_options,
    move_category,
    products_in_category,
    publish_product,
)
from ecomcore.core import FixedClock, NotFoundError

CLOCK = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
SIZE = OptionAxis.of("Size", "S", "M")


def stored_shirt(uow: InMemoryCatalogUnitOfWork, *, weight: bool = True) -> Product:
    shirt = Product.create(
        "p-1", "shirt", "Shirt", clock=CLOCK, options=[SIZE], category_ids=frozenset({"c-2"})
    )
    template = Variant(weight=Weight.of(180, "g")) if weight else None
    shirt.generate_variants(clock=CLOCK, sku_template="SH-{Size}", template=template)
    with uow:
        uow.products.save(shirt)
        uow.commit()
    return shirt


def store_tree(uow: InMemoryCatalogUnitOfWork, *categories: Category) -> None:
    with uow:
        uow.categories.save_tree(CategoryTree.of(categories))
        uow.commit()


def test_publishing_a_complete_product_makes_it_active_and_sends_the_change() -> None:
    """A product with SKUs and weights is committed as active; the outbox gets the change."""
    uow = InMemoryCatalogUnitOfWork()
    stored_shirt(uow)
    assert publish_product("p-1", uow=uow, clock=CLOCK) == []
    assert uow.products.get("p-1").status is ProductStatus.ACTIVE
    assert uow.products.get("p-1").version == 2
    changed = uow.outbox.events()[-1]
    assert isinstance(changed, ProductStatusChanged)
    assert (changed.previous, changed.current) == ("draft", "active")


def test_publishing_an_incomplete_product_changes_nothing() -> None:
    """Problems come back; the product stays a draft at its version and nothing is sent."""
    uow = InMemoryCatalogUnitOfWork()
    stored_shirt(uow, weight=False)
    sent = len(uow.outbox.events())
    tee = ProductType("tee", "Tee", (AttributeDefinition.text("fabric", "Fabric", required=True),))
    problems = publish_product("p-1", uow=uow, clock=CLOCK, product_type=tee)
    assert [p.code for p in problems] == [
        "variant_without_weight", "variant_without_weight", "product_type_mismatch",
        "missing_required_attribute",
    ]  # fmt: skip
    assert uow.products.get("p-1").status is ProductStatus.DRAFT
    assert uow.products.get("p-1").version == 1
    assert len(uow.outbox.events()) == sent


def test_an_option_change_can_be_previewed_then_applied() -> None:
    """A dry run says what would change and commits nothing; the real run commits it."""
    uow = InMemoryCatalogUnitOfWork()
    stored_shirt(uow)
    bigger = [OptionAxis.of("Size", "M", "L")]
    preview = change_product_options("p-1", bigger, uow=uow, clock=CLOCK, dry_run=True)
    assert preview.added == (("L",),)
    assert [v.sku for v in preview.removed] == ["SH-S"]
    assert len(uow.products.get("p-1").variants) == 2
    applied = change_product_options("p-1", bigger, uow=uow, clock=CLOCK, sku_template="SH-{Size}")
    assert applied == preview
    assert [v.sku for v in uow.products.get("p-1").variants] == ["SH-M", "SH-L"]
    assert uow.products.get_by_sku("SH-L").id == "p-1"
    changed = uow.outbox.events()[-1]
    assert isinstance(changed, VariantsChanged)
    assert (changed.added, changed.removed) == ((("L",),), (("S",),))


def test_a_sku_used_by_another_product_is_refused_naming_it() -> None:
    """Committing a second product with SH-S fails, and the error names 'shirt'."""
    uow = InMemoryCatalogUnitOfWork()
    stored_shirt(uow)
    cap = Product.create("p-2", "cap", "Cap", clock=CLOCK, variants=[Variant(sku="SH-S")])
    with uow:
        uow.products.save(cap)
        with pytest.raises(DuplicateSkuError, match="'shirt'"):
            uow.commit()
    with pytest.raises(NotFoundError):
        uow.products.get("p-2")


def test_browsing_a_category_includes_its_subcategories() -> None:
    """The shirt in Shirts shows up under Clothing, and not when subcategories are excluded."""
    uow = InMemoryCatalogUnitOfWork()
    store_tree(
        uow, Category("c-1", "clothing", "Clothing"), Category("c-2", "shirts", "Shirts", "c-1")
    )
    stored_shirt(uow)
    assert [p.handle for p in products_in_category("c-1", uow=uow)] == ["shirt"]
    assert products_in_category("c-1", uow=uow, include_subcategories=False) == []


def test_moving_categories_through_the_unit_of_work() -> None:
    """A move is committed; a move into its own subtree is refused and nothing is committed."""
    uow = InMemoryCatalogUnitOfWork()
    store_tree(
        uow,
        Category("c-1", "clothing", "Clothing"),
        Category("c-2", "shirts", "Shirts", parent_id="c-1"),
        Category("c-3", "sale", "Sale"),
    )
    move_category("c-2", "c-3", uow=uow)
    assert uow.categories.get_tree().breadcrumb("c-2") == "Sale > Shirts"
    with pytest.raises(CategoryCycleError):
        move_category("c-3", "c-2", uow=uow)
    assert uow.categories.get("c-3").parent_id is None
    assert uow.categories.get_tree().version == 2
