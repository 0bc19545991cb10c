"""Contract suites for the catalog's ports: any ProductRepository or CategoryRepository must pass.

Subclass one in your tests, name the subclass ``Test...``, and implement ``make_repository``
to return an empty repository of yours; pytest runs every contract test against it::

    class TestMyProductRepository(ProductRepositoryContract):
        def make_repository(self) -> ProductRepository:
            return MyProductRepository(engine)
"""

from datetime import UTC, datetime

import pytest

from ecomcore.catalog import (
    Category,
    CategoryCycleError,
    CategoryRepository,
    Collection,
    CollectionRule,
    DuplicateSkuError,
    OptionAxis,
    Product,
    ProductRepository,
    RuleField,
    RuleOperator,
    Variant,
)
from ecomcore.core import ConcurrencyError, FixedClock, NotFoundError, ValidationError

__all__ = ["CategoryRepositoryContract", "ProductRepositoryContract"]

_CLOCK = FixedClock(datetime(2026, 1, 1, tzinfo=UTC))


def _product(
    product_id: str,
    handle: str,
    skus: tuple[str, ...] = (),
    *,
    tags: frozenset[str] = frozenset(),
    category_ids: frozenset[str] = frozenset(),
) -> Product:
    sizes = tuple(f"size-{index}" for index in range(len(skus)))
    options = (OptionAxis("Size", sizes),) if skus else ()
    variants = tuple(
        Variant(options=(size,), sku=sku) for size, sku in zip(sizes, skus, strict=True)
    )
    return Product(
        product_id,
        handle,
        handle.replace("-", " ").title(),
        options=options,
        variants=variants,
        tags=tags,
        category_ids=category_ids,
    )


class ProductRepositoryContract:
    """What every `ProductRepository` must do: lookups, lists, optimistic saves, unique SKUs.

    Examples:
        >>> from ecomcore.adapters.memory import InMemoryProductRepository
        >>> class TestInMemoryProductRepository(ProductRepositoryContract):
        ...     def make_repository(self) -> ProductRepository:
        ...         return InMemoryProductRepository()
        >>> TestInMemoryProductRepository().test_a_stale_save_raises_a_concurrency_error()
    """

    def make_repository(self) -> ProductRepository:
        """Return a new, empty repository to test."""
        raise NotImplementedError

    def test_a_saved_product_is_found_by_id_handle_and_sku(self) -> None:
        """A product comes back by its id, its handle and each of its SKUs."""
        repository = self.make_repository()
        repository.save(_product("p-1", "linen-shirt", ("LS-S", "LS-M")))
        assert repository.get("p-1").handle == "linen-shirt"
        assert repository.get_by_handle("linen-shirt").id == "p-1"
        assert repository.get_by_sku("LS-M").id == "p-1"
        stored = repository.get("p-1")
        assert [variant.sku for variant in stored.variants] == ["LS-S", "LS-M"]

    def test_missing_products_raise_not_found(self) -> None:
        """Asking for an unknown id, handle or SKU raises NotFoundError, never returns None."""
        repository = self.make_repository()
        with pytest.raises(NotFoundError):
            repository.get("nope")
        with pytest.raises(NotFoundError):
            repository.get_by_handle("nope")
        with pytest.raises(NotFoundError):
            repository.get_by_sku("nope")

    def test_save_bumps_the_version(self) -> None:
        """A new product is saved at version 1, and each save after that adds one."""
        repository = self.make_repository()
        product = _product("p-1", "mug", ("MUG",))
        repository.save(product)
        assert product.version == 1
        loaded = repository.get("p-1")
        loaded.title = "Big mug"
        repository.save(loaded)
        assert loaded.version == 2
        assert repository.get("p-1").title == "Big mug"

    def test_a_stale_save_raises_a_concurrency_error(self) -> None:
        """Two editors load the same product; the second save loses and changes nothing."""
        repository = self.make_repository()
        repository.save(_product("p-1", "mug", ("MUG",)))
        first, second = repository.get("p-1"), repository.get("p-1")
        first.title = "First"
        repository.save(first)
        second.title = "Second"
        with pytest.raises(ConcurrencyError):
            repository.save(second)
        assert repository.get("p-1").title == "First"

    def test_saving_a_new_product_over_an_existing_id_is_a_conflict(self) -> None:
        """A version-0 product whose id is taken is refused as stale."""
        repository = self.make_repository()
        repository.save(_product("p-1", "mug", ("MUG",)))
        with pytest.raises(ConcurrencyError):
            repository.save(_product("p-1", "cup", ("CUP",)))

    def test_loaded_products_are_independent_of_the_store(self) -> None:
        """Changing a loaded product without saving leaves the stored one as it was."""
        repository = self.make_repository()
        repository.save(_product("p-1", "mug", ("MUG",)))
        loaded = repository.get("p-1")
        loaded.title = "Changed"
        loaded.attributes = {"colour": "red"}
        assert repository.get("p-1").title == "Mug"
        assert dict(repository.get("p-1").attributes) == {}

    def test_a_sku_of_another_product_is_refused_naming_that_product(self) -> None:
        """SKUs are unique across the catalog: the error names the product that has it."""
        repository = self.make_repository()
        repository.save(_product("p-1", "mug", ("MUG",)))
        with pytest.raises(DuplicateSkuError) as raised:
            repository.save(_product("p-2", "cup", ("CUP", "MUG")))
        assert raised.value.product == "mug"
        with pytest.raises(NotFoundError):
            repository.get("p-2")
        with pytest.raises(NotFoundError):
            repository.get_by_sku("CUP")

    def test_a_handle_of_another_product_is_refused(self) -> None:
        """Handles are unique too; the second product is not stored."""
        repository = self.make_repository()
        repository.save(_product("p-1", "mug", ("MUG",)))
        with pytest.raises(ValidationError):
            repository.save(_product("p-2", "mug", ("CUP",)))
        with pytest.raises(NotFoundError):
            repository.get("p-2")

    def test_removed_skus_and_old_handles_are_released(self) -> None:
        """After a product drops a SKU or changes handle, the old ones are free for others."""
        repository = self.make_repository()
        repository.save(_product("p-1", "mug", ("MUG-S", "MUG-L")))
        product = repository.get("p-1")
        product.remove_variant(("size-1",), clock=_CLOCK)
        product.handle = "big-mug"
        repository.save(product)
        with pytest.raises(NotFoundError):
            repository.get_by_sku("MUG-L")
        with pytest.raises(NotFoundError):
            repository.get_by_handle("mug")
        repository.save(_product("p-2", "mug", ("MUG-L",)))
        assert repository.get_by_sku("MUG-L").id == "p-2"
        assert repository.get_by_sku("MUG-S").id == "p-1"

    def test_list_by_category_returns_direct_members_by_handle(self) -> None:
        """Products in a category come back sorted by handle; others are left out."""
        repository = self.make_repository()
        repository.save(_product("p-1", "zebra-mug", category_ids=frozenset({"c-1"})))
        repository.save(_product("p-2", "apple-mug", category_ids=frozenset({"c-1", "c-2"})))
        repository.save(_product("p-3", "plate", category_ids=frozenset({"c-2"})))
        assert [p.handle for p in repository.list_by_category("c-1")] == ["apple-mug", "zebra-mug"]
        assert repository.list_by_category("c-9") == []

    def test_list_by_collection_keeps_manual_order_and_sorts_rule_matches(self) -> None:
        """A manual collection lists in its own order; a rule collection lists matches by handle."""
        repository = self.make_repository()
        repository.save(_product("p-1", "zebra-mug", tags=frozenset({"summer"})))
        repository.save(_product("p-2", "apple-mug", tags=frozenset({"summer", "sale"})))
        repository.save(_product("p-3", "plate"))
        manual = Collection.manual("col-1", "picks", "Picks", ["p-3", "p-1"])
        assert [p.id for p in repository.list_by_collection(manual)] == ["p-3", "p-1"]
        summer = Collection.by_rules(
            "col-2",
            "summer",
            "Summer",
            [CollectionRule(RuleField.TAG, RuleOperator.EQUALS, "summer")],
        )
        assert [p.handle for p in repository.list_by_collection(summer)] == [
            "apple-mug",
            "zebra-mug",
        ]


class CategoryRepositoryContract:
    """What every `CategoryRepository` must do: store the tree whole, optimistically.

    Examples:
        >>> from ecomcore.adapters.memory import InMemoryCategoryRepository
        >>> class TestInMemoryCategoryRepository(CategoryRepositoryContract):
        ...     def make_repository(self) -> CategoryRepository:
        ...         return InMemoryCategoryRepository()
        >>> TestInMemoryCategoryRepository().test_a_cycle_cannot_be_stored()
    """

    def make_repository(self) -> CategoryRepository:
        """Return a new, empty repository to test."""
        raise NotImplementedError

    def test_an_empty_repository_has_an_empty_tree(self) -> None:
        """At first the tree has no categories and lookups raise NotFoundError."""
        repository = self.make_repository()
        assert len(repository.get_tree()) == 0
        with pytest.raises(NotFoundError):
            repository.get("c-1")
        with pytest.raises(NotFoundError):
            repository.get_by_handle("home")

    def test_a_saved_tree_comes_back_with_its_shape(self) -> None:
        """Categories, parents and sibling order survive a save and a load."""
        repository = self.make_repository()
        tree = repository.get_tree()
        tree.add(Category("c-1", "home", "Home"))
        tree.add(Category("c-2", "kitchen", "Kitchen", parent_id="c-1"))
        tree.add(Category("c-3", "garden", "Garden", parent_id="c-1"))
        repository.save_tree(tree)
        loaded = repository.get_tree()
        assert [c.id for c in loaded.children("c-1")] == ["c-2", "c-3"]
        assert loaded.breadcrumb("c-2") == "Home > Kitchen"
        assert repository.get("c-3").name == "Garden"
        assert repository.get_by_handle("kitchen").id == "c-2"

    def test_a_moved_subtree_is_stored(self) -> None:
        """Moving a category carries its children along, and the move is saved."""
        repository = self.make_repository()
        tree = repository.get_tree()
        for category in (
            Category("c-1", "home", "Home"),
            Category("c-2", "kitchen", "Kitchen", parent_id="c-1"),
            Category("c-3", "knives", "Knives", parent_id="c-2"),
            Category("c-4", "outdoor", "Outdoor"),
        ):
            tree.add(category)
        repository.save_tree(tree)
        tree = repository.get_tree()
        tree.move("c-2", "c-4")
        repository.save_tree(tree)
        assert repository.get_tree().breadcrumb("c-3") == "Outdoor > Kitchen > Knives"

    def test_a_cycle_cannot_be_stored(self) -> None:
        """Moving a category under its own descendant fails before anything is saved."""
        repository = self.make_repository()
        tree = repository.get_tree()
        tree.add(Category("c-1", "home", "Home"))
        tree.add(Category("c-2", "kitchen", "Kitchen", parent_id="c-1"))
        repository.save_tree(tree)
        with pytest.raises(CategoryCycleError):
            tree.move("c-1", "c-2")
        assert repository.get("c-1").parent_id is None

    def test_a_stale_tree_save_raises_a_concurrency_error(self) -> None:
        """Two editors load the tree; the second save loses and the first one's change stays."""
        repository = self.make_repository()
        first, second = repository.get_tree(), repository.get_tree()
        first.add(Category("c-1", "home", "Home"))
        repository.save_tree(first)
        assert first.version == 1
        second.add(Category("c-2", "garden", "Garden"))
        with pytest.raises(ConcurrencyError):
            repository.save_tree(second)
        assert [c.id for c in repository.get_tree().categories()] == ["c-1"]

    def test_loaded_trees_are_independent_of_the_store(self) -> None:
        """Changing a loaded tree without saving leaves the stored tree as it was."""
        repository = self.make_repository()
        tree = repository.get_tree()
        tree.add(Category("c-1", "home", "Home"))
        repository.save_tree(tree)
        loaded = repository.get_tree()
        loaded.add(Category("c-2", "garden", "Garden"))
        assert len(repository.get_tree()) == 1
