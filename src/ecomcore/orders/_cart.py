"""The cart: lines, quantities under rules, one currency, coupons, and a quote through pricing."""

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime

import attrs
import moneyed

from ecomcore.core import (
    Aggregate,
    CurrencyMismatchError,
    ValidationError,
    check_whole_number,
    get_currency,
)
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
from ecomcore.pricing import (
    CouponBook,
    CustomerContext,
    LineItem,
    PriceBook,
    PromotionCatalog,
    Quote,
    QuoteRequest,
    QuoteTax,
    RedemptionReader,
    normalise_code,
    quote,
)

__all__ = ["Cart", "CartItem", "CartLine", "QuantityRule"]


@attrs.frozen
class QuantityRule:
    """How many of an item may be ordered: at least ``minimum``, at most ``maximum``, by ``step``.

    Allowed quantities are ``minimum``, ``minimum + step``, ... up to ``maximum``.

    Examples:
        >>> rule = QuantityRule(minimum=2, maximum=10, step=2)
        >>> rule.allows(4), rule.allows(5), rule.largest_up_to(11)
        (True, False, 10)
    """

    minimum: int = 1
    maximum: int | None = None
    step: int = 1

    def __attrs_post_init__(self) -> None:
        check_whole_number("minimum", self.minimum, minimum=1)
        check_whole_number("step", self.step, minimum=1)
        if self.maximum is not None:
            check_whole_number("maximum", self.maximum, minimum=self.minimum)

    def describe(self) -> str:
        """Say the rule in words."""
        upper = f" to {self.maximum}" if self.maximum is not None else " or more"
        step = f"a multiple of {self.step} " if self.step > 1 else ""
        return f"{step}from {self.minimum}{upper}".strip()

    def allows(self, quantity: int) -> bool:
        """Tell whether ``quantity`` keeps the rule."""
        try:
            check_whole_number("quantity", quantity, minimum=self.minimum, maximum=self.maximum)
        except ValidationError:
            return False
        return (quantity - self.minimum) % self.step == 0

    def check(self, variant_id: str, quantity: int) -> None:
        """Raise `QuantityRuleError` unless ``quantity`` keeps the rule."""
        if not self.allows(quantity):
            raise QuantityRuleError(variant_id, quantity, self.describe())

    def largest_up_to(self, quantity: int) -> int:
        """Return the largest allowed quantity not above ``quantity`` (at least the minimum)."""
        if self.maximum is not None:
            quantity = min(quantity, self.maximum)
        if quantity <= self.minimum:
            return self.minimum
        return quantity - (quantity - self.minimum) % self.step


def _ids(values: Iterable[str]) -> frozenset[str]:
    return frozenset(values)


@attrs.frozen
class CartItem:
    """What a cart line holds: a variant and the facts pricing looks at.

    Examples:
        >>> from datetime import UTC, datetime
        >>> now = datetime(2026, 5, 1, tzinfo=UTC)
        >>> item = CartItem("mug-blue", "mug", category_ids=["kitchen"], tags=["gift"])
        >>> item.category_ids, "gift" in item.tags
        (frozenset({'kitchen'}), True)
        >>> cart = Cart.open("c-1", "EUR", at=now)
        >>> cart.add(item, 1, at=now).item is item
        True
    """

    variant_id: str
    product_id: str
    category_ids: frozenset[str] = attrs.field(default=frozenset(), converter=_ids)
    collection_ids: frozenset[str] = attrs.field(default=frozenset(), converter=_ids)
    tags: frozenset[str] = attrs.field(default=frozenset(), converter=_ids)


@attrs.define(eq=False)
class CartLine:
    """A line of a cart: an item and a quantity.

    Examples:
        >>> from datetime import UTC, datetime
        >>> now = datetime(2026, 5, 1, tzinfo=UTC)
        >>> cart = Cart.open("c-1", "EUR", at=now)
        >>> line = cart.add(CartItem("mug-blue", "mug"), 2, at=now)
        >>> cart.change_quantity(line.line_id, 6, at=now, rule=QuantityRule(minimum=2, step=2))
        >>> line.line_id, line.item.variant_id, line.quantity
        ('1', 'mug-blue', 6)
    """

    line_id: str
    item: CartItem
    quantity: int


_DEFAULT_RULE = QuantityRule()
Rules = Mapping[str, QuantityRule] | Callable[[str], QuantityRule]


def _rule_for(rules: Rules, variant_id: str) -> QuantityRule:
    if callable(rules):
        return rules(variant_id)
    return rules.get(variant_id, _DEFAULT_RULE)


@attrs.define(eq=False, kw_only=True)
class Cart(Aggregate):
    """A shopper's cart in one currency: add, change, remove, merge, enter coupons, quote.

    An `ecomcore.core.Aggregate`: every change checks the item's `QuantityRule` and records an
    event, which the caller collects with `pull_events`;
    ``version`` is the stored version the cart was read at (0 for a cart not yet saved). One
    line per variant: adding a variant already in the cart raises its quantity.

    Examples:
        >>> from datetime import UTC, datetime
        >>> now = datetime(2026, 5, 1, tzinfo=UTC)
        >>> cart = Cart.open("c-1", "EUR", at=now)
        >>> line = cart.add(CartItem("mug", "mug"), 2, at=now)
        >>> _ = cart.add(CartItem("mug", "mug"), 1, at=now)
        >>> [(line.line_id, line.quantity) for line in cart.lines]
        [('1', 3)]
        >>> [event.name for event in cart.pull_events()], cart.version
        (['CartOpened', 'CartLineAdded', 'CartLineQuantityChanged'], 0)
    """

    id: str
    currency: str
    customer_id: str | None = None
    channel: str | None = None
    lines: list[CartLine] = attrs.field(factory=list)
    coupon_codes: list[str] = attrs.field(factory=list)
    _next_line: int = 1

    @classmethod
    def open(
        cls,
        cart_id: str,
        currency: str,
        *,
        at: datetime,
        customer_id: str | None = None,
        channel: str | None = None,
    ) -> "Cart":
        """Open an empty cart in ``currency`` (records `CartOpened`)."""
        code = get_currency(currency).code
        cart = cls(id=cart_id, currency=code, customer_id=customer_id, channel=channel)
        cart.record(
            CartOpened(occurred_at=at, cart_id=cart_id, currency=code, customer_id=customer_id)
        )
        return cart

    def line(self, line_id: str) -> CartLine:
        """Return the line with ``line_id``, or raise `CartLineNotFoundError`."""
        for line in self.lines:
            if line.line_id == line_id:
                return line
        raise CartLineNotFoundError(self.id, line_id)

    def add(
        self, item: CartItem, quantity: int, *, at: datetime, rule: QuantityRule = _DEFAULT_RULE
    ) -> CartLine:
        """Add ``quantity`` of ``item``: a new line, or more on the variant's existing line."""
        for line in self.lines:
            if line.item.variant_id == item.variant_id:
                self.change_quantity(line.line_id, line.quantity + quantity, at=at, rule=rule)
                return line
        rule.check(item.variant_id, quantity)
        line = CartLine(str(self._next_line), item, quantity)
        self._next_line += 1
        self.lines.append(line)
        self.record(
            CartLineAdded(
                occurred_at=at,
                cart_id=self.id,
                line_id=line.line_id,
                variant_id=item.variant_id,
                quantity=quantity,
            )
        )
        return line

    def change_quantity(
        self, line_id: str, quantity: int, *, at: datetime, rule: QuantityRule = _DEFAULT_RULE
    ) -> None:
        """Set a line's quantity; zero removes the line."""
        line = self.line(line_id)
        if quantity == 0:
            self.remove(line_id, at=at)
            return
        rule.check(line.item.variant_id, quantity)
        if quantity == line.quantity:
            return
        previous, line.quantity = line.quantity, quantity
        self.record(
            CartLineQuantityChanged(
                occurred_at=at,
                cart_id=self.id,
                line_id=line_id,
                previous=previous,
                quantity=quantity,
            )
        )

    def remove(self, line_id: str, *, at: datetime) -> None:
        """Remove a line (`CartLineNotFoundError` if there is none)."""
        self.lines.remove(self.line(line_id))
        self.record(CartLineRemoved(occurred_at=at, cart_id=self.id, line_id=line_id))

    def add_coupon(self, code: str, *, at: datetime) -> str:
        """Enter a coupon code; returns it normalised. Entering it again changes nothing."""
        normal = normalise_code(code)
        if normal not in self.coupon_codes:
            self.coupon_codes.append(normal)
            self.record(CartCouponAdded(occurred_at=at, cart_id=self.id, code=normal))
        return normal

    def remove_coupon(self, code: str, *, at: datetime) -> None:
        """Take a coupon code off the cart, if it is there."""
        normal = normalise_code(code)
        if normal in self.coupon_codes:
            self.coupon_codes.remove(normal)
            self.record(CartCouponRemoved(occurred_at=at, cart_id=self.id, code=normal))

    def merge(self, guest: "Cart", *, at: datetime, rules: Rules | None = None) -> None:
        """Merge a guest cart into this one (at sign-in).

        Quantities of a variant in both carts add up, cut down to the largest quantity the rule
        allows (those lines are listed in the `CartMerged` event); coupons are united. Raises
        `CurrencyMismatchError` when the carts are in different currencies.
        """
        if guest.currency != self.currency:
            raise CurrencyMismatchError(self.currency, guest.currency)
        rules = rules or {}
        clamped: list[str] = []
        for guest_line in guest.lines:
            variant = guest_line.item.variant_id
            rule = _rule_for(rules, variant)
            mine = next((line for line in self.lines if line.item.variant_id == variant), None)
            wanted = guest_line.quantity + (mine.quantity if mine is not None else 0)
            allowed = rule.largest_up_to(wanted)
            if allowed != wanted:
                clamped.append(variant)
            if mine is None:
                self.add(guest_line.item, allowed, at=at, rule=rule)
            else:
                self.change_quantity(mine.line_id, allowed, at=at, rule=rule)
        for code in guest.coupon_codes:
            self.add_coupon(code, at=at)
        self.record(
            CartMerged(
                occurred_at=at, cart_id=self.id, guest_cart_id=guest.id, clamped=tuple(clamped)
            )
        )

    def quote_request(
        self,
        *,
        at: datetime,
        customer: CustomerContext | None = None,
        shipping: moneyed.Money | None = None,
        region: str | None = None,
    ) -> QuoteRequest:
        """Return the `ecomcore.pricing.QuoteRequest` for this cart as it is now."""
        items: Iterable[LineItem] = (
            LineItem(
                line.line_id,
                line.item.variant_id,
                line.item.product_id,
                line.quantity,
                category_ids=line.item.category_ids,
                collection_ids=line.item.collection_ids,
                tags=line.item.tags,
            )
            for line in self.lines
        )
        return QuoteRequest(
            self.currency,
            items,
            at,
            customer or CustomerContext(customer_id=self.customer_id),
            self.channel,
            region,
            tuple(self.coupon_codes),
            shipping,
        )

    def quote(
        self,
        *,
        at: datetime,
        prices: PriceBook,
        promotions: PromotionCatalog,
        coupons: CouponBook | None = None,
        ledger: RedemptionReader | None = None,
        tax: QuoteTax | None = None,
        customer: CustomerContext | None = None,
        shipping: moneyed.Money | None = None,
        region: str | None = None,
    ) -> Quote:
        """Price the cart through `ecomcore.pricing.quote` (no tax unless a `QuoteTax` is given)."""
        request = self.quote_request(at=at, customer=customer, shipping=shipping, region=region)
        return quote(
            request,
            prices=prices,
            promotions=promotions,
            coupons=coupons,
            ledger=ledger,
            tax=tax,
        )
