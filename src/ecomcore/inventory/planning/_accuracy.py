"""How good a forecast was: MAE, RMSE, MASE, bias, and a rolling-origin backtest."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from math import sqrt

import attrs

from ecomcore.inventory.planning._errors import PlanningInputError, require_demand
from ecomcore.inventory.planning._forecast import Forecast


def _pairs(actual: Sequence[float], forecast: Sequence[float]) -> list[tuple[float, float]]:
    if len(actual) != len(forecast) or not actual:
        raise PlanningInputError(
            "forecast", list(forecast), f"one value per actual period ({len(actual)}), at least one"
        )
    return [(float(a), float(f)) for a, f in zip(actual, forecast, strict=True)]


def mean_absolute_error(actual: Sequence[float], forecast: Sequence[float]) -> float:
    """MAE: the mean of |actual - forecast|, in units.

    Examples:
        >>> mean_absolute_error([3, 5], [4, 4])
        1.0
    """
    pairs = _pairs(actual, forecast)
    return sum(abs(a - f) for a, f in pairs) / len(pairs)


def root_mean_squared_error(actual: Sequence[float], forecast: Sequence[float]) -> float:
    """RMSE: the square root of the mean squared error, in units; punishes large misses.

    Examples:
        >>> root_mean_squared_error([3, 7], [4, 4])
        2.23606797749979
    """
    pairs = _pairs(actual, forecast)
    return sqrt(sum((a - f) ** 2 for a, f in pairs) / len(pairs))


def bias(actual: Sequence[float], forecast: Sequence[float]) -> float:
    """Mean forecast error, forecast - actual: above zero the forecast runs high (overstock).

    Examples:
        >>> bias([3, 5], [4, 6])
        1.0
    """
    pairs = _pairs(actual, forecast)
    return sum(f - a for a, f in pairs) / len(pairs)


def mean_absolute_scaled_error(
    actual: Sequence[float],
    forecast: Sequence[float],
    training: Sequence[float],
    *,
    seasonality: int = 1,
) -> float:
    """MASE (Hyndman and Koehler): MAE divided by the in-sample MAE of the naive forecast.

    Below 1 the forecast beats repeating the value ``seasonality`` periods back. Raises
    `PlanningInputError` if the training series is constant, where the scale is zero.

    Examples:
        >>> mean_absolute_scaled_error([3, 5], [4, 4], training=[1, 3, 1, 3])
        0.5
    """
    history = require_demand("training", training)
    if len(history) <= seasonality or seasonality < 1:
        raise PlanningInputError("training", list(training), f"more than {seasonality} periods")
    scale = sum(
        abs(history[t] - history[t - seasonality]) for t in range(seasonality, len(history))
    ) / (len(history) - seasonality)
    if scale == 0:
        raise PlanningInputError("training", list(training), "a series that changes at least once")
    return mean_absolute_error(actual, forecast) / scale


@attrs.frozen
class Backtest:
    """A rolling-origin evaluation: the forecasts made at each origin and their accuracy.

    ``actual[i]`` and ``forecast[i]`` are the periods after ``origins[i]``, ``horizon`` long
    (shorter at the end of the series).

    Examples:
        >>> from ecomcore.inventory.planning import backtest_forecasts, moving_average
        >>> result = backtest_forecasts(
        ...     [3, 1, 3, 1, 3], lambda s: moving_average(s, window=2, horizon=2),
        ...                   initial=3, horizon=2)
        >>> result.origins, result.actual
        ((3, 4), ((1.0, 3.0), (3.0,)))
        >>> result.forecast, round(result.mae, 2)
        (((2.0, 2.0), (2.0,)), 1.0)
    """

    origins: tuple[int, ...]
    actual: tuple[tuple[float, ...], ...]
    forecast: tuple[tuple[float, ...], ...]
    mae: float
    rmse: float
    mase: float
    bias: float


def backtest_forecasts(
    series: Sequence[float],
    method: Callable[[Sequence[float]], Forecast],
    *,
    initial: int,
    horizon: int = 1,
    step: int = 1,
) -> Backtest:
    """Fit on the first ``initial`` periods, forecast ``horizon`` ahead, move on ``step``, repeat.

    ``method`` takes a history and returns a `Forecast` of at least ``horizon`` values, e.g.
    ``functools.partial(croston, horizon=3)``. MASE is scaled on the first
    ``initial`` periods (NaN if they are constant).

    Examples:
        >>> from ecomcore.inventory.planning import moving_average
        >>> result = backtest_forecasts([2, 4, 2, 4, 2, 4], lambda s: moving_average(s, window=2),
        ...                   initial=2)
        >>> result.origins, result.mae, result.bias
        ((2, 3, 4, 5), 1.0, 0.0)
    """
    values = require_demand("series", series)
    for name, number, low in (("initial", initial, 2), ("horizon", horizon, 1), ("step", step, 1)):
        if isinstance(number, bool) or not isinstance(number, int) or number < low:
            raise PlanningInputError(name, number, f"a whole number, {low} or more")
    if initial >= len(values):
        raise PlanningInputError("initial", initial, f"fewer than the {len(values)} periods")
    origins: list[int] = []
    actuals: list[tuple[float, ...]] = []
    forecasts: list[tuple[float, ...]] = []
    for origin in range(initial, len(values), step):
        ahead = values[origin : origin + horizon]
        predicted = method(values[:origin]).values
        if len(predicted) < len(ahead):
            raise PlanningInputError("method", method, f"forecasts of {horizon} periods or more")
        origins.append(origin)
        actuals.append(ahead)
        forecasts.append(tuple(predicted[: len(ahead)]))
    flat_actual = [a for row in actuals for a in row]
    flat_forecast = [f for row in forecasts for f in row]
    return Backtest(
        tuple(origins),
        tuple(actuals),
        tuple(forecasts),
        mean_absolute_error(flat_actual, flat_forecast),
        root_mean_squared_error(flat_actual, flat_forecast),
        _scaled_or_nan(flat_actual, flat_forecast, values[:initial]),
        bias(flat_actual, flat_forecast),
    )


def _scaled_or_nan(
    actual: list[float], forecast: list[float], training: tuple[float, ...]
) -> float:
    """MASE, or NaN when the training window is constant and so gives no scale."""
    try:
        return mean_absolute_scaled_error(actual, forecast, training)
    except PlanningInputError:
        return float("nan")
