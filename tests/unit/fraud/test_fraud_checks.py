"""Each built-in check: when it raises its signal, with what weight and reason, and when not."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import attrs
import pytest

from ecomcore.adapters.memory import InMemoryVelocityCounter
from ecomcore.core import Address, Coordinates, Money
from ecomcore.fraud import (
    CardFacts,
    CustomerFacts,
    FraudChecks,
    FraudInput,
    IpFacts,
    ItemFacts,
    KeyedHasher,
    VelocityLimit,
    Watchlist,
    run_checks,
)

AT = datetime(2026, 3, 1, 12, tzinfo=UTC)
HASHER = KeyedHasher(b"checks test key 1234")
HOME = Address("DE", postcode="10117", lines=["1 Main St"], coordinates=Coordinates(52.52, 13.40))
FORWARDER = Address("US", postcode="33122", lines=["1200 Export Way"])
CARD = CardFacts(token="tok-1", bin="411111", last4="1111", country="DE", avs="match", cvv="match")
CUSTOMER = CustomerFacts(
    customer_id="c-1", account_age_days=400, prior_orders=9, average_order_value=Money("70", "EUR")
)
CALM = FraudInput(
    order_id="o-1",
    placed_at=AT,
    amount=Money("80.00", "EUR"),
    items=[ItemFacts(sku="TSHIRT", quantity=2, unit_price=Money("40", "EUR"))],
    customer=CustomerFacts(
        customer_id="c-1",
        account_age_days=400,
        prior_orders=9,
        average_order_value=Money("70", "EUR"),
    ),
    email="ann@example.com",
    billing=HOME,
    shipping=HOME,
    ip=IpFacts(address="10.0.0.1", country="DE", coordinates=Coordinates(52.5, 13.4)),
    device_id="dev-1",
    card=CardFacts(
        token="tok-1", bin="411111", last4="1111", country="DE", avs="match", cvv="match"
    ),
)
CHECKS = FraudChecks(hasher=HASHER, freight_forwarders=[FORWARDER])


def codes(
    order: FraudInput, checks: FraudChecks = CHECKS, velocity: InMemoryVelocityCounter | None = None
) -> set[str]:
    return {s.code for s in run_checks(order, checks, velocity or InMemoryVelocityCounter())}


def card(**facts: Any) -> CardFacts:
    return attrs.evolve(CARD, **facts)


def test_a_calm_order_raises_no_signal() -> None:
    """A repeat customer at home with matching card checks gives no signal at all."""
    assert codes(CALM) == set()


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"card": card(avs="no_match")}, "avs_no_match"),
        ({"card": card(avs="partial")}, "avs_partial"),
        ({"card": card(cvv="no_match")}, "cvv_no_match"),
        ({"card": card(three_ds="failed")}, "three_ds_failed"),
        ({"card": card(funding="prepaid")}, "prepaid_card"),
        ({"card": card(country="US")}, "card_country_mismatch"),
        ({"shipping": attrs.evolve(HOME, country="FR")}, "billing_shipping_country_mismatch"),
        ({"ip": IpFacts(address="10.0.0.1", country="NG")}, "ip_country_mismatch"),
        ({"ip": IpFacts(address="10.0.0.1", country="DE", is_proxy=True)}, "ip_anonymizer"),
        ({"ip": IpFacts(address="10.0.0.1", country="DE", is_hosting=True)}, "ip_anonymizer"),
        (
            {
                "ip": IpFacts(
                    address="10.0.0.1", country="DE", coordinates=Coordinates(48.14, 11.58)
                )
            },
            "ip_far_from_shipping",
        ),
        ({"email": "kim@mailinator.com"}, "disposable_email"),
        ({"email": "kim@eu.yopmail.com"}, "disposable_email"),
        ({"customer": None}, "first_order"),
        ({"customer": attrs.evolve(CUSTOMER, prior_orders=0)}, "first_order"),
        ({"customer": attrs.evolve(CUSTOMER, prior_chargebacks=2)}, "prior_chargebacks"),
        ({"amount": Money("250.00", "EUR")}, "above_usual_value"),
        (
            {"items": [ItemFacts(sku="PHONE", quantity=3, unit_price=Money("899", "EUR"))]},
            "unusual_quantity",
        ),
        ({"shipping": attrs.evolve(FORWARDER, lines=["1200  EXPORT way."])}, "freight_forwarder"),
    ],
)
def test_each_check_raises_its_signal(change: dict[str, Any], code: str) -> None:
    """Changing one fact of a calm order raises exactly the check that looks at it."""
    found = run_checks(attrs.evolve(CALM, **change), CHECKS, InMemoryVelocityCounter())
    assert code in {s.code for s in found}
    signal = next(s for s in found if s.code == code)
    assert Decimal(0) < signal.weight <= Decimal(1)
    assert signal.reason


def test_checks_stay_quiet_when_facts_are_missing() -> None:
    """Without card, IP, addresses or email no mismatch is invented: only the first-order signal."""
    bare = FraudInput(order_id="o", placed_at=AT, amount=Money("10", "EUR"))
    assert codes(bare) == {"first_order"}


def test_below_the_thresholds_nothing_fires() -> None:
    """A distance under the cut-off, a modest rise in value and two units are all fine."""
    near = IpFacts(address="10.0.0.1", country="DE", coordinates=Coordinates(52.0, 13.0))
    order = attrs.evolve(
        CALM,
        ip=near,
        amount=Money("200.00", "EUR"),
        items=[ItemFacts(sku="PHONE", quantity=2, unit_price=Money("899", "EUR"))],
    )
    assert codes(order) == set()


def test_weights_can_be_overridden() -> None:
    """A merchant can make a signal count for more."""
    checks = attrs.evolve(CHECKS, weights={"cvv_no_match": Decimal("0.9")})
    (signal,) = run_checks(
        attrs.evolve(CALM, card=card(cvv="no_match")), checks, InMemoryVelocityCounter()
    )
    assert signal.weight == Decimal("0.9")


def test_blocklists_and_allowlists_match_by_keyed_hash() -> None:
    """Lists hold only keyed hashes, and still match emails, domains, IPs, BINs and addresses."""
    blocked = Watchlist.of(
        HASHER,
        emails=["ANN@example.com"],
        domains=["example.com"],
        ips=["10.0.0.1"],
        bins=["411111"],
        addresses=[HOME],
    )
    checks = attrs.evolve(
        CHECKS, blocklist=blocked, allowlist=Watchlist.of(HASHER, ips=["10.0.0.1"])
    )
    assert codes(CALM, checks) == {
        "blocklisted_email",
        "blocklisted_domain",
        "blocklisted_ip",
        "blocklisted_bin",
        "blocklisted_address",
        "allowlisted_ip",
    }
    assert "ann@example.com" not in repr(blocked)
    assert all(len(digest) == 32 for _, digest in blocked.digests)


def test_a_list_made_with_another_key_matches_nothing() -> None:
    """Digests made with a different key are useless: the key is what makes the list private."""
    other = Watchlist.of(KeyedHasher(b"some other key 123456"), emails=["ann@example.com"])
    stored = Watchlist.from_digests(HASHER, other.digests)
    assert stored.matches(CALM) == []


def at(order: FraudInput, n: int, minutes: int, **facts: Any) -> FraudInput:
    return attrs.evolve(
        order, order_id=f"o-{n}", placed_at=AT + timedelta(minutes=minutes), **facts
    )


def test_velocity_of_orders_per_ip_fires_at_the_limit_within_the_window() -> None:
    """The fifth order from one IP in an hour raises the hourly signal; older ones do not count."""
    velocity = InMemoryVelocityCounter()
    assert "velocity_orders_per_ip_1h" not in codes(at(CALM, 0, -61), velocity=velocity)
    for n in range(1, 5):
        assert "velocity_orders_per_ip_1h" not in codes(at(CALM, n, n), velocity=velocity)
    assert "velocity_orders_per_ip_1h" in codes(at(CALM, 5, 10), velocity=velocity)


def test_many_cards_per_device_and_ip_raise_card_testing_signals() -> None:
    """Three different cards through one device in a day look like card testing."""
    velocity = InMemoryVelocityCounter()
    found: set[str] = set()
    for n in range(3):
        found = codes(at(CALM, n, n, card=card(token=f"tok-{n}")), velocity=velocity)
    assert {
        "velocity_cards_per_ip_1h",
        "velocity_cards_per_device_1d",
        "velocity_cards_per_email_1d",
    } <= found


def test_many_emails_and_addresses_per_device_are_counted() -> None:
    """A device that cycles through emails and shipping addresses is flagged."""
    velocity = InMemoryVelocityCounter()
    found: set[str] = set()
    for n in range(3):
        found = codes(
            at(
                CALM,
                n,
                n * 60,
                email=f"u{n}@example.com",
                shipping=attrs.evolve(HOME, lines=[f"{n} Elm Rd"]),
            ),
            velocity=velocity,
        )
    assert {"velocity_emails_per_device_1d", "velocity_addresses_per_device_7d"} <= found


def test_the_same_order_assessed_again_does_not_count_itself() -> None:
    """Re-running the checks on one order does not push it over a velocity limit."""
    velocity = InMemoryVelocityCounter()
    checks = attrs.evolve(
        CHECKS,
        velocity_limits=(VelocityLimit("ip", "orders", timedelta(hours=1), 2, Decimal("0.5")),),
    )
    for _ in range(5):
        assert codes(CALM, checks, velocity) == set()
