"""A seeded generator of realistic labelled orders: good customers and three kinds of fraud.

The same seed gives the same orders. Shapes follow what risk teams see: card testers hammer one
IP and device with many cheap orders on fresh cards; account takeovers use a real customer's
account from a new device and place, shipping somewhere new; reshippers send several units of an
expensive item to a freight forwarder abroad.
"""

import random
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Final

import attrs

from ecomcore.core import Address, Coordinates, Money
from ecomcore.fraud._input import (
    AvsResult,
    CardFacts,
    CustomerFacts,
    CvvResult,
    FraudInput,
    Funding,
    IpFacts,
    ItemFacts,
    ThreeDSResult,
)

__all__ = ["FREIGHT_FORWARDERS", "FraudKind", "LabelledOrder", "generate_orders"]

FraudKind = str
"""``good``, ``card_tester``, ``account_takeover`` or ``reshipper``."""

# (city, postcode, country, latitude, longitude): where customers live and IPs are placed.
_CITIES: Final = (
    ("Berlin", "10117", "DE", 52.52, 13.40),
    ("Munich", "80331", "DE", 48.14, 11.58),
    ("Paris", "75001", "FR", 48.86, 2.35),
    ("Lyon", "69001", "FR", 45.76, 4.84),
    ("Amsterdam", "1012", "NL", 52.37, 4.90),
    ("Madrid", "28013", "ES", 40.42, -3.70),
    ("Milan", "20121", "IT", 45.46, 9.19),
    ("London", "SW1A 1AA", "GB", 51.50, -0.14),
    ("New York", "10001", "US", 40.75, -73.99),
)
_FAR_PLACES: Final = (
    ("Lagos", "100001", "NG", 6.52, 3.38),
    ("Jakarta", "10110", "ID", -6.21, 106.85),
    ("Bucharest", "010011", "RO", 44.43, 26.10),
    ("Hanoi", "100000", "VN", 21.03, 105.85),
)
FREIGHT_FORWARDERS: Final = (
    Address("US", postcode="33122", city="Miami", lines=["1200 Export Way"]),
    Address("US", postcode="97230", city="Portland", lines=["5 Forwarding Park"]),
    Address("GB", postcode="CT16 1JA", city="Dover", lines=["9 Harbour Road"]),
)
"""Fictional freight-forwarder addresses the reshippers in generated data ship to."""

# (sku, unit price, category)
_CATALOG: Final = (
    ("TSHIRT", "19.99", "apparel"),
    ("JEANS", "59.90", "apparel"),
    ("SNEAKER", "89.00", "shoes"),
    ("BOOK", "14.50", "books"),
    ("HEADPHONES", "149.00", "electronics"),
    ("PHONE-X", "899.00", "electronics"),
    ("LAPTOP-14", "1199.00", "electronics"),
)
_EBOOK: Final = ("EBOOK", "2.99", "books")
_MAIL_DOMAINS: Final = ("gmail.com", "outlook.com", "web.de", "gmx.de", "orange.fr", "yahoo.com")
_DISPOSABLE: Final = ("mailinator.com", "yopmail.com", "guerrillamail.com", "10minutemail.com")
_BINS: Final = ("411111", "424242", "510510", "555555", "401288", "378282")


@attrs.frozen
class LabelledOrder:
    """A past order with its outcome: fraud (a chargeback came) or good, and the fraud's kind.

    Examples:
        >>> from ecomcore.fraud import generate_orders
        >>> history = generate_orders(300, seed=7)
        >>> fraud = [labelled for labelled in history if labelled.is_fraud]
        >>> len(fraud), fraud[0].order.order_id, fraud[0].kind
        (26, 'o-000030', 'reshipper')
    """

    order: FraudInput
    is_fraud: bool
    kind: FraudKind = "good"


@attrs.define
class _Customer:
    customer_id: str
    email: str
    home: tuple[str, str, str, float, float]
    street: str
    ip: str
    device: str
    card: str
    bin: str
    signed_up: datetime
    orders: int = 0
    spent: Decimal = Decimal(0)


class _Generator:
    def __init__(self, seed: int, start: datetime, days: int, currency: str) -> None:
        self.rng = random.Random(seed)
        self.start, self.days, self.currency = start, days, currency
        self.customers: list[_Customer] = []
        self.serial = 0

    def token(self, prefix: str) -> str:
        self.serial += 1
        return f"{prefix}-{self.serial:07d}"

    def ip(self) -> str:
        rng = self.rng
        octets = (
            rng.randint(11, 223),
            rng.randint(0, 255),
            rng.randint(0, 255),
            rng.randint(1, 254),
        )
        return ".".join(map(str, octets))

    def moment(self) -> datetime:
        return self.start + timedelta(seconds=self.rng.randrange(self.days * 86_400))

    def address(self, place: Sequence[object], street: str | None = None) -> Address:
        city, postcode, country, lat, lon = place
        return Address(
            str(country),
            postcode=str(postcode),
            city=str(city),
            lines=[
                street
                or f"{self.rng.randint(1, 180)} {self.rng.choice(('Main', 'Park', 'Mill'))} Street"
            ],
            coordinates=Coordinates(float(lat), float(lon)),  # type: ignore[arg-type]
        )

    def ip_facts(
        self, address: str, place: Sequence[object], *, anonymous: bool = False
    ) -> IpFacts:
        _, _, country, lat, lon = place
        return IpFacts(
            address=address,
            country=str(country),
            is_vpn=anonymous and self.rng.random() < 0.5,
            is_hosting=anonymous,
            coordinates=Coordinates(
                float(lat) + self.rng.uniform(-0.2, 0.2),  # type: ignore[arg-type]
                float(lon) + self.rng.uniform(-0.2, 0.2),  # type: ignore[arg-type]
            ),
        )

    def basket(
        self, lines: int, catalog: Sequence[tuple[str, str, str]] = _CATALOG
    ) -> list[ItemFacts]:
        picks = self.rng.sample(list(catalog), k=min(lines, len(catalog)))
        return [
            ItemFacts(
                sku=sku,
                quantity=1 if Decimal(price) > 100 else self.rng.randint(1, 3),
                unit_price=Money(price, self.currency),
                category=category,
            )
            for sku, price, category in picks
        ]

    def total(self, items: Sequence[ItemFacts]) -> Money:
        return Money(sum(i.unit_price.amount * i.quantity for i in items), self.currency)

    def new_customer(self) -> _Customer:
        rng = self.rng
        number = len(self.customers) + 1
        home = rng.choice(_CITIES)
        customer = _Customer(
            customer_id=f"c-{number:06d}",
            email=f"shopper{number}@{rng.choice(_MAIL_DOMAINS)}",
            home=home,
            street=f"{rng.randint(1, 180)} {rng.choice(('Oak', 'Elm', 'Lake'))} Road",
            ip=self.ip(),
            device=self.token("dev"),
            card=self.token("tok"),
            bin=rng.choice(_BINS),
            signed_up=self.start - timedelta(days=rng.randint(1, 1500)),
            orders=rng.choice((0, 0, 1, 2, 3, 5, 8, 13, 21)),
        )
        customer.spent = Decimal(customer.orders) * Decimal(rng.choice(("45", "80", "120", "250")))
        self.customers.append(customer)
        return customer

    def facts(self, customer: _Customer, at: datetime) -> CustomerFacts:
        average = (
            Money((customer.spent / customer.orders).quantize(Decimal("0.01")), self.currency)
            if customer.orders
            else None
        )
        return CustomerFacts(
            customer_id=customer.customer_id,
            account_age_days=max(0, (at - customer.signed_up).days),
            prior_orders=customer.orders,
            average_order_value=average,
        )

    def good(self) -> list[LabelledOrder]:
        rng = self.rng
        guest = rng.random() < 0.2
        customer = (
            self.new_customer()
            if guest or not self.customers or rng.random() < 0.3
            else rng.choice(self.customers)
        )
        at = self.moment()
        home = customer.home
        billing = self.address(home, customer.street)
        shipping = billing if rng.random() < 0.85 else self.address(home)
        travelling = rng.random() < 0.04
        ip_place = rng.choice(_CITIES) if travelling else home
        items = self.basket(rng.choice((1, 1, 1, 2, 2, 3)))
        avs = rng.choices(list(AvsResult)[:3], weights=(90, 7, 3))[0]
        order = FraudInput(
            order_id=self.token("tmp"),
            placed_at=at,
            amount=self.total(items),
            items=items,
            customer=None if guest else self.facts(customer, at),
            email=customer.email,
            billing=billing,
            shipping=shipping,
            ip=self.ip_facts(customer.ip if not travelling else self.ip(), ip_place),
            device_id=customer.device,
            card=CardFacts(
                token=customer.card,
                bin=customer.bin,
                last4=f"{rng.randint(0, 9999):04d}",
                country=home[2],
                funding=rng.choice((Funding.CREDIT, Funding.DEBIT)),
                avs=avs,
                cvv=CvvResult.MATCH if rng.random() < 0.98 else CvvResult.NO_MATCH,
                three_ds=rng.choice((ThreeDSResult.AUTHENTICATED, ThreeDSResult.NOT_ATTEMPTED)),
            ),
        )
        if not guest:
            customer.orders += 1
            customer.spent += order.amount.amount
        return [LabelledOrder(order, is_fraud=False)]

    def card_tester(self, limit: int) -> list[LabelledOrder]:
        rng = self.rng
        at, ip, device = self.moment(), self.ip(), self.token("dev")
        place = rng.choice(_FAR_PLACES + _CITIES)
        anonymous = rng.random() < 0.7
        orders = []
        for _ in range(min(limit, rng.randint(4, 25))):
            at += timedelta(seconds=rng.randint(15, 240))
            billing = self.address(rng.choice(_CITIES))
            email_domain = rng.choice(_DISPOSABLE if rng.random() < 0.5 else _MAIL_DOMAINS)
            items = self.basket(1, (_EBOOK,))
            order = FraudInput(
                order_id=self.token("tmp"),
                placed_at=at,
                amount=self.total(items),
                items=items,
                email=f"{self.token('t')}@{email_domain}",
                billing=billing,
                shipping=billing,
                ip=self.ip_facts(ip, place, anonymous=anonymous),
                device_id=device,
                card=CardFacts(
                    token=self.token("tok"),
                    bin=rng.choice(_BINS),
                    last4=f"{rng.randint(0, 9999):04d}",
                    country=rng.choice(_CITIES)[2],
                    funding=rng.choice(list(Funding)),
                    avs=rng.choice((AvsResult.NO_MATCH, AvsResult.MATCH, AvsResult.UNAVAILABLE)),
                    cvv=rng.choice((CvvResult.NO_MATCH, CvvResult.MATCH)),
                ),
            )
            orders.append(LabelledOrder(order, is_fraud=True, kind="card_tester"))
        return orders

    def account_takeover(self) -> list[LabelledOrder]:
        rng = self.rng
        victim = rng.choice(self.customers) if self.customers else self.new_customer()
        at = self.moment()
        place = rng.choice(_FAR_PLACES + _CITIES)
        items = [
            ItemFacts(
                sku="LAPTOP-14",
                quantity=rng.randint(1, 2),
                unit_price=Money("1199.00", self.currency),
            ),
            *self.basket(rng.randint(1, 2)),
        ]
        order = FraudInput(
            order_id=self.token("tmp"),
            placed_at=at,
            amount=self.total(items),
            items=items,
            customer=self.facts(victim, at),
            email=victim.email,
            billing=self.address(victim.home, victim.street),
            shipping=self.address(place if rng.random() < 0.5 else rng.choice(_CITIES)),
            ip=self.ip_facts(self.ip(), place, anonymous=rng.random() < 0.3),
            device_id=self.token("dev"),
            card=CardFacts(
                token=victim.card,
                bin=victim.bin,
                last4=f"{rng.randint(0, 9999):04d}",
                country=victim.home[2],
                avs=AvsResult.MATCH,
                cvv=rng.choice((CvvResult.NOT_CHECKED, CvvResult.MATCH)),
            ),
        )
        return [LabelledOrder(order, is_fraud=True, kind="account_takeover")]

    def reshipper(self) -> list[LabelledOrder]:
        rng = self.rng
        at = self.moment()
        home = rng.choice(_CITIES)
        billing = self.address(home)
        shipping = (
            rng.choice(FREIGHT_FORWARDERS)
            if rng.random() < 0.6
            else self.address(rng.choice(_FAR_PLACES))
        )
        items = [
            ItemFacts(
                sku="PHONE-X",
                quantity=rng.randint(3, 6),
                unit_price=Money("899.00", self.currency),
                category="electronics",
            )
        ]
        order = FraudInput(
            order_id=self.token("tmp"),
            placed_at=at,
            amount=self.total(items),
            items=items,
            email=f"{self.token('r')}@{rng.choice(_MAIL_DOMAINS + _DISPOSABLE)}",
            billing=billing,
            shipping=shipping,
            ip=self.ip_facts(self.ip(), rng.choice(_FAR_PLACES), anonymous=rng.random() < 0.4),
            device_id=self.token("dev"),
            card=CardFacts(
                token=self.token("tok"),
                bin=rng.choice(_BINS),
                last4=f"{rng.randint(0, 9999):04d}",
                country=home[2],
                funding=Funding.PREPAID if rng.random() < 0.3 else Funding.CREDIT,
                avs=rng.choice((AvsResult.MATCH, AvsResult.PARTIAL, AvsResult.NO_MATCH)),
                cvv=CvvResult.MATCH,
            ),
        )
        return [LabelledOrder(order, is_fraud=True, kind="reshipper")]


def generate_orders(
    count: int,
    *,
    seed: int,
    start: datetime = datetime(2026, 1, 1, tzinfo=UTC),
    days: int = 30,
    currency: str = "EUR",
) -> list[LabelledOrder]:
    """``count`` labelled orders over ``days`` from ``start``, in time order, ids ``o-000001``...

    About 92% are good; the rest are card-testing bursts, account takeovers and reshipping, in
    roughly 5 : 1.5 : 1.5 proportion. The same arguments always give the same orders.

    Examples:
        >>> orders = generate_orders(300, seed=7)
        >>> len(orders), orders[0].order.order_id, orders == generate_orders(300, seed=7)
        (300, 'o-000001', True)
        >>> sorted({labelled.kind for labelled in orders})
        ['account_takeover', 'card_tester', 'good', 'reshipper']
    """
    generator = _Generator(seed, start, days, currency)
    drafts: list[LabelledOrder] = []
    while len(drafts) < count:
        roll = generator.rng.random()
        if roll < 0.004:
            drafts += generator.card_tester(count - len(drafts))
        elif roll < 0.019:
            drafts += generator.account_takeover()
        elif roll < 0.034:
            drafts += generator.reshipper()
        else:
            drafts += generator.good()
    drafts.sort(key=lambda labelled: (labelled.order.placed_at, labelled.order.order_id))
    return [
        attrs.evolve(labelled, order=attrs.evolve(labelled.order, order_id=f"o-{number:06d}"))
        for number, labelled in enumerate(drafts, start=1)
    ]
