"""Contract suites for the catalog's ports, driven through a `CatalogUnitOfWork`.

Subclass one in your tests, name the subclass ``Test...``, and implement `make_unit_of_work`
(every unit of work one test instance makes shares one empty catalog and outbox, as one database
does) and `outbox`; pytest runs every contract test against them::

    class TestMyProductRepository(ProductRepositoryContract):
        def setup_method(self) -> None:
            self.engine = fresh_database()

        def make_unit_of_work(self, subscribers=()) -> CatalogUnitOfWork:
            return MyCatalogUnitOfWork(self.engine, subscribers=subscribers)

        def outbox(self) -> Outbox:
            return MyOutbox(self.engine)
"""

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

import pytest

from ecomcore.catalog import (
    CatalogUnitOfWork,
    Category,
    CategoryCycleError,
    CollectionRule,
    DuplicateSkuError,
    OptionAxis,
    Product,
    ProductCollection,
    ProductCreated,
    ProductStatus,
    RuleField,
    RuleOperator,
    Variant,
)
from ecomcore.core import (
    ConcurrencyError,
    DomainEvent,
    FixedClock,
    NotFoundError,
    Outbox,
    ValidationError,
)

__all__ = ["CategoryRepositoryContract", "ProductRepositoryContract"]

_CLOCK = FixedClock(datetime(2026, 1, 1, tzinfo=UTC))

Subscriber = Callable[[Sequence[DomainEvent]], None]


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
    return Product.create(
        product_id,
        handle,
        handle.replace("-", " ").title(),
        clock=_CLOCK,
        options=options,
        variants=variants,
        tags=tags,
        category_ids=category_ids,
    )


class _CatalogContract:
    def make_unit_of_work(self, subscribers: Sequence[Subscriber] = ()) -> CatalogUnitOfWork:
        """Return a new unit of work over this test's catalog, calling ``subscribers``."""
        raise NotImplementedError

    def outbox(self) -> Outbox:
        """Return this test's outbox."""
        raise NotImplementedError

    def _save(self, *products: Product) -> None:
        with self.make_unit_of_work() as uow:
            for product in products:
                uow.products.save(product)
            uow.commit()

    def _get(self, product_id: str) -> Product:
        with self.make_unit_of_work() as uow:
            return uow.products.get(product_id)


class ProductRepositoryContract(_CatalogContract):
    """What every `ProductRepository` must do: lookups, lists, staged saves, unique SKUs.

    Examples:
        >>> from ecomcore.adapters.memory import (InMemoryCatalogStore,
        ...     InMemoryCatalogUnitOfWork, InMemoryOutbox)
        >>> class TestInMemoryProductRepository(ProductRepositoryContract):
        ...     def setup_method(self) -> None:
        ...         self.store, self.events = InMemoryCatalogStore(), InMemoryOutbox()
        ...     def make_unit_of_work(self, subscribers=()):
        ...         return InMemoryCatalogUnitOfWork(self.store, self.events,
        ...                                          subscribers=subscribers)
        ...     def outbox(self):
        ...         return self.events
        >>> suite = TestInMemoryProductRepository()
        >>> suite.setup_method()
        >>> suite.test_a_stale_save_fails_the_whole_commit()
    """

    def test_a_committed_product_is_found_by_id_handle_and_sku(self) -> None:
        """A product comes back by its id, its handle and each of its SKUs."""
        self._save(_product("p-1", "linen-shirt", ("LS-S", "LS-M")))
        with self.make_unit_of_work() as uow:
            assert uow.products.get("p-1").handle == "linen-shirt"
            assert uow.products.get_by_handle("linen-shirt").id == "p-1"
            assert uow.products.get_by_sku("LS-M").id == "p-1"
            stored = uow.products.get("p-1")
        assert [variant.sku for variant in stored.variants] == ["LS-S", "LS-M"]

    def test_missing_products_raise_not_found(self) -> None:
        """Asking for an unknown id, handle or SKU raises NotFoundError, never returns None."""
        with self.make_unit_of_work() as uow:
            with pytest.raises(NotFoundError):
                uow.products.get("nope")
            with pytest.raises(NotFoundError):
                uow.products.get_by_handle("nope")
            with pytest.raises(NotFoundError):
                uow.products.get_by_sku("nope")

    def test_nothing_is_stored_or_sent_without_a_commit(self) -> None:
        """A save left uncommitted (or rolled back) stores nothing and sends no event."""
        with self.make_unit_of_work() as uow:
            uow.products.save(_product("p-1", "mug", ("MUG",)))
            uow.rollback()
            uow.products.save(_product("p-2", "cup", ("CUP",)))
        with pytest.raises(NotFoundError):
            self._get("p-1")
        with pytest.raises(NotFoundError):
            self._get("p-2")
        assert list(self.outbox().events()) == []

    def test_each_commit_bumps_the_version(self) -> None:
        """A new product is stored at version 1, and each committed save after that adds one."""
        product = _product("p-1", "mug", ("MUG",))
        self._save(product)
        assert product.version == 1
        with self.make_unit_of_work() as uow:
            loaded = uow.products.get("p-1")
            loaded.title = "Big mug"
            uow.products.save(loaded)
            uow.products.save(loaded)  # saving one object twice is one change
            uow.commit()
        assert loaded.version == 2
        assert (self._get("p-1").title, self._get("p-1").version) == ("Big mug", 2)

    def test_events_reach_the_outbox_and_subscribers_after_the_commit(self) -> None:
        """The products' events go out at commit, when what they report is stored."""
        seen: list[tuple[str, int]] = []

        def subscriber(events: Sequence[DomainEvent]) -> None:
            seen.extend((event.name, self._get("p-1").version) for event in events)

        with self.make_unit_of_work([subscriber]) as uow:
            product = _product("p-1", "mug", ("MUG",))
            product.change_status(ProductStatus.ACTIVE, clock=_CLOCK)
            uow.products.save(product)
            assert (seen, list(self.outbox().events())) == ([], [])
            uow.commit()
        assert seen == [("ProductCreated", 1), ("ProductStatusChanged", 1)]
        created = self.outbox().events()[0]
        assert isinstance(created, ProductCreated)
        assert created.handle == "mug"
        assert product.pull_events() == []

    def test_a_stale_save_fails_the_whole_commit(self) -> None:
        """Two editors read version 1; the second commit raises and writes none of its saves."""
        self._save(_product("p-1", "mug", ("MUG",)))
        sent = len(self.outbox().events())
        with self.make_unit_of_work() as first, self.make_unit_of_work() as second:
            mine, theirs = first.products.get("p-1"), second.products.get("p-1")
            mine.title = "First"
            first.products.save(mine)
            first.commit()
            theirs.change_status(ProductStatus.ARCHIVED, clock=_CLOCK)
            second.products.save(_product("p-2", "cup", ("CUP",)))
            second.products.save(theirs)
            with pytest.raises(ConcurrencyError) as stale:
                second.commit()
        assert stale.value.expected_version == 1
        assert (self._get("p-1").title, self._get("p-1").version) == ("First", 2)
        with pytest.raises(NotFoundError):
            self._get("p-2")
        assert len(self.outbox().events()) == sent

    def test_a_new_product_over_an_existing_id_is_a_conflict(self) -> None:
        """A version-0 product whose id is taken is refused as stale."""
        self._save(_product("p-1", "mug", ("MUG",)))
        with pytest.raises(ConcurrencyError):
            self._save(_product("p-1", "cup", ("CUP",)))
        assert self._get("p-1").handle == "mug"

    def test_loaded_products_are_independent_of_the_store(self) -> None:
        """Changing a loaded product, even staged, leaves the stored one as it was until commit."""
        self._save(_product("p-1", "mug", ("MUG",)))
        with self.make_unit_of_work() as uow:
            loaded = uow.products.get("p-1")
            loaded.title = "Changed"
            loaded.attributes = {"colour": "red"}
            uow.products.save(loaded)
            assert uow.products.get("p-1").title == "Mug"
        assert dict(self._get("p-1").attributes) == {}

    def test_a_sku_of_another_product_is_refused_naming_that_product(self) -> None:
        """SKUs are unique across the catalog: the error names the product that has it."""
        self._save(_product("p-1", "mug", ("MUG",)))
        with pytest.raises(DuplicateSkuError) as raised:
            self._save(_product("p-2", "cup", ("CUP", "MUG")))
        assert raised.value.product == "mug"
        with pytest.raises(NotFoundError):
            self._get("p-2")
        with self.make_unit_of_work() as uow, pytest.raises(NotFoundError):
            uow.products.get_by_sku("CUP")

    def test_two_products_of_one_commit_cannot_share_a_sku_or_a_handle(self) -> None:
        """Uniqueness holds inside a commit too, and the refused commit stores neither."""
        with pytest.raises(DuplicateSkuError):
            self._save(_product("p-1", "mug", ("MUG",)), _product("p-2", "cup", ("MUG",)))
        with pytest.raises(ValidationError):
            self._save(_product("p-3", "mug", ("MUG-S",)), _product("p-4", "mug", ("MUG-L",)))
        for product_id in ("p-1", "p-2", "p-3", "p-4"):
            with pytest.raises(NotFoundError):
                self._get(product_id)

    def test_a_handle_of_another_product_is_refused(self) -> None:
        """Handles are unique too; the second product is not stored."""
        self._save(_product("p-1", "mug", ("MUG",)))
        with pytest.raises(ValidationError):
            self._save(_product("p-2", "mug", ("CUP",)))
        with pytest.raises(NotFoundError):
            self._get("p-2")

    def test_removed_skus_and_old_handles_are_released(self) -> None:
        """After a product drops a SKU or changes handle, the old ones are free for others."""
        self._save(_product("p-1", "mug", ("MUG-S", "MUG-L")))
        product = self._get("p-1")
        product.remove_variant(("size-1",), clock=_CLOCK)
        product.handle = "big-mug"
        self._save(product)
        with self.make_unit_of_work() as uow:
            with pytest.raises(NotFoundError):
                uow.products.get_by_sku("MUG-L")
            with pytest.raises(NotFoundError):
                uow.products.get_by_handle("mug")
        self._save(_product("p-2", "mug", ("MUG-L",)))
        with self.make_unit_of_work() as uow:
            assert uow.products.get_by_sku("MUG-L").id == "p-2"
            assert uow.products.get_by_sku("MUG-S").id == "p-1"

    def test_two_products_may_swap_handles_in_one_commit(self) -> None:
        """What one product gives up in a commit another may take in the same commit."""
        self._save(_product("p-1", "mug", ("A",)), _product("p-2", "cup", ("B",)))
        mug, cup = self._get("p-1"), self._get("p-2")
        mug.handle, cup.handle = "cup", "mug"
        self._save(mug, cup)
        with self.make_unit_of_work() as uow:
            assert uow.products.get_by_handle("mug").id == "p-2"
            assert uow.products.get_by_handle("cup").id == "p-1"

    def test_list_by_category_returns_direct_members_by_handle(self) -> None:
        """Products in a category come back sorted by handle; others are left out."""
        self._save(
            _product("p-1", "zebra-mug", category_ids=frozenset({"c-1"})),
            _product("p-2", "apple-mug", category_ids=frozenset({"c-1", "c-2"})),
            _product("p-3", "plate", category_ids=frozenset({"c-2"})),
        )
        with self.make_unit_of_work() as uow:
            found = [p.handle for p in uow.products.list_by_category("c-1")]
            assert found == ["apple-mug", "zebra-mug"]
            assert uow.products.list_by_category("c-9") == []

    def test_list_by_collection_keeps_manual_order_and_sorts_rule_matches(self) -> None:
        """A manual collection lists in its own order; a rule collection lists matches by handle."""
        self._save(
            _product("p-1", "zebra-mug", tags=frozenset({"summer"})),
            _product("p-2", "apple-mug", tags=frozenset({"summer", "sale"})),
            _product("p-3", "plate"),
        )
        manual = ProductCollection.manual("col-1", "picks", "Picks", ["p-3", "p-9", "p-1"])
        summer = ProductCollection.by_rules(
            "col-2",
            "summer",
            "Summer",
            [CollectionRule(RuleField.TAG, RuleOperator.EQUALS, "summer")],
        )
        with self.make_unit_of_work() as uow:
            assert [p.id for p in uow.products.list_by_collection(manual)] == ["p-3", "p-1"]
            matches = [p.handle for p in uow.products.list_by_collection(summer)]
        assert matches == ["apple-mug", "zebra-mug"]


class CategoryRepositoryContract(_CatalogContract):
    """What every `CategoryRepository` must do: store the tree whole, checked at commit.

    Examples:
        >>> from ecomcore.adapters.memory import InMemoryCatalogUnitOfWork
        >>> first = InMemoryCatalogUnitOfWork()  # the others share its store and outbox
        >>> class TestInMemoryCategoryRepository(CategoryRepositoryContract):
        ...     def make_unit_of_work(self, subscribers=()):
        ...         return InMemoryCatalogUnitOfWork(first.store, first.outbox,
        ...                                          subscribers=subscribers)
        ...     def outbox(self):
        ...         return first.outbox
        >>> TestInMemoryCategoryRepository().test_a_cycle_cannot_be_stored()
    """

    def _commit_tree(self, *categories: Category) -> None:
        with self.make_unit_of_work() as uow:
            tree = uow.categories.get_tree()
            for category in categories:
                tree.add(category)
            uow.categories.save_tree(tree)
            uow.commit()

    def test_an_empty_catalog_has_an_empty_tree(self) -> None:
        """At first the tree has no categories and lookups raise NotFoundError."""
        with self.make_unit_of_work() as uow:
            assert (len(uow.categories.get_tree()), uow.categories.get_tree().version) == (0, 0)
            with pytest.raises(NotFoundError):
                uow.categories.get("c-1")
            with pytest.raises(NotFoundError):
                uow.categories.get_by_handle("home")

    def test_a_committed_tree_comes_back_with_its_shape(self) -> None:
        """Categories, parents and sibling order survive a commit and a load."""
        self._commit_tree(
            Category("c-1", "home", "Home"),
            Category("c-2", "kitchen", "Kitchen", parent_id="c-1"),
            Category("c-3", "garden", "Garden", parent_id="c-1"),
        )
        with self.make_unit_of_work() as uow:
            loaded = uow.categories.get_tree()
            assert [c.id for c in loaded.children("c-1")] == ["c-2", "c-3"]
            assert loaded.breadcrumb("c-2") == "Home > Kitchen"
            assert uow.categories.get("c-3").name == "Garden"
            assert uow.categories.get_by_handle("kitchen").id == "c-2"
            assert loaded.version == 1

    def test_a_moved_subtree_is_stored(self) -> None:
        """Moving a category carries its children along, and the move is committed."""
        self._commit_tree(
            Category("c-1", "home", "Home"),
            Category("c-2", "kitchen", "Kitchen", parent_id="c-1"),
            Category("c-3", "knives", "Knives", parent_id="c-2"),
            Category("c-4", "outdoor", "Outdoor"),
        )
        with self.make_unit_of_work() as uow:
            tree = uow.categories.get_tree()
            tree.move("c-2", "c-4")
            uow.categories.save_tree(tree)
            uow.commit()
            assert uow.categories.get_tree().breadcrumb("c-3") == "Outdoor > Kitchen > Knives"

    def test_a_cycle_cannot_be_stored(self) -> None:
        """Moving a category under its own descendant fails before anything is staged."""
        self._commit_tree(
            Category("c-1", "home", "Home"), Category("c-2", "kitchen", "Kitchen", parent_id="c-1")
        )
        with self.make_unit_of_work() as uow:
            with pytest.raises(CategoryCycleError):
                uow.categories.get_tree().move("c-1", "c-2")
            assert uow.categories.get("c-1").parent_id is None

    def test_a_stale_tree_fails_the_whole_commit(self) -> None:
        """Two editors read the tree; the second commit raises, with the product staged in it."""
        with self.make_unit_of_work() as first, self.make_unit_of_work() as second:
            mine, theirs = first.categories.get_tree(), second.categories.get_tree()
            mine.add(Category("c-1", "home", "Home"))
            first.categories.save_tree(mine)
            first.commit()
            assert mine.version == 1
            theirs.add(Category("c-2", "garden", "Garden"))
            second.categories.save_tree(theirs)
            second.products.save(_product("p-1", "spade", category_ids=frozenset({"c-2"})))
            with pytest.raises(ConcurrencyError):
                second.commit()
        with self.make_unit_of_work() as uow:
            assert [c.id for c in uow.categories.get_tree().categories()] == ["c-1"]
            with pytest.raises(NotFoundError):
                uow.products.get("p-1")

    def test_loaded_trees_are_independent_of_the_store(self) -> None:
        """Changing a loaded tree without committing leaves the stored tree as it was."""
        self._commit_tree(Category("c-1", "home", "Home"))
        with self.make_unit_of_work() as uow:
            loaded = uow.categories.get_tree()
            loaded.add(Category("c-2", "garden", "Garden"))
            uow.categories.save_tree(loaded)
            assert len(uow.categories.get_tree()) == 1
