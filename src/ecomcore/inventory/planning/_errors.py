"""The planning context's error: bad input to a forecast, a policy or a suggestion."""

from collections.abc import Iterable
from math import isfinite

from ecomcore.core import ValidationError


class PlanningInputError(ValidationError):
    """A planning input is out of range: names the field, the value and what is allowed.

    A `ValidationError` (and so a `ValueError`), with the stable code ``planning_input``.

    Examples:
        >>> from ecomcore.inventory.planning import economic_order_quantity
        >>> economic_order_quantity(fixed_cost=8, holding_cost=0.225, demand_rate=-1300)
        Traceback (most recent call last):
        ...
        ecomcore.inventory.planning._errors.PlanningInputError: demand_rate must be ...
    """

    code = "planning_input"


def require_positive(field: str, value: float) -> float:
    """Return ``value`` as a float if finite and above zero, else raise `PlanningInputError`."""
    number = _finite(field, value)
    if number <= 0:
        raise PlanningInputError(field, value, "a finite number above zero")
    return number


def require_non_negative(field: str, value: float) -> float:
    """Return ``value`` as a float if it is finite and zero or more, else raise."""
    number = _finite(field, value)
    if number < 0:
        raise PlanningInputError(field, value, "a finite number, zero or more")
    return number


def require_probability(field: str, value: float) -> float:
    """Return ``value`` if it lies strictly between 0 and 1, else raise `PlanningInputError`."""
    number = _finite(field, value)
    if not 0 < number < 1:
        raise PlanningInputError(field, value, "a probability strictly between 0 and 1")
    return number


def require_smoothing(field: str, value: float) -> float:
    """Return a smoothing constant if it lies in (0, 1], else raise `PlanningInputError`."""
    number = _finite(field, value)
    if not 0 < number <= 1:
        raise PlanningInputError(field, value, "a smoothing constant above 0 and at most 1")
    return number


def require_demand(field: str, values: Iterable[float]) -> tuple[float, ...]:
    """Return a demand history as floats: non-empty, finite, never negative."""
    try:
        series = tuple(float(value) for value in values)
    except (TypeError, ValueError):
        raise PlanningInputError(field, values, "a sequence of numbers") from None
    if not series:
        raise PlanningInputError(field, values, "a history of one period or more")
    for index, value in enumerate(series):
        if not value >= 0 or value == float("inf"):
            raise PlanningInputError(
                f"{field}[{index}]", value, "a finite demand, zero or more (returns are not demand)"
            )
    return series


def _finite(field: str, value: float) -> float:
    if isinstance(value, bool):
        raise PlanningInputError(field, value, "a number")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise PlanningInputError(field, value, "a number") from None
    if not isfinite(number):
        raise PlanningInputError(field, value, "a finite number")
    return number
