"""Refitting CDNOW reproduces the parameters the papers published.

Sources: Fader, Hardie & Lee (2005), "Counting your customers the easy way: an alternative to
the Pareto/NBD model", Marketing Science 24(2) (BG/NBD and Pareto/NBD), and Fader, Hardie & Lee
(2005), "RFM and CLV: using iso-value curves for customer base analysis", Journal of Marketing
Research 42(4) (Gamma-Gamma). Setting: the 1/10 sample, calibration to 1997-09-30, weeks.
"""

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

import pytest

from ecomcore.metrics import (
    BetaGeoModel,
    CustomerSummary,
    GammaGammaModel,
    ParetoNBDModel,
    TimeUnit,
    load_cdnow,
    summarize_transactions,
)


@pytest.fixture(scope="module")
def summary() -> CustomerSummary:
    return summarize_transactions(
        load_cdnow(), calibration_end="1997-09-30", time_unit=TimeUnit.WEEKS
    )


def check_published(ours: dict[str, float], published: dict[str, str]) -> dict[str, float]:
    """Assert each parameter rounds to its published figure; return the relative differences.

    A figure printed with d decimals must be what our estimate rounds to at d decimals (half
    up). The relative difference is asserted under 1e-3 wherever the printed precision can
    show it; r = 0.243 and q = 3.74 are printed too coarsely (their half unit is 2.1e-3 and
    1.3e-3 relative), so for them the rounding is the test and the difference is reported.
    """
    differences: dict[str, float] = {}
    for name, figure in published.items():
        value = Decimal(figure)
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)
        rounded = Decimal(repr(ours[name])).quantize(Decimal(1).scaleb(exponent), ROUND_HALF_UP)
        assert rounded == value, (name, ours[name], figure)
        relative = abs(ours[name] - float(value)) / abs(float(value))
        differences[name] = relative
        if 0.5 * 10.0**exponent <= 1e-3 * abs(float(value)):
            assert relative < 1e-3, (name, ours[name], figure, relative)
    print("relative differences to the published figures:", differences)
    return differences


def test_the_cdnow_sample_has_the_papers_customers(summary: CustomerSummary) -> None:
    """2,357 customers, 946 of them with repeat purchases, observed 39 weeks at most."""
    assert summary.size == 2357
    assert int((summary.frequency > 0).sum()) == 946
    assert summary.T.max() == pytest.approx(272 / 7)


def test_bg_nbd_matches_fader_hardie_lee_2005(
    summary: CustomerSummary, record_property: Callable[[str, object], None]
) -> None:
    """BG/NBD: r 0.243, alpha 4.414, a 0.793, b 2.426, log-likelihood -9582.4."""
    model = BetaGeoModel.fit(summary)
    published = {"r": "0.243", "alpha": "4.414", "a": "0.793", "b": "2.426"}
    differences = check_published(model.params, published)
    record_property("bgnbd_relative_differences", differences)
    assert model.log_likelihood == pytest.approx(-9582.4, abs=0.1)


def test_pareto_nbd_matches_fader_hardie_lee_2005(summary: CustomerSummary) -> None:
    """Pareto/NBD: r 0.553, alpha 10.578, s 0.606 (1e-3 relative), beta 11.669 within 0.02."""
    model = ParetoNBDModel.fit(summary)
    for name, value in {"r": 0.553, "alpha": 10.578, "s": 0.606}.items():
        assert model.params[name] == pytest.approx(value, rel=1e-3), name
    assert model.beta == pytest.approx(11.669, abs=0.02)
    assert model.log_likelihood == pytest.approx(-9595.0, abs=0.1)


def test_gamma_gamma_matches_fader_hardie_lee_2005_rfm_and_clv(
    summary: CustomerSummary, record_property: Callable[[str, object], None]
) -> None:
    """Gamma-Gamma on the 946 repeat buyers: p 6.25, q 3.74, gamma 15.44."""
    model = GammaGammaModel.fit(summary)
    assert model.n_customers == 946
    differences = check_published(model.params, {"p": "6.25", "q": "3.74", "v": "15.44"})
    record_property("gamma_gamma_relative_differences", differences)
