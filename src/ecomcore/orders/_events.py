"""Domain events of carts and orders."""

import attrs

from ecomcore.core import DomainEvent

__all__ = [
    "CartCouponAdded",
    "CartCouponRemoved",
    "CartLineAdded",
    "CartLineQuantityChanged",
    "CartLineRemoved",
    "CartMerged",
    "CartOpened",
]


@attrs.frozen(kw_only=True)
class CartOpened(DomainEvent):
    """A cart was opened in a currency."""

    cart_id: str
    currency: str
    customer_id: str | None


@attrs.frozen(kw_only=True)
class CartLineAdded(DomainEvent):
    """A new line was added to a cart."""

    cart_id: str
    line_id: str
    variant_id: str
    quantity: int


@attrs.frozen(kw_only=True)
class CartLineQuantityChanged(DomainEvent):
    """A line's quantity changed."""

    cart_id: str
    line_id: str
    previous: int
    quantity: int


@attrs.frozen(kw_only=True)
class CartLineRemoved(DomainEvent):
    """A line was removed from a cart."""

    cart_id: str
    line_id: str


@attrs.frozen(kw_only=True)
class CartCouponAdded(DomainEvent):
    """A coupon code was entered (normalised)."""

    cart_id: str
    code: str


@attrs.frozen(kw_only=True)
class CartCouponRemoved(DomainEvent):
    """A coupon code was taken off the cart."""

    cart_id: str
    code: str


@attrs.frozen(kw_only=True)
class CartMerged(DomainEvent):
    """A guest cart was merged into this one; ``clamped`` lists lines cut to their maximum."""

    cart_id: str
    guest_cart_id: str
    clamped: tuple[str, ...]
