"""The catalog: products with their handle, SKU and category indexes, and the category tree.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the catalog tables."""
    op.create_table(
        "ecomcore_catalog_product",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("handle", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("product_type", sa.String(length=200), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ecomcore_catalog_product")),
    )
    op.create_table(
        "ecomcore_catalog_handle",
        sa.Column("handle", sa.String(length=200), nullable=False),
        sa.Column("product_id", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["ecomcore_catalog_product.id"],
            name=op.f("fk_ecomcore_catalog_handle_product_id_ecomcore_catalog_product"),
        ),
        sa.PrimaryKeyConstraint("handle", name=op.f("pk_ecomcore_catalog_handle")),
        sa.UniqueConstraint("product_id", name=op.f("uq_ecomcore_catalog_handle_product_id")),
    )
    op.create_table(
        "ecomcore_catalog_sku",
        sa.Column("sku", sa.String(length=200), nullable=False),
        sa.Column("product_id", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["ecomcore_catalog_product.id"],
            name=op.f("fk_ecomcore_catalog_sku_product_id_ecomcore_catalog_product"),
        ),
        sa.PrimaryKeyConstraint("sku", name=op.f("pk_ecomcore_catalog_sku")),
    )
    with op.batch_alter_table("ecomcore_catalog_sku", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ecomcore_catalog_sku_product_id"), ["product_id"], unique=False
        )

    op.create_table(
        "ecomcore_catalog_product_category",
        sa.Column("category_id", sa.String(length=200), nullable=False),
        sa.Column("product_id", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["ecomcore_catalog_product.id"],
            name="fk_ecomcore_catalog_product_category_product",
        ),
        sa.PrimaryKeyConstraint(
            "category_id", "product_id", name=op.f("pk_ecomcore_catalog_product_category")
        ),
    )
    with op.batch_alter_table("ecomcore_catalog_product_category", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ecomcore_catalog_product_category_product_id"),
            ["product_id"],
            unique=False,
        )

    op.create_table(
        "ecomcore_catalog_category_tree",
        sa.Column("id", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ecomcore_catalog_category_tree")),
    )
    op.create_table(
        "ecomcore_catalog_category",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("handle", sa.String(length=200), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("parent_id", sa.String(length=200), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["ecomcore_catalog_category.id"],
            name="fk_ecomcore_catalog_category_parent",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ecomcore_catalog_category")),
        sa.UniqueConstraint("handle", name=op.f("uq_ecomcore_catalog_category_handle")),
    )


def downgrade() -> None:
    """Drop them."""
    op.drop_table("ecomcore_catalog_category")
    op.drop_table("ecomcore_catalog_category_tree")
    with op.batch_alter_table("ecomcore_catalog_product_category", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ecomcore_catalog_product_category_product_id"))

    op.drop_table("ecomcore_catalog_product_category")
    with op.batch_alter_table("ecomcore_catalog_sku", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ecomcore_catalog_sku_product_id"))

    op.drop_table("ecomcore_catalog_sku")
    op.drop_table("ecomcore_catalog_handle")
    op.drop_table("ecomcore_catalog_product")
