"""Allocation strategies: pure functions deciding which location fills how much of each item.

Every strategy has the same shape, `Strategy`: it takes the demand per item SKU and what each
location can sell (`StockAtLocation`, already net of other checkouts' reservations and of the
stock policy), and returns an `AllocationPlan`, or raises `InsufficientStockError` naming every
short item. With ``split=False`` the whole demand must come from one location.

Strategies differ only in the order they try locations; ties always fall back to
(`Location.priority`, `Location.id`), so the same input gives the same plan.
"""

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

import attrs

from ecomcore.core import Coordinates, distance_km
from ecomcore.inventory._errors import InsufficientStockError, Shortage
from ecomcore.inventory._locations import Location, LocationKind
from ecomcore.inventory._model import StockKey
from ecomcore.inventory._records import ReservationLine

__all__ = [
    "AllocationPlan",
    "Pick",
    "StockAtLocation",
    "Strategy",
    "by_location_priority",
    "collection_point_first",
    "fewest_shipments",
    "highest_available_first",
    "nearest_to",
]


@attrs.frozen
class StockAtLocation:
    """What a strategy sees of one location: units sellable per item SKU (absent: none).

    Examples:
        >>> wh = StockAtLocation(Location("wh"), {"mug": 4, "plate": -1})
        >>> wh.units("mug"), wh.units("plate"), wh.units("bowl")
        (4, 0, 0)
        >>> by_location_priority({"mug": 3}, [wh]).units()
        {StockKey(sku='mug', location='wh'): 3}
    """

    location: Location
    sellable: Mapping[str, int]

    def units(self, sku: str) -> int:
        """Units of ``sku`` that can be taken here (never negative)."""
        return max(self.sellable.get(sku, 0), 0)


@attrs.frozen
class Pick:
    """Take ``quantity`` units of ``sku`` from ``location``.

    Examples:
        >>> stock = [StockAtLocation(Location("wh", priority=1), {"mug": 4}),
        ...          StockAtLocation(Location("shop", priority=2), {"mug": 10})]
        >>> plan = by_location_priority({"mug": 6}, stock)
        >>> [(pick.location, pick.quantity) for pick in plan.picks]
        [('shop', 2), ('wh', 4)]
    """

    sku: str
    location: str
    quantity: int


@attrs.frozen
class AllocationPlan:
    """The picks that fill a demand, sorted by (location, sku).

    Examples:
        >>> stock = [StockAtLocation(Location("wh", priority=1), {"mug": 1, "plate": 3}),
        ...          StockAtLocation(Location("shop", priority=2), {"mug": 5})]
        >>> plan = by_location_priority({"mug": 2, "plate": 2}, stock)
        >>> plan.locations
        ('shop', 'wh')
        >>> plan.lines()
        [ReservationLine(sku='mug', quantity=1, location='shop'),
         ReservationLine(sku='mug', quantity=1, location='wh'),
         ReservationLine(sku='plate', quantity=2, location='wh')]
    """

    picks: tuple[Pick, ...]

    @property
    def locations(self) -> tuple[str, ...]:
        """The locations that ship something, sorted: one shipment each."""
        return tuple(sorted({pick.location for pick in self.picks}))

    def units(self) -> dict[StockKey, int]:
        """Units per (item, location), the shape a reservation holds."""
        return {StockKey(pick.sku, pick.location): pick.quantity for pick in self.picks}

    def lines(self) -> list[ReservationLine]:
        """Return the plan as reservation lines."""
        return [ReservationLine(p.sku, p.quantity, p.location) for p in self.picks]


class Strategy(Protocol):
    """The shape every allocation strategy has.

    Examples:
        >>> strategies: dict[str, Strategy] = {"priority": by_location_priority,
        ...                                    "fewest": fewest_shipments}
        >>> stock = [StockAtLocation(Location("wh", priority=1), {"mug": 1, "plate": 1}),
        ...          StockAtLocation(Location("shop", priority=2), {"mug": 2, "plate": 2})]
        >>> {name: strategy({"mug": 2, "plate": 1}, stock).locations
        ...  for name, strategy in strategies.items()}
        {'priority': ('shop', 'wh'), 'fewest': ('shop',)}
    """

    def __call__(
        self, demand: Mapping[str, int], stock: Sequence[StockAtLocation], *, split: bool = True
    ) -> AllocationPlan:
        """Return the plan filling ``demand`` from ``stock``, or raise InsufficientStockError."""
        ...


Order = Callable[[Sequence[StockAtLocation], str | None], list[StockAtLocation]]
"""Orders locations to try for one SKU, or for the whole demand when the SKU is None."""


def _tie(entry: StockAtLocation) -> tuple[int, str]:
    return (entry.location.priority, entry.location.id)


def _plan(taken: Mapping[tuple[str, str], int]) -> AllocationPlan:
    return AllocationPlan(
        tuple(
            Pick(sku, location, quantity)
            for (location, sku), quantity in sorted(taken.items())
            if quantity
        )
    )


def _single_location(demand: Mapping[str, int], ordered: list[StockAtLocation]) -> AllocationPlan:
    best: list[Shortage] | None = None
    for entry in ordered:
        shortages = [
            Shortage(sku, entry.location.id, units, entry.units(sku))
            for sku, units in sorted(demand.items())
            if entry.units(sku) < units
        ]
        if not shortages:
            return _plan({(entry.location.id, sku): units for sku, units in demand.items()})
        if best is None or sum(s.short for s in shortages) < sum(s.short for s in best):
            best = shortages
    raise InsufficientStockError(
        best or [Shortage(sku, None, units, 0) for sku, units in sorted(demand.items())],
        split_allowed=False,
    )


def _fill(
    demand: Mapping[str, int],
    stock: Sequence[StockAtLocation],
    order: Order,
    *,
    split: bool,
) -> AllocationPlan:
    demand = {sku: units for sku, units in demand.items() if units > 0}
    if not split:
        return _single_location(demand, order(stock, None))
    taken: dict[tuple[str, str], int] = {}
    shortages = []
    for sku, units in sorted(demand.items()):
        missing = units
        for entry in order(stock, sku):
            take = min(missing, entry.units(sku))
            if take:
                taken[(entry.location.id, sku)] = take
                missing -= take
        if missing:
            shortages.append(Shortage(sku, None, units, units - missing))
    if shortages:
        raise InsufficientStockError(shortages)
    return _plan(taken)


def by_location_priority(
    demand: Mapping[str, int], stock: Sequence[StockAtLocation], *, split: bool = True
) -> AllocationPlan:
    """Fill from locations in priority order (lowest `Location.priority` first, ties by id).

    Examples:
        >>> a = StockAtLocation(Location("a", priority=2), {"mug": 5})
        >>> b = StockAtLocation(Location("b", priority=1), {"mug": 3})
        >>> by_location_priority({"mug": 4}, [a, b]).picks
        (Pick(sku='mug', location='a', quantity=1), Pick(sku='mug', location='b', quantity=3))
    """
    return _fill(demand, stock, lambda entries, _: sorted(entries, key=_tie), split=split)


def highest_available_first(
    demand: Mapping[str, int], stock: Sequence[StockAtLocation], *, split: bool = True
) -> AllocationPlan:
    """Fill each item from the location with the most of it first (evens out stock).

    Without a split, the location holding the most of the demanded units (each item counted
    up to its demand) is tried first.

    Examples:
        >>> a = StockAtLocation(Location("a", priority=1), {"mug": 3})
        >>> b = StockAtLocation(Location("b", priority=2), {"mug": 8})
        >>> highest_available_first({"mug": 4}, [a, b]).picks
        (Pick(sku='mug', location='b', quantity=4),)
    """

    def order(entries: Sequence[StockAtLocation], sku: str | None) -> list[StockAtLocation]:
        def most(entry: StockAtLocation) -> int:
            if sku is not None:
                return entry.units(sku)
            return sum(min(entry.units(item), units) for item, units in demand.items())

        return sorted(entries, key=lambda entry: (-most(entry), *_tie(entry)))

    return _fill(demand, stock, order, split=split)


def nearest_to(destination: Coordinates) -> Strategy:
    """Make a strategy that fills from the location nearest to ``destination`` first (haversine).

    Locations without coordinates come last; equal distances fall back to priority, then id.

    Examples:
        >>> berlin = StockAtLocation(Location("berlin", coordinates=Coordinates(52.52, 13.405)),
        ...                          {"mug": 9})
        >>> paris = StockAtLocation(Location("paris", coordinates=Coordinates(48.857, 2.352)),
        ...                         {"mug": 9})
        >>> lyon = Coordinates(45.764, 4.836)
        >>> nearest_to(lyon)({"mug": 2}, [berlin, paris]).locations
        ('paris',)
    """

    def distance(entry: StockAtLocation) -> tuple[bool, float, int, str]:
        where = entry.location.coordinates
        km = distance_km(where, destination) if where is not None else 0.0
        return (where is None, km, *_tie(entry))

    def nearest(
        demand: Mapping[str, int], stock: Sequence[StockAtLocation], *, split: bool = True
    ) -> AllocationPlan:
        return _fill(demand, stock, lambda entries, _: sorted(entries, key=distance), split=split)

    return nearest


def collection_point_first(
    demand: Mapping[str, int], stock: Sequence[StockAtLocation], *, split: bool = True
) -> AllocationPlan:
    """Fill from collection points first, then stores, then warehouses; priority within each.

    Examples:
        >>> wh = StockAtLocation(Location("wh", LocationKind.WAREHOUSE), {"mug": 9})
        >>> cp = StockAtLocation(Location("cp", LocationKind.COLLECTION_POINT, priority=5),
        ...                      {"mug": 1})
        >>> collection_point_first({"mug": 3}, [wh, cp]).picks
        (Pick(sku='mug', location='cp', quantity=1), Pick(sku='mug', location='wh', quantity=2))
    """
    rank = {LocationKind.COLLECTION_POINT: 0, LocationKind.STORE: 1, LocationKind.WAREHOUSE: 2}

    def order(entries: Sequence[StockAtLocation], _: str | None) -> list[StockAtLocation]:
        return sorted(entries, key=lambda entry: (rank[entry.location.kind], *_tie(entry)))

    return _fill(demand, stock, order, split=split)


def fewest_shipments(
    demand: Mapping[str, int], stock: Sequence[StockAtLocation], *, split: bool = True
) -> AllocationPlan:
    """Fill from as few locations as possible: one that has everything, else the fullest first.

    If a single location can fill the whole demand, the first such location by priority does.
    Otherwise (split allowed) it repeatedly picks the location that covers the most units still
    missing, takes all it can there, and goes on: the greedy set-cover rule.

    Examples:
        >>> a = StockAtLocation(Location("a", priority=1), {"mug": 2, "plate": 0})
        >>> b = StockAtLocation(Location("b", priority=2), {"mug": 2, "plate": 2})
        >>> fewest_shipments({"mug": 2, "plate": 2}, [a, b]).locations
        ('b',)
    """
    demand = {sku: units for sku, units in demand.items() if units > 0}
    ordered = sorted(stock, key=_tie)
    complete = [e for e in ordered if all(e.units(s) >= u for s, u in demand.items())]
    if complete or not split:
        return _single_location(demand, complete or ordered)
    missing = dict(demand)
    taken: dict[tuple[str, str], int] = {}
    remaining = list(ordered)
    while any(missing.values()) and remaining:
        best = max(
            remaining,
            key=lambda e: (sum(min(e.units(s), u) for s, u in missing.items()), -ordered.index(e)),
        )
        remaining.remove(best)
        for sku, units in missing.items():
            take = min(units, best.units(sku))
            if take:
                taken[(best.location.id, sku)] = take
                missing[sku] = units - take
    shortages = [
        Shortage(sku, None, demand[sku], demand[sku] - short)
        for sku, short in sorted(missing.items())
        if short
    ]
    if shortages:
        raise InsufficientStockError(shortages)
    return _plan(taken)
