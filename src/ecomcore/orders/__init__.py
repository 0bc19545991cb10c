"""Orders: where contexts meet. For now the cart, priced through `ecomcore.pricing`.

Examples:
    >>> from datetime import UTC, datetime
    >>> from ecomcore.pricing import PriceBook, PriceList, PromotionCatalog
    >>> now = datetime(2026, 5, 1, tzinfo=UTC)
    >>> cart = Cart.open("c-1", "EUR", at=now)
    >>> _ = cart.add(CartItem("mug", "mug"), 2, at=now)
    >>> book = PriceBook([PriceList.of("retail", "EUR", {"mug": "12.50"})])
    >>> cart.quote(at=now, prices=book, promotions=PromotionCatalog([])).total.gross
    Money('25.00', 'EUR')
"""

from ecomcore.orders._cart import Cart, CartItem, CartLine, QuantityRule
from ecomcore.orders._errors import CartLineNotFoundError, QuantityRuleError
from ecomcore.orders._events import (
    CartCouponAdded,
    CartCouponRemoved,
    CartLineAdded,
    CartLineQuantityChanged,
    CartLineRemoved,
    CartMerged,
    CartOpened,
)

__all__ = [
    "Cart",
    "CartCouponAdded",
    "CartCouponRemoved",
    "CartItem",
    "CartLine",
    "CartLineAdded",
    "CartLineNotFoundError",
    "CartLineQuantityChanged",
    "CartLineRemoved",
    "CartMerged",
    "CartOpened",
    "QuantityRule",
    "QuantityRuleError",
]
