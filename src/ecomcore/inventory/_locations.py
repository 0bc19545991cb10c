"""Where stock lives: locations with a kind, a priority and coordinates."""

import enum
import math

import attrs

from ecomcore.core import ValidationError

__all__ = ["Coordinates", "Location", "LocationKind"]

EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius (IUGG), the usual constant for haversine distances."""


class LocationKind(enum.Enum):
    """What a location is: it decides which allocation strategies prefer it.

    Examples:
        >>> from ecomcore.inventory import StockAtLocation, collection_point_first
        >>> shop = StockAtLocation(Location("shop", LocationKind.STORE), {"mug": 5})
        >>> locker = StockAtLocation(Location("locker", LocationKind.COLLECTION_POINT), {"mug": 5})
        >>> collection_point_first({"mug": 2}, [shop, locker]).locations
        ('locker',)
    """

    WAREHOUSE = "warehouse"
    STORE = "store"
    COLLECTION_POINT = "collection_point"


def _latitude(_: object, attribute: "attrs.Attribute[float]", value: float) -> None:
    if not -90 <= value <= 90:
        raise ValidationError(attribute.name, value, "a latitude between -90 and 90 degrees")


def _longitude(_: object, attribute: "attrs.Attribute[float]", value: float) -> None:
    if not -180 <= value <= 180:
        raise ValidationError(attribute.name, value, "a longitude between -180 and 180 degrees")


@attrs.frozen
class Coordinates:
    """A point on Earth in decimal degrees (WGS 84), used to find the nearest location.

    Examples:
        >>> berlin = Coordinates(52.52, 13.405)
        >>> paris = Coordinates(48.8566, 2.3522)
        >>> round(berlin.distance_km(paris))
        877
    """

    latitude: float = attrs.field(converter=float, validator=_latitude)
    longitude: float = attrs.field(converter=float, validator=_longitude)

    def distance_km(self, other: "Coordinates") -> float:
        """Great-circle distance to ``other`` in kilometres (haversine on a spherical Earth)."""
        lat1, lat2 = math.radians(self.latitude), math.radians(other.latitude)
        dlat = lat2 - lat1
        dlon = math.radians(other.longitude - self.longitude)
        h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
        return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _location_id(_: object, attribute: "attrs.Attribute[str]", value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(attribute.name, value, "a non-empty location id")


@attrs.frozen
class Location:
    """A warehouse, store or collection point that holds stock.

    ``priority`` orders locations for the priority strategy: lower goes first, ties by ``id``.

    Examples:
        >>> Location("wh-berlin", LocationKind.WAREHOUSE, priority=1).kind.value
        'warehouse'
    """

    id: str = attrs.field(validator=_location_id)
    kind: LocationKind = LocationKind.WAREHOUSE
    priority: int = 0
    coordinates: Coordinates | None = None
