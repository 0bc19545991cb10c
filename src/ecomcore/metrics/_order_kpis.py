"""KPIs on order records: computed on the caller's engine, returned in the caller's frame type.

Every KPI takes ``by`` (a column or columns to group by) and ``period`` (day, week, month,
quarter or year, from the order date) and returns one row per group with the value in a column
named after the KPI; the ``period`` column holds the start of each period (for a week, the
midnight of its Monday: ISO weeks, the same on every engine). Without either it returns one
row. Ratios whose denominator is zero are missing (null), never infinite.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ecomcore.metrics._frames import to_caller
from ecomcore.metrics._schemas import OrderSchema, Period, epoch_seconds, prepare

if TYPE_CHECKING:
    import narwhals as nw

__all__ = [
    "aggregate",
    "average_order_value",
    "customers",
    "discount_rate",
    "finish",
    "order_count",
    "purchase_frequency",
    "ratio",
    "repeat_purchase_rate",
    "return_rate",
    "revenue",
    "time_between_orders",
    "totals",
    "units_per_order",
]

By = str | Sequence[str] | None
DEFAULT = OrderSchema()


def aggregate(
    query: "nw.LazyFrame[Any]", keys: list[str], *exprs: "nw.Expr"
) -> "nw.LazyFrame[Any]":
    """Aggregate per group, or over everything when there are no keys; sorted by the keys."""
    import narwhals as nw

    if not keys and query.implementation.is_dask():
        # Dask's whole-frame reductions come back as scalars that later selects mangle into
        # nested series; a group-by on a constant gives an ordinary one-row frame instead.
        grouped = query.with_columns(nw.lit(0).alias("__all")).group_by("__all").agg(*exprs)
        return grouped.drop("__all")
    if not keys:
        return query.select(*exprs)
    return query.group_by(keys).agg(*exprs).sort(keys)


def totals(
    query: "nw.LazyFrame[Any]",
    keys: list[str],
    sums: "dict[str, nw.Expr]",
    *,
    count: str | None = None,
) -> "nw.LazyFrame[Any]":
    """Sum each expression of ``sums`` (and count rows into ``count``) per group.

    The expressions are computed as columns first, so the aggregation itself stays the plain
    sums and counts every engine runs natively (pandas has no fast path for anything else).
    """
    import narwhals as nw

    prepared = query.with_columns(**{name: expr.cast(nw.Float64) for name, expr in sums.items()})
    aggregations = [nw.col(name).sum() for name in sums]
    if count is not None:
        aggregations.append(nw.len().alias(count))
    return aggregate(prepared, keys, *aggregations)


def finish(
    query: "nw.LazyFrame[Any]", keys: list[str], name: str, value: "nw.Expr"
) -> "nw.LazyFrame[Any]":
    """Keep the keys and one KPI column computed from the totals."""
    return query.with_columns(value.alias(name)).select(*keys, name)


def ratio(numerator: "nw.Expr", denominator: "nw.Expr", name: str) -> "nw.Expr":
    """``numerator / denominator`` as a float, missing where the denominator is zero."""
    import narwhals as nw

    top = numerator.cast(nw.Float64)
    bottom = denominator.cast(nw.Float64)
    return nw.when(bottom != 0).then(top / bottom).alias(name)


def _orders(
    orders: object, schema: OrderSchema, columns: dict[str, Any], by: By, period: Period | None
) -> tuple[Any, "nw.LazyFrame[Any]", list[str]]:
    return prepare(orders, "orders", columns, by=by, period=period, time_column=schema.placed_at)


def revenue(
    orders: object, *, by: By = None, period: Period | None = None, schema: OrderSchema = DEFAULT
) -> Any:
    """Sum of the orders' gross amounts, in a column ``revenue``.

    Examples:
        >>> orders = [
        ...     {"order_id": 1, "customer_id": "a", "gross": 10.0, "channel": "web"},
        ...     {"order_id": 2, "customer_id": "b", "gross": 30.0, "channel": "app"},
        ...     {"order_id": 3, "customer_id": "a", "gross": 20.0, "channel": "web"},
        ... ]
        >>> revenue(orders)
        [{'revenue': 60.0}]
        >>> revenue(orders, by="channel")
        [{'channel': 'app', 'revenue': 30.0}, {'channel': 'web', 'revenue': 30.0}]

        Weeks run Monday to Sunday and are labelled by their Monday (Sunday 7 January 2024
        belongs to the week of Monday 1 January):

        >>> import datetime as dt
        >>> weekly = revenue([
        ...     {"gross": 10.0, "placed_at": dt.datetime(2024, 1, 7, 23, 30)},
        ...     {"gross": 5.0, "placed_at": dt.datetime(2024, 1, 8, 0, 15)},
        ... ], period="week")
        >>> [(row["period"].isoformat(), row["revenue"]) for row in weekly]
        [('2024-01-01T00:00:00', 10.0), ('2024-01-08T00:00:00', 5.0)]
    """
    import narwhals as nw

    frame, query, keys = _orders(orders, schema, {schema.gross: "numeric"}, by, period)
    result = totals(query, keys, {"revenue": nw.col(schema.gross)})
    return to_caller(result, frame)


def order_count(
    orders: object, *, by: By = None, period: Period | None = None, schema: OrderSchema = DEFAULT
) -> Any:
    """Count the orders (rows), in a column ``orders``.

    Examples:
        >>> order_count([{"order_id": 1}, {"order_id": 2}])
        [{'orders': 2}]
    """
    import narwhals as nw

    frame, query, keys = _orders(orders, schema, {schema.order_id: "any"}, by, period)
    result = aggregate(query, keys, nw.len().alias("orders")).with_columns(
        nw.col("orders").cast(nw.Int64)
    )
    return to_caller(result, frame)


def average_order_value(
    orders: object, *, by: By = None, period: Period | None = None, schema: OrderSchema = DEFAULT
) -> Any:
    """Revenue per order (gross), in a column ``average_order_value``.

    Examples:
        >>> average_order_value([{"gross": 10.0}, {"gross": 30.0}])
        [{'average_order_value': 20.0}]
    """
    import narwhals as nw

    frame, query, keys = _orders(orders, schema, {schema.gross: "numeric"}, by, period)
    summed = totals(query, keys, {"__gross": nw.col(schema.gross)}, count="__n")
    value = ratio(nw.col("__gross"), nw.col("__n"), "average_order_value")
    result = finish(summed, keys, "average_order_value", value)
    return to_caller(result, frame)


def units_per_order(
    orders: object, *, by: By = None, period: Period | None = None, schema: OrderSchema = DEFAULT
) -> Any:
    """Units sold per order, in a column ``units_per_order``.

    Examples:
        >>> units_per_order([{"item_count": 1}, {"item_count": 4}])
        [{'units_per_order': 2.5}]
    """
    import narwhals as nw

    frame, query, keys = _orders(orders, schema, {schema.item_count: "numeric"}, by, period)
    summed = totals(query, keys, {"__units": nw.col(schema.item_count)}, count="__n")
    value = ratio(nw.col("__units"), nw.col("__n"), "units_per_order")
    result = finish(summed, keys, "units_per_order", value)
    return to_caller(result, frame)


def _per_customer(
    query: "nw.LazyFrame[Any]", keys: list[str], schema: OrderSchema, *exprs: "nw.Expr"
) -> "nw.LazyFrame[Any]":
    """One row per group and customer: distinct customers are then counted exactly, on any engine.

    Counting distinct values per partition and adding them up over-counts customers who
    ordered in two partitions; grouping by the customer first cannot.
    """
    import narwhals as nw

    return query.group_by([*keys, schema.customer_id]).agg(nw.len().alias("__orders"), *exprs)


def _distinct_customers_exact(query: "nw.LazyFrame[Any]") -> bool:
    """Whether the engine counts distinct values over the whole group (single-node engines).

    Partitioned engines (Dask, Spark...) take the safe road of grouping by customer first.
    """
    engine = query.implementation
    return bool(
        engine.is_polars() or engine.is_pandas() or engine.is_pyarrow() or engine.is_duckdb()
    )


def _customer_counts(
    query: "nw.LazyFrame[Any]", keys: list[str], schema: OrderSchema
) -> "nw.LazyFrame[Any]":
    """Per group: ``__n`` orders and ``__customers`` distinct customers, exact on every engine."""
    import narwhals as nw

    if _distinct_customers_exact(query):
        return aggregate(
            query,
            keys,
            nw.len().alias("__n"),
            nw.col(schema.customer_id).n_unique().alias("__customers"),
        )
    per_customer = _per_customer(query, keys, schema)
    return totals(per_customer, keys, {"__n": nw.col("__orders")}, count="__customers")


def customers(
    orders: object, *, by: By = None, period: Period | None = None, schema: OrderSchema = DEFAULT
) -> Any:
    """Count the distinct customers who ordered, in a column ``customers``.

    Examples:
        >>> customers([{"customer_id": "a"}, {"customer_id": "b"}, {"customer_id": "a"}])
        [{'customers': 2}]
    """
    import narwhals as nw

    frame, query, keys = _orders(orders, schema, {schema.customer_id: "any"}, by, period)
    counts = _customer_counts(query, keys, schema)
    result = finish(counts, keys, "customers", nw.col("__customers").cast(nw.Int64))
    return to_caller(result, frame)


def repeat_purchase_rate(
    orders: object, *, by: By = None, period: Period | None = None, schema: OrderSchema = DEFAULT
) -> Any:
    """Share of customers with two orders or more in the group, in ``repeat_purchase_rate``.

    Examples:
        >>> repeat_purchase_rate([{"customer_id": "a"}, {"customer_id": "b"}, {"customer_id": "a"}])
        [{'repeat_purchase_rate': 0.5}]
    """
    import narwhals as nw

    frame, query, keys = _orders(orders, schema, {schema.customer_id: "any"}, by, period)
    per_customer = _per_customer(query, keys, schema)
    summed = totals(per_customer, keys, {"__repeat": nw.col("__orders") >= 2}, count="__n")
    value = ratio(nw.col("__repeat"), nw.col("__n"), "repeat_purchase_rate")
    result = finish(summed, keys, "repeat_purchase_rate", value)
    return to_caller(result, frame)


def purchase_frequency(
    orders: object, *, by: By = None, period: Period | None = None, schema: OrderSchema = DEFAULT
) -> Any:
    """Orders per distinct customer, in a column ``purchase_frequency``.

    Examples:
        >>> purchase_frequency([{"customer_id": "a"}, {"customer_id": "b"}, {"customer_id": "a"}])
        [{'purchase_frequency': 1.5}]
    """
    import narwhals as nw

    frame, query, keys = _orders(orders, schema, {schema.customer_id: "any"}, by, period)
    counts = _customer_counts(query, keys, schema)
    value = ratio(nw.col("__n"), nw.col("__customers"), "")
    result = finish(counts, keys, "purchase_frequency", value)
    return to_caller(result, frame)


def time_between_orders(
    orders: object, *, by: By = None, period: Period | None = None, schema: OrderSchema = DEFAULT
) -> Any:
    """Mean days between one order of a customer and their next, in ``days_between_orders``.

    Averaged over every consecutive pair of orders of the same customer within the group (a
    customer's gaps add up to last minus first order, so no window function is needed).

    Examples:
        >>> import datetime as dt
        >>> time_between_orders([
        ...     {"customer_id": "a", "placed_at": dt.datetime(2024, 1, 1)},
        ...     {"customer_id": "a", "placed_at": dt.datetime(2024, 1, 11)},
        ...     {"customer_id": "a", "placed_at": dt.datetime(2024, 1, 15)},
        ...     {"customer_id": "b", "placed_at": dt.datetime(2024, 1, 3)},
        ... ])
        [{'days_between_orders': 7.0}]
    """
    import narwhals as nw

    columns = {schema.customer_id: "any", schema.placed_at: "datetime"}
    frame, query, keys = _orders(orders, schema, columns, by, period)
    per_customer = _per_customer(
        query.with_columns(epoch_seconds(schema.placed_at).alias("__at")),
        keys,
        schema,
        nw.col("__at").min().alias("__first"),
        nw.col("__at").max().alias("__last"),
    )
    span_days = (nw.col("__last") - nw.col("__first")) / 86_400
    summed = totals(per_customer, keys, {"__span": span_days, "__gaps": nw.col("__orders") - 1})
    value = ratio(nw.col("__span"), nw.col("__gaps"), "days_between_orders")
    result = finish(summed, keys, "days_between_orders", value)
    return to_caller(result, frame)


def return_rate(
    orders: object,
    *,
    by: By = None,
    period: Period | None = None,
    schema: OrderSchema = DEFAULT,
    returned: Sequence[str] = ("returned", "refunded"),
) -> Any:
    """Share of orders whose status is one of ``returned``, in a column ``return_rate``.

    Examples:
        >>> return_rate([{"status": "shipped"}, {"status": "returned"}])
        [{'return_rate': 0.5}]
    """
    import narwhals as nw

    frame, query, keys = _orders(orders, schema, {schema.status: "any"}, by, period)
    hits = nw.col(schema.status).is_in(list(returned))
    summed = totals(query, keys, {"__returned": hits}, count="__n")
    result = finish(summed, keys, "return_rate", ratio(nw.col("__returned"), nw.col("__n"), ""))
    return to_caller(result, frame)


def discount_rate(
    orders: object, *, by: By = None, period: Period | None = None, schema: OrderSchema = DEFAULT
) -> Any:
    """Discounts as a share of the value before discount: discount / (net + discount).

    Examples:
        >>> discount_rate([{"net": 90.0, "discount": 10.0}, {"net": 100.0, "discount": 0.0}])
        [{'discount_rate': 0.05}]
    """
    import narwhals as nw

    columns = {schema.net: "numeric", schema.discount: "numeric"}
    frame, query, keys = _orders(orders, schema, columns, by, period)
    given = nw.col(schema.discount).cast(nw.Float64)
    before = nw.col(schema.net).cast(nw.Float64) + given
    summed = totals(query, keys, {"__given": given, "__before": before})
    value = ratio(nw.col("__given"), nw.col("__before"), "")
    result = finish(summed, keys, "discount_rate", value)
    return to_caller(result, frame)
