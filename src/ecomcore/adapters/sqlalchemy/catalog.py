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
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Row

from ecomcore.adapters.sqlalchemy._database import Database
from ecomcore.adapters.sqlalchemy._schema import metadata, version_column
from ecomcore.adapters.sqlalchemy.uow import SqlUnitOfWork, Subscriber, put_version
from ecomcore.catalog import (
    AttributeValue,
    Barcode,
    Category,
    CategoryTree,
    Dimensions,
    DuplicateSkuError,
    InventoryComponent,
    LengthUnit,
    Media,
    OptionAxis,
    Product,
    ProductCollection,
    ProductStatus,
    RuleField,
    RuleOperator,
    Variant,
    Weight,
    WeightUnit,
)
from ecomcore.core import ConcurrencyError, NotFoundError, ValidationError

__all__ = ["SqlCatalogUnitOfWork", "SqlCategoryRepository", "SqlProductRepository"]

_ID = 200  # the longest id, handle or SKU stored
_CHUNK = 500  # values per IN (...) list, well under SQLite's limit of parameters per statement
_TREE = "tree"  # the key of the one category tree's version row

catalog_product = sa.Table(
    "ecomcore_catalog_product",
    metadata,
    sa.Column("id", sa.String(_ID), primary_key=True),
    sa.Column("handle", sa.String(_ID), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("product_type", sa.String(_ID)),
    version_column(),
    sa.Column("document", sa.JSON, nullable=False),
)
catalog_handle = sa.Table(
    "ecomcore_catalog_handle",
    metadata,
    sa.Column("handle", sa.String(_ID), primary_key=True),
    sa.Column(
        "product_id",
        sa.String(_ID),
        sa.ForeignKey(catalog_product.c.id),
        nullable=False,
        unique=True,
    ),
)
catalog_sku = sa.Table(
    "ecomcore_catalog_sku",
    metadata,
    sa.Column("sku", sa.String(_ID), primary_key=True),
    sa.Column(
        "product_id",
        sa.String(_ID),
        sa.ForeignKey(catalog_product.c.id),
        nullable=False,
        index=True,
    ),
)
catalog_product_category = sa.Table(
    "ecomcore_catalog_product_category",
    metadata,
    sa.Column("category_id", sa.String(_ID), primary_key=True),
    sa.Column(
        "product_id",
        sa.String(_ID),
        # Named here: the naming convention's name would pass PostgreSQL's 63 characters.
        sa.ForeignKey(catalog_product.c.id, name="fk_ecomcore_catalog_product_category_product"),
        primary_key=True,
        index=True,
    ),
)
catalog_category_tree = sa.Table(
    "ecomcore_catalog_category_tree",
    metadata,
    sa.Column("id", sa.String(20), primary_key=True),
    version_column(),
)
catalog_category = sa.Table(
    "ecomcore_catalog_category",
    metadata,
    sa.Column("id", sa.String(_ID), primary_key=True),
    sa.Column("handle", sa.String(_ID), nullable=False, unique=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column(
        "parent_id",
        sa.String(_ID),
        sa.ForeignKey("ecomcore_catalog_category.id", name="fk_ecomcore_catalog_category_parent"),
    ),
    sa.Column("position", sa.Integer, nullable=False),
)


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


class _Snapshot:
    """A product as it was when staged: its row (without version), SKUs and categories."""

    __slots__ = ("category_ids", "id", "read_version", "row", "skus")

    def __init__(self, product: Product) -> None:
        self.id = _key("product id", product.id)
        self.read_version = product.version
        self.row = _product_row(product)
        self.skus = tuple(variant.sku for variant in product.variants if variant.sku is not None)
        self.category_ids = tuple(_key("category id", cid) for cid in sorted(product.category_ids))


class _ProductSaves:
    """Every product one commit saves, written together (a `uow.Write`)."""

    def __init__(self, uow: SqlUnitOfWork) -> None:
        # By the identity of the saved object, in staging order: saving one object twice is
        # one change (of what it is at the last save).
        self.saves: dict[int, tuple[Product, _Snapshot]] = {}
        uow.after_commit(self._stored)

    def add(self, product: Product) -> None:
        self.saves[id(product)] = (product, _Snapshot(product))

    def _stored(self) -> None:
        for product, snapshot in self.saves.values():
            product.version = snapshot.read_version + 1

    def __call__(self, connection: Connection) -> None:
        # One row per product id; a second object of one product must have been read at the
        # version the first one is stored at, as if they had been committed one after the other.
        final: dict[str, _Snapshot] = {}
        first_read: dict[str, int] = {}
        for _, snapshot in self.saves.values():
            earlier = final.get(snapshot.id)
            if earlier is None:
                first_read[snapshot.id] = snapshot.read_version
            elif snapshot.read_version != earlier.read_version + 1:
                raise ConcurrencyError(
                    "product",
                    snapshot.id,
                    expected_version=snapshot.read_version,
                    actual_version=earlier.read_version + 1,
                )
            final[snapshot.id] = snapshot
        _write_products(connection, final, first_read)
        stored = [pid for pid, read in first_read.items() if read > 0]
        for table in (catalog_handle, catalog_sku, catalog_product_category):
            for chunk in _chunks(stored):
                connection.execute(table.delete().where(table.c.product_id.in_(chunk)))
        _claim(connection, list(final.values()))
        members = [
            {"category_id": category_id, "product_id": snapshot.id}
            for snapshot in final.values()
            for category_id in snapshot.category_ids
        ]
        if members:
            connection.execute(catalog_product_category.insert(), members)


def _write_products(
    connection: Connection, final: Mapping[str, _Snapshot], first_read: Mapping[str, int]
) -> None:
    """Insert the new products and update the stored ones, each checked against its version."""
    table = catalog_product
    new = [
        {**final[pid].row, "id": pid, "version": final[pid].read_version + 1}
        for pid in sorted(pid for pid, read in first_read.items() if read == 0)
    ]
    if new:
        statement = _insert_or_nothing(connection, table).returning(table.c.id)
        inserted = set(connection.execute(statement, new).scalars())
        for row in new:
            if row["id"] not in inserted:
                raise _stale(connection, row["id"], 0)
    # In id order, so that two commits saving the same products lock them in the same order.
    for pid in sorted(pid for pid, read in first_read.items() if read > 0):
        snapshot, read = final[pid], first_read[pid]
        statement = (
            table.update()
            .where(table.c.id == pid, table.c.version == read)
            .values(**snapshot.row, version=snapshot.read_version + 1)
            .returning(table.c.version)
        )
        if connection.execute(statement).first() is None:
            raise _stale(connection, pid, read)


def _stale(connection: Connection, product_id: str, read: int) -> ConcurrencyError:
    stored = connection.execute(
        sa.select(catalog_product.c.version).where(catalog_product.c.id == product_id)
    ).scalar()
    return ConcurrencyError(
        "product", product_id, expected_version=read, actual_version=stored or 0
    )


def _claim(connection: Connection, snapshots: Sequence[_Snapshot]) -> None:
    """Claim every handle and SKU of ``snapshots``; raise as the in-memory adapter does if taken.

    The claims of these products were released first, so a claim that inserts nothing is held
    by a product outside this commit (committed before, or by a racing transaction since).
    """
    handles: dict[str, str] = {}
    skus: dict[str, str] = {}
    repeated = False
    for snapshot in snapshots:
        handle = snapshot.row["handle"]
        repeated |= handle in handles
        handles.setdefault(handle, snapshot.id)
        for sku in snapshot.skus:
            repeated |= sku in skus
            skus.setdefault(sku, snapshot.id)
    taken_handles = _insert_claims(connection, catalog_handle, handles)
    taken_skus = _insert_claims(connection, catalog_sku, skus)
    if repeated or taken_handles or taken_skus:
        raise _refusal(connection, snapshots, taken_handles, taken_skus)


def _insert_claims(connection: Connection, table: sa.Table, claims: Mapping[str, str]) -> set[str]:
    """Insert the claims (key -> product id) in key order; return the keys already taken."""
    if not claims:
        return set()
    key = table.primary_key.columns.values()[0]
    rows = [{key.name: value, "product_id": claims[value]} for value in sorted(claims)]
    statement = _insert_or_nothing(connection, table).returning(key)
    return set(claims) - set(connection.execute(statement, rows).scalars())


def _refusal(
    connection: Connection,
    snapshots: Sequence[_Snapshot],
    taken_handles: set[str],
    taken_skus: set[str],
) -> Exception:
    """Return the error of the first product (in staging order) with a handle or SKU not its own."""
    handles: dict[str, _Snapshot] = {}
    skus: dict[str, _Snapshot] = {}
    for snapshot in snapshots:
        handle = snapshot.row["handle"]
        earlier = handles.get(handle)
        owner = earlier.id if earlier is not None else None
        if owner is None and handle in taken_handles:
            owner = connection.execute(
                sa.select(catalog_handle.c.product_id).where(catalog_handle.c.handle == handle)
            ).scalar()
            if owner is None:  # a racing commit took it and gave it up again
                return ConcurrencyError("handle", handle, expected_version=0, actual_version=0)
        if owner is not None:
            return ValidationError(
                "handle", handle, f"a handle no other product uses (product {owner!r})"
            )
        handles[handle] = snapshot
        for sku in snapshot.skus:
            earlier = skus.get(sku)
            owner = earlier.row["handle"] if earlier is not None else None
            if owner is None and sku in taken_skus:
                owner = connection.execute(
                    sa.select(catalog_product.c.handle)
                    .join(catalog_sku, catalog_sku.c.product_id == catalog_product.c.id)
                    .where(catalog_sku.c.sku == sku)
                ).scalar()
                if owner is None:
                    return ConcurrencyError("sku", sku, expected_version=0, actual_version=0)
            if owner is not None:
                return DuplicateSkuError(sku, product=owner)
            skus[sku] = snapshot
    raise AssertionError("a claim was refused, yet every handle and SKU is free")


def _insert_or_nothing(connection: Connection, table: sa.Table) -> Any:
    """``INSERT ... ON CONFLICT DO NOTHING`` into ``table``, in the connection's dialect."""
    dialect: Any = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(table).on_conflict_do_nothing()


# ---------------------------------------------------------------------------- saving the tree


class _TreeSaves:
    """The category trees one commit saves: all read at one version; the last one is stored."""

    def __init__(self, uow: SqlUnitOfWork) -> None:
        self.saves: dict[int, tuple[CategoryTree, int, list[dict[str, Any]]]] = {}
        uow.after_commit(self._stored)

    def add(self, tree: CategoryTree) -> None:
        rows = [
            {
                "id": _key("category id", category.id),
                "handle": _key("category handle", category.handle),
                "name": category.name,
                "parent_id": category.parent_id,
                "position": position,
            }
            for position, category in enumerate(tree.categories())
        ]
        self.saves[id(tree)] = (tree, tree.version, rows)

    def _stored(self) -> None:
        for tree, read, _ in self.saves.values():
            tree.version = read + 1

    def __call__(self, connection: Connection) -> None:
        saves = list(self.saves.values())
        read = saves[0][1]
        put_version(
            connection,
            catalog_category_tree,
            {"version": read + 1},
            kind="category tree",
            key={"id": _TREE},
        )
        for _, other, _ in saves:
            if other != read:
                raise ConcurrencyError(
                    "category tree", _TREE, expected_version=other, actual_version=read
                )
        connection.execute(catalog_category.delete())
        rows = saves[-1][2]
        if rows:  # parents before children, so each parent is stored when its child arrives
            connection.execute(catalog_category.insert(), rows)


# ---------------------------------------------------------------------------- rows and documents


def _key(field: str, value: str) -> str:
    """Return ``value`` if it fits an id column; else refuse it before the commit."""
    if len(value) > _ID:
        raise ValidationError(field, value, f"at most {_ID} characters, to be stored")
    return value


def _chunks(values: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


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


def _by_handle(rows: Sequence[Row[Any]]) -> list[Product]:
    # Sorted here rather than by the database, whose collation may order text differently.
    return sorted(map(_product, rows), key=lambda product: product.handle)


def _category(row: Row[Any]) -> Category:
    return Category(row.id, row.handle, row.name, row.parent_id)


def _product_row(product: Product) -> dict[str, Any]:
    """Return the product's row: the queried columns, and the rest as a JSON document."""
    document = {
        "title": product.title,
        "description": product.description,
        "vendor": product.vendor,
        "tags": sorted(product.tags),
        "media": [[media.url, media.alt] for media in product.media],
        "options": [[axis.name, list(axis.values)] for axis in product.options],
        "variants": [_variant_document(variant) for variant in product.variants],
        "attributes": [[code, *_attribute(value)] for code, value in product.attributes.items()],
        "category_ids": sorted(product.category_ids),
        "requires_shipping": product.requires_shipping,
    }
    product_type = product.product_type
    return {
        "handle": _key("handle", product.handle),
        "status": product.status.value,
        "product_type": None if product_type is None else _key("product type", product_type),
        "document": document,
    }


def _product(row: Row[Any]) -> Product:
    document = row.document
    return Product(
        id=row.id,
        handle=row.handle,
        title=document["title"],
        description=document["description"],
        status=ProductStatus(row.status),
        product_type=row.product_type,
        vendor=document["vendor"],
        tags=frozenset(document["tags"]),
        media=tuple(Media(url, alt) for url, alt in document["media"]),
        options=tuple(OptionAxis(name, tuple(values)) for name, values in document["options"]),
        variants=tuple(map(_variant, document["variants"])),
        attributes={code: _READ[kind](value) for code, kind, value in document["attributes"]},
        category_ids=frozenset(document["category_ids"]),
        requires_shipping=document["requires_shipping"],
        version=row.version,
    )


def _variant_document(variant: Variant) -> dict[str, Any]:
    weight, box = variant.weight, variant.dimensions
    return {
        "options": list(variant.options),
        "sku": variant.sku,
        "barcode": None if variant.barcode is None else variant.barcode.value,
        "weight": None if weight is None else [str(weight.amount), weight.unit.value],
        "dimensions": None if box is None else [*map(str, box.sides), box.unit.value],
        "tax_category": variant.tax_category,
        "hs_code": variant.hs_code,
        "country_of_origin": variant.country_of_origin,
        "components": [[part.item_id, part.quantity] for part in variant.components],
        "active": variant.active,
    }


def _variant(document: dict[str, Any]) -> Variant:
    weight, box, barcode = document["weight"], document["dimensions"], document["barcode"]
    return Variant(
        options=tuple(document["options"]),
        sku=document["sku"],
        barcode=None if barcode is None else Barcode(barcode),
        weight=None if weight is None else Weight(Decimal(weight[0]), WeightUnit(weight[1])),
        dimensions=None
        if box is None
        else Dimensions(Decimal(box[0]), Decimal(box[1]), Decimal(box[2]), LengthUnit(box[3])),
        tax_category=document["tax_category"],
        hs_code=document["hs_code"],
        country_of_origin=document["country_of_origin"],
        components=tuple(
            InventoryComponent(item, quantity) for item, quantity in document["components"]
        ),
        active=document["active"],
    )


def _attribute(value: AttributeValue) -> tuple[str, Any]:
    """Return an attribute value as its kind and JSON (numbers and dates as text)."""
    if isinstance(value, bool):
        return ("boolean", value)
    if isinstance(value, str):
        return ("text", value)
    if isinstance(value, Decimal):
        return ("number", str(value))
    if isinstance(value, datetime):
        return ("datetime", value.isoformat())
    if isinstance(value, date):
        return ("date", value.isoformat())
    raise ValidationError("attribute value", value, "text, a Decimal, a bool or a date")


_READ: dict[str, Callable[[Any], AttributeValue]] = {
    "boolean": bool,
    "text": str,
    "number": Decimal,
    "datetime": datetime.fromisoformat,
    "date": date.fromisoformat,
}
