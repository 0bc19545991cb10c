"""The documented attributes fraud rules may read: the only window rules have onto an order."""

from collections.abc import Callable
from decimal import Decimal
from typing import Final

from ecomcore.core import Address, distance_km
from ecomcore.fraud._input import FraudInput
from ecomcore.rules import Attribute, Value, ValueType, Vocabulary

__all__ = ["ATTRIBUTES", "RuleSubject", "ip_shipping_distance"]


class RuleSubject:
    """What a compiled rule looks at: the order, plus the score and signal codes of the checks.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import FraudInput, RuleSet, RuleSubject
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("80.00", "EUR"))
        >>> rules = RuleSet.parse('review if :score: >= 60 and :signals: includes "ip_anonymizer"')
        >>> subject = RuleSubject(order, score=72, signals=frozenset({"ip_anonymizer"}))
        >>> rules.compile().fired(subject)
        [CompiledRule(name='rule 1', action=<Decision.REVIEW: 'review'>)]
    """

    __slots__ = ("order", "score", "signals")

    def __init__(
        self, order: FraudInput, *, score: int = 0, signals: frozenset[str] = frozenset()
    ) -> None:
        self.order = order
        self.score = score
        self.signals = signals


def ip_shipping_distance(order: FraudInput) -> float | None:
    """Kilometres between the IP's and the shipping address's coordinates, if both are known."""
    ip, ship = order.ip, order.shipping
    if ip is None or ship is None or ip.coordinates is None or ship.coordinates is None:
        return None
    return distance_km(ip.coordinates, ship.coordinates)


def _address(
    pick: Callable[[FraudInput], Address | None], part: str
) -> Callable[[RuleSubject], Value]:
    def read(subject: RuleSubject) -> Value:
        address = pick(subject.order)
        return None if address is None else getattr(address, part)

    return read


def _customer(part: str) -> Callable[[RuleSubject], Value]:
    def read(subject: RuleSubject) -> Value:
        customer = subject.order.customer
        return None if customer is None else getattr(customer, part)

    return read


def _card(part: str) -> Callable[[RuleSubject], Value]:
    def read(subject: RuleSubject) -> Value:
        card = subject.order.card
        value = None if card is None else getattr(card, part)
        return None if value is None else str(value)

    return read


def _ip(part: str) -> Callable[[RuleSubject], Value]:
    def read(subject: RuleSubject) -> Value:
        ip = subject.order.ip
        return None if ip is None else getattr(ip, part)

    return read


def _average_order_value(subject: RuleSubject) -> Value:
    customer = subject.order.customer
    if customer is None or customer.average_order_value is None:
        return None
    return customer.average_order_value.amount


def _distance(subject: RuleSubject) -> Value:
    km = ip_shipping_distance(subject.order)
    return None if km is None else Decimal(round(km))


def _max_quantity(subject: RuleSubject) -> Value:
    return max((item.quantity for item in subject.order.items), default=0)


_N, _S, _B, _L = ValueType.NUMBER, ValueType.STRING, ValueType.BOOL, ValueType.STRINGS


def _billing(order: FraudInput) -> Address | None:
    return order.billing


def _shipping(order: FraudInput) -> Address | None:
    return order.shipping


ATTRIBUTES: Final = Vocabulary[RuleSubject](
    [
        Attribute("amount", _N, "order total, in its currency", lambda s: s.order.amount.amount),
        Attribute("currency", _S, "ISO 4217 code", lambda s: s.order.amount.currency.code),
        Attribute(
            "channel", _S, "web, app, phone, marketplace or pos", lambda s: str(s.order.channel)
        ),
        Attribute(
            "item_count",
            _N,
            "units over all lines",
            lambda s: sum(i.quantity for i in s.order.items),
        ),
        Attribute("max_item_quantity", _N, "largest quantity on one line", _max_quantity),
        Attribute("skus", _L, "SKUs ordered", lambda s: frozenset(i.sku for i in s.order.items)),
        Attribute(
            "categories",
            _L,
            "categories of the lines",
            lambda s: frozenset(i.category for i in s.order.items if i.category is not None),
        ),
        Attribute("is_guest", _B, "no customer account", lambda s: s.order.customer is None),
        Attribute("customer_id", _S, "the customer's id", _customer("customer_id")),
        Attribute("account_age_days", _N, "days since sign-up", _customer("account_age_days")),
        Attribute("prior_orders", _N, "orders before this one", _customer("prior_orders")),
        Attribute("prior_chargebacks", _N, "chargebacks so far", _customer("prior_chargebacks")),
        Attribute("average_order_value", _N, "customer's usual order total", _average_order_value),
        Attribute("email", _S, "email, lower-cased", lambda s: s.order.normalized_email),
        Attribute("email_domain", _S, "domain of the email", lambda s: s.order.email_domain),
        Attribute("phone", _S, "phone as given", lambda s: s.order.phone),
        Attribute("billing_country", _S, "alpha-2", _address(_billing, "country")),
        Attribute(
            "billing_postcode", _S, "upper-cased, spaces kept", _address(_billing, "postcode")
        ),
        Attribute("billing_city", _S, "as given", _address(_billing, "city")),
        Attribute("shipping_country", _S, "alpha-2", _address(_shipping, "country")),
        Attribute(
            "shipping_postcode", _S, "upper-cased, spaces kept", _address(_shipping, "postcode")
        ),
        Attribute("shipping_city", _S, "as given", _address(_shipping, "city")),
        Attribute("ip", _S, "client IP address", _ip("address")),
        Attribute("ip_country", _S, "alpha-2 of the IP", _ip("country")),
        Attribute("ip_is_proxy", _B, "IP is a proxy", _ip("is_proxy")),
        Attribute("ip_is_vpn", _B, "IP is a VPN exit", _ip("is_vpn")),
        Attribute("ip_is_hosting", _B, "IP belongs to a hosting provider", _ip("is_hosting")),
        Attribute("ip_shipping_distance_km", _N, "IP to shipping address, km", _distance),
        Attribute("device_id", _S, "device fingerprint id", lambda s: s.order.device_id),
        Attribute("card_bin", _S, "first 6-8 digits", _card("bin")),
        Attribute("card_country", _S, "issuing country (alpha-2)", _card("country")),
        Attribute("card_last4", _S, "last four digits", _card("last4")),
        Attribute("card_funding", _S, "credit, debit, prepaid, unknown", _card("funding")),
        Attribute(
            "avs_result", _S, "match, partial, no_match, unavailable, not_checked", _card("avs")
        ),
        Attribute("cvv_result", _S, "match, no_match, unavailable, not_checked", _card("cvv")),
        Attribute(
            "three_ds_result",
            _S,
            "authenticated, attempted, failed, not_attempted",
            _card("three_ds"),
        ),
        Attribute(
            "hour",
            _N,
            "hour of day (0-23) in the time zone of placed_at",
            lambda s: s.order.placed_at.hour,
        ),
        Attribute("score", _N, "the checks' risk score, 0-100", lambda s: s.score),
        Attribute("signals", _L, "codes of the signals the checks raised", lambda s: s.signals),
    ]
)
"""Every attribute a rule may name, by name. Nothing else on an order is reachable from a rule."""
