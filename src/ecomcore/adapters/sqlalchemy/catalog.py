"""The catalog in SQL: products with their handle, SKU and category indexes, and the category tree.

A product is one row of ``ecomcore_catalog_product``: columns for what is looked up or filtered
on (id, handle, status, product type, version) and a JSON document with the rest (title,
variants, option axes, media, attributes...), from which an equal `Product` is rebuilt on every
read. Decimals (weights, sizes, number attributes) are stored as text, never as floats. Three
index tables beside it make the lookups, and the uniqueness rules, the database's own:

- ``ecomcore_catalog_handle`` and ``ecomcore_catalog_sku``: every handle and every SKU as a
  primary key, with the product that claims it;
- ``ecomcore_catalog_product_category``: which products are directly in which category.

A commit writes all the products it saves in one staged write. It checks each product's version
(``UPDATE ... WHERE version = <read version>``; ``INSERT ... ON CONFLICT DO NOTHING`` for a new
one), releases the handles and SKUs of the products it saves, then claims their new ones with
``INSERT ... ON CONFLICT DO NOTHING``. A claim that inserts nothing is held by another product,
and the commit fails with the in-memory adapter's error (`DuplicateSkuError` naming the
product's handle, `ValidationError` for a handle) and writes nothing. Because every claim is
released before any is taken, two products may swap handles or SKUs in one commit, which a
unique column could not allow (SQLite has no deferrable unique constraints). The primary keys
hold across processes: on PostgreSQL a claim racing a concurrent transaction's claim of the same
key waits for that transaction, then inserts nothing if it committed; on SQLite a commit holds
the database's write lock from its first statement (``BEGIN IMMEDIATE``).

The category tree is one aggregate: one version row (``ecomcore_catalog_category_tree``) and
one row per category (``ecomcore_catalog_category``, in the tree's order), all rewritten by a
commit that saves the tree. The tree is read in one statement, so its categories and its version
are always of one commit.
"""

import functools
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Row

from ecomcore.adapters.sqlalchemy._catalog_documents import _by_handle, _category, _product
from ecomcore.adapters.sqlalchemy._catalog_tables import (
    _TREE,
    _chunks,
    catalog_category,
    catalog_category_tree,
    catalog_handle,
    catalog_product,
    catalog_product_category,
    catalog_sku,
)
from ecomcore.adapters.sqlalchemy._catalog_writes import _ProductSaves, _TreeSaves
from ecomcore.adapters.sqlalchemy._database import Database
from ecomcore.adapters.sqlalchemy.uow import SqlUnitOfWork, Subscriber
from ecomcore.catalog import (
    Category,
    CategoryTree,
    Product,
    ProductCollection,
    RuleField,
    RuleOperator,
)
from ecomcore.core import NotFoundError

__all__ = ["SqlCatalogUnitOfWork", "SqlCategoryRepository", "SqlProductRepository"]


class SqlProductRepository:
    """A `ecomcore.catalog.ProductRepository` in SQL tables, staging into a `SqlUnitOfWork`.

    Reads see what is committed and return new objects at their stored version; `save` stages
    the product as it is now, and the commit checks its version, handle and SKUs.

    Examples:
        >>> from ecomcore.adapters.sqlalchemy import upgrade
        >>> from ecomcore.catalog import Variant
        >>> uow = SqlCatalogUnitOfWork(upgrade("sqlite://"))
        >>> with uow:
        ...     uow.products.save(Product("p-1", "mug", "Mug", variants=(Variant(sku="MUG"),)))
        ...     uow.commit()
        >>> found = uow.products.get_by_sku("MUG")
        >>> found.handle, found.version
        ('mug', 1)
    """

    def __init__(self, uow: SqlUnitOfWork) -> None:
        self._uow = uow
        self._database: Database = uow.database

    def _read(self, query: sa.Select[Any]) -> Sequence[Row[Any]]:
        with self._database.reading() as connection:
            return connection.execute(query).all()

    def get(self, product_id: str) -> Product:
        """Return the committed product with ``product_id``; `NotFoundError` if absent."""
        return self._one(
            sa.select(catalog_product).where(catalog_product.c.id == product_id), product_id
        )

    def get_by_handle(self, handle: str) -> Product:
        """Return the committed product with ``handle``; `NotFoundError` if absent."""
        query = (
            sa.select(catalog_product)
            .join(catalog_handle, catalog_handle.c.product_id == catalog_product.c.id)
            .where(catalog_handle.c.handle == handle)
        )
        return self._one(query, handle)

    def get_by_sku(self, sku: str) -> Product:
        """Return the committed product with a variant ``sku``; `NotFoundError` if absent."""
        query = (
            sa.select(catalog_product)
            .join(catalog_sku, catalog_sku.c.product_id == catalog_product.c.id)
            .where(catalog_sku.c.sku == sku)
        )
        return self._one(query, sku)

    def list_by_category(self, category_id: str) -> list[Product]:
        """Return the committed products directly in ``category_id``, by handle."""
        return _by_handle(self._read(_in_category(sa.select(catalog_product), category_id)))

    def list_by_collection(self, collection: ProductCollection) -> list[Product]:
        """Return ``collection``'s products: its ids in order (unknown skipped), or its matches.

        A rule collection is matched by `ProductCollection.contains` on the products read (only
        those in the category, when every rule must hold and one asks for a category).
        """
        if collection.is_manual:
            wanted = list(dict.fromkeys(collection.product_ids))
            with self._database.reading() as connection:
                rows = {
                    row.id: row
                    for chunk in _chunks(wanted)
                    for row in connection.execute(
                        sa.select(catalog_product).where(catalog_product.c.id.in_(chunk))
                    )
                }
            return [_product(rows[pid]) for pid in collection.product_ids if pid in rows]
        query = sa.select(catalog_product)
        category_id = _category_rule(collection)
        if category_id is not None:
            query = _in_category(query, category_id)
        matches = [
            product for product in map(_product, self._read(query)) if collection.contains(product)
        ]
        return sorted(matches, key=lambda product: product.handle)

    def save(self, product: Product) -> None:
        """Stage ``product`` (as it is now) for the commit, which checks version, handle, SKUs."""
        saves = self._uow.shared_write(catalog_product, functools.partial(_ProductSaves, self._uow))
        saves.add(product)
        self._uow.collect(product)

    def _one(self, query: sa.Select[Any], key: str) -> Product:
        rows = self._read(query)
        if not rows:
            raise NotFoundError("product", key)
        return _product(rows[0])


class SqlCategoryRepository:
    """A `ecomcore.catalog.CategoryRepository` in SQL tables, staging into a `SqlUnitOfWork`.

    Examples:
        >>> from ecomcore.adapters.sqlalchemy import upgrade
        >>> uow = SqlCatalogUnitOfWork(upgrade("sqlite://"))
        >>> with uow:
        ...     tree = uow.categories.get_tree()
        ...     tree.add(Category("c-1", "home", "Home"))
        ...     tree.add(Category("c-2", "kitchen", "Kitchen", parent_id="c-1"))
        ...     uow.categories.save_tree(tree)
        ...     uow.commit()
        >>> uow.categories.get_by_handle("kitchen").parent_id, uow.categories.get_tree().version
        ('c-1', 1)
    """

    def __init__(self, uow: SqlUnitOfWork) -> None:
        self._uow = uow
        self._database: Database = uow.database

    def _read(self, query: sa.Select[Any]) -> Sequence[Row[Any]]:
        with self._database.reading() as connection:
            return connection.execute(query).all()

    def get_tree(self) -> CategoryTree:
        """Return a new copy of the committed tree (empty at first), at its stored version."""
        tree, category = catalog_category_tree, catalog_category
        query = (
            sa.select(
                tree.c.version,
                category.c.id,
                category.c.handle,
                category.c.name,
                category.c.parent_id,
            )
            .select_from(tree.outerjoin(category, sa.true()))
            .where(tree.c.id == _TREE)
            .order_by(category.c.position)
        )
        rows = self._read(query)
        if not rows:
            return CategoryTree()
        categories = [_category(row) for row in rows if row.id is not None]
        return CategoryTree.of(categories, version=rows[0].version)

    def save_tree(self, tree: CategoryTree) -> None:
        """Stage ``tree`` (as it is now); the commit refuses it if its version is stale."""
        saves = self._uow.shared_write(
            catalog_category_tree, functools.partial(_TreeSaves, self._uow)
        )
        saves.add(tree)
        self._uow.collect(tree)

    def get(self, category_id: str) -> Category:
        """Return the committed category with ``category_id``; `NotFoundError` if absent."""
        return self._one(catalog_category.c.id == category_id, category_id)

    def get_by_handle(self, handle: str) -> Category:
        """Return the committed category with ``handle``; `NotFoundError` if absent."""
        return self._one(catalog_category.c.handle == handle, handle)

    def _one(self, where: sa.ColumnElement[bool], key: str) -> Category:
        rows = self._read(sa.select(catalog_category).where(where))
        if not rows:
            raise NotFoundError("category", key)
        return _category(rows[0])


class SqlCatalogUnitOfWork(SqlUnitOfWork):
    """A `ecomcore.catalog.CatalogUnitOfWork` over a `Database`: ``products`` and ``categories``.

    Give each thread or process its own, over one database. An application's own unit of work
    can add ``self.products = SqlProductRepository(self)`` (and the categories) beside its
    other repositories, so that one commit spans contexts.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.sqlalchemy import upgrade
        >>> from ecomcore.core import FixedClock
        >>> clock = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
        >>> published = []
        >>> uow = SqlCatalogUnitOfWork(upgrade("sqlite://"), subscribers=[published.extend])
        >>> with uow:
        ...     uow.products.save(Product.create("p-1", "mug", "Mug", clock=clock))
        ...     uow.commit()
        >>> [event.name for event in published], uow.products.get("p-1").version
        (['ProductCreated'], 1)
        >>> [event.name for event in uow.outbox.events()]
        ['ProductCreated']
    """

    def __init__(self, database: Database, *, subscribers: Sequence[Subscriber] = ()) -> None:
        super().__init__(database, subscribers=subscribers)
        self.products = SqlProductRepository(self)
        self.categories = SqlCategoryRepository(self)


# ---------------------------------------------------------------------------- saving products


def _in_category(query: sa.Select[Any], category_id: str) -> sa.Select[Any]:
    members = catalog_product_category
    return query.join(members, members.c.product_id == catalog_product.c.id).where(
        members.c.category_id == category_id
    )


def _category_rule(collection: ProductCollection) -> str | None:
    """Return the category every member of ``collection`` is directly in, if its rules say one."""
    if not collection.match_all:
        return None
    for rule in collection.rules:
        if (
            rule.field is RuleField.CATEGORY
            and rule.operator is RuleOperator.EQUALS
            and isinstance(rule.value, str)
        ):
            return rule.value
    return None
