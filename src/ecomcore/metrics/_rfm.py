"""RFM: recency, frequency and monetary scores from 1 to 5, and named segments."""

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs

from ecomcore.core import ValidationError
from ecomcore.metrics._cross_table_kpis import ORDERS
from ecomcore.metrics._schemas import OrderSchema, civil_day, prepare

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["SEGMENTS", "RfmScores", "rfm_scores", "segment_of"]

SEGMENTS: tuple[tuple[str, tuple[int, int], tuple[int, int]], ...] = (
    ("champions", (5, 5), (4, 5)),
    ("loyal customers", (3, 4), (4, 5)),
    ("potential loyalists", (4, 5), (2, 3)),
    ("new customers", (5, 5), (1, 1)),
    ("promising", (4, 4), (1, 1)),
    ("need attention", (3, 3), (3, 3)),
    ("about to sleep", (3, 3), (1, 2)),
    ("can't lose them", (1, 2), (5, 5)),
    ("at risk", (1, 2), (3, 4)),
    ("hibernating", (1, 2), (1, 2)),
)
"""The segment map: (name, R score range, F score range), inclusive; every (R, F) pair has one.

The widely used RFM grid on recency and frequency scores: champions bought recently and often,
loyal customers often, potential loyalists recently and a few times, new customers recently and
once, promising a little less recently and once, need attention are average on both, about to
sleep are average and rare, can't lose them bought very often long ago, at risk often long ago,
hibernating rarely and long ago. Monetary value is scored but not used for the segment.
"""


@attrs.frozen(eq=False)
class RfmScores:
    """Per customer: recency in days, order count, gross total, their 1-5 scores and segment.

    Examples:
        >>> orders = [{"customer_id": c, "placed_at": dt.datetime(2024, 1, d), "gross": g}
        ...           for c, d, g in [("a", 2, 10.0), ("a", 30, 30.0), ("b", 3, 5.0)]]
        >>> scores = rfm_scores(orders, as_of=dt.date(2024, 1, 31))
        >>> columns = scores.to_dict()
        >>> columns["customer_id"], columns["recency_days"], columns["monetary"]
        (['a', 'b'], [1.0, 28.0], [40.0, 5.0])
        >>> columns["r"], columns["f"], columns["segment"]
        ([5, 1], [5, 1], ['champions', 'hibernating'])
    """

    customer_id: "npt.NDArray[Any]"
    recency_days: "npt.NDArray[np.float64]"
    frequency: "npt.NDArray[np.int64]"
    monetary: "npt.NDArray[np.float64]"
    r: "npt.NDArray[np.int64]"
    f: "npt.NDArray[np.int64]"
    m: "npt.NDArray[np.int64]"
    segment: "npt.NDArray[np.str_]"
    thresholds: dict[str, tuple[float, ...]]

    def to_dict(self) -> dict[str, list[Any]]:
        """Return the scores as columns, ready for ``pandas.DataFrame(...)`` and the like."""
        return {
            "customer_id": self.customer_id.tolist(),
            "recency_days": self.recency_days.tolist(),
            "frequency": self.frequency.tolist(),
            "monetary": self.monetary.tolist(),
            "r": self.r.tolist(),
            "f": self.f.tolist(),
            "m": self.m.tolist(),
            "segment": self.segment.tolist(),
        }


def _thresholds(values: "npt.NDArray[Any]") -> "npt.NDArray[np.float64]":
    import numpy as np

    result: npt.NDArray[np.float64] = np.quantile(
        values.astype(np.float64), [0.2, 0.4, 0.6, 0.8], method="lower"
    )
    return result


def _score(values: "npt.NDArray[Any]", cuts: "npt.NDArray[np.float64]") -> "npt.NDArray[np.int64]":
    """1 plus the number of thresholds strictly below the value: equal values, equal scores."""
    import numpy as np

    result: npt.NDArray[np.int64] = 1 + (values[:, None] > cuts[None, :]).sum(axis=1)
    return result.astype(np.int64)


def segment_of(r: int, f: int) -> str:
    """Name the segment of an (R, F) pair by `SEGMENTS`.

    Examples:
        >>> segment_of(5, 5), segment_of(1, 1), segment_of(1, 5)
        ('champions', 'hibernating', "can't lose them")
    """
    for name, (r_low, r_high), (f_low, f_high) in SEGMENTS:
        if r_low <= r <= r_high and f_low <= f <= f_high:
            return name
    raise ValidationError("scores", (r, f), "R and F scores from 1 to 5")


def rfm_scores(
    orders: object, *, as_of: dt.date | dt.datetime, schema: OrderSchema = ORDERS
) -> RfmScores:
    """Score every customer on recency, frequency and monetary value, 5 best, and name a segment.

    Recency is whole days from the customer's last order to ``as_of`` (calendar dates), lower
    being better; frequency is the number of orders; monetary the sum of gross. Scores come from
    value thresholds at the 20/40/60/80% points of the customers' values, so customers with
    equal values always share a score (groups can be uneven when many values tie).

    This recency is not the lifetime models' recency: there, recency (t_x) is the time from a
    customer's first to their last purchase, in the summary's unit, and larger is better; here
    it is the time since the last purchase, in days, and smaller is better.

    Examples:
        >>> import datetime as dt
        >>> orders = [
        ...     {"customer_id": c, "placed_at": dt.datetime(2024, 1, d), "gross": g}
        ...     for c, d, g in [("a", 2, 10.0), ("a", 28, 30.0), ("b", 3, 5.0), ("c", 20, 50.0),
        ...                     ("d", 1, 8.0), ("e", 25, 12.0), ("e", 26, 12.0)]
        ... ]
        >>> scores = rfm_scores(orders, as_of=dt.date(2024, 1, 31))
        >>> scores.customer_id.tolist(), scores.r.tolist(), scores.f.tolist()
        (['a', 'b', 'c', 'd', 'e'], [5, 2, 3, 1, 4], [4, 1, 1, 1, 4])
        >>> scores.segment.tolist()[0]
        'champions'
    """
    import narwhals as nw
    import numpy as np

    columns: dict[str, Any] = {
        schema.customer_id: "any",
        schema.placed_at: "datetime",
        schema.gross: "numeric",
    }
    _, query, _ = prepare(
        orders, "orders", columns, by=None, period=None, time_column=schema.placed_at
    )
    per_customer = (
        query.with_columns(
            civil_day(schema.placed_at).alias("__day"), nw.col(schema.gross).cast(nw.Float64)
        )
        .group_by(schema.customer_id)
        .agg(nw.col("__day").max(), nw.len().alias("__orders"), nw.col(schema.gross).sum())
        .sort(schema.customer_id)
        .collect()
    )
    day = as_of.date() if isinstance(as_of, dt.datetime) else as_of
    as_of_day = (day - dt.date(1970, 1, 1)).days
    last = per_customer["__day"].to_numpy().astype(np.int64)
    if len(last) == 0:
        raise ValidationError("orders", "no rows", "at least one order")
    if last.max() > as_of_day:
        raise ValidationError("as_of", as_of, "on or after the last order's date")
    recency = (as_of_day - last).astype(np.float64)
    frequency = per_customer["__orders"].to_numpy().astype(np.int64)
    monetary = per_customer[schema.gross].to_numpy().astype(np.float64)
    cuts = {"r": _thresholds(recency), "f": _thresholds(frequency), "m": _thresholds(monetary)}
    r = 6 - _score(recency, cuts["r"])
    f = _score(frequency, cuts["f"])
    m = _score(monetary, cuts["m"])
    return RfmScores(
        customer_id=per_customer[schema.customer_id].to_numpy(),
        recency_days=recency,
        frequency=frequency,
        monetary=monetary,
        r=r,
        f=f,
        m=m,
        segment=np.array([segment_of(int(a), int(b)) for a, b in zip(r, f, strict=True)]),
        thresholds={name: tuple(float(v) for v in values) for name, values in cuts.items()},
    )
