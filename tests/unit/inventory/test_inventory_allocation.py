"""Allocation strategies with worked numbers: who ships what, and who refuses."""

import pytest

from ecomcore.core import Coordinates, distance_km
from ecomcore.inventory import (
    InsufficientStockError,
    Location,
    LocationKind,
    Pick,
    StockAtLocation,
    by_location_priority,
    collection_point_first,
    fewest_shipments,
    highest_available_first,
    nearest_to,
)

# Three places: Berlin warehouse (priority 1), Hamburg store (2), a Munich collection point (3).
BERLIN = Location("berlin", LocationKind.WAREHOUSE, 1, Coordinates(52.52, 13.405))
HAMBURG = Location("hamburg", LocationKind.STORE, 2, Coordinates(53.5511, 9.9937))
MUNICH = Location("munich", LocationKind.COLLECTION_POINT, 3, Coordinates(48.1351, 11.582))


def stock(
    berlin: dict[str, int], hamburg: dict[str, int], munich: dict[str, int]
) -> list[StockAtLocation]:
    return [
        StockAtLocation(BERLIN, berlin),
        StockAtLocation(HAMBURG, hamburg),
        StockAtLocation(MUNICH, munich),
    ]


def test_priority_fills_from_the_first_location_then_the_next() -> None:
    """Berlin (priority 1) gives its 4 mugs, Hamburg the other 2."""
    plan = by_location_priority({"mug": 6}, stock({"mug": 4}, {"mug": 5}, {"mug": 9}))
    assert plan.picks == (Pick("mug", "berlin", 4), Pick("mug", "hamburg", 2))


def test_priority_without_split_takes_the_first_location_that_has_everything() -> None:
    """Berlin lacks 2 mugs, so the whole order comes from Hamburg."""
    plan = by_location_priority({"mug": 6}, stock({"mug": 4}, {"mug": 6}, {}), split=False)
    assert plan.picks == (Pick("mug", "hamburg", 6),)


def test_highest_available_first_drains_the_fullest_location() -> None:
    """Munich holds 9 of 4+5+9 mugs, so it fills 6 alone despite its priority 3."""
    plan = highest_available_first({"mug": 6}, stock({"mug": 4}, {"mug": 5}, {"mug": 9}))
    assert plan.picks == (Pick("mug", "munich", 6),)


def test_highest_available_first_goes_item_by_item() -> None:
    """Mugs come from Munich (9), plates from Hamburg (7)."""
    plan = highest_available_first(
        {"mug": 2, "plate": 3},
        stock({"mug": 4, "plate": 1}, {"mug": 5, "plate": 7}, {"mug": 9, "plate": 0}),
    )
    assert plan.picks == (Pick("plate", "hamburg", 3), Pick("mug", "munich", 2))


def test_nearest_to_a_customer_in_hanover() -> None:
    """Hanover is 132 km from Hamburg, 250 km from Berlin, 489 km from Munich: Hamburg first."""
    hanover = Coordinates(52.3759, 9.732)
    assert round(distance_km(hanover, HAMBURG.coordinates)) == 132  # type: ignore[arg-type]
    plan = nearest_to(hanover)({"mug": 6}, stock({"mug": 9}, {"mug": 5}, {"mug": 9}))
    assert plan.picks == (Pick("mug", "berlin", 1), Pick("mug", "hamburg", 5))


def test_nearest_without_split_skips_a_near_location_that_is_short() -> None:
    """Hamburg has 5 of 6 mugs; with no split the next nearest, Berlin, ships all 6."""
    plan = nearest_to(Coordinates(52.3759, 9.732))(
        {"mug": 6}, stock({"mug": 9}, {"mug": 5}, {"mug": 9}), split=False
    )
    assert plan.picks == (Pick("mug", "berlin", 6),)


def test_fewest_shipments_prefers_one_complete_location_over_priority() -> None:
    """Berlin has the mugs but no plates; Hamburg has both, so one parcel from Hamburg."""
    plan = fewest_shipments(
        {"mug": 2, "plate": 2}, stock({"mug": 5}, {"mug": 2, "plate": 2}, {"plate": 9})
    )
    assert plan.locations == ("hamburg",)


def test_fewest_shipments_splits_greedily_when_no_location_has_everything() -> None:
    """Need 4 mugs and 4 plates: Munich covers 3+4=7, then Berlin the last mug: two parcels."""
    plan = fewest_shipments(
        {"mug": 4, "plate": 4},
        stock({"mug": 5}, {"mug": 1, "plate": 1}, {"mug": 3, "plate": 4}),
    )
    assert plan.picks == (
        Pick("mug", "berlin", 1),
        Pick("mug", "munich", 3),
        Pick("plate", "munich", 4),
    )


def test_collection_point_first_then_store_then_warehouse() -> None:
    """Munich (collection point) gives 1, Hamburg (store) 5, Berlin (warehouse) the last 1."""
    plan = collection_point_first({"mug": 7}, stock({"mug": 9}, {"mug": 5}, {"mug": 1}))
    assert plan.picks == (
        Pick("mug", "berlin", 1),
        Pick("mug", "hamburg", 5),
        Pick("mug", "munich", 1),
    )


def test_a_shortage_names_every_short_item_and_by_how_much() -> None:
    """7 mugs wanted, 6 anywhere; 3 plates wanted, 1 anywhere: both named, with the gap."""
    with pytest.raises(InsufficientStockError) as caught:
        by_location_priority(
            {"mug": 7, "plate": 3, "bowl": 1},
            stock({"mug": 4, "bowl": 1}, {"mug": 2, "plate": 1}, {}),
        )
    assert [(s.sku, s.short) for s in caught.value.shortages] == [("mug", 1), ("plate", 2)]
    assert "mug short by 1 (requested 7, sellable 6)" in str(caught.value)


def test_without_split_the_shortage_is_measured_at_the_closest_location() -> None:
    """No single place has 6 mugs; Hamburg (5) is closest, 1 short there."""
    with pytest.raises(InsufficientStockError) as caught:
        fewest_shipments({"mug": 6}, stock({"mug": 4}, {"mug": 5}, {}), split=False)
    assert [(s.location, s.short) for s in caught.value.shortages] == [("hamburg", 1)]
    assert caught.value.facts["split_allowed"] is False


def test_negative_sellable_counts_as_nothing_to_take() -> None:
    """A location in backorder (-2) gives nothing; the demand goes elsewhere."""
    plan = by_location_priority({"mug": 2}, stock({"mug": -2}, {"mug": 3}, {}))
    assert plan.picks == (Pick("mug", "hamburg", 2),)
