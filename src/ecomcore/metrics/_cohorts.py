"""Cohort retention: customers grouped by the period of their first purchase, followed onwards."""

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ecomcore.core import ValidationError
from ecomcore.metrics._cross_table_kpis import ORDERS, period_index
from ecomcore.metrics._schemas import OrderSchema, Period, civil_day, epoch_seconds, prepare

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["RetentionMatrix", "retention_matrix"]

_PERIOD_DAYS = {
    "day": 1.0,
    "week": 7.0,
    "month": 365.25 / 12,
    "quarter": 365.25 / 4,
    "year": 365.25,
}


@attrs.frozen(eq=False)
class RetentionMatrix:
    """Customers, rates and revenue by cohort (rows) and periods since the first purchase (columns).

    ``customers[i, k]`` counts the customers of cohort ``cohorts[i]`` active in period k (or in
    k or after, when built with ``cumulative=True``); ``rates`` divides by the cohort's
    ``sizes``; ``revenue[i, k]`` is the gross revenue of the cohort in period k. Cells not yet
    observable at the as-of date are NaN, not zero. Column 0 is the first period (all 1.0).

    Examples:
        >>> orders = [
        ...     {"customer_id": "a", "placed_at": dt.datetime(2024, 1, 5), "gross": 10.0},
        ...     {"customer_id": "b", "placed_at": dt.datetime(2024, 1, 9), "gross": 20.0},
        ...     {"customer_id": "a", "placed_at": dt.datetime(2024, 2, 5), "gross": 5.0},
        ... ]
        >>> matrix = retention_matrix(orders)
        >>> matrix.rates.tolist(), matrix.revenue.tolist()
        ([[1.0, 0.5]], [[30.0, 5.0]])
        >>> matrix.to_rows()[1]
        {'cohort': '2024-01', 'k': 1, 'customers': 1, 'rate': 0.5, 'revenue': 5.0}
    """

    cohorts: tuple[str, ...]
    sizes: "npt.NDArray[np.int64]"
    customers: "npt.NDArray[np.float64]"
    revenue: "npt.NDArray[np.float64]"
    cumulative: bool
    mode: Literal["calendar", "rolling"]

    @property
    def rates(self) -> "npt.NDArray[np.float64]":
        """Share of each cohort active per period: customers / cohort size (NaN where unknown)."""
        result: npt.NDArray[np.float64] = self.customers / self.sizes[:, None]
        return result

    def to_rows(self) -> list[dict[str, Any]]:
        """One dict per observable cell: cohort, period k, customers, rate, revenue."""
        import numpy as np

        rows = []
        rates = self.rates
        for i, cohort in enumerate(self.cohorts):
            for k in range(self.customers.shape[1]):
                if np.isnan(self.customers[i, k]):
                    continue
                rows.append(
                    {
                        "cohort": cohort,
                        "k": k,
                        "customers": int(self.customers[i, k]),
                        "rate": float(rates[i, k]),
                        "revenue": float(self.revenue[i, k]),
                    }
                )
        return rows


# The Monday of week 0 of `week_index`.
_FIRST_MONDAY = dt.date(1969, 12, 29)


def _label(index: int, period: Period) -> str:
    if period == "day":
        return (dt.date(1970, 1, 1) + dt.timedelta(days=index)).isoformat()
    if period == "week":
        return (_FIRST_MONDAY + dt.timedelta(weeks=index)).isoformat()
    if period == "month":
        year, month = divmod(index - 1, 12)
        return f"{year}-{month + 1:02d}"
    if period == "quarter":
        year, quarter = divmod(index, 4)
        return f"{year}-Q{quarter + 1}"
    return str(index)


def retention_matrix(
    orders: object,
    *,
    period: Period = "month",
    mode: Literal["calendar", "rolling"] = "calendar",
    cumulative: bool = False,
    as_of: dt.date | dt.datetime | None = None,
    schema: OrderSchema = ORDERS,
) -> RetentionMatrix:
    """Build the retention matrix of first-purchase cohorts.

    Cohorts are the calendar ``period`` of each customer's first order (day, week, month,
    quarter or year; a week is an ISO week, Monday to Sunday, labelled by its Monday's date as
    ``2024-01-01``, and lasts 7 days in rolling mode). In ``calendar`` mode,
    period k is the k-th calendar period after the cohort's (a January customer ordering on
    1 February is active in k = 1); in ``rolling`` mode it is days since the customer's own first
    order divided by the period's length (a month is 365.25/12 days), so k = 1 means 30.4 to
    60.9 days after. With ``cumulative``, a customer counts in every k up to their last active
    period ("active in k or after"). A cell is observable once period k has begun for every
    customer of the cohort by ``as_of`` (default: the last order); others are NaN.

    Examples:
        >>> import datetime as dt
        >>> orders = [
        ...     {"customer_id": "a", "placed_at": dt.datetime(2024, 1, 5), "gross": 10.0},
        ...     {"customer_id": "b", "placed_at": dt.datetime(2024, 1, 9), "gross": 20.0},
        ...     {"customer_id": "a", "placed_at": dt.datetime(2024, 3, 1), "gross": 5.0},
        ...     {"customer_id": "c", "placed_at": dt.datetime(2024, 2, 2), "gross": 8.0},
        ... ]
        >>> matrix = retention_matrix(orders)
        >>> matrix.cohorts, matrix.sizes.tolist()
        (('2024-01', '2024-02'), [2, 1])
        >>> matrix.customers.tolist()
        [[2.0, 0.0, 1.0], [1.0, 0.0, nan]]
        >>> retention_matrix(orders, cumulative=True).rates.tolist()
        [[1.0, 0.5, 0.5], [1.0, 0.0, nan]]
    """
    import narwhals as nw
    import numpy as np

    if mode not in ("calendar", "rolling"):
        raise ValidationError("mode", mode, "'calendar' or 'rolling'")
    columns: dict[str, Any] = {
        schema.customer_id: "any",
        schema.placed_at: "datetime",
        schema.gross: "numeric",
    }
    _, query, _ = prepare(
        orders, "orders", columns, by=None, period=period, time_column=schema.placed_at
    )
    customer, at = schema.customer_id, schema.placed_at
    firsts = query.group_by(customer).agg(nw.col(at).min().alias("__first"))
    joined = query.join(firsts, on=customer, how="inner").with_columns(
        period_index("__first", period).alias("__cohort"),
        civil_day("__first").alias("__first_day"),
    )
    if mode == "calendar":
        step = period_index(at, period) - nw.col("__cohort")
    else:
        elapsed = epoch_seconds(at) - epoch_seconds("__first")
        step = (elapsed / (86_400 * _PERIOD_DAYS[period])).floor().cast(nw.Int64)
    cells = (
        joined.with_columns(
            step.alias("__k"), nw.col(schema.gross).cast(nw.Float64), civil_day(at).alias("__day")
        )
        .group_by(customer, "__cohort", "__first_day", "__k")
        .agg(nw.col(schema.gross).sum(), nw.col("__day").max())
        .collect()
    )
    cohort = cells["__cohort"].to_numpy().astype(np.int64)
    first_day = cells["__first_day"].to_numpy().astype(np.int64)
    k = cells["__k"].to_numpy().astype(np.int64)
    gross = cells[schema.gross].to_numpy().astype(np.float64)
    ids = cells[customer].to_numpy()
    if len(k) == 0:
        raise ValidationError("orders", "no rows", "at least one order")
    if as_of is None:
        as_of_day = int(cells["__day"].max())
    else:
        day = as_of.date() if isinstance(as_of, dt.datetime) else as_of
        as_of_day = (day - dt.date(1970, 1, 1)).days
    return _matrix(ids, cohort, first_day, k, gross, as_of_day, period, mode, cumulative)


def _index_of_day(day: int, period: Period) -> int:
    date = dt.date(1970, 1, 1) + dt.timedelta(days=day)
    if period == "day":
        return day
    if period == "week":
        return (date - _FIRST_MONDAY).days // 7
    if period == "month":
        return date.year * 12 + date.month
    if period == "quarter":
        return date.year * 4 + (date.month - 1) // 3
    return date.year


def _matrix(  # noqa: PLR0917 (private; the columns of one collected table)
    ids: "npt.NDArray[Any]",
    cohort: "npt.NDArray[np.int64]",
    first_day: "npt.NDArray[np.int64]",
    k: "npt.NDArray[np.int64]",
    gross: "npt.NDArray[np.float64]",
    as_of_day: int,
    period: Period,
    mode: Literal["calendar", "rolling"],
    cumulative: bool,
) -> RetentionMatrix:
    import numpy as np

    labels, row = np.unique(cohort, return_inverse=True)
    width = int(k.max()) + 1
    customers = np.zeros((len(labels), width))
    revenue = np.zeros((len(labels), width))
    np.add.at(revenue, (row, k), gross)
    if cumulative:
        _, customer_code = np.unique(ids, return_inverse=True)
        last_k = np.full(customer_code.max() + 1, -1)
        np.maximum.at(last_k, customer_code, k)
        customer_row = np.zeros(customer_code.max() + 1, dtype=np.int64)
        customer_row[customer_code] = row
        for step in range(width):
            reached = last_k >= step
            customers[:, step] = np.bincount(customer_row[reached], minlength=len(labels))
    else:
        np.add.at(customers, (row, k), 1.0)
    sizes = customers[:, 0].astype(np.int64)
    observable = _observable(labels, row, first_day, width, as_of_day, period, mode)
    customers[~observable] = np.nan
    revenue[~observable] = np.nan
    return RetentionMatrix(
        cohorts=tuple(_label(int(label), period) for label in labels),
        sizes=sizes,
        customers=customers,
        revenue=revenue,
        cumulative=cumulative,
        mode=mode,
    )


def _observable(  # noqa: PLR0917 (private)
    labels: "npt.NDArray[np.int64]",
    row: "npt.NDArray[np.int64]",
    first_day: "npt.NDArray[np.int64]",
    width: int,
    as_of_day: int,
    period: Period,
    mode: str,
) -> "npt.NDArray[np.bool_]":
    import numpy as np

    steps = np.arange(width)
    if mode == "calendar":
        latest = _index_of_day(as_of_day, period)
        result: npt.NDArray[np.bool_] = labels[:, None] + steps[None, :] <= latest
        return result
    last_first = np.full(len(labels), np.iinfo(np.int64).min)
    np.maximum.at(last_first, row, first_day)
    begins = last_first[:, None] + np.floor(steps[None, :] * _PERIOD_DAYS[period])
    observed: npt.NDArray[np.bool_] = begins <= as_of_day
    return observed
