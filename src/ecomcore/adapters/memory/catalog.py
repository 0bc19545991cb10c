"""In-memory catalog storage, its repositories and unit of work: staged saves, one commit."""

import copy
import threading
from collections.abc import Callable, Sequence

from ecomcore.adapters.memory.uow import InMemoryOutbox, InMemoryUnitOfWork, VersionedTable
from ecomcore.catalog import (
    Category,
    CategoryTree,
    DuplicateSkuError,
    Product,
    ProductCollection,
)
from ecomcore.core import ConcurrencyError, DomainEvent, NotFoundError, ValidationError

__all__ = [
    "InMemoryCatalogStore",
    "InMemoryCatalogUnitOfWork",
    "InMemoryCategoryRepository",
    "InMemoryProductRepository",
]

_TREE = "tree"


def _detached(product: Product, version: int) -> Product:
    """Return a copy at ``version`` sharing nothing mutable with ``product``, without its events."""
    clone = copy.copy(product)
    clone.attributes = dict(product.attributes)
    clone.pull_events()  # the copy shares the pending events: it lets go of them
    clone.version = version
    return clone


def _skus(product: Product) -> list[str]:
    return [variant.sku for variant in product.variants if variant.sku is not None]


class InMemoryCatalogStore:
    """The stored products (with handle and SKU indexes) and category tree: one catalog.

    Every `InMemoryCatalogUnitOfWork` given the same store sees and changes the same catalog,
    as connections to one database do.

    Examples:
        >>> store = InMemoryCatalogStore()
        >>> with InMemoryCatalogUnitOfWork(store) as uow:
        ...     uow.products.save(Product("p-1", "mug", "Mug"))
        ...     uow.commit()
        >>> InMemoryCatalogUnitOfWork(store).products.get_by_handle("mug").version
        1
    """

    def __init__(self) -> None:
        self.products = VersionedTable[Product]("product")
        self.by_handle: dict[str, str] = {}
        self.by_sku: dict[str, str] = {}
        self.tree = VersionedTable[tuple[Category, ...]]("category tree")


class _ProductSaves:
    """Every product one commit saves: checked together, so they cannot share a SKU or handle."""

    def __init__(self, store: InMemoryCatalogStore) -> None:
        self.store = store
        # By the identity of the saved object, in staging order: (aggregate, snapshot).
        self.saves: dict[int, tuple[Product, Product]] = {}

    @property
    def lock(self) -> threading.RLock:
        return self.store.products.lock

    def add(self, product: Product) -> None:
        self.saves[id(product)] = (product, _detached(product, product.version))

    def check(self) -> None:
        table = self.store.products
        versions: dict[str, int] = {}
        for product, _ in self.saves.values():
            current = versions.get(product.id, table.version(product.id))
            if product.version != current:
                raise ConcurrencyError(
                    "product", product.id, expected_version=product.version, actual_version=current
                )
            versions[product.id] = current + 1
        # Ids are distinct now. Stored products saved again give up their handle and SKUs.
        handles: dict[str, Product] = {}
        skus: dict[str, Product] = {}
        for _, snapshot in self.saves.values():
            owner = handles.get(snapshot.handle) or self._stored_owner(
                self.store.by_handle, snapshot.handle, versions
            )
            if owner is not None:
                raise ValidationError(
                    "handle",
                    snapshot.handle,
                    f"a handle no other product uses (product {owner.id!r})",
                )
            handles[snapshot.handle] = snapshot
            for sku in _skus(snapshot):
                owner = skus.get(sku) or self._stored_owner(self.store.by_sku, sku, versions)
                if owner is not None:
                    raise DuplicateSkuError(sku, product=owner.handle)
                skus[sku] = snapshot

    def _stored_owner(
        self, index: dict[str, str], value: str, saved: dict[str, int]
    ) -> Product | None:
        owner = index.get(value)
        if owner is None or owner in saved:
            return None
        row = self.store.products.get(owner)
        return row[1] if row is not None else None

    def apply(self) -> None:
        table, by_handle, by_sku = self.store.products, self.store.by_handle, self.store.by_sku
        # Every old handle and SKU goes first, so two products may swap theirs in one commit.
        for _, snapshot in self.saves.values():
            row = table.rows.get(snapshot.id)
            if row is not None:
                del by_handle[row[1].handle]
                for sku in _skus(row[1]):
                    del by_sku[sku]
        for product, snapshot in self.saves.values():
            version = product.version + 1
            snapshot.version = product.version = version
            table.rows[snapshot.id] = (version, snapshot)
            by_handle[snapshot.handle] = snapshot.id
            by_sku.update(dict.fromkeys(_skus(snapshot), snapshot.id))


class InMemoryProductRepository:
    """A `ecomcore.catalog.ProductRepository` over an `InMemoryCatalogStore`, staging in a uow.

    Examples:
        >>> from ecomcore.catalog import Variant
        >>> uow = InMemoryCatalogUnitOfWork()
        >>> with uow:
        ...     uow.products.save(Product("p-1", "mug", "Mug", variants=(Variant(sku="MUG"),)))
        ...     uow.commit()
        >>> uow.products.get_by_sku("MUG").handle
        'mug'
    """

    def __init__(self, store: InMemoryCatalogStore, uow: InMemoryUnitOfWork) -> None:
        self._store, self._uow = store, uow

    def get(self, product_id: str) -> Product:
        """Return the committed product with ``product_id``; `NotFoundError` if absent."""
        row = self._store.products.get(product_id)
        if row is None:
            raise NotFoundError("product", product_id)
        return _detached(row[1], row[0])

    def get_by_handle(self, handle: str) -> Product:
        """Return the committed product with ``handle``; `NotFoundError` if absent."""
        return self._by(self._store.by_handle, handle)

    def get_by_sku(self, sku: str) -> Product:
        """Return the committed product with a variant ``sku``; `NotFoundError` if absent."""
        return self._by(self._store.by_sku, sku)

    def list_by_category(self, category_id: str) -> list[Product]:
        """Return the committed products directly in ``category_id``, by handle."""
        return self._matching(lambda product: category_id in product.category_ids)

    def list_by_collection(self, collection: ProductCollection) -> list[Product]:
        """Return ``collection``'s products: its ids in order (unknown skipped), or its matches."""
        if not collection.is_manual:
            return self._matching(collection.contains)
        with self._store.products.lock:
            rows = [self._store.products.get(pid) for pid in collection.product_ids]
        return [_detached(row[1], row[0]) for row in rows if row is not None]

    def save(self, product: Product) -> None:
        """Stage ``product`` (as it is now) for the commit, which checks version, handle, SKUs."""
        saves = self._uow.shared_write(self._store.products, lambda: _ProductSaves(self._store))
        saves.add(product)
        self._uow.collect(product)

    def _by(self, index: dict[str, str], value: str) -> Product:
        with self._store.products.lock:
            product_id = index.get(value)
            if product_id is None:
                raise NotFoundError("product", value)
            return self.get(product_id)

    def _matching(self, wanted: Callable[[Product], bool]) -> list[Product]:
        with self._store.products.lock:
            rows = list(self._store.products.rows.values())
        found = sorted((row for row in rows if wanted(row[1])), key=lambda row: row[1].handle)
        return [_detached(product, version) for version, product in found]


class InMemoryCategoryRepository:
    """A `ecomcore.catalog.CategoryRepository` over an `InMemoryCatalogStore`, staging in a uow.

    Examples:
        >>> uow = InMemoryCatalogUnitOfWork()
        >>> with uow:
        ...     tree = uow.categories.get_tree()
        ...     tree.add(Category("c-1", "home", "Home"))
        ...     uow.categories.save_tree(tree)
        ...     uow.commit()
        >>> uow.categories.get_by_handle("home").id, tree.version
        ('c-1', 1)
    """

    def __init__(self, store: InMemoryCatalogStore, uow: InMemoryUnitOfWork) -> None:
        self._store, self._uow = store, uow

    def get_tree(self) -> CategoryTree:
        """Return a fresh copy of the committed tree, at its stored version."""
        row = self._store.tree.get(_TREE)
        return CategoryTree() if row is None else CategoryTree.of(row[1], version=row[0])

    def save_tree(self, tree: CategoryTree) -> None:
        """Stage ``tree`` (as it is now); the commit refuses it if its version is stale."""
        self._store.tree.stage_save(
            self._uow, _TREE, tuple(tree.categories()), read_version=tree.version, aggregate=tree
        )

    def get(self, category_id: str) -> Category:
        """Return the category with ``category_id``; `NotFoundError` if absent."""
        return self.get_tree().get(category_id)

    def get_by_handle(self, handle: str) -> Category:
        """Return the category with ``handle``; `NotFoundError` if absent."""
        return self.get_tree().by_handle(handle)


class InMemoryCatalogUnitOfWork(InMemoryUnitOfWork):
    """A `ecomcore.catalog.CatalogUnitOfWork` over an `InMemoryCatalogStore` (a new one if none).

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import FixedClock
        >>> clock = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
        >>> published = []
        >>> uow = InMemoryCatalogUnitOfWork(subscribers=[published.extend])
        >>> with uow:
        ...     uow.products.save(Product.create("p-1", "mug", "Mug", clock=clock))
        ...     uow.commit()
        >>> [event.name for event in published], uow.products.get("p-1").version
        (['ProductCreated'], 1)
    """

    def __init__(
        self,
        store: InMemoryCatalogStore | None = None,
        outbox: InMemoryOutbox | None = None,
        *,
        subscribers: Sequence[Callable[[Sequence[DomainEvent]], None]] = (),
    ) -> None:
        super().__init__(outbox, subscribers=subscribers)
        self.store = store if store is not None else InMemoryCatalogStore()
        self.products = InMemoryProductRepository(self.store, self)
        self.categories = InMemoryCategoryRepository(self.store, self)
