"""Errors of the orders context."""

from ecomcore.core import EcomcoreError, NotFoundError, ValidationError

__all__ = ["CartLineNotFoundError", "QuantityRuleError"]


class QuantityRuleError(ValidationError):
    """A quantity breaks the item's rule (minimum, maximum or step).

    Examples:
        >>> print(QuantityRuleError("tee", 5, "a multiple of 2 from 2 to 10"))
        quantity of 'tee' must be a multiple of 2 from 2 to 10, got 5
    """

    code = "quantity_rule"

    def __init__(self, variant_id: str, quantity: int, allowed: str) -> None:
        super().__init__(f"quantity of {variant_id!r}", quantity, allowed)
        self.variant_id = variant_id


class CartLineNotFoundError(NotFoundError):
    """The cart has no line with that id.

    Examples:
        >>> print(CartLineNotFoundError("c-1", "9"))
        cart 'c-1' has no line '9'
    """

    code = "cart_line_not_found"

    def __init__(self, cart_id: str, line_id: str) -> None:
        EcomcoreError.__init__(
            self, f"cart {cart_id!r} has no line {line_id!r}", cart_id=cart_id, line_id=line_id
        )
        self.kind = "cart line"
        self.key = (cart_id, line_id)
