"""`python -m ecomcore`, the tour that `make demo` runs."""

import subprocess
import sys

from ecomcore.cli.tour import pricing


def test_the_tour_prints_computed_money_results() -> None:
    """The tour shows formatted money, an exact split and a taxed line."""
    out = subprocess.run(
        [sys.executable, "-m", "ecomcore"], capture_output=True, text=True, check=True
    ).stdout
    assert "1.234,50\xa0€" in out
    assert "€33.34 + €33.33 + €33.33 = €100.00" in out
    assert "net 49,99\xa0€ + tax 9,50\xa0€ = gross 59,49\xa0€" in out


def test_the_tour_shows_stacked_promotions_a_refused_coupon_and_a_near_miss() -> None:
    """The pricing section prints a stacked quote, a coupon refusal reason and a near miss."""
    out = pricing.show()
    assert "3 x sock  €7.99 from retail: €23.97 - €3.97 = €20.00" in out
    assert "WELCOME15: coupon WELCOME15 cannot be combined with Shoe week" in out
    assert "add 31.03 EUR for Free shipping" in out
