"""The lifetime models: stable arithmetic, fits that recover known parameters, errors."""

import datetime as dt

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import hyp2f1

from ecomcore.core import ValidationError
from ecomcore.metrics import (
    BetaGeoModel,
    CustomerSummary,
    GammaGammaModel,
    ModifiedBetaGeoModel,
    NotConvergedError,
    ParetoNBDModel,
    SpendModelDivergesError,
    TimeUnit,
    calibration_vs_holdout,
    customer_lifetime_value,
    load_cdnow,
    summarize_transactions,
)

BG = BetaGeoModel(0.243, 4.414, 0.793, 2.426, 0.0, (), 0)
MBG = ModifiedBetaGeoModel(0.525, 6.183, 0.891, 1.614, 0.0, (), 0)
PARETO = ParetoNBDModel(0.553, 10.578, 0.606, 11.669, 0.0, (), 0)
GG = GammaGammaModel(6.25, 3.74, 15.44, 0.0, (), 0)
PURCHASE_MODELS = [BG, MBG, PARETO]

histories = st.tuples(st.integers(0, 20000), st.floats(0, 1), st.floats(0.5, 500)).map(
    lambda h: (float(h[0]), h[1] * h[2] if h[0] > 0 else 0.0, h[2])
)


Floats = npt.NDArray[np.float64]


def simulate_bg_nbd(
    n: int, seed: int, *, r: float, alpha: float, a: float, b: float
) -> tuple[Floats, Floats, Floats]:
    """Customers born at time 0 and observed for 52 units, drawn from the BG/NBD story."""
    rng = np.random.default_rng(seed)
    rates, drop = rng.gamma(r, 1 / alpha, n), rng.beta(a, b, n)
    x, t_x = np.zeros(n), np.zeros(n)
    for i in range(n):
        t = 0.0
        while True:
            t += rng.exponential(1 / rates[i])
            if t > 52:
                break
            x[i], t_x[i] = x[i] + 1, t
            if rng.random() < drop[i]:
                break
    return x, t_x, np.full(n, 52.0)


@pytest.mark.parametrize("model", PURCHASE_MODELS, ids=lambda m: type(m).__name__)
@settings(max_examples=100, deadline=None)
@given(history=histories)
def test_predictions_stay_finite_and_bounded_for_huge_frequencies(
    model: BetaGeoModel | ParetoNBDModel, history: tuple[float, float, float]
) -> None:
    """Frequencies in the thousands give finite likelihoods, P(alive) in [0, 1], no overflow."""
    x, t_x, T = history
    with np.errstate(over="raise", invalid="raise"):
        alive = model.probability_alive([x], [t_x], [T])[0]
        expected = model.conditional_expected_purchases(10.0, [x], [t_x], [T])[0]
    assert 0.0 <= alive <= 1.0
    assert np.isfinite(expected)
    assert expected >= 0
    assert np.isfinite(model.customer_log_likelihood([x], [t_x], [T])[0])


def test_bg_nbd_population_expectation_matches_the_papers_formula() -> None:
    """E[X(t)] equals the paper's closed form (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(...)]."""
    r, alpha, a, b = BG.r, BG.alpha, BG.a, BG.b
    for t in (1.0, 39.0, 78.0):
        paper = (
            (a + b - 1)
            / (a - 1)
            * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, t / (alpha + t)))
        )
        assert BG.expected_purchases(t)[0] == pytest.approx(paper, rel=1e-10)


def test_pareto_population_expectation_matches_the_closed_form() -> None:
    """Pareto/NBD E[X(t)] = r beta / (alpha (s-1)) [1 - (beta/(beta+t))^(s-1)]."""
    r, alpha, s, beta = PARETO.r, PARETO.alpha, PARETO.s, PARETO.beta
    for t in (1.0, 39.0):
        closed = r * beta / (alpha * (s - 1)) * (1 - (beta / (beta + t)) ** (s - 1))
        assert PARETO.expected_purchases(t)[0] == pytest.approx(closed, rel=1e-10)


def test_customers_without_repeat_purchases_are_alive_under_bg_nbd() -> None:
    """BG/NBD: dropout only happens after a repeat purchase, so x = 0 means alive."""
    assert BG.probability_alive([0], [0], [30])[0] == 1.0
    assert MBG.probability_alive([0], [0], [30])[0] < 1.0


def test_fit_on_weighted_unique_rows_equals_fit_on_every_customer() -> None:
    """Weights stand for repeated customers: the fit is the same either way."""
    x, t_x, T = simulate_bg_nbd(400, 7, r=0.5, alpha=5.0, a=1.0, b=3.0)
    full = BetaGeoModel.fit_arrays(np.repeat(x, 3), np.repeat(t_x, 3), np.repeat(T, 3))
    weighted = BetaGeoModel.fit_arrays(x, t_x, T, weights=np.full(len(x), 3.0))
    assert weighted.n_customers == full.n_customers == 1200
    for name in full.params:
        assert weighted.params[name] == pytest.approx(full.params[name], rel=1e-4)


def test_bg_nbd_fit_recovers_the_parameters_it_was_simulated_with() -> None:
    """Data drawn from known parameters gives them back within two standard errors."""
    truth = {"r": 0.5, "alpha": 5.0, "a": 1.0, "b": 3.0}
    model = BetaGeoModel.fit_arrays(*simulate_bg_nbd(3000, 11, **truth))
    for (name, value), error in zip(truth.items(), model.standard_errors, strict=True):
        assert abs(model.params[name] - value) < 3 * error, name


def test_fits_are_deterministic() -> None:
    """The same data fitted twice gives exactly the same parameters."""
    data = simulate_bg_nbd(300, 3, r=0.5, alpha=5.0, a=1.0, b=3.0)
    assert BetaGeoModel.fit_arrays(*data) == BetaGeoModel.fit_arrays(*data)


def test_gamma_gamma_with_q_at_most_one_is_an_error_not_a_number() -> None:
    """Heavy-tailed spend (q <= 1, infinite mean) raises instead of returning parameters."""
    rng = np.random.default_rng(1)
    with pytest.raises(SpendModelDivergesError) as raised:
        GammaGammaModel.fit_arrays(rng.integers(1, 5, 500), rng.lognormal(3, 2.0, 500))
    assert raised.value.q <= 1
    assert raised.value.code == "metrics_spend_model_diverges"


def test_a_fit_without_any_repeat_purchase_reports_non_convergence() -> None:
    """Nobody ever came back: there is no maximum to report, so the fit raises."""
    with pytest.raises(NotConvergedError):
        BetaGeoModel.fit_arrays(np.zeros(100), np.zeros(100), np.full(100, 30.0))


def test_gamma_gamma_refuses_customers_without_repeat_spend() -> None:
    """A zero frequency or value cannot enter the spend model."""
    with pytest.raises(ValidationError):
        GammaGammaModel.fit_arrays([0, 1], [10.0, 12.0])


def test_expected_spend_shrinks_towards_the_population_mean() -> None:
    """Few purchases: close to the population mean; many: close to the customer's own average."""
    few, many = GG.conditional_expected_average_spend([1, 100], [100.0, 100.0])
    assert GG.mean_spend < few < many < 100.0


def test_clv_scales_with_margin_and_falls_with_the_discount_rate() -> None:
    """Twice the margin, twice the value; a higher discount rate, a lower value."""
    summary = CustomerSummary.from_arrays(
        frequency=[0, 3, 10], recency=[0, 30, 37], T=[38, 38, 38], monetary_value=[0, 40, 25]
    )
    low = customer_lifetime_value(BG, GG, summary, margin=0.2, period_length=4.3)
    high = customer_lifetime_value(BG, GG, summary, margin=0.4, period_length=4.3)
    discounted = customer_lifetime_value(
        BG, GG, summary, margin=0.2, period_length=4.3, discount_rate=0.05
    )
    np.testing.assert_allclose(high, 2 * low)
    assert np.all(discounted < low)


def test_calibration_check_predicts_cdnow_holdout_purchases_closely() -> None:
    """On CDNOW the BG/NBD predicts the 39-week hold-out within 15% for the whole base.."""
    summary = summarize_transactions(
        load_cdnow(),
        calibration_end="1997-09-30",
        observation_end="1998-06-30",
        time_unit=TimeUnit.WEEKS,
    )
    check = calibration_vs_holdout(BetaGeoModel.fit(summary), summary)
    assert check.customers.sum() == summary.size
    actual = (check.actual * check.customers).sum()
    predicted = (check.predicted * check.customers).sum()
    assert predicted == pytest.approx(actual, rel=0.15)
    assert actual == summary.frequency_holdout.sum()


def test_summary_merges_same_day_purchases_and_splits_calibration() -> None:
    """Two orders on one day are one purchase; later orders go to the hold-out."""
    rows = [
        {"customer_id": "a", "placed_at": dt.datetime(2024, 1, 1, 9, tzinfo=dt.UTC), "gross": 10},
        {"customer_id": "a", "placed_at": dt.datetime(2024, 1, 1, 18, tzinfo=dt.UTC), "gross": 5},
        {"customer_id": "a", "placed_at": dt.datetime(2024, 1, 8, tzinfo=dt.UTC), "gross": 7},
        {"customer_id": "b", "placed_at": dt.datetime(2024, 1, 3, tzinfo=dt.UTC), "gross": 3},
        {"customer_id": "a", "placed_at": dt.datetime(2024, 1, 20, tzinfo=dt.UTC), "gross": 9},
        {"customer_id": "c", "placed_at": dt.datetime(2024, 1, 21, tzinfo=dt.UTC), "gross": 9},
    ]
    summary = summarize_transactions(
        rows, calibration_end=dt.date(2024, 1, 15), time_unit=TimeUnit.DAYS
    )
    assert summary.customer_id.tolist() == ["a", "b"]
    assert summary.frequency.tolist() == [1.0, 0.0]
    assert summary.recency.tolist() == [7.0, 0.0]
    assert summary.T.tolist() == [14.0, 12.0]
    assert summary.monetary_value.tolist() == [7.0, 0.0]
    assert summary.frequency_holdout.tolist() == [1.0, 0.0]
    assert summary.duration_holdout == 6.0


def test_summary_refuses_an_observation_end_before_calibration_end() -> None:
    """The hold-out cannot end before it starts."""
    rows = [{"customer_id": 1, "placed_at": dt.date(2024, 1, 1), "gross": 1.0}]
    with pytest.raises(ValidationError, match="observation_end"):
        summarize_transactions(rows, calibration_end="2024-02-01", observation_end="2024-01-15")
