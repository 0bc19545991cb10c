"""What the fraud checks look at: a snapshot of one order, as plain facts the caller supplies."""

import enum
import ipaddress
import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any, Final

import attrs

from ecomcore.core import Money, ValidationError, as_money, refuse_card_data

__all__ = [
    "Address",
    "AvsResult",
    "CardFacts",
    "Channel",
    "CustomerFacts",
    "CvvResult",
    "FraudInput",
    "Funding",
    "IpFacts",
    "LineItem",
    "ThreeDSResult",
]

_COUNTRY: Final = re.compile(r"[A-Z]{2}")


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


def _country(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if value is not None and not (isinstance(value, str) and _COUNTRY.fullmatch(value)):
        raise ValidationError(attribute.name, value, "an ISO 3166 alpha-2 code such as 'DE'")


def _count(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValidationError(attribute.name, value, "a whole number, 0 or more")


def _digits(low: int, high: int) -> Any:
    def check(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if not (isinstance(value, str) and value.isascii() and value.isdigit()):
            raise ValidationError(attribute.name, value, f"{low} to {high} digits")
        if not low <= len(value) <= high:
            raise ValidationError(attribute.name, value, f"{low} to {high} digits")

    return check


def _coordinate(limit: int) -> Any:
    def check(_: object, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if value is None:
            return
        if not isinstance(value, int | float) or isinstance(value, bool) or abs(value) > limit:
            raise ValidationError(attribute.name, value, f"degrees between -{limit} and {limit}")

    return check


def _upper(value: object) -> object:
    return value.upper() if isinstance(value, str) else value


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


@attrs.frozen(kw_only=True)
class Address:
    """A postal address, with optional coordinates the caller geocoded.

    Examples:
        >>> Address(line1="Unter den Linden 1", postcode="10117", country="de").country
        'DE'
    """

    line1: str = attrs.field(validator=_required_text)
    country: str = attrs.field(converter=_upper, validator=_country)
    line2: str | None = attrs.field(default=None, validator=_text)
    city: str | None = attrs.field(default=None, validator=_text)
    postcode: str | None = attrs.field(default=None, validator=_text)
    region: str | None = attrs.field(default=None, validator=_text)
    name: str | None = attrs.field(default=None, validator=_text)
    latitude: float | None = attrs.field(default=None, validator=_coordinate(90))
    longitude: float | None = attrs.field(default=None, validator=_coordinate(180))

    def normalized(self) -> str:
        """Reduce the address to what identifies the door: street, postcode, country, case-folded.

        Examples:
            >>> Address(line1="12  High St.", postcode="ab1 2cd", country="GB").normalized()
            '12 high st|ab12cd|GB'
        """
        street = " ".join(re.sub(r"[^\w\s]", " ", self.line1.casefold()).split())
        postcode = re.sub(r"\W", "", (self.postcode or "").casefold())
        return f"{street}|{postcode}|{self.country}"


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
    account_age_days: int = attrs.field(default=0, validator=_count)
    prior_orders: int = attrs.field(default=0, validator=_count)
    prior_chargebacks: int = attrs.field(default=0, validator=_count)
    average_order_value: Money | None = attrs.field(
        default=None, converter=attrs.converters.optional(as_money)
    )


@attrs.frozen(kw_only=True)
class IpFacts:
    """Facts about the client IP address, looked up by the caller (ecomcore does no lookups).

    Examples:
        >>> from ecomcore.fraud import IpFacts
        >>> ip = IpFacts(address="203.0.113.9", country="ng", is_hosting=True)
        >>> ip.country, ip.is_anonymized
        ('NG', True)
        >>> IpFacts(address="300.1.1.1")
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: ip.address must be an IPv4 or IPv6 address, ...
    """

    address: str = attrs.field()
    country: str | None = attrs.field(default=None, converter=_upper, validator=_country)
    is_proxy: bool = False
    is_vpn: bool = False
    is_hosting: bool = False
    latitude: float | None = attrs.field(default=None, validator=_coordinate(90))
    longitude: float | None = attrs.field(default=None, validator=_coordinate(180))

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
    country: str | None = attrs.field(default=None, converter=_upper, validator=_country)
    funding: Funding = attrs.field(default=Funding.UNKNOWN, converter=Funding)
    avs: AvsResult = attrs.field(default=AvsResult.NOT_CHECKED, converter=AvsResult)
    cvv: CvvResult = attrs.field(default=CvvResult.NOT_CHECKED, converter=CvvResult)
    three_ds: ThreeDSResult = attrs.field(
        default=ThreeDSResult.NOT_ATTEMPTED, converter=ThreeDSResult
    )


@attrs.frozen(kw_only=True)
class LineItem:
    """One order line: what, how many, at what unit price.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import FraudInput, LineItem, RuleSet, RuleSubject
        >>> phones = LineItem(sku="PHONE-X", quantity=3, unit_price=Money("899.00", "EUR"))
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("2697.00", "EUR"), items=[phones])
        >>> bulk = RuleSet.parse('review if :skus: includes "PHONE-X" and :max_item_quantity: >= 3')
        >>> bulk.compile().fired(RuleSubject(order))
        [CompiledRule(name='rule 1', action=<Decision.REVIEW: 'review'>)]
    """

    sku: str = attrs.field(validator=_required_text)
    quantity: int = attrs.field(validator=_count)
    unit_price: Money = attrs.field(converter=as_money)
    name: str | None = attrs.field(default=None, validator=_text)
    category: str | None = attrs.field(default=None, validator=_text)


def _line_items(items: Iterable[LineItem]) -> tuple[LineItem, ...]:
    return tuple(items)


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
    items: tuple[LineItem, ...] = attrs.field(default=(), converter=_line_items)
    customer: CustomerFacts | None = None
    email: str | None = attrs.field(default=None, validator=_email)
    phone: str | None = attrs.field(default=None, validator=_text)
    billing: Address | None = None
    shipping: Address | None = None
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
