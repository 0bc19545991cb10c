"""A seeded synthetic store: customers, orders, lines, returns, sessions and ad spend.

Vectorised numpy throughout, so ten million order rows take seconds; the same seed always gives
the same store. For tests, docs and benchmarks: the numbers are plausible, not realistic.
"""

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs

from ecomcore.core import ValidationError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["SyntheticStore", "synthetic_store"]

Columns = dict[str, "npt.NDArray[Any]"]
CHANNELS = ("web", "app", "marketplace")
_US_PER_DAY = 86_400_000_000


@attrs.frozen(eq=False)
class SyntheticStore:
    """Tables of a made-up store, as columns of numpy arrays (see `synthetic_store`).

    ``orders`` follows `OrderSchema`, ``lines`` `LineSchema`, ``sessions`` `SessionSchema` and
    ``spend`` `SpendSchema`, with the default column names; ``returns`` has ``order_id``,
    ``returned_at`` and ``amount``. Tables not asked for are empty dicts.

    Examples:
        >>> from ecomcore.metrics import average_order_value
        >>> store = synthetic_store(200, seed=1, sessions=False)
        >>> len(store.orders["order_id"]), store.sessions
        (200, {})
        >>> average_order_value(store.frame("orders"))["average_order_value"].round(2).tolist()
        [91.27]
    """

    customers: Columns
    orders: Columns
    lines: Columns
    returns: Columns
    sessions: Columns
    spend: Columns

    def frame(self, table: str, backend: Any = "pandas") -> Any:
        """One table as a dataframe of ``backend`` ("pandas", "polars" or "pyarrow").

        Examples:
            >>> store = synthetic_store(100, seed=1)
            >>> store.frame("orders", "polars").shape
            (100, 12)
        """
        import narwhals as nw

        columns = getattr(self, table)
        return nw.from_dict(columns, backend=backend).to_native()


def synthetic_store(
    n_orders: int,
    *,
    seed: int = 0,
    start: dt.date = dt.date(2024, 1, 1),
    days: int = 365,
    lines: bool = True,
    sessions: bool = True,
) -> SyntheticStore:
    """Generate a store with ``n_orders`` orders over ``days`` days from ``start``.

    About one customer per four orders, a few customers ordering often; 1-3 lines per order;
    5% of orders returned and 2% cancelled; about five sessions per order (with ``sessions``);
    daily spend per channel. Pass ``lines=False`` or ``sessions=False`` to skip the big tables.

    Examples:
        >>> store = synthetic_store(1000, seed=7)
        >>> len(store.orders["order_id"]), len(store.customers["customer_id"])
        (1000, 250)
        >>> import numpy as np
        >>> bool(np.allclose(store.orders["gross"], store.orders["net"] + store.orders["tax"]))
        True
    """
    import numpy as np

    if n_orders < 1 or days < 1:
        raise ValidationError("n_orders", n_orders, "at least 1 order over at least 1 day")
    rng = np.random.default_rng(seed)
    n_customers = max(1, n_orders // 4)
    origin = np.datetime64(start, "us").astype(np.int64)
    span = days * _US_PER_DAY
    acquired = origin + (rng.random(n_customers) * span * 0.9).astype(np.int64)
    # Squaring a uniform draw skews orders towards low customer numbers: a few loyal buyers.
    customer = np.minimum(
        (rng.random(n_orders) ** 2 * n_customers).astype(np.int64), n_customers - 1
    )
    offset = (rng.random(n_orders) * (origin + span - acquired[customer])).astype(np.int64)
    placed_at = acquired[customer] + offset
    line_count = rng.integers(1, 4, n_orders)
    quantity_mean = 1.5
    item_count = np.maximum(1, np.round(line_count * quantity_mean)).astype(np.int64)
    list_value = np.round(rng.gamma(2.0, 20.0, n_orders) * line_count, 2) + 1.0
    discounted = rng.random(n_orders) < 0.2
    discount = np.where(discounted, np.round(list_value * 0.1, 2), 0.0)
    net = np.round(list_value - discount, 2)
    tax = np.round(net * 0.19, 2)
    status_draw = rng.random(n_orders)
    status = np.where(
        status_draw < 0.05, "returned", np.where(status_draw < 0.07, "cancelled", "shipped")
    )
    channel = np.asarray(CHANNELS)[rng.integers(0, len(CHANNELS), n_orders)]
    order_id = np.arange(1, n_orders + 1, dtype=np.int64)
    orders: Columns = {
        "order_id": order_id,
        "customer_id": customer + 1,
        "placed_at": placed_at.astype("datetime64[us]"),
        "currency": np.full(n_orders, "EUR"),
        "net": net,
        "tax": tax,
        "gross": np.round(net + tax, 2),
        "discount": discount,
        "shipping": np.where(net >= 50, 0.0, 4.95),
        "item_count": item_count,
        "channel": channel,
        "status": status,
    }
    returned = status == "returned"
    returns: Columns = {
        "order_id": order_id[returned],
        "returned_at": (
            placed_at[returned] + rng.integers(1, 31, returned.sum()) * _US_PER_DAY
        ).astype("datetime64[us]"),
        "amount": orders["gross"][returned],
    }
    customers: Columns = {
        "customer_id": np.arange(1, n_customers + 1, dtype=np.int64),
        "acquired_at": acquired.astype("datetime64[us]"),
    }
    return SyntheticStore(
        customers=customers,
        orders=orders,
        lines=_lines(rng, orders, line_count) if lines else {},
        returns=returns,
        sessions=_sessions(rng, orders, int(origin), span) if sessions else {},
        spend=_spend(rng, start, days),
    )


def _lines(rng: "np.random.Generator", orders: Columns, line_count: "npt.NDArray[Any]") -> Columns:
    import numpy as np

    order_id = np.repeat(orders["order_id"], line_count)
    n = len(order_id)
    unit_price = np.round(rng.gamma(2.0, 12.0, n) + 1.0, 2)
    return {
        "order_id": order_id,
        "sku": np.char.add("SKU-", rng.integers(1, 500, n).astype(str)),
        "quantity": rng.integers(1, 3, n),
        "unit_price": unit_price,
        "unit_cost": np.round(unit_price * rng.uniform(0.4, 0.8, n), 2),
        "placed_at": np.repeat(orders["placed_at"], line_count),
    }


def _sessions(rng: "np.random.Generator", orders: Columns, origin: int, span: int) -> Columns:
    import numpy as np

    n_orders = len(orders["order_id"])
    n = n_orders * 5
    started = origin + (rng.random(n) * span).astype(np.int64)
    ordered = np.zeros(n, dtype=bool)
    ordered[
        rng.choice(n, n_orders, replace=False) if n < 5_000_000 else rng.integers(0, n, n_orders)
    ] = True
    added = ordered | (rng.random(n) < 0.3)
    return {
        "session_id": np.arange(1, n + 1, dtype=np.int64),
        "started_at": started.astype("datetime64[us]"),
        "added_to_cart": added,
        "ordered": ordered,
        "channel": np.asarray(CHANNELS)[rng.integers(0, len(CHANNELS), n)],
    }


def _spend(rng: "np.random.Generator", start: dt.date, days: int) -> Columns:
    import numpy as np

    day = np.repeat(np.arange(days), len(CHANNELS))
    return {
        "spent_on": (np.datetime64(start, "D") + day).astype("datetime64[us]"),
        "channel": np.tile(np.asarray(CHANNELS), days),
        "spend": np.round(rng.gamma(4.0, 25.0, len(day)), 2),
    }
