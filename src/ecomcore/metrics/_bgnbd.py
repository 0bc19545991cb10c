"""The BG/NBD and modified BG/NBD purchase models, fitted by maximum likelihood in log space.

Fader, Hardie & Lee (2005), "Counting your customers the easy way: an alternative to the
Pareto/NBD model", Marketing Science 24(2); Batislam, Denizel & Filiztekin (2007), "Empirical
validation and comparison of models for customer base analysis", IJRM 24(3).
"""

from typing import TYPE_CHECKING, Any, Self

import attrs

from ecomcore.metrics._fitting import compress, maximize_likelihood
from ecomcore.metrics._summary import CustomerSummary

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Floats = npt.NDArray[np.float64]

__all__ = ["BetaGeoModel", "ModifiedBetaGeoModel"]


def _floats(*values: Any) -> "list[Floats]":
    import numpy as np

    return [np.asarray(value, dtype=np.float64) for value in values]


def _start(x: "Floats", T: "Floats", weights: "Floats") -> float:
    """Pick a starting alpha on the data's own time scale (rate about r / alpha)."""
    import numpy as np

    return float(max(np.dot(weights, T) / max(np.dot(weights, x + 1), 1.0), 1e-3))


def _log_likelihood(
    params: "Floats", x: "Floats", t_x: "Floats", T: "Floats", *, modified: bool
) -> "Floats":
    import numpy as np
    from scipy.special import betaln, gammaln

    r, alpha, a, b = params
    head = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    shift = 1.0 if modified else 0.0
    head += betaln(a, b + x + shift) - betaln(a, b)
    still_alive = -(r + x) * np.log(alpha + T)
    # Dropped out right after the last purchase: a / (b + x - 1) in the BG/NBD (x > 0 only),
    # a / (b + x) in the modified model (which lets customers drop out at time 0 too).
    denominator = b + x if modified else b + np.maximum(x, 1) - 1
    dropped = np.log(a) - np.log(denominator) - (r + x) * np.log(alpha + t_x)
    if not modified:
        dropped = np.where(x > 0, dropped, -np.inf)
    result: Floats = head + np.logaddexp(still_alive, dropped)
    return result


def _value_and_gradient(
    params: "Floats",
    x: "Floats",
    t_x: "Floats",
    T: "Floats",
    *,
    modified: bool,
    distinct: "tuple[Floats, npt.NDArray[np.intp]]",
) -> "tuple[Floats, Floats]":
    """Each row's log-likelihood and its derivatives by r, alpha, a and b (shape (4, rows)).

    The special functions depend on x alone, which takes few distinct values: they are computed
    once per distinct x (``distinct``: the values and each row's index into them) and spread
    to the rows, the bulk of the saving on large fits.
    """
    import numpy as np
    from scipy.special import betaln, digamma, gammaln

    r, alpha, a, b = params
    shift = 1.0 if modified else 0.0
    xs, row = distinct
    per_x = np.vstack(
        [
            digamma(r + xs) - digamma(r),
            digamma(a + b) - digamma(a + b + xs + shift),
            digamma(b + xs + shift) - digamma(b),
            gammaln(r + xs) - gammaln(r) + betaln(a, b + xs + shift) - betaln(a, b),
        ]
    )[:, row]
    denominator = b + x if modified else b + np.maximum(x, 1) - 1
    log_end, log_last = np.log(alpha + T), np.log(alpha + t_x)
    still_alive = -(r + x) * log_end
    dropped = np.log(a) - np.log(denominator) - (r + x) * log_last
    if not modified:
        dropped = np.where(x > 0, dropped, -np.inf)
    total = np.logaddexp(still_alive, dropped)
    w_alive, w_dropped = np.exp(still_alive - total), np.exp(dropped - total)
    d_r = per_x[0] + np.log(alpha) - w_alive * log_end - w_dropped * log_last
    d_alpha = r / alpha - (r + x) * (w_alive / (alpha + T) + w_dropped / (alpha + t_x))
    d_a = per_x[1] + w_dropped / a
    d_b = per_x[2] + per_x[1] - w_dropped / denominator
    value = per_x[3] + r * np.log(alpha) + total
    return value, np.vstack([d_r, d_alpha, d_a, d_b])


@attrs.frozen
class BetaGeoModel:
    """A fitted BG/NBD model: purchases at a gamma-Poisson rate, dropout after each repeat purchase.

    Build with `BetaGeoModel.fit`. ``r`` and ``alpha`` shape the purchase rates, ``a`` and ``b``
    the dropout probabilities; times are in the summary's time unit. ``standard_errors`` come
    from the inverse Hessian of the log-likelihood, in the order r, alpha, a, b.

    Examples:
        >>> from ecomcore.metrics import load_cdnow, summarize_transactions, TimeUnit
        >>> summary = summarize_transactions(
        ...     load_cdnow(), calibration_end="1997-09-30", time_unit=TimeUnit.WEEKS
        ... )
        >>> model = BetaGeoModel.fit(summary)
        >>> round(model.r, 3), round(model.alpha, 3), round(model.a, 3), round(model.b, 3)
        (0.243, 4.414, 0.793, 2.426)
    """

    r: float
    alpha: float
    a: float
    b: float
    log_likelihood: float
    standard_errors: tuple[float, ...]
    n_customers: int

    _modified = False
    _name = "BG/NBD"

    @property
    def params(self) -> dict[str, float]:
        """The parameters by name."""
        return {"r": self.r, "alpha": self.alpha, "a": self.a, "b": self.b}

    @classmethod
    def fit(cls, summary: CustomerSummary) -> Self:
        """Fit on a summary's frequency, recency and T (calibration period)."""
        return cls.fit_arrays(summary.frequency, summary.recency, summary.T)

    @classmethod
    def fit_arrays(cls, frequency: Any, recency: Any, T: Any, weights: Any = None) -> Self:
        """Fit on columns of repeat purchases x, recency t_x and age T (one row per customer).

        ``weights`` counts how many customers each row stands for (default 1 each). Raises
        `NotConvergedError` when the fit does not converge.
        """
        import numpy as np

        (x, t_x, age), counts = compress(frequency, recency, T, weights=weights)
        modified = cls._modified

        def log_likelihood(params: "Floats") -> "Floats":
            return _log_likelihood(params, x, t_x, age, modified=modified)

        distinct = np.unique(x, return_inverse=True)

        def gradient(params: "Floats") -> "tuple[Floats, Floats]":
            return _value_and_gradient(params, x, t_x, age, modified=modified, distinct=distinct)

        start = np.array([1.0, _start(x, age, counts), 1.0, 1.0])
        params, ll, errors = maximize_likelihood(
            cls._name, ("r", "alpha", "a", "b"), log_likelihood, counts, start, gradient=gradient
        )
        r, alpha, a, b = (float(value) for value in params)
        return cls(r, alpha, a, b, ll, tuple(float(e) for e in errors), round(counts.sum()))

    def customer_log_likelihood(self, frequency: Any, recency: Any, T: Any) -> "Floats":
        """Return each customer's log-likelihood under the fitted parameters."""
        import numpy as np

        x, t_x, age = _floats(frequency, recency, T)
        params = np.array([self.r, self.alpha, self.a, self.b])
        return _log_likelihood(params, x, t_x, age, modified=self._modified)

    def _log_odds_dead(self, x: "Floats", t_x: "Floats", T: "Floats") -> "Floats":
        """Log of P(dropped out) / P(alive) given the history; -inf when it cannot have."""
        import numpy as np

        r, alpha, a, b = self.r, self.alpha, self.a, self.b
        denominator = b + x if self._modified else b + np.maximum(x, 1) - 1
        odds = np.log(a) - np.log(denominator) + (r + x) * (np.log(alpha + T) - np.log(alpha + t_x))
        if not self._modified:
            odds = np.where(x > 0, odds, -np.inf)
        result: Floats = odds
        return result

    def probability_alive(self, frequency: Any, recency: Any, T: Any) -> "Floats":
        """Return the probability that each customer is still active at the end of calibration.

        Examples:
            >>> model = BetaGeoModel(0.243, 4.414, 0.793, 2.426, 0.0, (), 0)
            >>> model.probability_alive([0, 5], [0, 10], [30, 30]).round(3).tolist()
            [1.0, 0.078]
        """
        import numpy as np

        x, t_x, age = _floats(frequency, recency, T)
        with np.errstate(over="ignore"):
            result: Floats = np.exp(-np.logaddexp(0.0, self._log_odds_dead(x, t_x, age)))
        return result

    def conditional_expected_purchases(
        self, t: Any, frequency: Any, recency: Any, T: Any
    ) -> "Floats":
        """Return each customer's expected purchases in the next ``t`` time units, given the past.

        ``t`` may be an array that broadcasts against the customers' columns.

        Computed with Euler's transformation of the hypergeometric function, so frequencies in
        the thousands neither overflow nor lose digits.

        Examples:
            >>> model = BetaGeoModel(0.243, 4.414, 0.793, 2.426, 0.0, (), 0)
            >>> expected = model.conditional_expected_purchases(39, [2, 2000], [30, 38], [38, 38])
            >>> expected.round(1).tolist()
            [1.3, 1396.2]
        """
        import numpy as np
        from scipy.special import hyp2f1

        x, t_x, age = _floats(frequency, recency, T)
        r, alpha, a, b = self.r, self.alpha, self.a, self.b
        z = t / (alpha + age + t)
        c = a + b + x - (0.0 if self._modified else 1.0)
        lead = c / (a - 1)
        # Euler: (1-z)^(r+x) 2F1(r+x, b+x [+1]; c; z) == (1-z)^(a-1) 2F1(c-r-x, a-1; c; z)
        decay = (1 - z) ** (a - 1) * hyp2f1(c - r - x, a - 1, c, z)
        with np.errstate(over="ignore"):
            alive = np.exp(-np.logaddexp(0.0, self._log_odds_dead(x, t_x, age)))
        result: Floats = lead * (1 - decay) * alive
        return result

    def expected_purchases(self, t: Any) -> "Floats":
        """Return the expected repeat purchases in ``t`` time units of a customer just acquired.

        Examples:
            >>> model = BetaGeoModel(0.243, 4.414, 0.793, 2.426, 0.0, (), 0)
            >>> model.expected_purchases([39, 78]).round(2).tolist()
            [1.2, 1.86]
        """
        import numpy as np

        # A customer just acquired has x = t_x = T = 0: the conditional formula at the origin.
        times = np.atleast_1d(np.asarray(t, dtype=np.float64))
        return self.conditional_expected_purchases(times, 0.0, 0.0, 0.0)


@attrs.frozen
class ModifiedBetaGeoModel(BetaGeoModel):
    """A fitted modified BG/NBD (Batislam et al. 2007): customers may also drop out at time 0.

    The same interface as `BetaGeoModel`; customers without repeat purchases are no longer
    certainly alive.

    Examples:
        >>> model = ModifiedBetaGeoModel(0.25, 4.0, 0.8, 2.5, 0.0, (), 0)
        >>> float(model.probability_alive([0], [0], [30])[0]) < 1
        True
    """

    _modified = True
    _name = "modified BG/NBD"
