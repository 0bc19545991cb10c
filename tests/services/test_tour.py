"""`python -m ecomcore`, the tour that `make demo` runs."""

import functools
import subprocess
import sys
from pathlib import Path

from ecomcore.cli.tour import pricing


@functools.cache
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


def test_the_tour_shows_generated_variants_and_a_publication_check() -> None:
    """The catalog section lists six generated SKUs, an option change and the check's verdicts."""
    section = tour_output().split("== Catalog", 1)[1].split("\n== ", 1)[0]
    for sku in ("LT-S-Sand", "LT-S-Navy", "LT-M-Sand", "LT-M-Navy", "LT-L-Sand", "LT-L-Navy"):
        assert sku in section
    assert "+ XL / Sand" in section
    assert "- S / Navy" in section
    assert "6 x [variant_without_weight]" in section
    assert "1 x [missing_required_attribute]" in section
    assert "problems: 0, status: active" in section


def test_the_tour_shows_a_split_allocation_and_an_expired_reservation() -> None:
    """The inventory section splits 6 mugs 4 + 2 and the sweep gives a cart's 3 mugs back."""
    section = tour_output().split("== Inventory =", 1)[1].split("\n== ", 1)[0]
    assert "4 from berlin-wh, 2 from hamburg-store" in section
    assert "releases cart-7 (3 units)" in section
    assert section.rstrip().endswith(
        "hamburg-store: 10 on hand, 0 reserved, 2 allocated, 8 available"
    )


def test_the_tour_prints_reorder_suggestions_with_explanations() -> None:
    """The planning section shows the book's EOQ and a reasoned suggestion per item and location."""
    section = tour_output().split("== Inventory planning")[1].split("\n== ", 1)[0]
    assert "EOQ 304.05 units, 68.41 a year" in section
    assert "mug at berlin: position 14 = on hand 18 + incoming 0 - allocated 4" in section
    assert "mug at paris: position 40" in section
    assert "from live stock levels and shipments" in section
    assert (
        "tent at berlin: position -1 = on hand 3 + incoming 0 - allocated 3 - backorders 1"
        in section
    )
    assert "is above the reorder point: no order." in section
    assert section.count("Stock-out risk before an order placed now would arrive") == 3
    assert "-> intermittent; sba forecasts" in section


def test_the_tour_shows_a_fraud_assessment_with_its_explanation() -> None:
    """The fraud section prints a decision, the explanation an agent reads, and a backtest."""
    out = tour_output()
    section = " ".join(out.split("== Fraud ")[1].split())  # the explanation is wrapped
    assert "Order o-1001: review, score 53, rules fired: reshipping" in section
    assert "This order is on hold while our team checks it (risk score 53 of 100)." in section
    assert "the shipping address is a freight forwarder" in section
    assert "precision" in section
    assert "decisions that differ" in section


def test_the_tour_shows_stacked_promotions_a_refused_coupon_and_a_near_miss() -> None:
    """The pricing section prints a stacked quote, a coupon refusal reason and a near miss."""
    out = pricing.show()
    assert "3 x sock  €7.99 from retail: €23.97 - €3.97 = €20.00" in out
    assert "WELCOME15: coupon WELCOME15 cannot be combined with Shoe week" in out
    assert "add 31.03 EUR for Free shipping" in out


def test_the_tour_shows_a_cross_border_quote_with_its_tax_breakdown() -> None:
    """The tax section quotes a promoted cart with French VAT per line and per rate."""
    out = tour_output()
    assert "promotion: Spring outerwear, 23,80\xa0€ off" in out
    # 119.00 less 20% is 95.20 gross; at the French 20% that is 79.33 net and 15.87 VAT.
    assert "jacket    net    79,33\xa0€  tax   15,87\xa0€  gross    95,20\xa0€  VAT 20% FR" in out
    assert "per rate: VAT 20% FR (standard)" in out
    assert "note: EU distance sales above 10,000 EUR" in out
    assert "VAT 0% (reverse_charge)" in out
    assert "per rate: QST 9.975% CA-QC (standard): 29.93 on 300.00 CAD" in out


def test_the_tour_prints_the_cdnow_fit_next_to_the_published_values() -> None:
    """The metrics section refits CDNOW and shows the papers' values beside ours."""
    out = tour_output()
    assert "CDNOW 1/10 sample: 2,357 customers" in out
    rows = {
        tuple(line.split()[:2]): line.split()[2:]
        for line in out.splitlines()
        if line.startswith("  BG/NBD") or line.startswith("  Gamma-Gamma")
    }
    ours, published = (float(v) for v in rows[("BG/NBD", "alpha")])
    assert abs(ours - published) < 0.001
    assert "One-year CLV" in out


def test_the_tour_runs_on_a_sqlite_file_and_will_not_mix_with_stock_already_there(
    tmp_path: Path,
) -> None:
    """``--db`` gives the same tour through the SQL adapter; a second run is refused, not mixed."""
    url = f"sqlite:///{tmp_path / 'tour.db'}"
    run = [sys.executable, "-m", "ecomcore", "--db", url]
    assert subprocess.run(run, capture_output=True, text=True, check=True).stdout == tour_output()
    again = subprocess.run(run, capture_output=True, text=True, check=False)
    assert again.returncode == 1
    assert "--db must be a new database" in again.stderr
    assert "Traceback" not in again.stderr
