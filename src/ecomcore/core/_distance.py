"""Points on the Earth and the distance between them."""

import math
from typing import Final

import attrs

from ecomcore.core._errors import ValidationError

__all__ = ["EARTH_RADIUS_KM", "Coordinates", "distance_km"]

EARTH_RADIUS_KM: Final = 6371.0088
"""The mean Earth radius (IUGG), the usual constant for haversine distances."""


def _degrees(limit: float) -> "attrs._ValidatorType[float]":
    def check(_: object, attribute: "attrs.Attribute[float]", value: float) -> None:
        if (
            not isinstance(value, int | float)
            or isinstance(value, bool)
            or not -limit <= value <= limit
        ):
            raise ValidationError(attribute.name, value, f"degrees from -{limit} to {limit}")

    return check


@attrs.frozen
class Coordinates:
    """A point given by latitude and longitude in degrees (WGS 84), as a geocoder returns it.

    Examples:
        >>> Coordinates(52.52, 13.405)
        Coordinates(latitude=52.52, longitude=13.405)
        >>> Coordinates(91, 0)
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: latitude must be degrees from -90 to 90, got 91
    """

    latitude: float = attrs.field(validator=_degrees(90))
    longitude: float = attrs.field(validator=_degrees(180))


def distance_km(a: Coordinates, b: Coordinates) -> float:
    """Return the great-circle distance between two points in kilometres.

    Haversine on a sphere of `EARTH_RADIUS_KM`; within about 0.5% of the ellipsoidal distance,
    which is enough to rank warehouses or flag an order shipped far from its card's country.

    Examples:
        >>> berlin, paris = Coordinates(52.5200, 13.4050), Coordinates(48.8566, 2.3522)
        >>> round(distance_km(berlin, paris))
        877
    """
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat = lat2 - lat1
    dlon = math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
