"""The tables metrics read: orders, order lines, sessions and ad spend, with configurable names.

Each schema maps the meaning of a column to the name it has in the caller's table, so a store's
own export works as it is: ``OrderSchema(gross="total_incl_vat", placed_at="created")``. A metric
reads only the columns it needs and says which are missing or of the wrong type.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ecomcore.core import ValidationError
from ecomcore.metrics._frames import Frame, Kind, as_frame, check_columns

if TYPE_CHECKING:
    import narwhals as nw

__all__ = [
    "LineSchema",
    "OrderSchema",
    "Period",
    "SessionSchema",
    "SpendSchema",
    "civil_day",
    "epoch_seconds",
    "iso_week_start",
    "week_index",
]

Period = Literal["day", "week", "month", "quarter", "year"]
"""Calendar periods. A week is an ISO week: Monday to Sunday, labelled by its Monday's date.

Engines disagree on the day their own week truncation starts, so weeks are computed by date
arithmetic (the day minus its weekday), the same on every engine.
"""

_PERIODS = ("day", "week", "month", "quarter", "year")

# Weeks are absent on purpose: see `iso_week_start`.
_TRUNCATE: dict[str, str] = {
    "day": "1d",
    "month": "1mo",
    "quarter": "1q",
    "year": "1y",
}

PERIOD = "period"
"""The name of the period column in every result."""


@attrs.frozen
class OrderSchema:
    """Where each fact of an order record lives: one row per order.

    ``placed_at`` is a date or datetime; ``net``, ``tax``, ``gross``, ``discount`` and
    ``shipping`` are numbers in the order's currency (``gross = net + tax``; ``discount`` is the
    amount taken off); ``item_count`` is the number of units; ``channel`` and ``status`` are labels.
    KPIs add amounts as they come: filter to one currency (or convert) first.

    Examples:
        >>> OrderSchema(gross="total").gross
        'total'
    """

    order_id: str = "order_id"
    customer_id: str = "customer_id"
    placed_at: str = "placed_at"
    currency: str = "currency"
    net: str = "net"
    tax: str = "tax"
    gross: str = "gross"
    discount: str = "discount"
    shipping: str = "shipping"
    item_count: str = "item_count"
    channel: str = "channel"
    status: str = "status"


@attrs.frozen
class LineSchema:
    """Where each fact of an order line lives: one row per line.

    ``quantity`` units sold at ``unit_price`` (net) that cost ``unit_cost``; ``placed_at`` (the
    order's date) is needed only for results by period.

    Examples:
        >>> from ecomcore.metrics import gross_margin
        >>> schema = LineSchema(quantity="qty", unit_price="price", unit_cost="cost")
        >>> gross_margin([{"qty": 2, "price": 10.0, "cost": 6.0}], schema=schema)
        [{'gross_margin': 0.4}]
    """

    order_id: str = "order_id"
    sku: str = "sku"
    quantity: str = "quantity"
    unit_price: str = "unit_price"
    unit_cost: str = "unit_cost"
    placed_at: str = "placed_at"


@attrs.frozen
class SessionSchema:
    """Where each fact of a shop visit lives: one row per session.

    ``added_to_cart`` and ``ordered`` are booleans: the visitor put something in the cart, the
    visit ended in an order.

    Examples:
        >>> from ecomcore.metrics import conversion_rate
        >>> visits = [{"converted": True, "source": "app"}, {"converted": False, "source": "web"},
        ...           {"converted": True, "source": "web"}]
        >>> conversion_rate(visits, by="source", schema=SessionSchema(ordered="converted"))
        [{'source': 'app', 'conversion_rate': 1.0}, {'source': 'web', 'conversion_rate': 0.5}]
    """

    session_id: str = "session_id"
    started_at: str = "started_at"
    added_to_cart: str = "added_to_cart"
    ordered: str = "ordered"
    channel: str = "channel"


@attrs.frozen
class SpendSchema:
    """Where each fact of marketing spend lives: one row per day (and channel, campaign...).

    Examples:
        >>> from ecomcore.metrics import return_on_ad_spend
        >>> ads = [{"cost": 40.0}]
        >>> return_on_ad_spend([{"gross": 120.0}], ads, spend_schema=SpendSchema(spend="cost"))
        [{'spend': 40.0, 'revenue': 120.0, 'return_on_ad_spend': 3.0}]
    """

    spent_on: str = "spent_on"
    channel: str = "channel"
    spend: str = "spend"


def prepare(
    data: object,
    table: str,
    columns: dict[str, Kind],
    *,
    by: str | Sequence[str] | None,
    period: Period | None,
    time_column: str,
) -> tuple[Frame, "nw.LazyFrame[Any]", list[str]]:
    """Wrap, check and add the period column; return the frame, the query and the group keys."""
    frame = as_frame(data, table)
    groups = [by] if isinstance(by, str) else list(by or ())
    needed: dict[str, Kind] = dict(columns)
    for name in groups:
        needed.setdefault(name, "any")
    if period is not None:
        if period not in _PERIODS:
            raise ValidationError("period", period, "one of " + ", ".join(_PERIODS))
        needed[time_column] = "datetime"
    check_columns(frame, table, needed)
    query, keys = with_period(frame.frame, groups, period, time_column)
    return frame, query, keys


def with_period(
    query: "nw.LazyFrame[Any]", groups: list[str], period: Period | None, time_column: str
) -> tuple["nw.LazyFrame[Any]", list[str]]:
    """Add the ``period`` column (start of each row's calendar period) and return the group keys."""
    import narwhals as nw

    if period is None:
        return query, list(groups)
    if query.implementation.is_dask() and period != "day":
        return _dask_with_period(query, period, time_column), [PERIOD, *groups]
    if period == "week":
        return query.with_columns(iso_week_start(time_column).alias(PERIOD)), [PERIOD, *groups]
    truncated = nw.col(time_column).dt.truncate(_TRUNCATE[period]).alias(PERIOD)
    return query.with_columns(truncated), [PERIOD, *groups]


_PANDAS_PERIODS = {"month": "M", "quarter": "Q", "year": "Y"}


def _dask_with_period(
    query: "nw.LazyFrame[Any]", period: Period, time_column: str
) -> "nw.LazyFrame[Any]":
    """Truncate on Dask, which narwhals cannot do past days: pandas per partition, row by row."""
    import narwhals as nw

    native = query.to_native()
    column = native[time_column]

    def start_of_period(times: Any) -> Any:
        if period == "week":
            import numpy as np

            # The same date arithmetic as `iso_week_start`, which narwhals cannot run on Dask.
            back = times.dt.day_of_week * np.timedelta64(1, "D")
            return (times.dt.normalize() - back).astype(times.dtype)
        code = _PANDAS_PERIODS[period]
        return times.dt.to_period(code).dt.start_time.astype(times.dtype)

    native = native.assign(**{PERIOD: column.map_partitions(start_of_period, meta=column)})
    result: nw.LazyFrame[Any] = nw.from_native(native)
    return result


def iso_week_start(column: str) -> "nw.Expr":
    """Midnight of the Monday that starts the ISO week of each time: the day minus its weekday.

    Built from a day truncation and fixed offsets (one per weekday), which every engine runs
    alike; no engine's own week truncation is used.
    """
    import narwhals as nw

    day = nw.col(column).dt.truncate("1d")
    weekday = nw.col(column).dt.weekday()  # ISO: Monday 1 ... Sunday 7
    start = day.dt.offset_by("-6d")
    for back in range(5, 0, -1):
        start = nw.when(weekday == back + 1).then(day.dt.offset_by(f"-{back}d")).otherwise(start)
    return nw.when(weekday == 1).then(day).otherwise(start)


# Whole weeks added before dividing, so the division stays on non-negative numbers (engines
# round negative integer division differently) for every date from the year 1 on.
_WEEKS_BEFORE_1970 = 104_000


def week_index(column: str) -> "nw.Expr":
    """Give each ISO week a whole number, consecutive weeks differing by one (0: 1969-12-29)."""
    # 1970-01-01 was a Thursday: its week's Monday is civil day -3.
    shifted = civil_day(column) + 3 + 7 * _WEEKS_BEFORE_1970
    return shifted // 7 - _WEEKS_BEFORE_1970


def civil_day(column: str) -> "nw.Expr":
    """Days since 1970-01-01 from the calendar date alone, on every engine (no timestamps)."""
    import narwhals as nw

    year = nw.col(column).dt.year().cast(nw.Int64)
    before = year - 1
    leap_days = before // 4 - before // 100 + before // 400 - 477  # 477 leap days before 1970
    ordinal = nw.col(column).dt.ordinal_day().cast(nw.Int64)
    return (year - 1970) * 365 + leap_days + ordinal - 1


def epoch_seconds(column: str) -> "nw.Expr":
    """Seconds since 1970-01-01 00:00 of the wall-clock time, on every engine (as a float)."""
    import narwhals as nw

    at = nw.col(column)
    return (
        civil_day(column) * 86_400
        + at.dt.hour().cast(nw.Int64) * 3_600
        + at.dt.minute().cast(nw.Int64) * 60
        + at.dt.second().cast(nw.Int64)
    ).cast(nw.Float64) + at.dt.microsecond().cast(nw.Float64) / 1e6
