"""`python -m ecomcore`, the tour that `make demo` runs."""

import subprocess
import sys


def tour_output() -> str:
    """Run the tour as `make demo` does and return what it printed."""
    return subprocess.run(
        [sys.executable, "-m", "ecomcore"], capture_output=True, text=True, check=True
    ).stdout


def test_the_tour_prints_computed_money_results() -> None:
    """The tour shows formatted money, an exact split and a taxed line."""
    out = tour_output()
    assert "1.234,50\xa0€" in out
    assert "€33.34 + €33.33 + €33.33 = €100.00" in out
    assert "net 49,99\xa0€ + tax 9,50\xa0€ = gross 59,49\xa0€" in out


def test_the_tour_shows_a_split_allocation_and_an_expired_reservation() -> None:
    """The inventory section splits 6 mugs 4 + 2 and the sweep gives a cart's 3 mugs back."""
    out = tour_output()
    assert "4 from berlin-wh, 2 from hamburg-store" in out
    assert "releases cart-7 (3 units)" in out
    assert out.rstrip().endswith("hamburg-store: 10 on hand, 0 reserved, 2 allocated, 8 available")
