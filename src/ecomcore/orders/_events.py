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
    """A cart was opened in a currency.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.orders import Cart
        >>> cart = Cart.open("c-1", "eur", at=datetime(2026, 5, 1, tzinfo=UTC), customer_id="cus-7")
        >>> [opened] = cart.pull_events()
        >>> opened.name, opened.currency, opened.customer_id
        ('CartOpened', 'EUR', 'cus-7')
    """

    cart_id: str
    currency: str
    customer_id: str | None


@attrs.frozen(kw_only=True)
class CartLineAdded(DomainEvent):
    """A new line was added to a cart.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.orders import Cart, CartItem
        >>> now = datetime(2026, 5, 1, tzinfo=UTC)
        >>> cart = Cart.open("c-1", "EUR", at=now)
        >>> _ = cart.add(CartItem("mug-blue", "mug"), 2, at=now)
        >>> added = cart.pull_events()[-1]
        >>> added.name, added.line_id, added.variant_id, added.quantity
        ('CartLineAdded', '1', 'mug-blue', 2)
    """

    cart_id: str
    line_id: str
    variant_id: str
    quantity: int


@attrs.frozen(kw_only=True)
class CartLineQuantityChanged(DomainEvent):
    """A line's quantity changed.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.orders import Cart, CartItem
        >>> now = datetime(2026, 5, 1, tzinfo=UTC)
        >>> cart = Cart.open("c-1", "EUR", at=now)
        >>> line = cart.add(CartItem("mug-blue", "mug"), 2, at=now)
        >>> cart.change_quantity(line.line_id, 5, at=now)
        >>> changed = cart.pull_events()[-1]
        >>> changed.name, changed.previous, changed.quantity
        ('CartLineQuantityChanged', 2, 5)
    """

    cart_id: str
    line_id: str
    previous: int
    quantity: int


@attrs.frozen(kw_only=True)
class CartLineRemoved(DomainEvent):
    """A line was removed from a cart.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.orders import Cart, CartItem
        >>> now = datetime(2026, 5, 1, tzinfo=UTC)
        >>> cart = Cart.open("c-1", "EUR", at=now)
        >>> line = cart.add(CartItem("mug-blue", "mug"), 2, at=now)
        >>> cart.change_quantity(line.line_id, 0, at=now)
        >>> removed = cart.pull_events()[-1]
        >>> removed.name, removed.line_id, cart.lines
        ('CartLineRemoved', '1', [])
    """

    cart_id: str
    line_id: str


@attrs.frozen(kw_only=True)
class CartCouponAdded(DomainEvent):
    """A coupon code was entered (normalised).

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.orders import Cart
        >>> now = datetime(2026, 5, 1, tzinfo=UTC)
        >>> cart = Cart.open("c-1", "EUR", at=now)
        >>> cart.add_coupon(" summer10 ", at=now)
        'SUMMER10'
        >>> entered = cart.pull_events()[-1]
        >>> entered.name, entered.code
        ('CartCouponAdded', 'SUMMER10')
    """

    cart_id: str
    code: str


@attrs.frozen(kw_only=True)
class CartCouponRemoved(DomainEvent):
    """A coupon code was taken off the cart.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.orders import Cart
        >>> now = datetime(2026, 5, 1, tzinfo=UTC)
        >>> cart = Cart.open("c-1", "EUR", at=now)
        >>> _ = cart.add_coupon("SUMMER10", at=now)
        >>> cart.remove_coupon("summer10", at=now)
        >>> removed = cart.pull_events()[-1]
        >>> removed.name, removed.code, cart.coupon_codes
        ('CartCouponRemoved', 'SUMMER10', [])
    """

    cart_id: str
    code: str


@attrs.frozen(kw_only=True)
class CartMerged(DomainEvent):
    """A guest cart was merged into this one; ``clamped`` lists lines cut to their maximum.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.orders import Cart, CartItem, QuantityRule
        >>> now = datetime(2026, 5, 1, tzinfo=UTC)
        >>> mine, guest = Cart.open("c-1", "EUR", at=now), Cart.open("g-9", "EUR", at=now)
        >>> _ = mine.add(CartItem("mug", "mug"), 3, at=now)
        >>> _ = guest.add(CartItem("mug", "mug"), 4, at=now)
        >>> mine.merge(guest, at=now, rules={"mug": QuantityRule(maximum=5)})
        >>> merged = mine.pull_events()[-1]
        >>> merged.name, merged.guest_cart_id, merged.clamped, mine.lines[0].quantity
        ('CartMerged', 'g-9', ('mug',), 5)
    """

    cart_id: str
    guest_cart_id: str
    clamped: tuple[str, ...]
