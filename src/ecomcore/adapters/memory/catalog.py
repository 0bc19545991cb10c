"""In-memory product and category repositories."""

import copy
from collections.abc import Iterable

from ecomcore.catalog import (
    Category,
    CategoryTree,
    Collection,
    DuplicateSkuError,
    Product,
)
from ecomcore.core import ConcurrencyError, NotFoundError, ValidationError

__all__ = ["InMemoryCategoryRepository", "InMemoryProductRepository"]


def _detached(product: Product) -> Product:
    """Return a copy sharing nothing mutable with ``product``, without its pending events."""
    clone = copy.copy(product)
    clone.attributes = dict(product.attributes)
    clone._events = clone._created = None
    return clone


class InMemoryProductRepository:
    """A `ProductRepository` in a dict, with SKU and handle indexes.

    Examples:
        >>> from ecomcore.catalog import Variant
        >>> repository = InMemoryProductRepository()
        >>> repository.save(Product("p-1", "mug", "Mug", variants=(Variant(sku="MUG"),)))
        >>> repository.get_by_sku("MUG").handle
        'mug'
    """

    def __init__(self) -> None:
        self._products: dict[str, Product] = {}
        self._by_handle: dict[str, str] = {}
        self._by_sku: dict[str, str] = {}

    def get(self, product_id: str) -> Product:
        """Return the product with ``product_id``; `NotFoundError` if absent."""
        try:
            return _detached(self._products[product_id])
        except KeyError:
            raise NotFoundError("product", product_id) from None

    def get_by_handle(self, handle: str) -> Product:
        """Return the product with ``handle``; `NotFoundError` if absent."""
        if handle not in self._by_handle:
            raise NotFoundError("product", handle)
        return self.get(self._by_handle[handle])

    def get_by_sku(self, sku: str) -> Product:
        """Return the product with a variant ``sku``; `NotFoundError` if absent."""
        if sku not in self._by_sku:
            raise NotFoundError("product", sku)
        return self.get(self._by_sku[sku])

    def list_by_category(self, category_id: str) -> list[Product]:
        """Products directly in ``category_id``, by handle."""
        return self._sorted(p for p in self._products.values() if category_id in p.category_ids)

    def list_by_collection(self, collection: Collection) -> list[Product]:
        """Products in ``collection``: its ids in order (unknown ids skipped), or rule matches."""
        if collection.is_manual:
            return [self.get(pid) for pid in collection.product_ids if pid in self._products]
        return self._sorted(p for p in self._products.values() if collection.contains(p))

    def save(self, product: Product) -> None:
        """Store ``product`` if its version is current; refuse clashing SKUs and handles."""
        stored = self._products.get(product.id)
        current = 0 if stored is None else stored.version
        if product.version != current:
            raise ConcurrencyError(
                "product", product.id, expected_version=product.version, actual_version=current
            )
        owner = self._by_handle.get(product.handle)
        if owner is not None and owner != product.id:
            raise ValidationError(
                "handle", product.handle, f"a handle no other product uses (product {owner!r})"
            )
        skus = [variant.sku for variant in product.variants if variant.sku is not None]
        for sku in skus:
            owner = self._by_sku.get(sku)
            if owner is not None and owner != product.id:
                raise DuplicateSkuError(sku, product=self._products[owner].handle)
        if stored is not None:
            del self._by_handle[stored.handle]
            for variant in stored.variants:
                if variant.sku is not None:
                    del self._by_sku[variant.sku]
        product.version = current + 1
        self._products[product.id] = _detached(product)
        self._by_handle[product.handle] = product.id
        self._by_sku.update(dict.fromkeys(skus, product.id))

    def _sorted(self, products: Iterable[Product]) -> list[Product]:
        found = sorted(products, key=lambda product: product.handle)
        return [_detached(product) for product in found]


class InMemoryCategoryRepository:
    """A `CategoryRepository` holding one tree.

    Examples:
        >>> repository = InMemoryCategoryRepository()
        >>> tree = repository.get_tree()
        >>> tree.add(Category("c-1", "home", "Home"))
        >>> repository.save_tree(tree)
        >>> repository.get_by_handle("home").id, tree.version
        ('c-1', 1)
    """

    def __init__(self) -> None:
        self._categories: tuple[Category, ...] = ()
        self._version = 0

    def get_tree(self) -> CategoryTree:
        """Return a fresh copy of the stored tree."""
        return CategoryTree.of(self._categories, version=self._version)

    def save_tree(self, tree: CategoryTree) -> None:
        """Store ``tree`` if its version is current, bumping it; `ConcurrencyError` otherwise."""
        if tree.version != self._version:
            raise ConcurrencyError(
                "category tree",
                "tree",
                expected_version=tree.version,
                actual_version=self._version,
            )
        self._categories = tuple(tree.categories())
        self._version += 1
        tree.version = self._version

    def get(self, category_id: str) -> Category:
        """Return the category with ``category_id``; `NotFoundError` if absent."""
        return self.get_tree().get(category_id)

    def get_by_handle(self, handle: str) -> Category:
        """Return the category with ``handle``; `NotFoundError` if absent."""
        return self.get_tree().by_handle(handle)
