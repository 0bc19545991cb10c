"""From transactions to the per-customer summary the lifetime models are fitted on."""

import datetime as dt
import enum
from typing import TYPE_CHECKING, Any

import attrs

from ecomcore.core import ValidationError
from ecomcore.metrics._frames import as_frame, check_columns

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["CustomerSummary", "TimeUnit", "summarize_transactions"]


class TimeUnit(enum.Enum):
    """The unit of frequency, recency and age in a summary, as a whole number of days.

    Months are 365.25 / 12 days, so a unit is the same length whatever the calendar month.

    Examples:
        >>> rows = [{"customer_id": "a", "placed_at": dt.date(2024, 1, 1), "gross": 10.0},
        ...         {"customer_id": "a", "placed_at": dt.date(2024, 1, 29), "gross": 10.0}]
        >>> summarize_transactions(rows, time_unit=TimeUnit.DAYS).recency.tolist()
        [28.0]
        >>> weekly = summarize_transactions(rows, time_unit=TimeUnit.WEEKS)
        >>> weekly.recency.tolist(), weekly.time_unit.days
        ([4.0], 7.0)
    """

    DAYS = 1.0
    WEEKS = 7.0
    MONTHS = 365.25 / 12
    YEARS = 365.25

    @property
    def days(self) -> float:
        """How many days one unit lasts."""
        return float(self.value)


def _array(values: Any) -> "npt.NDArray[np.float64]":
    import numpy as np

    return np.asarray(values, dtype=np.float64)


@attrs.frozen(eq=False)
class CustomerSummary:
    """One row per customer: frequency, recency, age and average repeat value, plus the hold-out.

    ``frequency`` is the number of repeat purchases in the calibration period (the first purchase
    is not counted; several purchases on one day count as one), ``recency`` the time from the
    first to the last purchase, ``T`` the time from the first purchase to the end of calibration,
    ``monetary_value`` the average value of the repeat purchases (0 without any). All times are
    in ``time_unit``. ``frequency_holdout`` and ``monetary_value_holdout`` count and average the
    purchases after calibration, up to ``observation_end``; ``duration_holdout`` is that period's
    length. Build one with `summarize_transactions` or `CustomerSummary.from_arrays`.

    Examples:
        >>> s = CustomerSummary.from_arrays(frequency=[0, 2], recency=[0, 5], T=[10, 12])
        >>> s.size, s.frequency.tolist()
        (2, [0.0, 2.0])
    """

    customer_id: "npt.NDArray[Any]"
    frequency: "npt.NDArray[np.float64]" = attrs.field(converter=_array)
    recency: "npt.NDArray[np.float64]" = attrs.field(converter=_array)
    T: "npt.NDArray[np.float64]" = attrs.field(converter=_array)
    monetary_value: "npt.NDArray[np.float64]" = attrs.field(converter=_array)
    frequency_holdout: "npt.NDArray[np.float64]" = attrs.field(converter=_array)
    monetary_value_holdout: "npt.NDArray[np.float64]" = attrs.field(converter=_array)
    duration_holdout: float = 0.0
    time_unit: TimeUnit = TimeUnit.DAYS
    calibration_end: dt.date | None = None
    observation_end: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        """Check the arrays line up and describe possible customers."""
        import numpy as np

        n = len(self.customer_id)
        for name in ("frequency", "recency", "T", "monetary_value"):
            values = getattr(self, name)
            if len(values) != n or not np.all(np.isfinite(values)) or np.any(values < 0):
                raise ValidationError(name, values, f"{n} finite values, none negative")
        if np.any(self.recency > self.T) or np.any((self.frequency == 0) & (self.recency > 0)):
            raise ValidationError(
                "recency", self.recency, "at most T, and 0 for customers without repeat purchases"
            )

    @classmethod
    def from_arrays(
        cls,
        *,
        frequency: Any,
        recency: Any,
        T: Any,
        monetary_value: Any = None,
        customer_id: Any = None,
        time_unit: TimeUnit = TimeUnit.DAYS,
    ) -> "CustomerSummary":
        """Build a summary from columns computed elsewhere (no hold-out period).

        Examples:
            >>> CustomerSummary.from_arrays(frequency=[1], recency=[3], T=[2])
            Traceback (most recent call last):
            ...
            ecomcore.core._errors.ValidationError: recency must be at most T, ...
        """
        import numpy as np

        frequency = _array(frequency)
        n = len(frequency)
        return cls(
            customer_id=np.arange(n) if customer_id is None else np.asarray(customer_id),
            frequency=frequency,
            recency=recency,
            T=T,
            monetary_value=np.zeros(n) if monetary_value is None else monetary_value,
            frequency_holdout=np.zeros(n),
            monetary_value_holdout=np.zeros(n),
            time_unit=time_unit,
        )

    @property
    def size(self) -> int:
        """The number of customers."""
        return len(self.customer_id)

    def to_dict(self) -> dict[str, list[Any]]:
        """Return the summary as columns, ready for ``pandas.DataFrame(...)`` and the like."""
        return {
            "customer_id": self.customer_id.tolist(),
            "frequency": self.frequency.tolist(),
            "recency": self.recency.tolist(),
            "T": self.T.tolist(),
            "monetary_value": self.monetary_value.tolist(),
            "frequency_holdout": self.frequency_holdout.tolist(),
            "monetary_value_holdout": self.monetary_value_holdout.tolist(),
        }


def _as_date(value: dt.date | dt.datetime | str | None, field: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValidationError(field, value, "a date, a datetime or an ISO date string") from None


def summarize_transactions(
    transactions: object,
    *,
    customer: str = "customer_id",
    placed_at: str = "placed_at",
    value: str | None = "gross",
    calibration_end: dt.date | dt.datetime | str | None = None,
    observation_end: dt.date | dt.datetime | str | None = None,
    time_unit: TimeUnit = TimeUnit.WEEKS,
) -> CustomerSummary:
    """Summarise transactions per customer for the lifetime models, with an optional hold-out.

    ``transactions`` is any dataframe narwhals supports, or an iterable of records, with a
    customer column, a date or datetime column (timezone-aware times count in their own zone's
    calendar days) and, unless ``value`` is None, a numeric value column. Purchases of one
    customer on one day are merged into one (their values add up). Calibration runs to
    ``calibration_end`` inclusive (default: the last transaction); customers whose first purchase
    comes later are left out. Purchases after it, up to ``observation_end`` inclusive (default:
    the last transaction), form the hold-out. Times are measured in days and expressed in
    ``time_unit`` (the papers use weeks: 7 days).

    Examples:
        >>> import datetime as dt
        >>> rows = [
        ...     {"customer_id": "a", "placed_at": dt.date(2024, 1, 1), "gross": 10.0},
        ...     {"customer_id": "a", "placed_at": dt.date(2024, 1, 1), "gross": 5.0},
        ...     {"customer_id": "a", "placed_at": dt.date(2024, 1, 15), "gross": 20.0},
        ...     {"customer_id": "a", "placed_at": dt.date(2024, 2, 5), "gross": 30.0},
        ... ]
        >>> s = summarize_transactions(rows, calibration_end="2024-01-29")
        >>> s.frequency.tolist(), s.recency.tolist(), s.T.tolist(), s.monetary_value.tolist()
        ([1.0], [2.0], [4.0], [20.0])
        >>> s.frequency_holdout.tolist(), s.duration_holdout
        ([1.0], 1.0)
    """
    import narwhals as nw
    import numpy as np

    frame = as_frame(transactions, "transactions")
    required: dict[str, Any] = {customer: "any", placed_at: "datetime"}
    if value is not None:
        required[value] = "numeric"
    check_columns(frame, "transactions", required)
    day = nw.col(placed_at)
    schema = frame.frame.collect_schema()
    dtype = schema[placed_at]
    if isinstance(dtype, nw.Datetime) and dtype.time_zone is not None:
        day = day.dt.replace_time_zone(None)
    amount = nw.col(value).cast(nw.Float64) if value is not None else nw.lit(0.0)
    daily = (
        frame.frame.with_columns(day.cast(nw.Date).alias("__day"), amount.alias("__value"))
        .group_by(customer, "__day")
        .agg(nw.col("__value").sum())
        .collect()
    )
    customers = daily[customer].to_numpy()
    days = daily["__day"].to_numpy().astype("datetime64[D]").astype(np.int64)
    values = daily["__value"].to_numpy().astype(np.float64)
    return _summarize_days(
        customers,
        days,
        values,
        _as_date(calibration_end, "calibration_end"),
        _as_date(observation_end, "observation_end"),
        time_unit,
    )


def _day_number(value: dt.date) -> int:
    return (value - dt.date(1970, 1, 1)).days


def _summarize_days(  # noqa: PLR0917 (one private call site, columns in a fixed order)
    customers: "npt.NDArray[Any]",
    days: "npt.NDArray[np.int64]",
    values: "npt.NDArray[np.float64]",
    calibration_end: dt.date | None,
    observation_end: dt.date | None,
    time_unit: TimeUnit,
) -> CustomerSummary:
    """Per-customer figures from one row per (customer, day), all in numpy."""
    import numpy as np

    if len(days) == 0:
        raise ValidationError("transactions", "no rows", "at least one transaction")
    last_day = int(days.max())
    cal_end = last_day if calibration_end is None else _day_number(calibration_end)
    obs_end = last_day if observation_end is None else _day_number(observation_end)
    if obs_end < cal_end:
        raise ValidationError("observation_end", observation_end, "on or after calibration_end")
    ids, code = np.unique(customers, return_inverse=True)
    first = np.full(len(ids), np.iinfo(np.int64).max)
    np.minimum.at(first, code, days)
    keep_customer = first <= cal_end
    calibration = (days <= cal_end) & keep_customer[code]
    holdout = (days > cal_end) & (days <= obs_end) & keep_customer[code]
    n = len(ids)
    count = np.bincount(code[calibration], minlength=n).astype(np.float64)
    total = np.bincount(code[calibration], weights=values[calibration], minlength=n)
    last = np.full(n, np.iinfo(np.int64).min)
    np.maximum.at(last, code[calibration], days[calibration])
    # The first purchase's value is not a repeat purchase: take it out of the repeat average.
    first_value = np.zeros(n)
    is_first = calibration & (days == first[code])
    first_value[code[is_first]] = values[is_first]
    frequency = np.maximum(count - 1, 0)
    repeat_total = total - first_value
    monetary = np.divide(repeat_total, frequency, out=np.zeros(n), where=frequency > 0)
    hold_count = np.bincount(code[holdout], minlength=n).astype(np.float64)
    hold_total = np.bincount(code[holdout], weights=values[holdout], minlength=n)
    hold_monetary = np.divide(hold_total, hold_count, out=np.zeros(n), where=hold_count > 0)
    unit = time_unit.days
    sel = keep_customer
    return CustomerSummary(
        customer_id=ids[sel],
        frequency=frequency[sel],
        recency=((last - first) / unit)[sel],
        T=((cal_end - first) / unit)[sel],
        monetary_value=monetary[sel],
        frequency_holdout=hold_count[sel],
        monetary_value_holdout=hold_monetary[sel],
        duration_holdout=(obs_end - cal_end) / unit,
        time_unit=time_unit,
        calibration_end=dt.date(1970, 1, 1) + dt.timedelta(days=cal_end),
        observation_end=dt.date(1970, 1, 1) + dt.timedelta(days=obs_end),
    )
