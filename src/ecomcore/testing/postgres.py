"""A throwaway PostgreSQL server for tests and benchmarks: started in seconds, gone afterwards.

It runs Debian's (or any PATH's) ``initdb`` and ``pg_ctl`` into a temporary directory, on a
free loopback port, with durability off (fsync, synchronous commit and full-page writes: data
that lives for one test run needs none of them). As root it runs the server as the
``postgres`` user, since PostgreSQL refuses to run as root. Needs the server programs
(Debian: ``apt-get install postgresql``) and nothing else.
"""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ecomcore.core import NotFoundError

__all__ = ["throwaway_postgres"]


def _server_programs() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    on_path = shutil.which("initdb")
    if on_path:
        found.append(on_path)
    if not found:
        raise NotFoundError("PostgreSQL server program (apt-get install postgresql)", "initdb")
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """Start a new PostgreSQL server; yield its SQLAlchemy URL; stop and delete it at the end.

    The URL names the ``postgres`` database of user ``ecomcore`` (trusted on loopback), for
    psycopg 3 (the ``postgresql`` extra).

    Examples:
        >>> from ecomcore.adapters.sqlalchemy import upgrade
        >>> with throwaway_postgres() as url:
        ...     database = upgrade(url)
        ...     print(database.dialect)
        ...     database.dispose()
        postgresql
    """
    programs = _server_programs()
    root = Path(tempfile.mkdtemp(prefix="ecomcore-pg-"))
    as_postgres: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        shutil.chown(root, "postgres", "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    data, port = root / "data", _free_port()

    def run(*command: str) -> None:
        subprocess.run([*as_postgres, *command], check=True, capture_output=True)

    try:
        run(str(programs / "initdb"), "-D", str(data), "-U", "ecomcore", "-A", "trust",
            "-E", "UTF8", "--no-sync")  # fmt: skip
        options = (
            f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        run(str(programs / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"),
            "-w", "start")  # fmt: skip
        try:
            yield f"postgresql+psycopg://ecomcore@127.0.0.1:{port}/postgres"
        finally:
            run(str(programs / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
    finally:
        shutil.rmtree(root, ignore_errors=True)
