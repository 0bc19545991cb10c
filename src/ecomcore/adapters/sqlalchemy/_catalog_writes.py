"""The catalog's staged writes: a commit's product saves together, and the tree rewritten whole."""

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from ecomcore.adapters.sqlalchemy._catalog_documents import _product_row
from ecomcore.adapters.sqlalchemy._catalog_tables import (
    _TREE,
    _chunks,
    _key,
    catalog_category,
    catalog_category_tree,
    catalog_handle,
    catalog_product,
    catalog_product_category,
    catalog_sku,
)
from ecomcore.adapters.sqlalchemy.uow import SqlUnitOfWork, put_version
from ecomcore.catalog import (
    CategoryTree,
    DuplicateSkuError,
    Product,
)
from ecomcore.core import ConcurrencyError, ValidationError


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
