"""Where stock lives: locations with a kind, a priority, coordinates and an address."""

import enum

import attrs

from ecomcore.core import Address, Coordinates, ValidationError

__all__ = ["Location", "LocationKind"]


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


def _location_id(_: object, attribute: "attrs.Attribute[str]", value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(attribute.name, value, "a non-empty location id")


@attrs.frozen
class Location:
    """A warehouse, store or collection point that holds stock.

    ``priority`` orders locations for the priority strategy: lower goes first, ties by ``id``.
    ``coordinates`` (`ecomcore.core.Coordinates`) place it for `nearest_to`; ``address``
    (`ecomcore.core.Address`, with core's one country check) says where it is for people.

    Examples:
        >>> from ecomcore.core import Address
        >>> berlin = Location("wh-berlin", LocationKind.WAREHOUSE, priority=1,
        ...                   coordinates=Coordinates(52.52, 13.405),
        ...                   address=Address("de", city="Berlin"))
        >>> berlin.kind.value, berlin.address.country
        ('warehouse', 'DE')
    """

    id: str = attrs.field(validator=_location_id)
    kind: LocationKind = LocationKind.WAREHOUSE
    priority: int = 0
    coordinates: Coordinates | None = None
    address: Address | None = None
