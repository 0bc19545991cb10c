"""The ports the application implements: where products and categories are stored.

A repository stages, a unit of work commits: `ProductRepository.save` and
`CategoryRepository.save_tree` stage a change in the `CatalogUnitOfWork` the repository belongs
to, and `CatalogUnitOfWork.commit` checks and writes them all, with the products' events, at once.
"""

from typing import Protocol

from ecomcore.catalog._categories import Category, CategoryTree
from ecomcore.catalog._collections import ProductCollection
from ecomcore.catalog._product import Product
from ecomcore.core import UnitOfWork

__all__ = ["CatalogUnitOfWork", "CategoryRepository", "ProductRepository"]


class ProductRepository(Protocol):
    """Reads products and stages their saves. `ecomcore.testing` has its contract.

    Lookups raise `NotFoundError` when nothing matches and read what is committed. Lists come in
    handle order, except a manual collection, which keeps its own order. Returned products are
    independent of the stored ones. ``save`` stages the product for the next commit, which
    refuses it (and writes nothing of that commit) with `ConcurrencyError` if the stored version
    is no longer ``product.version`` (0 for a new product), with `DuplicateSkuError` if another
    product (stored, or in the same commit) has one of its SKUs, and with `ValidationError` if
    another has its handle. After the commit ``product.version`` is the stored version.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryCatalogUnitOfWork
        >>> from ecomcore.catalog import Variant
        >>> from ecomcore.core import FixedClock
        >>> clock = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
        >>> uow = InMemoryCatalogUnitOfWork()
        >>> mug = Product.create("p-1", "mug", "Mug", clock=clock, variants=[Variant(sku="MUG")])
        >>> with uow:
        ...     products: ProductRepository = uow.products
        ...     products.save(mug)
        ...     uow.commit()
        >>> found = uow.products.get_by_sku("MUG")
        >>> found.handle, found.version, [event.name for event in uow.outbox.events()]
        ('mug', 1, ['ProductCreated'])
    """

    def get(self, product_id: str) -> Product:
        """Return the product with ``product_id``."""
        ...

    def get_by_handle(self, handle: str) -> Product:
        """Return the product with ``handle``."""
        ...

    def get_by_sku(self, sku: str) -> Product:
        """Return the product that has a variant with ``sku``."""
        ...

    def list_by_category(self, category_id: str) -> list[Product]:
        """Return the products directly in ``category_id``."""
        ...

    def list_by_collection(self, collection: ProductCollection) -> list[Product]:
        """Return the products in ``collection`` (its ids, or those meeting its rules)."""
        ...

    def save(self, product: Product) -> None:
        """Stage ``product`` for the next commit, checked against the version it was read at."""
        ...


class CategoryRepository(Protocol):
    """Reads the category tree, one aggregate so moves are checked against the whole tree.

    ``save_tree`` stages the tree like `ProductRepository.save`: the commit refuses it with
    `ConcurrencyError` if someone committed a tree since it was read. Lookups raise
    `NotFoundError` and read what is committed.

    Examples:
        >>> from ecomcore.adapters.memory import InMemoryCatalogUnitOfWork
        >>> uow = InMemoryCatalogUnitOfWork()
        >>> with uow:
        ...     categories: CategoryRepository = uow.categories
        ...     tree = categories.get_tree()
        ...     tree.add(Category("c-1", "clothing", "Clothing"))
        ...     tree.add(Category("c-2", "tops", "Tops", parent_id="c-1"))
        ...     categories.save_tree(tree)
        ...     uow.commit()
        >>> uow.categories.get_by_handle("tops").parent_id, uow.categories.get_tree().version
        ('c-1', 1)
    """

    def get_tree(self) -> CategoryTree:
        """Return the whole tree (empty at first), independent of the stored one."""
        ...

    def save_tree(self, tree: CategoryTree) -> None:
        """Stage ``tree`` for the next commit, checked against the version it was read at."""
        ...

    def get(self, category_id: str) -> Category:
        """Return the category with ``category_id``."""
        ...

    def get_by_handle(self, handle: str) -> Category:
        """Return the category with ``handle``."""
        ...


class CatalogUnitOfWork(UnitOfWork, Protocol):
    """The unit of work of catalog use cases: its ``products`` and ``categories`` repositories.

    An application's unit of work that has both attributes (and any other context's) serves
    these use cases too, so one commit can span contexts.

    Examples:
        >>> from ecomcore.adapters.memory import InMemoryCatalogUnitOfWork
        >>> uow: CatalogUnitOfWork = InMemoryCatalogUnitOfWork()
        >>> with uow:
        ...     len(uow.categories.get_tree())
        0
    """

    @property
    def products(self) -> ProductRepository:
        """The products of this unit of work."""
        ...

    @property
    def categories(self) -> CategoryRepository:
        """The category tree of this unit of work."""
        ...
