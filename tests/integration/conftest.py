"""Databases for the SQL adapter's tests: a SQLite file per test, and a throwaway PostgreSQL.

The PostgreSQL server is started here, once per run, by `ecomcore.testing.postgres` (in a
temporary directory, on a free loopback port, with durability off), and stopped at the end.
``ECOMCORE_TEST_POSTGRES_URL`` points the tests at a server of your own instead. Missing
server programs fail the run: they are not a reason to skip.
"""

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from ecomcore.adapters.sqlalchemy import Database, upgrade
from ecomcore.adapters.sqlalchemy._migrations import full_metadata
from ecomcore.core import NotFoundError
from ecomcore.testing.postgres import throwaway_postgres


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """The URL of a PostgreSQL database for this run (a throwaway server unless given one)."""
    given = os.environ.get("ECOMCORE_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    try:
        server = throwaway_postgres()
        url = server.__enter__()
    except NotFoundError as missing:
        pytest.fail(f"{missing}; `make postgres` installs it, or set ECOMCORE_TEST_POSTGRES_URL")
    try:
        yield url
    finally:
        server.__exit__(None, None, None)


@pytest.fixture(scope="session")
def postgres_database(postgres_url: str) -> Iterator[Database]:
    """The run's PostgreSQL database, upgraded to the latest schema once."""
    database = upgrade(postgres_url)
    yield database
    database.dispose()


def empty_all_tables(database: Database, *extra: sa.Table) -> None:
    """Delete every row of ecomcore's tables (and ``extra``), restarting their counters."""
    tables = [*full_metadata().sorted_tables, *extra]
    with database.writing() as connection:
        if database.dialect == "postgresql":
            names = ", ".join(table.name for table in tables)
            connection.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY")
        else:
            for table in reversed(tables):
                connection.execute(table.delete())


@pytest.fixture
def open_database(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Callable[[str], Database]]:
    """Open an upgraded, empty database by kind: ``sqlite`` (a new file) or ``postgresql``."""
    files: list[Database] = []

    def open_(kind: str) -> Database:
        if kind == "sqlite":
            files.append(upgrade(f"sqlite:///{tmp_path / f'shop-{len(files)}.db'}"))
            return files[-1]
        database: Database = request.getfixturevalue("postgres_database")
        empty_all_tables(database)
        return database

    yield open_
    for database in files:
        database.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, open_database: Callable[[str], Database]) -> Database:
    """An upgraded, empty database: a SQLite file, then the run's PostgreSQL."""
    return open_database(request.param)
