"""Forecasts: agreement with statsforecast and R's forecast::croston, laws, accuracy, backtests.

statsforecast (Nixtla) is the oracle, through values recorded from it in
``data/statsforecast_oracle.json`` (the file names the version and the call that produced them;
statsforecast itself held pandas below 3, so it is no longer installed). R is not
installed here, so R's ``forecast::croston`` is reproduced by hand below from its published
source (``croston2``: ``ses(initial="simple")`` on the non-zero demands and on the intervals
``diff(c(0, which(x > 0)))``, ratio times 1 - alpha/2 for SBA); the tests check our forecasts
against that transcription to 1e-6 too.
"""

import json
import math
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecomcore.inventory import planning as p

ORACLE: dict[str, Any] = json.loads(
    (Path(__file__).parent / "data" / "statsforecast_oracle.json").read_text()
)
SERIES: list[list[int]] = [case["series"] for case in ORACLE["fixed"]]
intermittent = st.lists(st.one_of(st.just(0), st.integers(1, 40)), min_size=3, max_size=60).filter(
    lambda s: sum(1 for v in s if v) >= 2
)


def r_ses_simple(x: Sequence[float], alpha: float) -> float:
    """R's ses(x, alpha, initial="simple")$mean: level starts at x[1]."""
    level = x[0]
    for value in x[1:]:
        level = alpha * value + (1 - alpha) * level
    return level


def r_croston(x: Sequence[float], alpha: float = 0.1, sba: bool = False) -> float:
    """R's croston2 (forecast package), transcribed."""
    positions = [i + 1 for i, v in enumerate(x) if v > 0]
    sizes = [v for v in x if v > 0]
    intervals = [b - a for a, b in zip([0, *positions[:-1]], positions, strict=True)]
    ratio = r_ses_simple(sizes, alpha) / r_ses_simple(intervals, alpha)
    return ratio * (1 - alpha / 2) if sba else ratio


@pytest.mark.parametrize("case", ORACLE["fixed"])
def test_croston_and_sba_match_r_and_statsforecast(case: dict[str, Any]) -> None:
    """Croston and SBA forecasts equal R's croston and statsforecast's to 1e-6."""
    series = case["series"]
    assert p.croston(series).level == pytest.approx(r_croston(series), abs=1e-6)
    assert p.croston(series).level == pytest.approx(case["croston"], abs=1e-6)
    assert p.sba(series).level == pytest.approx(r_croston(series, sba=True), abs=1e-6)
    assert p.sba(series).level == pytest.approx(case["sba"], abs=1e-6)


@pytest.mark.parametrize("case", ORACLE["fixed"])
def test_tsb_and_ses_match_statsforecast(case: dict[str, Any]) -> None:
    """TSB and SES forecasts equal statsforecast's (and SES equals R's simple-start ses)."""
    series = case["series"]
    tsb = p.tsb(series, alpha_d=0.2, alpha_p=0.15).level
    assert tsb == pytest.approx(case["tsb_0.2_0.15"], abs=1e-6)
    ses = p.simple_exponential_smoothing(series, alpha=0.3).level
    assert ses == pytest.approx(case["ses_0.3"], abs=1e-6)
    assert ses == pytest.approx(r_ses_simple(series, 0.3), abs=1e-6)


def test_in_sample_fitted_values_match_statsforecast() -> None:
    """The one-step fitted values of Croston and TSB are statsforecast's, period by period."""
    recorded = ORACLE["fitted"]
    series = recorded["series"]
    for ours, expected in (
        (p.croston(series), recorded["croston"]),
        (p.tsb(series, alpha_d=0.2, alpha_p=0.1), recorded["tsb_0.2_0.1"]),
    ):
        as_floats = np.array([math.nan if v is None else v for v in expected])
        assert np.allclose(ours.fitted, as_floats, atol=1e-9, equal_nan=True)


@pytest.mark.parametrize("case", ORACLE["random"])
def test_intermittent_forecasts_agree_with_statsforecast_on_random_series(
    case: dict[str, Any],
) -> None:
    """On 60 random intermittent series and smoothing constants, all four methods agree to 1e-6."""
    series, alpha = case["series"], case["alpha"]
    assert p.croston(series, alpha=alpha).level == pytest.approx(r_croston(series, alpha), abs=1e-6)
    assert p.croston(series).level == pytest.approx(case["croston"], abs=1e-6)
    assert p.sba(series).level == pytest.approx(case["sba"], abs=1e-6)
    assert p.tsb(series, alpha_d=alpha, alpha_p=alpha / 2).level == pytest.approx(
        case["tsb"], abs=1e-6
    )
    assert p.simple_exponential_smoothing(series, alpha=alpha).level == pytest.approx(
        case["ses"], abs=1e-6
    )


@settings(max_examples=100, deadline=None)
@given(
    value=st.integers(1, 1000),
    length=st.integers(3, 40),
    method=st.sampled_from(["ma", "ses", "holt", "croston", "sba", "tsb", "auto"]),
)
def test_forecast_of_a_constant_series_is_the_constant(
    value: int, length: int, method: str
) -> None:
    """Every method forecasts a series that never changes at its value (SBA: the debiased one)."""
    series = [value] * length
    forecasts: dict[str, Callable[..., p.Forecast]] = {
        "ma": partial(p.moving_average, window=3),
        "ses": p.simple_exponential_smoothing,
        "holt": p.holt,
        "croston": p.croston,
        "sba": partial(p.sba, alpha=0.1),
        "tsb": p.tsb,
        "auto": p.auto_forecast,
    }
    expected = value * (1 - 0.1 / 2) if method == "sba" else value
    forecast = forecasts[method](series, horizon=3)
    assert forecast.values == pytest.approx([expected] * 3)


def test_holt_follows_a_trend_and_never_forecasts_negative_demand() -> None:
    """A rising series is extrapolated; a falling one stops at zero."""
    assert p.holt([10, 12, 14, 16], horizon=2).values == pytest.approx((18, 20))
    assert p.holt([9, 6, 3, 0], alpha=0.9, beta=0.9, horizon=3).values[-1] == 0


def test_auto_forecast_picks_the_method_for_the_demand_class() -> None:
    """Smooth demand gets SES, intermittent SBA, lumpy TSB."""
    assert p.auto_forecast([5, 6, 5, 4, 5]).method == "ses"
    assert p.auto_forecast([0, 0, 3, 0, 0, 4, 0, 0, 3]).method == "sba"
    assert p.auto_forecast([0, 0, 1, 0, 0, 9, 0, 0, 2]).method == "tsb"


def test_accuracy_measures_on_a_worked_example() -> None:
    """MAE, RMSE, bias and MASE of forecasts [4, 4, 4] against [3, 5, 7]."""
    actual, forecast = [3, 5, 7], [4, 4, 4]
    assert p.mean_absolute_error(actual, forecast) == pytest.approx(5 / 3)
    assert p.root_mean_squared_error(actual, forecast) == pytest.approx(math.sqrt(11 / 3))
    assert p.bias(actual, forecast) == pytest.approx(-1)
    assert p.mean_absolute_scaled_error(actual, forecast, training=[1, 3, 1]) == pytest.approx(
        (5 / 3) / 2
    )


def test_rolling_origin_backtest_refits_at_every_origin() -> None:
    """Each origin forecasts from the periods before it only; errors pool over all origins."""
    series = [1, 2, 3, 4, 5, 6]
    method = partial(p.moving_average, window=1, horizon=2)
    result = p.backtest_forecasts(series, method, initial=3, horizon=2, step=2)
    assert result.origins == (3, 5)
    assert result.actual == ((4.0, 5.0), (6.0,))
    assert result.forecast == ((3.0, 3.0), (5.0,))
    assert result.mae == pytest.approx((1 + 2 + 1) / 3)
    assert result.bias == pytest.approx(-4 / 3)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: p.croston([]), "series"),
        (lambda: p.croston([1, -2, 3]), "series[1]"),
        (lambda: p.simple_exponential_smoothing([1, 2], alpha=0), "alpha"),
        (lambda: p.moving_average([1, 2], window=3), "window"),
        (lambda: p.holt([4]), "series"),
        (lambda: p.tsb([1, 2], horizon=0), "horizon"),
    ],
)
def test_bad_forecast_input_names_the_field(call: object, field: str) -> None:
    """Empty or negative history, bad constants: a PlanningInputError naming the field."""
    with pytest.raises(p.PlanningInputError) as error:
        call()  # type: ignore[operator]
    assert error.value.field == field
    assert error.value.code == "planning_input"
