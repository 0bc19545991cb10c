"""The catalog's tables, and the length every stored id, handle and SKU must fit."""

from collections.abc import Iterator, Sequence

import sqlalchemy as sa

from ecomcore.adapters.sqlalchemy._schema import metadata, version_column
from ecomcore.core import ValidationError

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


def _key(field: str, value: str) -> str:
    """Return ``value`` if it fits an id column; else refuse it before the commit."""
    if len(value) > _ID:
        raise ValidationError(field, value, f"at most {_ID} characters, to be stored")
    return value


def _chunks(values: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]
