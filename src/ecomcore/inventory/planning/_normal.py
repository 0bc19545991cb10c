"""The standard normal distribution and its loss functions, as inventory theory uses them."""

from math import exp, pi, sqrt
from statistics import NormalDist

_STANDARD = NormalDist()
_ROOT_TWO_PI = sqrt(2 * pi)


def pdf(z: float) -> float:
    """Standard normal density."""
    return exp(-z * z / 2) / _ROOT_TWO_PI


def cdf(z: float) -> float:
    """Standard normal distribution function."""
    return _STANDARD.cdf(z)


def inverse_cdf(probability: float) -> float:
    """The z with cdf(z) == probability (Wichura's AS 241, accurate to about 1e-16)."""
    return _STANDARD.inv_cdf(probability)


def loss(z: float) -> float:
    """First-order loss L(z) = E[(Z - z)+]: expected units short per unit of sigma."""
    return pdf(z) - z * (1 - cdf(z))


def second_loss(z: float) -> float:
    """Second-order loss L2(z) = E[((Z - z)+)^2] / 2, the integral of L from z to infinity."""
    return ((z * z + 1) * (1 - cdf(z)) - z * pdf(z)) / 2
