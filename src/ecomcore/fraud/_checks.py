"""The built-in checks every risk team runs, each producing weighted, readable signals."""

import enum
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import timedelta
from decimal import Decimal
from functools import cache
from typing import Final

import attrs

from ecomcore.core import Address, ValidationError, whole_number
from ecomcore.fraud._attributes import ip_shipping_distance
from ecomcore.fraud._input import (
    AvsResult,
    CvvResult,
    FraudInput,
    Funding,
    ThreeDSResult,
    address_key,
)
from ecomcore.fraud._lists import KeyedHasher, Watchlist
from ecomcore.fraud._model import Signal
from ecomcore.fraud._ports import VelocityCounter

__all__ = [
    "DEFAULT_VELOCITY_LIMITS",
    "DEFAULT_WEIGHTS",
    "FraudChecks",
    "VelocityLimit",
    "is_disposable_email_domain",
    "run_checks",
]

DEFAULT_WEIGHTS: Final[Mapping[str, Decimal]] = {
    code: Decimal(weight)
    for code, weight in {
        "avs_no_match": "0.30",
        "avs_partial": "0.10",
        "cvv_no_match": "0.45",
        "three_ds_failed": "0.50",
        "prepaid_card": "0.10",
        "billing_shipping_country_mismatch": "0.15",
        "card_country_mismatch": "0.20",
        "ip_country_mismatch": "0.15",
        "ip_anonymizer": "0.25",
        "ip_far_from_shipping": "0.15",
        "disposable_email": "0.30",
        "first_order": "0.05",
        "above_usual_value": "0.20",
        "prior_chargebacks": "0.40",
        "unusual_quantity": "0.25",
        "freight_forwarder": "0.35",
        "blocklisted": "1",
        "allowlisted": "0",
    }.items()
}
"""Weight of each built-in signal (velocity signals carry their limit's weight). Override any in
`FraudChecks.weights`."""


class VelocitySubject(enum.StrEnum):
    """What velocity is counted per.

    Examples:
        >>> from datetime import timedelta
        >>> from ecomcore.fraud import Counted, VelocityLimit, VelocitySubject
        >>> day = timedelta(days=1)
        >>> limit = VelocityLimit(VelocitySubject.DEVICE, Counted.EMAILS, day, 3, "0.3")
        >>> limit.code
        'velocity_emails_per_device_1d'
    """

    IP = "ip"
    DEVICE = "device"
    EMAIL = "email"
    CARD = "card"


class Counted(enum.StrEnum):
    """What velocity counts: orders, or distinct cards, emails or shipping addresses.

    Examples:
        >>> from ecomcore.fraud import DEFAULT_VELOCITY_LIMITS, Counted
        >>> [limit.code for limit in DEFAULT_VELOCITY_LIMITS if limit.counted is Counted.ADDRESSES]
        ['velocity_addresses_per_email_7d', 'velocity_addresses_per_device_7d']
    """

    ORDERS = "orders"
    CARDS = "cards"
    EMAILS = "emails"
    ADDRESSES = "addresses"


def _window_label(window: timedelta) -> str:
    hours = int(window.total_seconds() // 3600)
    return f"{hours // 24}d" if hours % 24 == 0 else f"{hours}h"


@attrs.frozen
class VelocityLimit:
    """A velocity limit: ``counted`` per ``subject`` within ``window`` reaching ``limit`` signals.

    The count includes the order being assessed.

    Examples:
        >>> VelocityLimit("ip", "cards", timedelta(hours=1), 3, Decimal("0.4")).code
        'velocity_cards_per_ip_1h'
    """

    subject: VelocitySubject = attrs.field(converter=VelocitySubject)
    counted: Counted = attrs.field(converter=Counted)
    window: timedelta
    limit: int = attrs.field(validator=whole_number(minimum=1))
    weight: Decimal = attrs.field(converter=Decimal)

    def __attrs_post_init__(self) -> None:
        if self.window <= timedelta(0) or self.window % timedelta(hours=1):
            raise ValidationError("window", self.window, "a positive whole number of hours")

    @property
    def code(self) -> str:
        """The signal code, such as ``velocity_orders_per_ip_1h``."""
        return f"velocity_{self.counted}_per_{self.subject}_{_window_label(self.window)}"


_H, _D, _W = timedelta(hours=1), timedelta(days=1), timedelta(days=7)


def _limits(*rows: tuple[str, str, timedelta, int, str]) -> tuple[VelocityLimit, ...]:
    return tuple(VelocityLimit(s, c, w, n, Decimal(x)) for s, c, w, n, x in rows)


DEFAULT_VELOCITY_LIMITS: Final = _limits(
    ("ip", "orders", _H, 5, "0.30"),
    ("ip", "orders", _D, 15, "0.20"),
    ("ip", "orders", _W, 40, "0.10"),
    ("device", "orders", _H, 5, "0.30"),
    ("device", "orders", _D, 15, "0.20"),
    ("email", "orders", _H, 4, "0.25"),
    ("email", "orders", _D, 10, "0.15"),
    ("card", "orders", _H, 4, "0.25"),
    ("card", "orders", _D, 10, "0.15"),
    ("ip", "cards", _H, 3, "0.40"),
    ("ip", "cards", _D, 5, "0.30"),
    ("device", "cards", _D, 3, "0.40"),
    ("device", "cards", _W, 5, "0.30"),
    ("email", "cards", _D, 3, "0.35"),
    ("device", "emails", _D, 3, "0.30"),
    ("ip", "emails", _D, 4, "0.20"),
    ("card", "emails", _W, 3, "0.30"),
    ("email", "addresses", _W, 3, "0.20"),
    ("device", "addresses", _W, 3, "0.20"),
)
"""Velocity limits used unless `FraudChecks.velocity_limits` says otherwise."""


@cache
def _disposable_domains() -> frozenset[str]:
    from disposable_email_domains import blocklist  # noqa: PLC0415 (10k names: load on first use)

    return frozenset(blocklist)


def is_disposable_email_domain(domain: str) -> bool:
    """Whether ``domain`` (or a domain it belongs to) is a known disposable-email provider.

    The list is the maintained ``disposable-email-domains`` package.

    Examples:
        >>> is_disposable_email_domain("mailinator.com"), is_disposable_email_domain("gmail.com")
        (True, False)
        >>> is_disposable_email_domain("x.mailinator.com")
        True
    """
    labels = domain.strip().lower().rstrip(".").split(".")
    domains = _disposable_domains()
    return any(".".join(labels[i:]) in domains for i in range(len(labels) - 1))


def _forwarders(addresses: Iterable[Address | str]) -> frozenset[str]:
    """Addresses as keys (first line, postcode, country); strings are taken as keys already."""
    return frozenset(address_key(a) if isinstance(a, Address) else a for a in addresses)


@attrs.frozen(kw_only=True)
class FraudChecks:
    """Settings of the built-in checks: your hash key, lists, limits, weights and cut-offs.

    ``hasher`` keys every list entry and every velocity subject, so neither holds plain personal
    data. Amount cut-offs are in the order's currency.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from decimal import Decimal
        >>> from ecomcore.adapters.memory import InMemoryVelocityCounter
        >>> from ecomcore.core import Address, Money
        >>> from ecomcore.fraud import FraudChecks, FraudInput, KeyedHasher, run_checks
        >>> forwarder = Address("GB", postcode="CT16 1JA", lines=["9 Harbour Road"])
        >>> checks = FraudChecks(hasher=KeyedHasher(b"a secret key of 16+ bytes"),
        ...                      freight_forwarders=[forwarder],
        ...                      weights={"first_order": Decimal(0)})
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("80.00", "EUR"), shipping=forwarder)
        >>> [(s.code, s.weight) for s in run_checks(order, checks, InMemoryVelocityCounter())]
        [('freight_forwarder', Decimal('0.35')), ('first_order', Decimal('0'))]
    """

    hasher: KeyedHasher
    allowlist: Watchlist | None = None
    blocklist: Watchlist | None = None
    freight_forwarders: frozenset[str] = attrs.field(default=(), converter=_forwarders)
    velocity_limits: tuple[VelocityLimit, ...] = DEFAULT_VELOCITY_LIMITS
    weights: Mapping[str, Decimal] = attrs.field(factory=dict)
    far_from_shipping_km: int = attrs.field(default=500, validator=whole_number())
    above_usual_factor: Decimal = Decimal(3)
    high_value_unit_price: Decimal = Decimal(200)
    unusual_quantity: int = attrs.field(default=3, validator=whole_number(minimum=1))

    def signal(self, code: str, reason: str, *, family: str | None = None) -> Signal:
        """Make a signal with its weight from `weights`, else `DEFAULT_WEIGHTS`."""
        key = family or code
        weight = self.weights.get(code, self.weights.get(key, DEFAULT_WEIGHTS[key]))
        return Signal(code, weight, reason)


def _card_signals(order: FraudInput, checks: FraudChecks) -> list[Signal]:
    card = order.card
    if card is None:
        return []
    found = []
    if card.avs is AvsResult.NO_MATCH:
        found.append(checks.signal("avs_no_match", "the billing address did not match the card"))
    elif card.avs is AvsResult.PARTIAL:
        found.append(
            checks.signal("avs_partial", "the billing address only partly matched the card")
        )
    if card.cvv is CvvResult.NO_MATCH:
        found.append(checks.signal("cvv_no_match", "the card's security code did not match"))
    if card.three_ds is ThreeDSResult.FAILED:
        found.append(checks.signal("three_ds_failed", "the bank's 3-D Secure check failed"))
    if card.funding is Funding.PREPAID:
        found.append(checks.signal("prepaid_card", "the card is a prepaid card"))
    billing = order.billing
    if card.country and billing and card.country != billing.country:
        found.append(
            checks.signal(
                "card_country_mismatch",
                f"the card was issued in {card.country} but the billing address is in "
                f"{billing.country}",
            )
        )
    return found


def _place_signals(order: FraudInput, checks: FraudChecks) -> list[Signal]:
    found = []
    billing, shipping, ip = order.billing, order.shipping, order.ip
    if billing and shipping and billing.country != shipping.country:
        found.append(
            checks.signal(
                "billing_shipping_country_mismatch",
                f"the order ships to {shipping.country} but is billed to {billing.country}",
            )
        )
    if ip and ip.country and billing and ip.country != billing.country:
        found.append(
            checks.signal(
                "ip_country_mismatch",
                f"the order was placed from {ip.country}, the billing address is in "
                f"{billing.country}",
            )
        )
    if ip and ip.is_anonymized:
        found.append(
            checks.signal("ip_anonymizer", "the order came through a proxy, VPN or hosting service")
        )
    km = ip_shipping_distance(order)
    if km is not None and km > checks.far_from_shipping_km:
        found.append(
            checks.signal(
                "ip_far_from_shipping",
                f"the order was placed about {round(km)} km from the shipping address",
            )
        )
    if shipping and address_key(shipping) in checks.freight_forwarders:
        found.append(
            checks.signal("freight_forwarder", "the shipping address is a freight forwarder")
        )
    return found


def _customer_signals(order: FraudInput, checks: FraudChecks) -> list[Signal]:
    found = []
    domain = order.email_domain
    if domain and is_disposable_email_domain(domain):
        found.append(
            checks.signal("disposable_email", f"the email uses a disposable address ({domain})")
        )
    customer = order.customer
    if customer is None or customer.prior_orders == 0:
        found.append(checks.signal("first_order", "this is the customer's first order"))
    if customer is not None:
        if customer.prior_chargebacks:
            found.append(
                checks.signal(
                    "prior_chargebacks",
                    f"the account has {customer.prior_chargebacks} earlier chargeback(s)",
                )
            )
        usual = customer.average_order_value
        if (
            usual is not None
            and usual.currency == order.amount.currency
            and usual.amount > 0
            and order.amount.amount > usual.amount * checks.above_usual_factor
        ):
            factor = (order.amount.amount / usual.amount).quantize(Decimal("0.1"))
            found.append(
                checks.signal(
                    "above_usual_value", f"the order is {factor} times the customer's usual total"
                )
            )
    for item in order.items:
        if (
            item.quantity >= checks.unusual_quantity
            and item.unit_price.amount >= checks.high_value_unit_price
        ):
            found.append(
                checks.signal(
                    "unusual_quantity",
                    f"{item.quantity} units of one high-value item ({item.sku})",
                )
            )
            break
    return found


def _list_signals(order: FraudInput, checks: FraudChecks) -> list[Signal]:
    found: list[Signal] = []
    for watchlist, family, verb in (
        (checks.blocklist, "blocklisted", "is on the store's blocklist"),
        (checks.allowlist, "allowlisted", "is on the store's trusted list"),
    ):
        if watchlist is not None:
            found.extend(
                checks.signal(f"{family}_{kind}", f"the {kind} {verb}", family=family)
                for kind in watchlist.matches(order)
            )
    return found


def _subject_values(order: FraudInput, checks: FraudChecks) -> dict[str, str | None]:
    """Keyed hashes of the order's subjects and counted values (None when the fact is missing)."""
    digest, keyed = checks.hasher.digest, checks.hasher.keyed
    email = order.normalized_email
    shipping = order.shipping
    return {
        "ip": digest("ip", order.ip.address) if order.ip else None,
        "device": keyed("device", order.device_id) if order.device_id else None,
        "email": digest("email", email) if email else None,
        "card": keyed("card", order.card.token) if order.card else None,
        "orders": order.order_id,
        "addresses": digest("address", address_key(shipping)) if shipping else None,
    }


def _velocity_signals(
    order: FraudInput, checks: FraudChecks, velocity: VelocityCounter
) -> list[Signal]:
    facts = _subject_values(order, checks)
    facts["cards"], facts["emails"] = facts["card"], facts["email"]
    by_key: dict[tuple[str, str], list[VelocityLimit]] = defaultdict(list)
    for limit in checks.velocity_limits:
        by_key[(limit.subject, limit.counted)].append(limit)
    found = []
    at = order.placed_at
    for (subject, counted), limits in by_key.items():
        subject_value, counted_value = facts[subject], facts[counted]
        if subject_value is None or counted_value is None:
            continue
        key = f"{subject}:{counted}:{subject_value}"
        velocity.record(key, order_id=order.order_id, at=at, value=counted_value)
        for limit in limits:
            seen = velocity.count(
                key, since=at - limit.window, until=at, exclude_order=order.order_id
            )
            total = seen.orders + 1 if counted == "orders" else len(seen.values | {counted_value})
            if total >= limit.limit:
                found.append(
                    Signal(
                        limit.code,
                        checks.weights.get(limit.code, limit.weight),
                        f"{total} {counted} for this {subject} within "
                        f"{_window_label(limit.window)} (limit {limit.limit})",
                    )
                )
    return found


def run_checks(
    order: FraudInput, checks: FraudChecks, velocity: VelocityCounter
) -> tuple[Signal, ...]:
    """Run every built-in check on ``order``, recording it in ``velocity``, in a fixed order.

    Order: lists, card, places, customer and basket, velocity. Recording is idempotent, so running
    the checks twice on the same order gives the same signals.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryVelocityCounter
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import FraudChecks, FraudInput, IpFacts, KeyedHasher
        >>> checks = FraudChecks(hasher=KeyedHasher(b"a secret key of 16+ bytes"))
        >>> counter, ip = InMemoryVelocityCounter(), IpFacts(address="203.0.113.9")
        >>> for minute in range(5):  # five orders from one IP within the hour
        ...     order = FraudInput(order_id=f"o-{minute}", amount=Money("5.00", "EUR"), ip=ip,
        ...                        placed_at=datetime(2026, 3, 1, 12, minute, tzinfo=UTC))
        ...     signals = run_checks(order, checks, counter)
        >>> [signal.code for signal in signals]
        ['first_order', 'velocity_orders_per_ip_1h']
    """
    return (
        *_list_signals(order, checks),
        *_card_signals(order, checks),
        *_place_signals(order, checks),
        *_customer_signals(order, checks),
        *_velocity_signals(order, checks, velocity),
    )
