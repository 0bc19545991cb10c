"""Creating and upgrading a database: the Alembic migrations shipped in this package."""

import importlib

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import URL

from ecomcore.adapters.sqlalchemy._database import Database
from ecomcore.adapters.sqlalchemy._schema import metadata

__all__ = ["VERSION_TABLE", "downgrade", "full_metadata", "upgrade"]

VERSION_TABLE = "ecomcore_alembic_version"
"""Where Alembic records ecomcore's schema revision (apart from an application's own)."""

_CONTEXTS = ("catalog", "fraud", "inventory", "pricing", "tax")
"""The adapter modules whose tables the migrations create."""


def full_metadata() -> sa.MetaData:
    """Return the `MetaData` holding every ecomcore table (each context's module loaded)."""
    for context in _CONTEXTS:
        importlib.import_module(f"ecomcore.adapters.sqlalchemy.{context}")
    return metadata


def _config(database: Database) -> Config:
    config = Config()
    config.set_main_option("script_location", "ecomcore.adapters.sqlalchemy:migrations")
    config.attributes["database"] = database
    return config


def upgrade(database: Database | str | URL, revision: str = "head") -> Database:
    """Create or upgrade the database's ecomcore tables to ``revision``; return the database.

    Safe to run at every start: a database already at ``revision`` is left as it is.

    Examples:
        >>> database = upgrade("sqlite://")
        >>> tables = sa.inspect(database.engine).get_table_names()
        >>> "ecomcore_alembic_version" in tables, "ecomcore_outbox" in tables
        (True, True)
    """
    if not isinstance(database, Database):
        database = Database(database)
    command.upgrade(_config(database), revision)
    return database


def downgrade(database: Database, revision: str = "base") -> None:
    """Take the database's ecomcore tables down to ``revision`` (``base``: drop them all).

    Examples:
        >>> database = upgrade("sqlite://")
        >>> downgrade(database)
        >>> sa.inspect(database.engine).get_table_names()
        ['ecomcore_alembic_version']
    """
    command.downgrade(_config(database), revision)
