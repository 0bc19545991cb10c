"""`python -m ecomcore`, the tour that `make demo` runs."""

import subprocess
import sys


def _tour() -> str:
    return subprocess.run(
        [sys.executable, "-m", "ecomcore"], capture_output=True, text=True, check=True
    ).stdout


def test_the_tour_prints_computed_money_results() -> None:
    """The tour shows formatted money, an exact split and a taxed line."""
    out = _tour()
    assert "1.234,50\xa0€" in out
    assert "€33.34 + €33.33 + €33.33 = €100.00" in out
    assert "net 49,99\xa0€ + tax 9,50\xa0€ = gross 59,49\xa0€" in out


def test_the_tour_shows_a_cross_border_document_with_its_tax_breakdown() -> None:
    """The tax section shows destination VAT per rate, a reverse charge, and GST plus QST."""
    out = _tour()
    assert "per rate: VAT 20% FR (standard)" in out
    assert "VAT 0% (reverse_charge)" in out
    assert "per rate: QST 9.975% CA-QC (standard): 29.93 on 300.00 CAD" in out
