"""The guided tour: one section per capability, each printing results it computes on the spot.

A capability joins the tour by adding a module here with a ``show()`` that returns its text,
and a line in `SECTIONS`.
"""

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from ecomcore.cli.tour import (
    catalog,
    fraud,
    inventory,
    metrics,
    money,
    planning,
    pricing,
    storage,
    tax,
)
from ecomcore.core import EcomcoreError

SECTIONS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("Money", money.show),
    ("Catalog", catalog.show),
    ("Pricing", pricing.show),
    ("Tax", tax.show),
    ("Inventory", inventory.show),
    ("Inventory planning", planning.show),
    ("Fraud", fraud.show),
    ("Metrics: customer lifetime models on CDNOW", metrics.show),
)
"""The tour in order: (title, function returning the section's text)."""


def main(out: TextIO = sys.stdout, argv: Sequence[str] | None = None) -> None:
    """Print every section of the tour; ``--db URL`` keeps its stock in that database.

    Without ``--db`` the stock lives in memory. With it (for example
    ``python -m ecomcore --db sqlite:///tour.db``; needs the ``sql`` extra) the inventory and
    planning sections run through the SQL adapter, and the database keeps what they did.

    Examples:
        >>> import io
        >>> buffer = io.StringIO()
        >>> main(buffer, [])
        >>> "Money" in buffer.getvalue()
        True
    """
    parser = argparse.ArgumentParser(prog="python -m ecomcore", description=__doc__)
    parser.add_argument("--db", metavar="URL", help="keep the tour's stock in this database")
    arguments = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if arguments.db:
        try:
            storage.use(arguments.db)
        except EcomcoreError as refused:
            parser.exit(1, f"python -m ecomcore: {refused}\n")
    print("ecomcore: a guided tour", file=out)
    for title, show in SECTIONS:
        print(f"\n== {title} " + "=" * (60 - len(title)), file=out)
        print(show(), file=out)
