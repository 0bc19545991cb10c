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


def test_the_tour_shows_a_fraud_assessment_with_its_explanation() -> None:
    """The fraud section prints a decision, the explanation an agent reads, and a backtest."""
    out = subprocess.run(
        [sys.executable, "-m", "ecomcore"], capture_output=True, text=True, check=True
    ).stdout
    section = " ".join(out.split("== Fraud ")[1].split())  # the explanation is wrapped
    assert "Order o-1001: review, score 53, rules fired: reshipping" in section
    assert "This order is on hold while our team checks it (risk score 53 of 100)." in section
    assert "the shipping address is a freight forwarder" in section
    assert "precision" in section
    assert "decisions that differ" in section
