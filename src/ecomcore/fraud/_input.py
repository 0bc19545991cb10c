"""What the fraud checks look at: a snapshot of one order, as plain facts the caller supplies."""

import enum
import ipaddress
import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import attrs

from ecomcore.core import (
    Address,
    Coordinates,
    Money,
    ValidationError,
    as_money,
    check_country,
    refuse_card_data,
    whole_number,
)

__all__ = [
    "AvsResult",
    "CardFacts",
    "Channel",
    "CustomerFacts",
    "CvvResult",
    "FraudInput",
    "Funding",
    "IpFacts",
    "ItemFacts",
    "ThreeDSResult",
    "address_key",
]


def _text(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    """Validate an optional free-text field: a string that holds no card number or CVV."""
    if value is None:
        return
    if not isinstance(value, str):
        raise ValidationError(attribute.name, value, "a string")
    refuse_card_data(f"{type(instance).__name__}.{attribute.name}", value)


def _required_text(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(attribute.name, value, "a non-empty string")
    _text(instance, attribute, value)


def _ip_country(value: object) -> str | None:
    return None if value is None else check_country(value, "ip.country")


def _card_country(value: object) -> str | None:
    return None if value is None else check_country(value, "card.country")


def _optional(kind: type, allowed: str) -> Any:
    """Make a validator accepting None or an instance of ``kind``."""

    def check(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if value is not None and not isinstance(value, kind):
            raise ValidationError(attribute.name, value, f"{allowed} or None")

    return check


def _digits(low: int, high: int) -> Any:
    def check(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if not (isinstance(value, str) and value.isascii() and value.isdigit()):
            raise ValidationError(attribute.name, value, f"{low} to {high} digits")
        if not low <= len(value) <= high:
            raise ValidationError(attribute.name, value, f"{low} to {high} digits")

    return check


class Channel(enum.StrEnum):
    """Where the order was placed.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import Channel, FraudInput, RuleSet, RuleSubject
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("80.00", "EUR"), channel="phone")
        >>> order.channel is Channel.PHONE
        True
        >>> RuleSet.parse('review if :channel: == "phone"').compile().fired(RuleSubject(order))
        [CompiledRule(name='rule 1', action=<Decision.REVIEW: 'review'>)]
    """

    WEB = "web"
    APP = "app"
    PHONE = "phone"
    MARKETPLACE = "marketplace"
    POS = "pos"


class Funding(enum.StrEnum):
    """The card's funding type, as the processor reports it.

    Examples:
        >>> from ecomcore.fraud import CardFacts, Funding
        >>> card = CardFacts(token="tok_1", bin="424242", last4="4242", funding="prepaid")
        >>> card.funding is Funding.PREPAID
        True
        >>> CardFacts(token="tok_1", bin="424242", last4="4242", funding="gift")
        Traceback (most recent call last):
        ...
        ValueError: 'gift' is not a valid Funding
    """

    CREDIT = "credit"
    DEBIT = "debit"
    PREPAID = "prepaid"
    UNKNOWN = "unknown"


class AvsResult(enum.StrEnum):
    """The address verification result: does the billing address match the issuer's records.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryVelocityCounter
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import AvsResult, CardFacts, FraudChecks, FraudInput, KeyedHasher
        >>> from ecomcore.fraud import run_checks
        >>> card = CardFacts(token="tok_1", bin="424242", last4="4242", avs=AvsResult.NO_MATCH)
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("80.00", "EUR"), card=card)
        >>> checks = FraudChecks(hasher=KeyedHasher(b"a secret key of 16+ bytes"))
        >>> [signal.code for signal in run_checks(order, checks, InMemoryVelocityCounter())]
        ['avs_no_match', 'first_order']
    """

    MATCH = "match"
    PARTIAL = "partial"
    NO_MATCH = "no_match"
    UNAVAILABLE = "unavailable"
    NOT_CHECKED = "not_checked"


class CvvResult(enum.StrEnum):
    """The card verification value result (the processor's verdict, never the value itself).

    Examples:
        >>> from ecomcore.fraud import CardFacts, CvvResult
        >>> card = CardFacts(token="tok_1", bin="424242", last4="4242", cvv="no_match")
        >>> card.cvv is CvvResult.NO_MATCH, CardFacts(token="tok_1", bin="424242", last4="4242").cvv
        (True, <CvvResult.NOT_CHECKED: 'not_checked'>)
    """

    MATCH = "match"
    NO_MATCH = "no_match"
    UNAVAILABLE = "unavailable"
    NOT_CHECKED = "not_checked"


class ThreeDSResult(enum.StrEnum):
    """The 3-D Secure outcome for the payment.

    Examples:
        >>> from ecomcore.fraud import CardFacts, ThreeDSResult
        >>> card = CardFacts(token="tok_1", bin="424242", last4="4242", three_ds="authenticated")
        >>> card.three_ds is ThreeDSResult.AUTHENTICATED
        True
        >>> CardFacts(token="tok_1", bin="424242", last4="4242").three_ds
        <ThreeDSResult.NOT_ATTEMPTED: 'not_attempted'>
    """

    AUTHENTICATED = "authenticated"
    ATTEMPTED = "attempted"
    FAILED = "failed"
    NOT_ATTEMPTED = "not_attempted"


def address_key(address: Address) -> str:
    """Reduce an address to what identifies the door: street, postcode, country, case-folded.

    The street is the first address line; lists and velocity counters hash this key.

    Examples:
        >>> address_key(Address("GB", postcode="ab1 2cd", lines=["12  High St.", "Flat 2"]))
        '12 high st|ab12cd|GB'
    """
    street = " ".join(re.sub(r"[^\w\s]", " ", (address.lines or ("",))[0].casefold()).split())
    postcode = re.sub(r"\W", "", (address.postcode or "").casefold())
    return f"{street}|{postcode}|{address.country}"


@attrs.frozen(kw_only=True)
class CustomerFacts:
    """What the shop knows of the customer placing the order (absent for a guest checkout).

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import CustomerFacts, FraudInput, RuleSet, RuleSubject
        >>> regular = CustomerFacts(customer_id="c-7", account_age_days=400, prior_orders=12)
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("900.00", "EUR"), customer=regular)
        >>> trusted = RuleSet.parse("allow if :prior_orders: >= 10 and :prior_chargebacks: == 0")
        >>> trusted.compile().fired(RuleSubject(order))
        [CompiledRule(name='rule 1', action=<Decision.ALLOW: 'allow'>)]
        >>> CustomerFacts(customer_id="c-8", prior_orders=-1)
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: prior_orders must be a whole number, 0 or more, ...
    """

    customer_id: str = attrs.field(validator=_required_text)
    account_age_days: int = attrs.field(default=0, validator=whole_number())
    prior_orders: int = attrs.field(default=0, validator=whole_number())
    prior_chargebacks: int = attrs.field(default=0, validator=whole_number())
    average_order_value: Money | None = attrs.field(
        default=None, converter=attrs.converters.optional(as_money)
    )


@attrs.frozen(kw_only=True)
class IpFacts:
    """Facts about the client IP address, looked up by the caller (ecomcore does no lookups).

    ``country`` is checked by `ecomcore.core.check_country`; ``coordinates`` are where the
    caller's IP geolocation puts the address.

    Examples:
        >>> from ecomcore.core import Coordinates
        >>> from ecomcore.fraud import IpFacts
        >>> ip = IpFacts(address="203.0.113.9", country="ng", is_hosting=True,
        ...              coordinates=Coordinates(6.52, 3.38))
        >>> ip.country, ip.is_anonymized, ip.coordinates.latitude
        ('NG', True, 6.52)
        >>> IpFacts(address="203.0.113.9", country="UK")
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: ip.country must be an ISO 3166-1 alpha-2 country ...
        >>> IpFacts(address="300.1.1.1")
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: ip.address must be an IPv4 or IPv6 address, ...
    """

    address: str = attrs.field()
    country: str | None = attrs.field(default=None, converter=_ip_country)
    is_proxy: bool = False
    is_vpn: bool = False
    is_hosting: bool = False
    coordinates: Coordinates | None = attrs.field(
        default=None, validator=_optional(Coordinates, "Coordinates")
    )

    @address.validator
    def _ip(self, attribute: "attrs.Attribute[str]", value: object) -> None:
        try:
            ipaddress.ip_address(value)  # type: ignore[arg-type]
        except ValueError:
            raise ValidationError("ip.address", value, "an IPv4 or IPv6 address") from None

    @property
    def is_anonymized(self) -> bool:
        """Whether the address is a proxy, a VPN exit or a hosting provider."""
        return self.is_proxy or self.is_vpn or self.is_hosting


@attrs.frozen(kw_only=True)
class CardFacts:
    """The card as the processor describes it: a token, BIN and last four; never the number.

    Examples:
        >>> CardFacts(token="tok_1", bin="424242", last4="4242").funding
        <Funding.UNKNOWN: 'unknown'>
    """

    token: str = attrs.field(validator=_required_text)
    bin: str = attrs.field(validator=_digits(6, 8))
    last4: str = attrs.field(validator=_digits(4, 4))
    country: str | None = attrs.field(default=None, converter=_card_country)
    funding: Funding = attrs.field(default=Funding.UNKNOWN, converter=Funding)
    avs: AvsResult = attrs.field(default=AvsResult.NOT_CHECKED, converter=AvsResult)
    cvv: CvvResult = attrs.field(default=CvvResult.NOT_CHECKED, converter=CvvResult)
    three_ds: ThreeDSResult = attrs.field(
        default=ThreeDSResult.NOT_ATTEMPTED, converter=ThreeDSResult
    )


@attrs.frozen(kw_only=True)
class ItemFacts:
    """One order line: what, how many, at what unit price.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import FraudInput, ItemFacts, RuleSet, RuleSubject
        >>> phones = ItemFacts(sku="PHONE-X", quantity=3, unit_price=Money("899.00", "EUR"))
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("2697.00", "EUR"), items=[phones])
        >>> bulk = RuleSet.parse('review if :skus: includes "PHONE-X" and :max_item_quantity: >= 3')
        >>> bulk.compile().fired(RuleSubject(order))
        [CompiledRule(name='rule 1', action=<Decision.REVIEW: 'review'>)]
    """

    sku: str = attrs.field(validator=_required_text)
    quantity: int = attrs.field(validator=whole_number())
    unit_price: Money = attrs.field(converter=as_money)
    name: str | None = attrs.field(default=None, validator=_text)
    category: str | None = attrs.field(default=None, validator=_text)


def _line_items(items: Iterable[ItemFacts]) -> tuple[ItemFacts, ...]:
    return tuple(items)


_an_address = _optional(Address, "an ecomcore.core.Address")


def _aware(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise ValidationError(attribute.name, value, "a timezone-aware datetime")


def _email(instance: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    _text(instance, attribute, value)
    if value is not None and (not isinstance(value, str) or value.count("@") != 1):
        raise ValidationError("email", value, "an address with exactly one '@'")


@attrs.frozen(kw_only=True)
class FraudInput:
    """A snapshot of one order, as the fraud checks and rules see it.

    Everything optional may be left out; checks and rules treat a missing fact as unknown, never as
    a match. Every text field is scanned: a full card number (a Luhn-valid run of 13 to 19 digits)
    or a CVV anywhere raises `CardDataError`.

    Examples:
        >>> from datetime import UTC, datetime
        >>> order = FraudInput(
        ...     order_id="o-1", placed_at=datetime(2026, 3, 1, 12, tzinfo=UTC),
        ...     amount=Money("120.00", "EUR"), email="Ann@Example.com",
        ... )
        >>> order.email_domain
        'example.com'
        >>> FraudInput(
        ...     order_id="o-2", placed_at=datetime(2026, 3, 1, 12, tzinfo=UTC),
        ...     amount=Money("120.00", "EUR"), note="my card is 4111 1111 1111 1111",
        ... )
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.CardDataError: FraudInput.note contains a full card number; ...
    """

    order_id: str = attrs.field(validator=_required_text)
    placed_at: datetime = attrs.field(validator=_aware)
    amount: Money = attrs.field(converter=as_money)
    items: tuple[ItemFacts, ...] = attrs.field(default=(), converter=_line_items)
    customer: CustomerFacts | None = None
    email: str | None = attrs.field(default=None, validator=_email)
    phone: str | None = attrs.field(default=None, validator=_text)
    billing: Address | None = attrs.field(default=None, validator=_an_address)
    shipping: Address | None = attrs.field(default=None, validator=_an_address)
    ip: IpFacts | None = None
    device_id: str | None = attrs.field(default=None, validator=_text)
    card: CardFacts | None = None
    channel: Channel = attrs.field(default=Channel.WEB, converter=Channel)
    note: str | None = attrs.field(default=None, validator=_text)

    @property
    def email_domain(self) -> str | None:
        """The email's domain, lower-cased, or None without an email."""
        if self.email is None:
            return None
        return self.email.rpartition("@")[2].strip().lower()

    @property
    def normalized_email(self) -> str | None:
        """The email trimmed and lower-cased, the form lists and counters compare."""
        return None if self.email is None else self.email.strip().lower()
