"""The cart: lines, quantity rules, coupons, merging a guest cart, and quoting."""

from datetime import UTC, datetime

import pytest

from ecomcore.core import CurrencyMismatchError, Money, ValidationError
from ecomcore.orders import (
    Cart,
    CartItem,
    CartLineNotFoundError,
    CartMerged,
    QuantityRule,
    QuantityRuleError,
)
from ecomcore.pricing import (
    Coupon,
    CouponBook,
    PercentOff,
    PriceBook,
    PriceList,
    Promotion,
    PromotionCatalog,
)

NOW = datetime(2026, 6, 1, tzinfo=UTC)
MUG = CartItem("mug", "mug", category_ids={"kitchen"})
TEE = CartItem("tee", "tee")


def test_add_change_remove_record_events_for_the_caller_to_pull() -> None:
    """Each change is an event, pulled once; the version stays the stored one (0: never saved)."""
    cart = Cart.open("c-1", "EUR", at=NOW)
    line = cart.add(MUG, 2, at=NOW)
    cart.change_quantity(line.line_id, 5, at=NOW)
    cart.remove(line.line_id, at=NOW)
    assert cart.lines == []
    assert [e.name for e in cart.pull_events()] == [
        "CartOpened",
        "CartLineAdded",
        "CartLineQuantityChanged",
        "CartLineRemoved",
    ]
    assert cart.pull_events() == []
    assert cart.version == 0
    with pytest.raises(CartLineNotFoundError):
        cart.remove("1", at=NOW)


def test_quantity_zero_removes_the_line() -> None:
    """Setting a quantity of 0 removes the line."""
    cart = Cart.open("c-1", "EUR", at=NOW)
    cart.change_quantity(cart.add(MUG, 1, at=NOW).line_id, 0, at=NOW)
    assert cart.lines == []


def test_quantity_rules_minimum_maximum_step() -> None:
    """Packs of 2 from 2 to 10: 4 is fine, 5 and 12 are refused with the rule in words."""
    rule = QuantityRule(minimum=2, maximum=10, step=2)
    cart = Cart.open("c-1", "EUR", at=NOW)
    line = cart.add(TEE, 4, at=NOW, rule=rule)
    with pytest.raises(QuantityRuleError, match="a multiple of 2 from 2 to 10"):
        cart.change_quantity(line.line_id, 5, at=NOW, rule=rule)
    with pytest.raises(QuantityRuleError):
        cart.add(TEE, 8, at=NOW, rule=rule)  # 12 in all
    with pytest.raises(ValidationError, match="minimum must be a whole number, 1 or more"):
        QuantityRule(minimum=0)
    with pytest.raises(ValidationError, match="maximum must be a whole number, 3 or more"):
        QuantityRule(minimum=3, maximum=2)
    assert not rule.allows(4.0)  # type: ignore[arg-type]


def test_merging_a_guest_cart_adds_quantities_clamps_and_unites_coupons() -> None:
    """Guest 3 mugs + 4 mugs with a max of 5 gives 5 (reported); the guest's tee and coupon move."""
    mine = Cart.open("c-1", "EUR", at=NOW, customer_id="u-1")
    mine.add(MUG, 4, at=NOW)
    guest = Cart.open("g-1", "EUR", at=NOW)
    guest.add(MUG, 3, at=NOW)
    guest.add(TEE, 1, at=NOW)
    guest.add_coupon("spring-10", at=NOW)
    mine.merge(guest, at=NOW, rules={"mug": QuantityRule(maximum=5)})
    assert [(line.item.variant_id, line.quantity) for line in mine.lines] == [
        ("mug", 5),
        ("tee", 1),
    ]
    assert mine.coupon_codes == ["SPRING10"]
    merged = mine.pull_events()[-1]
    assert isinstance(merged, CartMerged)
    assert merged.clamped == ("mug",)
    with pytest.raises(CurrencyMismatchError):
        mine.merge(Cart.open("g-2", "USD", at=NOW), at=NOW)


def test_a_cart_is_quoted_through_the_engine_with_its_coupons() -> None:
    """2 mugs at 12.00 with the SPRING10 coupon for 10% off: 21.60."""
    cart = Cart.open("c-1", "EUR", at=NOW)
    cart.add(MUG, 2, at=NOW)
    cart.add_coupon("spring10", at=NOW)
    cart.add_coupon("SPRING-10", at=NOW)  # the same code: no second entry
    assert cart.coupon_codes == ["SPRING10"]
    result = cart.quote(
        at=NOW,
        prices=PriceBook([PriceList.of("retail", "EUR", {"mug": "12.00"})]),
        promotions=PromotionCatalog(
            [Promotion("spring", "Spring", PercentOff("10"), coupon_required=True)]
        ),
        coupons=CouponBook([Coupon("SPRING10", "spring")]),
    )
    assert result.total.gross == Money("21.60", "EUR")
    assert result.applied_coupons == ("SPRING10",)
    cart.remove_coupon("spring10", at=NOW)
    assert cart.coupon_codes == []
