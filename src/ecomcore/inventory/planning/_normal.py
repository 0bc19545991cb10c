"""The standard normal distribution and its loss functions, as inventory theory uses them."""

from math import exp, pi, sqrt
from statistics import NormalDist

_STANDARD = NormalDist()
_ROOT_TWO_PI = sqrt(2 * pi)


def pdf(z: float) -> float:
    """Return the standard normal density at z."""
    return exp(-z * z / 2) / _ROOT_TWO_PI


def cdf(z: float) -> float:
    """Return the standard normal distribution function at z."""
    return _STANDARD.cdf(z)


def inverse_cdf(probability: float) -> float:
    """Return the z with cdf(z) == probability (Wichura's AS 241, accurate to about 1e-16)."""
    return _STANDARD.inv_cdf(probability)


def loss(z: float) -> float:
    """Return the first-order loss L(z) = E[(Z - z)+]: expected units short per unit of sigma."""
    return pdf(z) - z * (1 - cdf(z))


def second_loss(z: float) -> float:
    """Return the second-order loss L2(z) = E[((Z - z)+)^2] / 2, the integral of L above z."""
    return ((z * z + 1) * (1 - cdf(z)) - z * pdf(z)) / 2
