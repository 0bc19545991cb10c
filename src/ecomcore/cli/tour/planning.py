"""Tour section: forecasts for intermittent demand, the book's EOQ, and reorder suggestions."""

from datetime import date, timedelta

from ecomcore.inventory import planning as p


def _observations() -> list[p.DemandRecord]:
    """Eight weeks of made-up but deterministic sales for three items at two locations."""
    start = date(2024, 1, 1)
    patterns = {
        ("mug", "berlin"): [3, 2, 4, 3, 1, 2, 3],
        ("mug", "paris"): [1, 0, 2, 1, 0, 1, 1],
        ("tent", "berlin"): [0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 5],
    }
    records = []
    for (item, location), pattern in patterns.items():
        for day in range(56):
            quantity = pattern[day % len(pattern)]
            if quantity:
                records.append(
                    p.DemandRecord(item, location, start + timedelta(days=day), quantity)
                )
    return records


def show() -> str:
    """Return the planning section of the tour."""
    history = p.demand_history(_observations())
    tent = history.series("tent", "berlin")
    profile = p.classify_demand(tent)
    forecast = p.auto_forecast(tent)
    lot = p.economic_order_quantity(fixed_cost=8, holding_cost=0.225, demand_rate=1300)
    lines = [
        f"Tents in Berlin: ADI {profile.adi:.2f}, CV^2 {profile.cv2:.2f} -> "
        f"{profile.demand_class.value}; {forecast.method} forecasts {forecast.level:.3f} a day.",
        f"Snyder & Shen Example 3.1: EOQ {lot.order_quantity:.2f} units, {lot.cost:.2f} a year.",
        "",
        "Reorder suggestions at a 95% cycle service level:",
    ]
    suppliers = {
        "mug": p.Supplier("Keramik GmbH", lead_time_days=5, pack_size=6, minimum_order=12),
        "tent": p.Supplier("Outdoor Ltd", lead_time_days=14, lead_time_std_days=3),
    }
    positions = [
        p.InventoryPosition("mug", "berlin", on_hand=18, incoming=0, allocated=4),
        p.InventoryPosition("mug", "paris", on_hand=30, incoming=12, allocated=2),
        p.InventoryPosition("tent", "berlin", on_hand=3, incoming=0, allocated=1, backorders=1),
    ]
    for suggestion in p.suggest_reorders(history, positions, suppliers=suppliers):
        lines += ["", suggestion.explanation]
    return "\n".join(lines)
