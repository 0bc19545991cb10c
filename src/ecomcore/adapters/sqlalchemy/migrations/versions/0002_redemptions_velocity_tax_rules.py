"""Pricing's redemption ledger, fraud's velocity touches and the tax rule table.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the redemption, velocity and tax rule tables."""
    op.create_table(
        "ecomcore_fraud_velocity_touch",
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("order_id", sa.String(length=200), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint(
            "subject", "order_id", "value", name=op.f("pk_ecomcore_fraud_velocity_touch")
        ),
    )
    with op.batch_alter_table("ecomcore_fraud_velocity_touch", schema=None) as batch_op:
        batch_op.create_index(
            "ix_ecomcore_fraud_velocity_touch_window", ["subject", "at"], unique=False
        )

    op.create_table(
        "ecomcore_pricing_redemption",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("order_id", sa.String(length=200), nullable=False),
        sa.Column("customer_id", sa.String(length=200), nullable=True),
        sa.Column("discount_minor", sa.BigInteger(), nullable=False),
        sa.Column("discount_currency", sa.String(length=3), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", "order_id", name=op.f("pk_ecomcore_pricing_redemption")),
    )
    op.create_table(
        "ecomcore_tax_rule",
        sa.Column(
            "position",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("rule", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("position", name=op.f("pk_ecomcore_tax_rule")),
    )
    with op.batch_alter_table("ecomcore_tax_rule", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ecomcore_tax_rule_country"), ["country"], unique=False)


def downgrade() -> None:
    """Drop them."""
    with op.batch_alter_table("ecomcore_tax_rule", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ecomcore_tax_rule_country"))

    op.drop_table("ecomcore_tax_rule")
    op.drop_table("ecomcore_pricing_redemption")
    with op.batch_alter_table("ecomcore_fraud_velocity_touch", schema=None) as batch_op:
        batch_op.drop_index("ix_ecomcore_fraud_velocity_touch_window")

    op.drop_table("ecomcore_fraud_velocity_touch")
