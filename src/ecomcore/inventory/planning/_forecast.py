"""Forecasts of demand per period, each deterministic with its initialisation stated.

Every method returns a `Forecast`: the next ``horizon`` periods, and the one-step-ahead fitted
value of each past period (what the method would have forecast for it from the periods before;
NaN where it has no forecast yet). The smoothing recursions follow R's ``forecast`` package and
Nixtla's statsforecast, so the numbers agree with those tools.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import isnan

import attrs

from ecomcore.inventory.planning._classify import DemandClass, classify_demand
from ecomcore.inventory.planning._errors import (
    PlanningInputError,
    require_demand,
    require_smoothing,
)

_NAN = float("nan")


@attrs.frozen
class Forecast:
    """A forecast: the method, the next periods' values, and in-sample one-step fitted values.

    Examples:
        >>> forecast = simple_exponential_smoothing([4, 6, 5], alpha=0.5)
        >>> forecast.method, forecast.values, forecast.fitted
        ('ses', (5.0,), (nan, 4.0, 5.0))
        >>> forecast.level
        5.0
    """

    method: str
    values: tuple[float, ...]
    fitted: tuple[float, ...]

    @property
    def level(self) -> float:
        """The forecast for the next period."""
        return self.values[0]


def _horizon(horizon: int) -> int:
    if isinstance(horizon, bool) or not isinstance(horizon, int) or horizon < 1:
        raise PlanningInputError("horizon", horizon, "a whole number of periods, 1 or more")
    return horizon


def moving_average(series: Sequence[float], *, window: int, horizon: int = 1) -> Forecast:
    """Forecast the mean of the last ``window`` periods, flat over the horizon.

    Examples:
        >>> moving_average([2, 4, 6, 8], window=2).values
        (7.0,)
    """
    values = require_demand("series", series)
    steps = _horizon(horizon)
    if isinstance(window, bool) or not isinstance(window, int) or not 1 <= window <= len(values):
        raise PlanningInputError("window", window, f"a whole number from 1 to {len(values)}")
    fitted = [_NAN] * len(values)
    for t in range(window, len(values)):
        fitted[t] = sum(values[t - window : t]) / window
    level = sum(values[-window:]) / window
    return Forecast("moving_average", (level,) * steps, tuple(fitted))


def _smooth(values: Sequence[float], alpha: float) -> tuple[float, list[float]]:
    """SES started at the first value; returns the final level and one-step fitted values."""
    level = values[0]
    fitted = [_NAN]
    for value in values[1:]:
        fitted.append(level)
        level += alpha * (value - level)
    return level, fitted


def simple_exponential_smoothing(
    series: Sequence[float], *, alpha: float = 0.1, horizon: int = 1
) -> Forecast:
    """Forecast by simple exponential smoothing: l_t = l_{t-1} + alpha (y_t - l_{t-1}), flat.

    The level starts at the first observation (R's ``ses(initial="simple")``, statsforecast's
    ``SimpleExponentialSmoothing``).

    Examples:
        >>> simple_exponential_smoothing([10, 20], alpha=0.1, horizon=2).values
        (11.0, 11.0)
    """
    values = require_demand("series", series)
    level, fitted = _smooth(values, require_smoothing("alpha", alpha))
    return Forecast("ses", (level,) * _horizon(horizon), tuple(fitted))


def holt(
    series: Sequence[float], *, alpha: float = 0.2, beta: float = 0.1, horizon: int = 1
) -> Forecast:
    """Holt's linear trend: a smoothed level and slope, forecasts l + h b.

    Initialisation as R's ``HoltWinters(beta=...)``: the level starts at the second observation and
    the slope at the difference of the first two; smoothing runs from the third. Needs two
    periods or more. Forecasts below zero are reported as zero (demand is never negative).

    Examples:
        >>> holt([10, 12, 14, 16], horizon=2).values
        (18.0, 20.0)
    """
    values = require_demand("series", series)
    a = require_smoothing("alpha", alpha)
    b = require_smoothing("beta", beta)
    steps = _horizon(horizon)
    if len(values) < 2:
        raise PlanningInputError("series", list(series), "two periods or more for a trend")
    level, slope = values[1], values[1] - values[0]
    fitted = [_NAN, _NAN]
    for value in values[2:]:
        fitted.append(level + slope)
        previous = level
        level = a * value + (1 - a) * (level + slope)
        slope = b * (level - previous) + (1 - b) * slope
    return Forecast(
        "holt", tuple(max(0.0, level + h * slope) for h in range(1, steps + 1)), tuple(fitted)
    )


def _croston_core(
    values: Sequence[float], alpha: float, factor: float, method: str, steps: int
) -> Forecast:
    """Croston's recursion: SES of demand sizes over SES of intervals, at demand periods only."""
    size = interval = _NAN
    since = 0
    fitted: list[float] = []
    for value in values:
        fitted.append(factor * size / interval if not isnan(size) else 0.0)
        since += 1
        if value > 0:
            if isnan(size):
                size, interval = value, float(since)
            else:
                size += alpha * (value - size)
                interval += alpha * (since - interval)
            since = 0
    fitted[0] = _NAN
    level = factor * size / interval if not isnan(size) else 0.0
    return Forecast(method, (level,) * steps, tuple(fitted))


def croston(series: Sequence[float], *, alpha: float = 0.1, horizon: int = 1) -> Forecast:
    """Croston's method for intermittent demand: smoothed size / smoothed interval.

    Both smoothers run only at periods with demand and start at the first non-zero demand and the
    first interval (periods up to and including it), as R's ``forecast::croston`` and
    statsforecast's ``CrostonClassic``. Before any demand the forecast is 0 (R reports NA there).

    Examples:
        >>> croston([0, 0, 3, 0, 1, 0]).values
        (0.9655172413793103,)
    """
    values = require_demand("series", series)
    a = require_smoothing("alpha", alpha)
    return _croston_core(values, a, 1.0, "croston", _horizon(horizon))


def sba(series: Sequence[float], *, alpha: float = 0.1, horizon: int = 1) -> Forecast:
    """Syntetos-Boylan approximation: Croston times (1 - alpha / 2), which removes its bias.

    Same initialisation as `croston` (R's ``croston(type="sba")``, statsforecast's
    ``CrostonSBA``).

    Examples:
        >>> round(sba([0, 0, 3, 0, 1, 0]).level, 6)
        0.917241
    """
    values = require_demand("series", series)
    a = require_smoothing("alpha", alpha)
    return _croston_core(values, a, 1 - a / 2, "sba", _horizon(horizon))


def tsb(
    series: Sequence[float], *, alpha_d: float = 0.1, alpha_p: float = 0.1, horizon: int = 1
) -> Forecast:
    """Teunter-Syntetos-Babai: smoothed demand probability times smoothed demand size.

    The probability is smoothed every period from whether the first period had demand; the size
    only at periods with demand, from the first non-zero demand (statsforecast's ``TSB``). Unlike
    Croston, the forecast decays while no demand comes, so it suits items going obsolete.

    Examples:
        >>> round(tsb([0, 0, 3, 0, 1, 0], alpha_d=0.2, alpha_p=0.1).level, 6)
        0.42354
    """
    values = require_demand("series", series)
    a_d = require_smoothing("alpha_d", alpha_d)
    a_p = require_smoothing("alpha_p", alpha_p)
    probability = 1.0 if values[0] > 0 else 0.0
    size = _NAN
    fitted: list[float] = [_NAN]
    for t, value in enumerate(values):
        if t:
            fitted.append(probability * size if not isnan(size) else 0.0)
            probability += a_p * ((1.0 if value > 0 else 0.0) - probability)
        if value > 0:
            size = value if isnan(size) else size + a_d * (value - size)
    level = probability * size if not isnan(size) else 0.0
    return Forecast("tsb", (level,) * _horizon(horizon), tuple(fitted))


def auto_forecast(series: Sequence[float], *, horizon: int = 1) -> Forecast:
    """Pick the method by demand class (`classify_demand`) and forecast with its defaults.

    Smooth and erratic demand: `simple_exponential_smoothing`; intermittent: `sba`; lumpy:
    `tsb`, whose forecast decays when demand stops. The method chosen is in ``method``.

    Examples:
        >>> auto_forecast([0, 0, 3, 0, 0, 4, 0, 0, 3]).method
        'sba'
        >>> auto_forecast([5, 6, 5, 4, 5]).method
        'ses'
    """
    demand_class = classify_demand(series).demand_class
    if demand_class is DemandClass.INTERMITTENT:
        return sba(series, horizon=horizon)
    if demand_class is DemandClass.LUMPY:
        return tsb(series, horizon=horizon)
    return simple_exponential_smoothing(series, horizon=horizon)
