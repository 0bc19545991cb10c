"""The shipped migrations build exactly the schema the adapters use, up and down, on both."""

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from ecomcore.adapters.sqlalchemy import VERSION_TABLE, Database, downgrade, upgrade
from ecomcore.adapters.sqlalchemy._migrations import full_metadata


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request: pytest.FixtureRequest, tmp_path: object) -> Iterator[Database]:
    """A database with no tables at all (a new PostgreSQL database, or a new SQLite file)."""
    if request.param == "sqlite":
        database = Database(f"sqlite:///{tmp_path}/empty.db")
        yield database
        database.dispose()
        return
    server = sa.create_engine(request.getfixturevalue("postgres_url"), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.exec_driver_sql("DROP DATABASE IF EXISTS ecomcore_migrations")
        connection.exec_driver_sql("CREATE DATABASE ecomcore_migrations")
    database = Database(server.url.set(database="ecomcore_migrations"))
    yield database
    database.dispose()
    with server.connect() as connection:
        connection.exec_driver_sql("DROP DATABASE ecomcore_migrations")
    server.dispose()


def _tables(database: Database) -> set[str]:
    return set(sa.inspect(database.engine).get_table_names())


def test_upgrade_builds_every_table_and_downgrade_removes_them(empty_database: Database) -> None:
    """Empty -> head creates every adapter table; head -> base drops them all again."""
    wanted = {table.name for table in full_metadata().sorted_tables}
    upgrade(empty_database)
    assert _tables(empty_database) == wanted | {VERSION_TABLE}
    upgrade(empty_database)  # at head already: nothing to do, nothing broken
    downgrade(empty_database)
    assert _tables(empty_database) == {VERSION_TABLE}
    upgrade(empty_database)
    assert _tables(empty_database) == wanted | {VERSION_TABLE}


def test_the_models_and_the_migrations_agree(empty_database: Database) -> None:
    """Autogenerate, comparing the migrated database with the tables in code, finds nothing."""
    upgrade(empty_database)
    with empty_database.reading() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "version_table": VERSION_TABLE}
        )
        assert compare_metadata(context, full_metadata()) == []
