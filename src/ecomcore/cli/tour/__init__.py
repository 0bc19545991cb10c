"""The guided tour: one section per capability, each printing results it computes on the spot.

A capability joins the tour by adding a module here with a ``show()`` that returns its text,
and a line in `SECTIONS`.
"""

import sys
from collections.abc import Callable
from typing import TextIO

from ecomcore.cli.tour import catalog, fraud, inventory, metrics, money, planning, pricing, tax

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


def main(out: TextIO = sys.stdout) -> None:
    """Print every section of the tour.

    Examples:
        >>> import io
        >>> buffer = io.StringIO()
        >>> main(buffer)
        >>> "Money" in buffer.getvalue()
        True
    """
    print("ecomcore: a guided tour", file=out)
    for title, show in SECTIONS:
        print(f"\n== {title} " + "=" * (60 - len(title)), file=out)
        print(show(), file=out)
