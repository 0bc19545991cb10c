"""Databases for the SQL adapter's tests: a SQLite file per test, and a throwaway PostgreSQL.

The PostgreSQL server is started here, once per run, in a temporary directory (as the
``postgres`` user when the tests run as root), on a free loopback port, with fsync off, and
stopped at the end. ``ECOMCORE_TEST_POSTGRES_URL`` points the tests at a server of your own
instead. Missing server programs fail the run: they are not a reason to skip.
"""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from ecomcore.adapters.sqlalchemy import Database, upgrade
from ecomcore.adapters.sqlalchemy._migrations import full_metadata


def _server_programs() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    on_path = shutil.which("initdb")
    if on_path:
        found.append(on_path)
    if not found:
        pytest.fail(
            "PostgreSQL's server programs are not installed; `make postgres` installs them "
            "(Debian's postgresql package), or set ECOMCORE_TEST_POSTGRES_URL"
        )
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """The URL of a PostgreSQL database for this run (a throwaway server unless given one)."""
    given = os.environ.get("ECOMCORE_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    programs = _server_programs()
    root = Path(tempfile.mkdtemp(prefix="ecomcore-pg-"))
    as_postgres: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        shutil.chown(root, "postgres", "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    data, port = root / "data", _free_port()

    def run(*command: str) -> None:
        subprocess.run([*as_postgres, *command], check=True, capture_output=True)

    run(str(programs / "initdb"), "-D", str(data), "-U", "ecomcore", "-A", "trust", "-E", "UTF8",
        "--no-sync")  # fmt: skip
    options = (
        f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
    )
    run(str(programs / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"), "-w",
        "start")  # fmt: skip
    try:
        yield f"postgresql+psycopg://ecomcore@127.0.0.1:{port}/postgres"
    finally:
        run(str(programs / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


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
