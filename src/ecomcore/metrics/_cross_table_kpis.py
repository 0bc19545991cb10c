"""KPIs that read more than orders: sessions, order lines, ad spend; churn across periods."""

from typing import TYPE_CHECKING, Any

from ecomcore.metrics._frames import to_caller
from ecomcore.metrics._order_kpis import By, aggregate, finish, ratio, totals
from ecomcore.metrics._schemas import (
    PERIOD,
    LineSchema,
    OrderSchema,
    Period,
    SessionSchema,
    SpendSchema,
    civil_day,
    prepare,
    week_index,
    with_period,
)

if TYPE_CHECKING:
    import narwhals as nw

ORDERS, LINES, SESSIONS, SPEND = OrderSchema(), LineSchema(), SessionSchema(), SpendSchema()

__all__ = [
    "cart_abandonment_rate",
    "churn_rate",
    "conversion_rate",
    "customer_acquisition_cost",
    "gross_margin",
    "period_index",
    "return_on_ad_spend",
]


def conversion_rate(
    sessions: object,
    *,
    by: By = None,
    period: Period | None = None,
    schema: SessionSchema = SESSIONS,
) -> Any:
    """Share of sessions that ended in an order, in a column ``conversion_rate``.

    Examples:
        >>> conversion_rate([{"ordered": True}, {"ordered": False}, {"ordered": False}])
        [{'conversion_rate': 0.3333333333333333}]
    """
    import narwhals as nw

    frame, query, keys = prepare(
        sessions, "sessions", {schema.ordered: "boolean"}, by=by, period=period,
        time_column=schema.started_at,
    )  # fmt: skip
    summed = totals(query, keys, {"__ordered": nw.col(schema.ordered)}, count="__n")
    value = ratio(nw.col("__ordered"), nw.col("__n"), "")
    return to_caller(finish(summed, keys, "conversion_rate", value), frame)


def cart_abandonment_rate(
    sessions: object,
    *,
    by: By = None,
    period: Period | None = None,
    schema: SessionSchema = SESSIONS,
) -> Any:
    """Share of sessions with a filled cart that did not end in an order.

    Examples:
        >>> cart_abandonment_rate([
        ...     {"added_to_cart": True, "ordered": True},
        ...     {"added_to_cart": True, "ordered": False},
        ...     {"added_to_cart": False, "ordered": False},
        ... ])
        [{'cart_abandonment_rate': 0.5}]
    """
    import narwhals as nw

    columns: dict[str, Any] = {schema.added_to_cart: "boolean", schema.ordered: "boolean"}
    frame, query, keys = prepare(
        sessions, "sessions", columns, by=by, period=period, time_column=schema.started_at
    )
    carts = nw.col(schema.added_to_cart)
    abandoned = carts & ~nw.col(schema.ordered)
    summed = totals(query, keys, {"__abandoned": abandoned, "__carts": carts})
    value = ratio(nw.col("__abandoned"), nw.col("__carts"), "")
    result = finish(summed, keys, "cart_abandonment_rate", value)
    return to_caller(result, frame)


def gross_margin(
    lines: object,
    *,
    by: By = None,
    period: Period | None = None,
    schema: LineSchema = LINES,
) -> Any:
    """Share of net line revenue kept after the cost of goods: (revenue - cost) / revenue.

    Examples:
        >>> gross_margin([{"quantity": 2, "unit_price": 10.0, "unit_cost": 6.0}])
        [{'gross_margin': 0.4}]
    """
    import narwhals as nw

    columns: dict[str, Any] = {
        schema.quantity: "numeric",
        schema.unit_price: "numeric",
        schema.unit_cost: "numeric",
    }
    frame, query, keys = prepare(
        lines, "order lines", columns, by=by, period=period, time_column=schema.placed_at
    )
    quantity = nw.col(schema.quantity).cast(nw.Float64)
    sales = quantity * nw.col(schema.unit_price).cast(nw.Float64)
    cost = quantity * nw.col(schema.unit_cost).cast(nw.Float64)
    summed = totals(query, keys, {"__sales": sales, "__cost": cost})
    value = ratio(nw.col("__sales") - nw.col("__cost"), nw.col("__sales"), "")
    return to_caller(finish(summed, keys, "gross_margin", value), frame)


def period_index(column: str, period: Period) -> "nw.Expr":
    """Give each period a whole number, consecutive periods differing by one."""
    import narwhals as nw

    at = nw.col(column)
    if period == "day":
        return civil_day(column)
    if period == "week":
        return week_index(column)
    if period == "month":
        return at.dt.year().cast(nw.Int64) * 12 + at.dt.month().cast(nw.Int64)
    if period == "quarter":
        return at.dt.year().cast(nw.Int64) * 4 + (at.dt.month().cast(nw.Int64) - 1) // 3
    return at.dt.year().cast(nw.Int64)


def churn_rate(
    orders: object,
    *,
    period: Period,
    by: By = None,
    schema: OrderSchema = ORDERS,
) -> Any:
    """Share of the previous period's customers who did not order in this period.

    One row per period that has orders, except the first (it has no previous period); the
    value is in ``churn_rate``. With ``by``, a customer counts as active in a group when they
    ordered in it.

    Examples:
        >>> import datetime as dt
        >>> churn_rate([
        ...     {"customer_id": "a", "placed_at": dt.datetime(2024, 1, 5)},
        ...     {"customer_id": "b", "placed_at": dt.datetime(2024, 1, 9)},
        ...     {"customer_id": "a", "placed_at": dt.datetime(2024, 2, 1)},
        ... ], period="month")
        [{'period': datetime.datetime(2024, 2, 1, 0, 0), 'churn_rate': 0.5}]
    """
    import narwhals as nw

    frame, query, keys = prepare(
        orders, "orders", {schema.customer_id: "any"}, by=by, period=period,
        time_column=schema.placed_at,
    )  # fmt: skip
    groups = [key for key in keys if key != PERIOD]
    active = query.select(
        *groups, schema.customer_id, PERIOD, period_index(schema.placed_at, period).alias("__i")
    ).unique([*groups, schema.customer_id, "__i"])
    previous = active.select(*groups, schema.customer_id, (nw.col("__i") + 1).alias("__i"))
    present = active.select(*groups, schema.customer_id, "__i", nw.lit(1).alias("__here"))
    labels = active.select("__i", PERIOD).unique(["__i"])
    joined = previous.join(present, on=[*groups, schema.customer_id, "__i"], how="left")
    gone = nw.col("__here").is_null()
    summed = totals(joined, [*groups, "__i"], {"__gone": gone}, count="__n")
    rates = summed.with_columns(ratio(nw.col("__gone"), nw.col("__n"), "churn_rate"))
    result = (
        rates.join(labels, on="__i", how="inner")
        .select(PERIOD, *groups, "churn_rate")
        .sort([PERIOD, *groups])
    )
    return to_caller(result, frame)


def _spend_per_group(
    spend: object, schema: SpendSchema, by: By, period: Period | None
) -> tuple["nw.LazyFrame[Any]", list[str]]:
    import narwhals as nw

    _, query, keys = prepare(
        spend, "spend", {schema.spend: "numeric"}, by=by, period=period,
        time_column=schema.spent_on,
    )  # fmt: skip
    return totals(query, keys, {"spend": nw.col(schema.spend)}), keys


def _join(
    left: "nw.LazyFrame[Any]", right: "nw.LazyFrame[Any]", keys: list[str]
) -> "nw.LazyFrame[Any]":
    if not keys:
        return left.join(right, how="cross")
    return left.join(right, on=keys, how="left").sort(keys)


def customer_acquisition_cost(
    orders: object,
    spend: object,
    *,
    by: By = None,
    period: Period | None = None,
    schema: OrderSchema = ORDERS,
    spend_schema: SpendSchema = SPEND,
) -> Any:
    """Spend per new customer: a customer is new in the group and period of their first order.

    Columns ``spend``, ``new_customers`` and ``customer_acquisition_cost``; one row per group of
    the spend table. ``by`` names columns present in both tables (such as ``channel``); a new
    customer's group is that of their first order.

    Examples:
        >>> import datetime as dt
        >>> orders = [
        ...     {"customer_id": "a", "placed_at": dt.datetime(2024, 1, 5)},
        ...     {"customer_id": "b", "placed_at": dt.datetime(2024, 1, 9)},
        ...     {"customer_id": "a", "placed_at": dt.datetime(2024, 2, 1)},
        ... ]
        >>> customer_acquisition_cost(orders, [{"spend": 50.0}])
        [{'spend': 50.0, 'new_customers': 2, 'customer_acquisition_cost': 25.0}]
    """
    import narwhals as nw

    groups = [by] if isinstance(by, str) else list(by or ())
    frame, query, _ = prepare(
        orders, "orders", {schema.customer_id: "any", schema.placed_at: "datetime"}, by=by,
        period=None, time_column=schema.placed_at,
    )  # fmt: skip
    first = query.group_by(schema.customer_id).agg(nw.col(schema.placed_at).min().alias("__first"))
    firsts = (
        query.join(first, on=schema.customer_id, how="inner")
        .filter(nw.col(schema.placed_at) == nw.col("__first"))
        .group_by(schema.customer_id)
        .agg(nw.col("__first").min(), *(nw.col(g).min() for g in groups))
    )
    new, keys = with_period(firsts, groups, period, "__first")
    new_customers = aggregate(new, keys, nw.len().alias("new_customers")).with_columns(
        nw.col("new_customers").cast(nw.Int64)
    )
    spent, _ = _spend_per_group(spend, spend_schema, by, period)
    result = _join(spent, new_customers, keys).with_columns(
        ratio(nw.col("spend"), nw.col("new_customers"), "customer_acquisition_cost")
    )
    return to_caller(result, frame)


def return_on_ad_spend(
    orders: object,
    spend: object,
    *,
    by: By = None,
    period: Period | None = None,
    schema: OrderSchema = ORDERS,
    spend_schema: SpendSchema = SPEND,
) -> Any:
    """Gross revenue per unit of ad spend, in ``return_on_ad_spend`` (with ``spend``, ``revenue``).

    Examples:
        >>> return_on_ad_spend([{"gross": 120.0}, {"gross": 30.0}], [{"spend": 50.0}])
        [{'spend': 50.0, 'revenue': 150.0, 'return_on_ad_spend': 3.0}]
    """
    import narwhals as nw

    frame, query, keys = prepare(
        orders, "orders", {schema.gross: "numeric"}, by=by, period=period,
        time_column=schema.placed_at,
    )  # fmt: skip
    earned = totals(query, keys, {"revenue": nw.col(schema.gross)})
    spent, _ = _spend_per_group(spend, spend_schema, by, period)
    result = _join(spent, earned, keys).with_columns(
        ratio(nw.col("revenue"), nw.col("spend"), "return_on_ad_spend")
    )
    return to_caller(result, frame)
