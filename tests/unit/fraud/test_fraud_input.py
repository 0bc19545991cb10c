"""FraudInput: the snapshot refuses card numbers and CVVs anywhere, and validates its facts."""

from datetime import UTC, datetime

import pytest

from ecomcore.core import (
    Address,
    CardDataError,
    Money,
    ValidationError,
    find_card_data,
    luhn_valid,
)
from ecomcore.fraud import (
    CardFacts,
    FraudInput,
    IpFacts,
    ItemFacts,
)

AT = datetime(2026, 3, 1, 12, tzinfo=UTC)


def order(**facts: object) -> FraudInput:
    return FraudInput(order_id="o-1", placed_at=AT, amount=Money("10.00", "EUR"), **facts)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "4111111111111111",
        "card 4111 1111 1111 1111 thanks",
        "5555-5555-5555-4444",
        "amex 378282246310005",
        "call 0171 2345678 or use 4012 8888 8888 1881",
        "6011000990139424",  # 16 digits, Discover
        "4222222222222",  # 13 digits
    ],
)
def test_a_luhn_valid_card_number_in_a_note_is_refused(text: str) -> None:
    """A full card number typed into free text is refused, naming the field but not the digits."""
    with pytest.raises(CardDataError) as caught:
        order(note=text)
    assert caught.value.field == "FraudInput.note"
    assert "4111" not in str(caught.value)
    assert caught.value.code == "card_data_refused"


@pytest.mark.parametrize(
    "text",
    [
        "4111111111111112",  # fails Luhn
        "12 High Street, flat 4",
        "order 123456789012",  # 12 digits
        "+49 1512 3456 7890",  # international phone
        "tracking 12345678901234567890123",  # 23 digits: no card is that long
    ],
)
def test_ordinary_numbers_in_text_are_accepted(text: str) -> None:
    """House numbers, phone numbers, long tracking ids and near-misses pass."""
    assert order(note=text).note == text


@pytest.mark.parametrize("text", ["CVV 123", "cvc: 4567", "security code 999", "CVV2=321"])
def test_a_cvv_in_free_text_is_refused(text: str) -> None:
    """A CVV next to its name is refused wherever it is typed."""
    with pytest.raises(CardDataError, match="a CVV"):
        order(note=text)


@pytest.mark.parametrize(
    ("field", "build"),
    [
        ("Address.lines", lambda t: {"billing": Address("DE", lines=[t])}),
        ("Address.name", lambda t: {"shipping": Address("DE", lines=["1 Main St"], name=t)}),
        (
            "ItemFacts.name",
            lambda t: {
                "items": [ItemFacts(sku="A", quantity=1, unit_price=Money("1", "EUR"), name=t)]
            },
        ),
        ("CardFacts.token", lambda t: {"card": CardFacts(token=t, bin="411111", last4="1111")}),
        ("FraudInput.phone", lambda t: {"phone": t}),
        ("FraudInput.device_id", lambda t: {"device_id": t}),
    ],
)
def test_card_data_is_refused_in_every_text_field(field: str, build: object) -> None:
    """Card data is caught in nested and unexpected fields, not only in notes."""
    with pytest.raises(CardDataError) as caught:
        order(**build("4111111111111111"))  # type: ignore[operator]
    assert caught.value.field == field


def test_card_facts_take_bin_and_last_four_only() -> None:
    """A card's BIN must be 6-8 digits and last four exactly four: a full number does not fit."""
    with pytest.raises(ValidationError, match="bin"):
        CardFacts(token="t", bin="4111111111111111", last4="1111")
    with pytest.raises(ValidationError, match="last4"):
        CardFacts(token="t", bin="411111", last4="11111")


def test_luhn_check_matches_known_numbers() -> None:
    """The Luhn check accepts test card numbers and rejects a changed digit."""
    assert luhn_valid("79927398713")
    assert not luhn_valid("79927398710")
    assert find_card_data("no digits here") is None


def test_facts_are_validated_with_clear_errors() -> None:
    """Bad countries, IPs, counts and naive times are refused with the field named."""
    with pytest.raises(ValidationError, match="country"):
        Address("Germany", lines=["x"])
    with pytest.raises(ValidationError, match=r"ip\.address"):
        IpFacts(address="999.1.1.1")
    with pytest.raises(ValidationError, match="placed_at"):
        FraudInput(order_id="o", placed_at=datetime(2026, 1, 1), amount=Money("1", "EUR"))
    with pytest.raises(ValidationError, match="email"):
        order(email="no-at-sign")


def test_email_domain_is_lower_cased() -> None:
    """The email domain rules and lists see is lower-case."""
    assert order(email="Ann@Example.COM").email_domain == "example.com"
    assert order().email_domain is None
