"""`python -m ecomcore`, the tour that `make demo` runs."""

import subprocess
import sys


def test_the_tour_prints_computed_money_results() -> None:
    """The tour shows formatted money, an exact split and a taxed line."""
    out = subprocess.run(
        [sys.executable, "-m", "ecomcore"], capture_output=True, text=True, check=True
    ).stdout
    assert "1.234,50\xa0€" in out
    assert "€33.34 + €33.33 + €33.33 = €100.00" in out
    assert "net 49,99\xa0€ + tax 9,50\xa0€ = gross 59,49\xa0€" in out


def test_the_tour_prints_reorder_suggestions_with_explanations() -> None:
    """The planning section shows the book's EOQ and a reasoned suggestion per item and location."""
    out = subprocess.run(
        [sys.executable, "-m", "ecomcore"], capture_output=True, text=True, check=True
    ).stdout
    section = out.split("== Inventory planning")[1]
    assert "EOQ 304.05 units, 68.41 a year" in section
    assert "mug at berlin: position 14 = on hand 18 + incoming 0 - allocated 4" in section
    assert "mug at paris: position 40" in section
    assert "is above the reorder point: no order." in section
    assert section.count("Stock-out risk before an order placed now would arrive") == 3
    assert "-> intermittent; sba forecasts" in section
