"""Stock (levels, reservations, transfers, the ledger) and the outbox.

Revision ID: 0001
Revises: (none)
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the stock tables and the outbox."""
    op.create_table(
        "ecomcore_outbox",
        sa.Column(
            "position",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("event_type", sa.String(length=200), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("position", name=op.f("pk_ecomcore_outbox")),
    )
    op.create_table(
        "ecomcore_stock_level",
        sa.Column("sku", sa.String(length=200), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("on_hand", sa.BigInteger(), nullable=False),
        sa.Column("reserved", sa.BigInteger(), nullable=False),
        sa.Column("allocated", sa.BigInteger(), nullable=False),
        sa.Column("in_transit", sa.BigInteger(), nullable=False),
        sa.Column("incoming", sa.JSON(), nullable=False),
        sa.Column("safety_stock", sa.BigInteger(), nullable=False),
        sa.Column("reorder_point", sa.BigInteger(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("sku", "location", name=op.f("pk_ecomcore_stock_level")),
    )
    op.create_table(
        "ecomcore_stock_movement",
        sa.Column(
            "position",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("sku", sa.String(length=200), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.String(length=30), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reference", sa.String(length=200), nullable=False),
        sa.Column("on_hand", sa.BigInteger(), nullable=False),
        sa.Column("reserved", sa.BigInteger(), nullable=False),
        sa.Column("allocated", sa.BigInteger(), nullable=False),
        sa.Column("in_transit", sa.BigInteger(), nullable=False),
        sa.Column("incoming", sa.BigInteger(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("position", name=op.f("pk_ecomcore_stock_movement")),
    )
    op.create_table(
        "ecomcore_stock_reservation",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("units", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("order_id", sa.String(length=200), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ecomcore_stock_reservation")),
    )
    with op.batch_alter_table("ecomcore_stock_reservation", schema=None) as batch_op:
        batch_op.create_index(
            "ix_ecomcore_stock_reservation_expiry", ["status", "expires_at"], unique=False
        )

    op.create_table(
        "ecomcore_stock_transfer",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("sku", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("destination", sa.String(length=200), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("dispatched_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ecomcore_stock_transfer")),
    )


def downgrade() -> None:
    """Drop them."""
    op.drop_table("ecomcore_stock_transfer")
    with op.batch_alter_table("ecomcore_stock_reservation", schema=None) as batch_op:
        batch_op.drop_index("ix_ecomcore_stock_reservation_expiry")

    op.drop_table("ecomcore_stock_reservation")
    op.drop_table("ecomcore_stock_movement")
    op.drop_table("ecomcore_stock_level")
    op.drop_table("ecomcore_outbox")
