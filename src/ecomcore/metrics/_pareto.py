"""The Pareto/NBD purchase model (Schmittlein, Morrison & Colombo 1987), in log space.

The likelihood follows Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related
expressions"; it is evaluated with logarithms so large frequencies do not overflow.
"""

from typing import TYPE_CHECKING, Any, Self

import attrs

from ecomcore.metrics._fitting import compress, maximize_likelihood
from ecomcore.metrics._summary import CustomerSummary

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Floats = npt.NDArray[np.float64]

__all__ = ["ParetoNBDModel"]


def _log_a0(params: "Floats", x: "Floats", t_x: "Floats", T: "Floats") -> "Floats":
    """Log of the note's A0 term: the integral over dropout times between t_x and T."""
    import numpy as np
    from scipy.special import hyp2f1

    r, alpha, s, beta = params
    c = r + s + x
    if alpha >= beta:
        base, second, gap = alpha, s + 1, alpha - beta
    else:
        base, second, gap = beta, r + x, beta - alpha
    # Euler: 2F1(c, B; c+1; z) = (1-z)^(1-B) 2F1(1, c+1-B; c+1; z). The right-hand 2F1 stays
    # between 1 and 1/(1-z), and the power is taken in logs, so huge frequencies cannot overflow.

    def log_hyp(at: "Floats") -> "Floats":
        z = gap / (base + at)
        power: Floats = (1 - second) * np.log1p(-z) - c * np.log(base + at)
        result: Floats = power + np.log(hyp2f1(1, c + 1 - second, c + 1, z))
        return result

    at_last, at_end = log_hyp(t_x), log_hyp(T)
    # A0 is 0 when the last purchase was at T (log -inf), which logaddexp handles exactly.
    with np.errstate(divide="ignore", under="ignore"):
        result: Floats = at_last + np.log1p(-np.exp(at_end - at_last))
    return result


def _log_likelihood(params: "Floats", x: "Floats", t_x: "Floats", T: "Floats") -> "Floats":
    import numpy as np
    from scipy.special import gammaln

    r, alpha, s, beta = params
    head = gammaln(r + x) - gammaln(r) + r * np.log(alpha) + s * np.log(beta)
    alive = -(r + x) * np.log(alpha + T) - s * np.log(beta + T)
    dropped = np.log(s) - np.log(r + s + x) + _log_a0(params, x, t_x, T)
    result: Floats = head + np.logaddexp(alive, dropped)
    return result


@attrs.frozen
class ParetoNBDModel:
    """A fitted Pareto/NBD model: gamma-Poisson purchases, gamma-exponential lifetimes.

    Build with `ParetoNBDModel.fit`. ``r`` and ``alpha`` shape the purchase rates, ``s`` and
    ``beta`` the dropout rates; ``standard_errors`` are in the order r, alpha, s, beta. The
    likelihood is very flat in beta on typical data, so expect its standard error to be large.

    Examples:
        >>> model = ParetoNBDModel(0.553, 10.578, 0.606, 11.669, 0.0, (), 0)
        >>> model.probability_alive([0, 5], [0, 10], [30, 30]).round(3).tolist()
        [0.357, 0.143]
    """

    r: float
    alpha: float
    s: float
    beta: float
    log_likelihood: float
    standard_errors: tuple[float, ...]
    n_customers: int

    @property
    def params(self) -> dict[str, float]:
        """The parameters by name."""
        return {"r": self.r, "alpha": self.alpha, "s": self.s, "beta": self.beta}

    @classmethod
    def fit(cls, summary: CustomerSummary) -> Self:
        """Fit on a summary's frequency, recency and T (calibration period)."""
        return cls.fit_arrays(summary.frequency, summary.recency, summary.T)

    @classmethod
    def fit_arrays(cls, frequency: Any, recency: Any, T: Any, weights: Any = None) -> Self:
        """Fit on columns x, t_x, T, one row per customer (``weights``: customers per row)."""
        import numpy as np

        (x, t_x, age), counts = compress(frequency, recency, T, weights=weights)

        def log_likelihood(params: "Floats") -> "Floats":
            return _log_likelihood(params, x, t_x, age)

        scale = float(max(np.dot(counts, age) / max(np.dot(counts, x + 1), 1.0), 1e-3))
        start = np.array([1.0, scale, 1.0, scale])
        params, ll, errors = maximize_likelihood(
            "Pareto/NBD", ("r", "alpha", "s", "beta"), log_likelihood, counts, start
        )
        r, alpha, s, beta = (float(value) for value in params)
        return cls(r, alpha, s, beta, ll, tuple(float(e) for e in errors), round(counts.sum()))

    def _arrays(self) -> "Floats":
        import numpy as np

        return np.array([self.r, self.alpha, self.s, self.beta])

    def customer_log_likelihood(self, frequency: Any, recency: Any, T: Any) -> "Floats":
        """Return each customer's log-likelihood under the fitted parameters."""
        import numpy as np

        x, t_x, age = (np.asarray(v, dtype=np.float64) for v in (frequency, recency, T))
        return _log_likelihood(self._arrays(), x, t_x, age)

    def probability_alive(self, frequency: Any, recency: Any, T: Any) -> "Floats":
        """Return the probability that each customer is still active at the end of calibration."""
        import numpy as np

        x, t_x, age = (np.asarray(v, dtype=np.float64) for v in (frequency, recency, T))
        r, alpha, s, beta = self._arrays()
        with np.errstate(divide="ignore", over="ignore"):
            log_odds = (
                np.log(s)
                - np.log(r + s + x)
                + (r + x) * np.log(alpha + age)
                + s * np.log(beta + age)
                + _log_a0(self._arrays(), x, t_x, age)
            )
            result: Floats = np.exp(-np.logaddexp(0.0, log_odds))
        return result

    def conditional_expected_purchases(
        self, t: Any, frequency: Any, recency: Any, T: Any
    ) -> "Floats":
        """Return each customer's expected purchases in the next ``t`` time units, given the past.

        ``t`` may be an array that broadcasts against the customers' columns.
        """
        import numpy as np

        x, _, age = (np.asarray(v, dtype=np.float64) for v in (frequency, recency, T))
        r, alpha, s, beta = self.r, self.alpha, self.s, self.beta
        shrink = np.log(beta + age) - np.log(beta + age + t)
        # (1 - ((beta+T)/(beta+T+t))^(s-1)) / (s-1), which tends to -shrink as s -> 1.
        horizon = -shrink if abs(s - 1) < 1e-9 else -np.expm1((s - 1) * shrink) / (s - 1)
        rate = (r + x) * (beta + age) / (alpha + age)
        result: Floats = rate * horizon * self.probability_alive(frequency, recency, T)
        return result

    def expected_purchases(self, t: Any) -> "Floats":
        """Return the expected repeat purchases in ``t`` time units of a customer just acquired."""
        import numpy as np

        # A customer just acquired has x = t_x = T = 0: the conditional formula at the origin.
        times = np.atleast_1d(np.asarray(t, dtype=np.float64))
        return self.conditional_expected_purchases(times, 0.0, 0.0, 0.0)
