"""Tour section: a cart quoted with stacked promotions, a refused coupon, and a near miss."""

from datetime import UTC, datetime

from ecomcore.core import Money, format_money
from ecomcore.orders import Cart, CartItem
from ecomcore.pricing import (
    AmountOff,
    Coupon,
    CouponBook,
    FixedPriceBundle,
    PercentOff,
    PriceBook,
    PriceList,
    PriceListKind,
    ProductRange,
    Promotion,
    PromotionCatalog,
    ShippingDiscount,
    SubtotalAtLeast,
)

NOW = datetime(2026, 6, 1, 10, tzinfo=UTC)


def show() -> str:
    """Return the pricing section of the tour."""
    prices = PriceBook(
        [
            PriceList.of("retail", "EUR", {"shoe": "80.00", "sock": "7.99", "cap": "19.00"}),
            PriceList.of("summer", "EUR", {"cap": "15.00"}, kind=PriceListKind.SALE),
        ]
    )
    promotions = PromotionCatalog(
        [
            Promotion("shoes", "Shoe week", PercentOff("20", ProductRange(categories={"shoes"})),
                      priority=2),
            Promotion("socks", "Socks 3 for 20", FixedPriceBundle(3, Money("20.00", "EUR"),
                      ProductRange(variants={"sock"}))),
            Promotion("ten", "10 off", AmountOff(Money("10.00", "EUR")), priority=1),
            Promotion("welcome", "Welcome 15%", PercentOff("15"), coupon_required=True),
            Promotion("ship", "Free shipping", ShippingDiscount(),
                      condition=SubtotalAtLeast(Money("150.00", "EUR"))),
        ]
    )  # fmt: skip
    coupons = CouponBook([Coupon("WELCOME15", "welcome", not_combinable_with={"shoes"})])
    cart = Cart.open("cart-1", "EUR", at=NOW)
    cart.add(CartItem("shoe", "shoe", category_ids={"shoes"}), 1, at=NOW)
    cart.add(CartItem("sock", "sock"), 3, at=NOW)
    cart.add(CartItem("cap", "cap"), 1, at=NOW)
    cart.add_coupon("welcome-15", at=NOW)
    result = cart.quote(
        at=NOW, prices=prices, promotions=promotions, coupons=coupons,
        shipping=Money("4.95", "EUR"),
    )  # fmt: skip

    def eur(money: Money) -> str:
        return format_money(money, "en_IE")

    out = ["A cart quoted with stacked promotions (20% shoes, 3 socks for 20.00, then 10.00 off):"]
    for line in result.lines:
        was = (
            f" (was {eur(line.original_unit_price)})"
            if line.original_unit_price != line.unit_price
            else ""
        )
        out.append(
            f"  {line.quantity} x {line.variant_id:<5} {eur(line.unit_price)}{was}"
            f" from {line.price_source}: {eur(line.subtotal)} - {eur(line.discount)}"
            f" = {eur(line.amount)}"
        )
        out += [f"      -{eur(adj.amount)}  {adj.reason}" for adj in line.adjustments]
    assert result.shipping is not None
    out += [
        f"  shipping {eur(result.shipping.total.gross)}",
        f"  subtotal {eur(result.subtotal)}, discount {eur(result.discount)},"
        f" total {eur(result.total.gross)}",
        "",
        "A refused coupon, with its reason:",
        *(f"  {refusal.code}: {refusal.message}" for refusal in result.refused_coupons),
        "",
        "A near miss:",
        *(f"  {miss.message}" for miss in result.near_misses),
    ]
    return "\n".join(out)
