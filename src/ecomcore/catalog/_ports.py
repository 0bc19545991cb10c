"""The ports the application implements: where products and categories are stored."""

from typing import Protocol

from ecomcore.catalog._categories import Category, CategoryTree
from ecomcore.catalog._collections import Collection
from ecomcore.catalog._product import Product

__all__ = ["CategoryRepository", "ProductRepository"]


class ProductRepository(Protocol):
    """Stores products. Implement it over your database; `ecomcore.testing` has its contract.

    Lookups raise `NotFoundError` when nothing matches. Lists come in handle order, except a
    manual collection, which keeps its own order. ``save`` is optimistic: it stores the product
    only if the stored version still equals ``product.version`` (0 for a new product), then
    increments ``product.version``; otherwise it raises `ConcurrencyError`. It refuses a SKU
    another product uses with `DuplicateSkuError`, and a handle another product uses with
    `ValidationError`, storing nothing. Returned products are independent of the stored ones.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryProductRepository
        >>> from ecomcore.catalog import Variant
        >>> from ecomcore.core import FixedClock
        >>> clock = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
        >>> products: ProductRepository = InMemoryProductRepository()
        >>> mug = Product.create("p-1", "mug", "Mug", clock=clock, variants=[Variant(sku="MUG")])
        >>> products.save(mug)
        >>> found = products.get_by_sku("MUG")
        >>> found.handle, found.version
        ('mug', 1)
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

    def list_by_collection(self, collection: Collection) -> list[Product]:
        """Return the products in ``collection`` (its ids, or those meeting its rules)."""
        ...

    def save(self, product: Product) -> None:
        """Store ``product`` if nobody saved it since it was read; bumps its version."""
        ...


class CategoryRepository(Protocol):
    """Stores the category tree, as one aggregate so moves are checked against the whole tree.

    ``save_tree`` is optimistic like `ProductRepository.save`; lookups raise `NotFoundError`.

    Examples:
        >>> from ecomcore.adapters.memory import InMemoryCategoryRepository
        >>> categories: CategoryRepository = InMemoryCategoryRepository()
        >>> tree = categories.get_tree()
        >>> tree.add(Category("c-1", "clothing", "Clothing"))
        >>> tree.add(Category("c-2", "tops", "Tops", parent_id="c-1"))
        >>> categories.save_tree(tree)
        >>> categories.get_by_handle("tops").parent_id, categories.get_tree().version
        ('c-1', 1)
    """

    def get_tree(self) -> CategoryTree:
        """Return the whole tree (empty at first), independent of the stored one."""
        ...

    def save_tree(self, tree: CategoryTree) -> None:
        """Store ``tree`` if nobody saved it since it was read; bumps its version."""
        ...

    def get(self, category_id: str) -> Category:
        """Return the category with ``category_id``."""
        ...

    def get_by_handle(self, handle: str) -> Category:
        """Return the category with ``handle``."""
        ...
