"""Price lists: tiers, windows, audiences, sale and override lists, and the precedence."""

from datetime import UTC, datetime

import pytest

from ecomcore.core import Money, UnknownCurrencyError
from ecomcore.pricing import (
    PriceBook,
    PriceList,
    PriceListKind,
    PriceNotFoundError,
    PromotionDefinitionError,
)

NOW = datetime(2026, 6, 1, tzinfo=UTC)
RETAIL = PriceList.of("retail", "EUR", {"tee": {1: "10.00", 10: "8.00", 20: "6.00"}})


@pytest.mark.parametrize(
    ("quantity", "unit"), [(1, "10.00"), (9, "10.00"), (10, "8.00"), (19, "8.00"), (25, "6.00")]
)
def test_quantity_tiers_10_from_1_8_from_10_6_from_20(quantity: int, unit: str) -> None:
    """The tier with the largest minimum not above the quantity applies."""
    price = PriceBook([RETAIL]).resolve("tee", "EUR", quantity, at=NOW)
    assert price.unit_price == Money(unit, "EUR")
    assert price.list_id == "retail"


def test_a_list_starting_at_10_units_does_not_price_3() -> None:
    """Below a list's smallest tier the list is skipped; with no other list: PriceNotFoundError."""
    wholesale = PriceList.of("bulk", "EUR", {"tee": {10: "7.00"}})
    with pytest.raises(PriceNotFoundError) as error:
        PriceBook([wholesale]).resolve("tee", "EUR", 3, at=NOW)
    assert error.value.facts["quantity"] == 3


def test_a_sale_list_below_the_regular_price_wins_and_keeps_compare_at() -> None:
    """Regular 10.00, sale 7.50: the price is 7.50 with 10.00 shown as compare-at."""
    sale = PriceList.of("summer", "EUR", {"tee": "7.50"}, kind=PriceListKind.SALE)
    price = PriceBook([RETAIL, sale]).resolve("tee", "EUR", 1, at=NOW)
    assert (price.unit_price, price.compare_at, price.kind) == (
        Money("7.50", "EUR"),
        Money("10.00", "EUR"),
        PriceListKind.SALE,
    )


def test_a_sale_price_above_the_tier_price_does_not_apply() -> None:
    """At 10 units the tier price 8.00 beats a 9.00 sale price, so no compare-at is shown."""
    sale = PriceList.of("summer", "EUR", {"tee": "9.00"}, kind=PriceListKind.SALE)
    price = PriceBook([RETAIL, sale]).resolve("tee", "EUR", 10, at=NOW)
    assert (price.unit_price, price.compare_at) == (Money("8.00", "EUR"), None)


def test_an_override_list_beats_a_cheaper_sale() -> None:
    """A contract price of 9.00 applies even with a 7.50 sale running."""
    sale = PriceList.of("summer", "EUR", {"tee": "7.50"}, kind=PriceListKind.SALE)
    contract = PriceList.of(
        "acme", "EUR", {"tee": "9.00"}, kind=PriceListKind.OVERRIDE, customer_groups={"acme"}
    )
    book = PriceBook([RETAIL, sale, contract])
    assert book.resolve("tee", "EUR", 1, at=NOW, customer_groups={"acme"}).list_id == "acme"
    assert book.resolve("tee", "EUR", 1, at=NOW).list_id == "summer"


def test_priority_then_specificity_then_id_among_base_lists() -> None:
    """A channel list beats a general one at equal priority; a higher priority beats both."""
    app = PriceList.of("app", "EUR", {"tee": "9.50"}, channels={"app"})
    book = PriceBook([RETAIL, app])
    assert book.resolve("tee", "EUR", 1, at=NOW, channel="app").list_id == "app"
    assert book.resolve("tee", "EUR", 1, at=NOW, channel="web").list_id == "retail"
    boosted = PriceList.of("boost", "EUR", {"tee": "11.00"}, priority=5)
    assert PriceBook([RETAIL, app, boosted]).resolve(
        "tee", "EUR", 1, at=NOW, channel="app"
    ).list_id == ("boost")
    twin = PriceList.of("aaa", "EUR", {"tee": "12.00"})
    assert PriceBook([RETAIL, twin]).resolve("tee", "EUR", 1, at=NOW).list_id == "aaa"


def test_validity_window_start_inclusive_end_exclusive() -> None:
    """A list valid from 1 June until 2 June applies at 1 June 00:00, not at 2 June 00:00."""
    flash = PriceList.of(
        "flash",
        "EUR",
        {"tee": "5.00"},
        priority=9,
        valid_from=NOW,
        valid_until=datetime(2026, 6, 2, tzinfo=UTC),
    )
    book = PriceBook([RETAIL, flash])
    assert book.resolve("tee", "EUR", 1, at=NOW).list_id == "flash"
    assert book.resolve("tee", "EUR", 1, at=datetime(2026, 6, 2, tzinfo=UTC)).list_id == "retail"


def test_region_lists_and_currencies_are_separate() -> None:
    """A Swiss list in CHF prices Swiss customers in CHF; EUR carts never see it."""
    swiss = PriceList.of("ch", "CHF", {"tee": "11.00"}, regions={"CH"}, includes_tax=True)
    book = PriceBook([RETAIL, swiss])
    price = book.resolve("tee", "chf", 1, at=NOW, region="CH")
    assert (price.unit_price, price.includes_tax) == (Money("11.00", "CHF"), True)
    with pytest.raises(PriceNotFoundError):
        book.resolve("tee", "CHF", 1, at=NOW, region="DE")


def test_bad_lists_are_refused_with_the_field() -> None:
    """Sub-cent prices, wrong currencies, duplicate tiers and ids are refused."""
    with pytest.raises(PromotionDefinitionError, match="whole number of minor units"):
        PriceList.of("x", "EUR", {"tee": "1.005"})
    with pytest.raises(PromotionDefinitionError, match="amounts in EUR"):
        PriceList("x", "EUR", {"tee": [PriceList.of("y", "USD", {"t": "1"}).prices["t"][0]]})
    with pytest.raises(UnknownCurrencyError):
        PriceList.of("x", "EUX", {})
    with pytest.raises(PromotionDefinitionError, match="distinct ids"):
        PriceBook([RETAIL, RETAIL])
    with pytest.raises(PromotionDefinitionError, match="later than valid_from"):
        PriceList.of("x", "EUR", {}, valid_from=NOW, valid_until=NOW)
