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


def test_the_tour_prints_the_cdnow_fit_next_to_the_published_values() -> None:
    """The metrics section refits CDNOW and shows the papers' values beside ours."""
    out = subprocess.run(
        [sys.executable, "-m", "ecomcore"], capture_output=True, text=True, check=True
    ).stdout
    assert "CDNOW 1/10 sample: 2,357 customers" in out
    rows = {
        tuple(line.split()[:2]): line.split()[2:]
        for line in out.splitlines()
        if line.startswith("  BG/NBD") or line.startswith("  Gamma-Gamma")
    }
    ours, published = (float(v) for v in rows[("BG/NBD", "alpha")])
    assert abs(ours - published) < 0.001
    assert "One-year CLV" in out
