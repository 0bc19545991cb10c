"""Fraud checks countries, counts and places with core's one check each, like every context."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from ecomcore.core import Address, Coordinates, Money, ValidationError, distance_km
from ecomcore.fraud import (
    CardFacts,
    CustomerFacts,
    FraudInput,
    IpFacts,
    ItemFacts,
    RuleSet,
    RuleSubject,
    Thresholds,
    VelocityLimit,
)

AT = datetime(2026, 3, 1, 12, tzinfo=UTC)

COUNTRY_FIELDS: dict[str, Callable[[str], object]] = {
    "country": lambda code: FraudInput(
        order_id="o-1", placed_at=AT, amount=Money("1", "EUR"), billing=Address(code)
    ),
    "ip.country": lambda code: IpFacts(address="10.0.0.1", country=code),
    "card.country": lambda code: CardFacts(token="t", bin="411111", last4="1111", country=code),
}


@pytest.mark.parametrize("field", sorted(COUNTRY_FIELDS))
@pytest.mark.parametrize("code", ["EL", "UK", "XX", "Germany", ""])
def test_every_country_field_refuses_what_core_refuses(field: str, code: str) -> None:
    """EL (the Greek VAT prefix), UK (reserved) and XX (user-assigned) are no countries."""
    with pytest.raises(ValidationError) as caught:
        COUNTRY_FIELDS[field](code)
    assert caught.value.field == field
    assert caught.value.code == "validation_error"


@pytest.mark.parametrize("field", sorted(COUNTRY_FIELDS))
@pytest.mark.parametrize(("code", "stored"), [("GR", "GR"), ("GB", "GB"), (" gr ", "GR")])
def test_every_country_field_accepts_and_upper_cases_real_countries(
    field: str, code: str, stored: str
) -> None:
    """Greece is GR and the United Kingdom GB, in any case and with spaces trimmed."""
    made = COUNTRY_FIELDS[field](code)
    country = made.billing.country if isinstance(made, FraudInput) else made.country  # type: ignore[union-attr, attr-defined]
    assert country == stored


def test_a_greek_order_matches_rules_on_gr_and_the_country_checks_agree() -> None:
    """Billing, IP and card in GR: rules compare the same codes the checks stored."""
    order = FraudInput(
        order_id="o-1",
        placed_at=AT,
        amount=Money("10", "EUR"),
        billing=Address("gr"),
        ip=IpFacts(address="10.0.0.1", country="gr"),
        card=CardFacts(token="t", bin="411111", last4="1111", country="Gr"),
    )
    rules = RuleSet.parse(
        'greek: review if :billing_country: == "GR" and :ip_country: == :card_country:'
    ).compile()
    assert [rule.name for rule in rules.fired(RuleSubject(order))] == ["greek"]


@pytest.mark.parametrize(
    "build",
    [
        lambda bad: CustomerFacts(customer_id="c", prior_orders=bad),
        lambda bad: CustomerFacts(customer_id="c", account_age_days=bad),
        lambda bad: ItemFacts(sku="A", quantity=bad, unit_price=Money("1", "EUR")),
        lambda bad: VelocityLimit("ip", "orders", timedelta(hours=1), bad, "0.3"),
        lambda bad: Thresholds(challenge_at=bad),
    ],
)
@pytest.mark.parametrize("bad", [-1, 2.0, True, "3"])
def test_counts_are_whole_numbers_checked_by_core(
    build: Callable[[object], object], bad: object
) -> None:
    """Negative numbers, floats, booleans and text are refused as whole numbers."""
    with pytest.raises(ValidationError, match="must be a whole number"):
        build(bad)


def test_ip_distance_uses_cores_coordinates_and_radius() -> None:
    """The IP-to-shipping distance rules read is core's distance_km, rounded to kilometres."""
    berlin, paris = Coordinates(52.52, 13.405), Coordinates(48.8566, 2.3522)
    order = FraudInput(
        order_id="o-1",
        placed_at=AT,
        amount=Money("10", "EUR"),
        shipping=Address("FR", coordinates=paris),
        ip=IpFacts(address="10.0.0.1", coordinates=berlin),
    )
    (rule,) = (
        RuleSet.parse(f"review if :ip_shipping_distance_km: == {round(distance_km(berlin, paris))}")
        .compile()
        .rules
    )
    assert rule.predicate(RuleSubject(order)) is True
    with pytest.raises(ValidationError, match="coordinates"):
        IpFacts(address="10.0.0.1", coordinates=(52.52, 13.405))  # type: ignore[arg-type]
