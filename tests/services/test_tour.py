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


def test_the_tour_shows_generated_variants_and_a_publication_check() -> None:
    """The catalog section lists six generated SKUs, an option change and the check's verdicts."""
    out = subprocess.run(
        [sys.executable, "-m", "ecomcore"], capture_output=True, text=True, check=True
    ).stdout
    section = out.split("== Catalog", 1)[1]
    for sku in ("LT-S-Sand", "LT-S-Navy", "LT-M-Sand", "LT-M-Navy", "LT-L-Sand", "LT-L-Navy"):
        assert sku in section
    assert "+ XL / Sand" in section
    assert "- S / Navy" in section
    assert "6 x [variant_without_weight]" in section
    assert "1 x [missing_required_attribute]" in section
    assert "problems: 0, status: active" in section
