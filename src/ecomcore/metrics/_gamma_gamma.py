"""The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV")."""

from typing import TYPE_CHECKING, Any, Self

import attrs

from ecomcore.core import ValidationError
from ecomcore.metrics._errors import SpendModelDivergesError
from ecomcore.metrics._fitting import compress, maximize_likelihood
from ecomcore.metrics._summary import CustomerSummary

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Floats = npt.NDArray[np.float64]

__all__ = ["GammaGammaModel"]


def _log_likelihood(params: "Floats", x: "Floats", m: "Floats") -> "Floats":
    import numpy as np
    from scipy.special import gammaln

    p, q, v = params
    px = p * x
    result: Floats = (
        gammaln(px + q)
        - gammaln(px)
        - gammaln(q)
        + q * np.log(v)
        + (px - 1) * np.log(m)
        + px * np.log(x)
        - (px + q) * np.log(x * m + v)
    )
    return result


def _value_and_gradient(
    params: "Floats",
    x: "Floats",
    m: "Floats",
    distinct: "tuple[Floats, npt.NDArray[np.intp]]",
    logs: "tuple[Floats, Floats]",
) -> "tuple[Floats, Floats]":
    """Each row's log-likelihood and its derivatives by p, q and v (shape (3, rows)).

    The special functions depend on x alone (``distinct``: its values and each row's index
    into them), so they are computed once per distinct x; ``logs`` are log(m) and log(x), which
    do not change during a fit.
    """
    import numpy as np
    from scipy.special import digamma, gammaln

    p, q, v = params
    xs, row = distinct
    pxs = p * xs
    psi, psi_x = digamma(pxs + q)[row], digamma(pxs)[row]
    gammas = (gammaln(pxs + q) - gammaln(pxs) - gammaln(q))[row]
    px = p * x
    log_total = np.log(x * m + v)
    (log_m, log_x), log_v = logs, np.log(v)
    value = gammas + q * log_v + (px - 1) * log_m + px * log_x - (px + q) * log_total
    d_p = x * (psi - psi_x + log_m + log_x - log_total)
    d_q = psi - digamma(q) + log_v - log_total
    d_v = q / v - (px + q) / (x * m + v)
    return value, np.vstack([d_p, d_q, d_v])


@attrs.frozen
class GammaGammaModel:
    """A fitted Gamma-Gamma spend model: each customer's mean spend varies around a gamma prior.

    Fitted on the customers with at least one repeat purchase, from their number of repeat
    purchases and their average repeat value. A fit with q <= 1 raises
    `SpendModelDivergesError` (the mean spend would be infinite); it is never returned.
    ``standard_errors`` are in the order p, q, v (the papers' gamma).

    Examples:
        >>> model = GammaGammaModel(6.25, 3.74, 15.44, 0.0, (), 0)
        >>> round(model.mean_spend, 2)
        35.22
        >>> model.conditional_expected_average_spend([1, 10], [20.0, 20.0]).round(2).tolist()
        [24.64, 20.64]
    """

    p: float
    q: float
    v: float
    log_likelihood: float
    standard_errors: tuple[float, ...]
    n_customers: int

    @property
    def params(self) -> dict[str, float]:
        """The parameters by name (``v`` is the papers' gamma)."""
        return {"p": self.p, "q": self.q, "v": self.v}

    @property
    def mean_spend(self) -> float:
        """The population's expected spend per transaction, p v / (q - 1)."""
        return self.p * self.v / (self.q - 1)

    @classmethod
    def fit(cls, summary: CustomerSummary) -> Self:
        """Fit on the repeat buyers of a summary (frequency > 0 and monetary value > 0)."""
        keep = (summary.frequency > 0) & (summary.monetary_value > 0)
        return cls.fit_arrays(summary.frequency[keep], summary.monetary_value[keep])

    @classmethod
    def fit_arrays(cls, frequency: Any, monetary_value: Any, weights: Any = None) -> Self:
        """Fit on repeat purchase counts (all > 0) and average repeat values (all > 0).

        Raises `ValidationError` for a count or value that is not positive and
        `SpendModelDivergesError` when the fit gives q <= 1.
        """
        import numpy as np

        (x, m), counts = compress(frequency, monetary_value, weights=weights)
        if len(x) == 0 or np.any(x <= 0) or np.any(m <= 0):
            raise ValidationError(
                "frequency and monetary_value", "zero or negative values", "positive values only"
            )

        def log_likelihood(params: "Floats") -> "Floats":
            return _log_likelihood(params, x, m)

        start = np.array([1.0, 2.0, float(np.dot(counts, m) / counts.sum())])

        distinct = np.unique(x, return_inverse=True)
        logs = (np.log(m), np.log(x))

        def gradient(params: "Floats") -> "tuple[Floats, Floats]":
            return _value_and_gradient(params, x, m, distinct, logs)

        params, ll, errors = maximize_likelihood(
            "Gamma-Gamma", ("p", "q", "v"), log_likelihood, counts, start, gradient=gradient
        )
        p, q, v = (float(value) for value in params)
        if q <= 1:
            raise SpendModelDivergesError(q)
        return cls(p, q, v, ll, tuple(float(e) for e in errors), round(counts.sum()))

    def conditional_expected_average_spend(self, frequency: Any, monetary_value: Any) -> "Floats":
        """Each customer's expected spend per transaction, given x repeat purchases averaging m.

        A weighted mean of the population mean and the customer's own average; customers
        without repeat purchases get the population mean.
        """
        import numpy as np

        x = np.asarray(frequency, dtype=np.float64)
        m = np.asarray(monetary_value, dtype=np.float64)
        p, q, v = self.p, self.q, self.v
        result: Floats = p * (v + x * m) / (p * x + q - 1)
        return result
