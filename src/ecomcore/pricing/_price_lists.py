"""Price lists and their resolution: one price per variant, currency, quantity and customer.

Resolution precedence (documented in docs/pricing.md and tested):

1. Only lists in the asked currency, valid at the asked instant (``valid_from`` inclusive,
   ``valid_until`` exclusive), whose audience matches are considered. A list's audience is its
   customer groups, channels and regions; an empty set means "everyone", and every non-empty set
   must match (a customer matches a group list when they belong to one of its groups).
2. Of those, only lists that price the variant at the asked quantity count (a list whose smallest
   tier starts at 10 does not price 3 units). Within a list, the tier with the largest minimum
   quantity not above the asked quantity applies.
3. An ``OVERRIDE`` list beats every other kind: its price applies as is.
4. Otherwise the regular price comes from the best ``BASE`` list, and the best ``SALE`` list
   applies if its price is lower, with the regular price kept as compare-at.
5. "Best" among lists of one kind: higher ``priority`` first, then the more specific audience
   (more of groups, channels, regions restricted), then the list id, alphabetically.
"""

import enum
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime

import attrs
import moneyed

from ecomcore.core import Money, from_minor_units, get_currency, to_minor_units
from ecomcore.pricing._checks import (
    aware,
    check_window,
    currency_code,
    ids,
    whole_money,
    window_contains,
)
from ecomcore.pricing._errors import PriceNotFoundError, PromotionDefinitionError

__all__ = ["PriceBook", "PriceList", "PriceListKind", "PriceTier", "ResolvedPrice"]


class PriceListKind(enum.Enum):
    """What a price list is for, which decides how it competes with the others.

    Examples:
        >>> from datetime import UTC, datetime
        >>> acme = PriceList.of("acme", "EUR", {"mug": "11.00"}, kind=PriceListKind.OVERRIDE,
        ...                     customer_groups={"acme"})
        >>> sale = PriceList.of("summer", "EUR", {"mug": "9.00"}, kind=PriceListKind.SALE)
        >>> price = PriceBook([sale, acme]).resolve("mug", "EUR", 1, customer_groups={"acme"},
        ...                                         at=datetime(2026, 6, 1, tzinfo=UTC))
        >>> price.list_id, price.unit_price  # a contract price beats a cheaper sale
        ('acme', Money('11.00', 'EUR'))
    """

    BASE = "base"
    """Regular prices."""
    SALE = "sale"
    """Reduced prices: apply when below the regular price, which stays visible as compare-at."""
    OVERRIDE = "override"
    """Contract or negotiated prices: beat every other list, shown without a compare-at."""


@attrs.frozen
class PriceTier:
    """A unit price that applies from ``min_quantity`` units up.

    Examples:
        >>> PriceTier(10, Money("8.00", "EUR")).unit_price
        Money('8.00', 'EUR')
    """

    min_quantity: int
    unit_price: Money = attrs.field(converter=whole_money)

    def __attrs_post_init__(self) -> None:
        if isinstance(self.min_quantity, bool) or not isinstance(self.min_quantity, int):
            raise PromotionDefinitionError("min_quantity", self.min_quantity, "a whole number")
        if self.min_quantity < 1:
            raise PromotionDefinitionError("min_quantity", self.min_quantity, "at least 1")
        if self.unit_price.amount < 0:
            raise PromotionDefinitionError("unit_price", self.unit_price, "zero or more")


def _tiers(
    prices: Mapping[str, Iterable[PriceTier]],
) -> Mapping[str, tuple[PriceTier, ...]]:
    result: dict[str, tuple[PriceTier, ...]] = {}
    for variant, tiers in prices.items():
        ordered = tuple(sorted(tiers, key=lambda tier: tier.min_quantity))
        if not ordered:
            raise PromotionDefinitionError(f"prices[{variant!r}]", ordered, "one tier or more")
        minimums = [tier.min_quantity for tier in ordered]
        if len(set(minimums)) != len(minimums):
            raise PromotionDefinitionError(
                f"prices[{variant!r}]", minimums, "tiers with distinct minimum quantities"
            )
        result[variant] = ordered
    return result


@attrs.frozen
class PriceList:
    """Prices per variant in one currency, for an audience, a time window and a kind.

    Build one with `PriceList.of`, which takes plain amounts or quantity tiers. Every price must be
    a whole number of minor units of the list's currency. ``includes_tax`` says whether the prices
    are gross (tax-inclusive, as in most B2C stores in Europe) or net.

    Examples:
        >>> retail = PriceList.of("retail", "EUR", {"mug": "10.00", "tee": {1: "10", 10: "8"}})
        >>> retail.price_for("tee", 12)
        Money('8.00', 'EUR')
        >>> retail.price_for("tee", 3), retail.price_for("hat", 1)
        (Money('10.00', 'EUR'), None)
    """

    id: str
    currency: str = attrs.field(converter=currency_code)
    prices: Mapping[str, tuple[PriceTier, ...]] = attrs.field(converter=_tiers)
    kind: PriceListKind = PriceListKind.BASE
    includes_tax: bool = False
    customer_groups: frozenset[str] = attrs.field(default=frozenset(), converter=ids)
    channels: frozenset[str] = attrs.field(default=frozenset(), converter=ids)
    regions: frozenset[str] = attrs.field(default=frozenset(), converter=ids)
    valid_from: datetime | None = attrs.field(default=None, validator=aware)
    valid_until: datetime | None = attrs.field(default=None, validator=aware)
    priority: int = 0
    _units: Mapping[str, tuple[tuple[int, int], ...]] = attrs.field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if not self.id:
            raise PromotionDefinitionError("id", self.id, "a non-empty price list id")
        check_window(self.valid_from, self.valid_until)
        units: dict[str, tuple[tuple[int, int], ...]] = {}
        for variant, tiers in self.prices.items():
            for tier in tiers:
                if tier.unit_price.currency.code != self.currency:
                    raise PromotionDefinitionError(
                        f"prices[{variant!r}]", tier.unit_price, f"amounts in {self.currency}"
                    )
            # Largest minimum first: the first tier not above the quantity is the one.
            units[variant] = tuple(
                (tier.min_quantity, to_minor_units(tier.unit_price)) for tier in reversed(tiers)
            )
        object.__setattr__(self, "_units", units)

    @classmethod
    def of(
        cls,
        id: str,
        currency: str,
        prices: Mapping[str, "str | moneyed.Money | Mapping[int, str | moneyed.Money]"],
        **options: object,
    ) -> "PriceList":
        """Build a list from ``{variant: amount}`` or ``{variant: {min_quantity: amount}}``.

        Amounts are decimal strings or Money in ``currency``; ``options`` are the other fields
        (``kind``, ``includes_tax``, ``customer_groups``, ``priority``...).

        Examples:
            >>> sale = PriceList.of("summer", "EUR", {"mug": "7.50"}, kind=PriceListKind.SALE)
            >>> sale.kind.value, sale.price_for("mug", 1)
            ('sale', Money('7.50', 'EUR'))
        """

        def tier_money(amount: "str | moneyed.Money") -> Money:
            return Money(amount, currency) if isinstance(amount, str) else whole_money(amount)

        tiers: dict[str, list[PriceTier]] = {}
        for variant, amount in prices.items():
            if isinstance(amount, Mapping):
                tiers[variant] = [
                    PriceTier(qty, tier_money(value)) for qty, value in amount.items()
                ]
            else:
                tiers[variant] = [PriceTier(1, tier_money(amount))]
        return cls(id, currency, tiers, **options)  # type: ignore[arg-type]

    @property
    def specificity(self) -> int:
        """How many audience dimensions (groups, channels, regions) the list restricts."""
        return bool(self.customer_groups) + bool(self.channels) + bool(self.regions)

    def serves(
        self, groups: frozenset[str], channel: str | None, region: str | None, at: datetime
    ) -> bool:
        """Tell whether the list is valid at ``at`` for this customer, channel and region."""
        return (
            window_contains(self.valid_from, self.valid_until, at)
            and (not self.customer_groups or not self.customer_groups.isdisjoint(groups))
            and (not self.channels or channel in self.channels)
            and (not self.regions or region in self.regions)
        )

    def unit_units(self, variant_id: str, quantity: int) -> int | None:
        """Return the unit price in minor units for ``quantity`` units, or None if not priced."""
        for minimum, units in self._units.get(variant_id, ()):
            if quantity >= minimum:
                return units
        return None

    def price_for(self, variant_id: str, quantity: int) -> Money | None:
        """Return the unit price for ``quantity`` units of the variant, or None if not priced."""
        units = self.unit_units(variant_id, quantity)
        return None if units is None else from_minor_units(units, self.currency)


@attrs.frozen
class ResolvedPrice:
    """The price that applies, where it came from, and the compare-at price of a sale.

    ``compare_at`` is the regular price when a sale list won, else None.

    Examples:
        >>> from datetime import UTC, datetime
        >>> shop = PriceBook([PriceList.of("shop", "EUR", {"mug": {1: "11.90", 6: "9.90"}},
        ...                                includes_tax=True)])
        >>> price = shop.resolve("mug", "EUR", 6, at=datetime(2026, 6, 1, tzinfo=UTC))
        >>> price.unit_price, price.list_id, price.kind.value, price.includes_tax, price.compare_at
        (Money('9.90', 'EUR'), 'shop', 'base', True, None)
    """

    unit_price: Money
    list_id: str
    kind: PriceListKind
    includes_tax: bool
    compare_at: Money | None = None


# (unit minor units, compare-at minor units or None, the winning list)
Resolution = tuple[int, int | None, PriceList]


def _rank(price_list: PriceList) -> tuple[int, int, str]:
    return (-price_list.priority, -price_list.specificity, price_list.id)


def _ranked_lists(lists: Iterable[PriceList]) -> tuple[PriceList, ...]:
    return tuple(sorted(lists, key=_rank))


@attrs.frozen
class PriceBook:
    """All price lists of a store, resolving one price per variant by the documented precedence.

    Examples:
        >>> book = PriceBook([
        ...     PriceList.of("retail", "EUR", {"mug": "10.00"}),
        ...     PriceList.of("summer", "EUR", {"mug": "7.50"}, kind=PriceListKind.SALE),
        ...     PriceList.of("b2b", "EUR", {"mug": "6.00"}, kind=PriceListKind.OVERRIDE,
        ...                  customer_groups={"trade"}),
        ... ])
        >>> from datetime import UTC, datetime
        >>> now = datetime(2026, 6, 1, tzinfo=UTC)
        >>> price = book.resolve("mug", "EUR", 1, at=now)
        >>> price.unit_price, price.list_id, price.compare_at
        (Money('7.50', 'EUR'), 'summer', Money('10.00', 'EUR'))
        >>> book.resolve("mug", "EUR", 1, at=now, customer_groups={"trade"}).list_id
        'b2b'
    """

    lists: tuple[PriceList, ...] = attrs.field(converter=_ranked_lists)

    def __attrs_post_init__(self) -> None:
        seen = [price_list.id for price_list in self.lists]
        if len(set(seen)) != len(seen):
            raise PromotionDefinitionError("lists", seen, "price lists with distinct ids")

    def resolver(
        self,
        currency: str,
        *,
        at: datetime,
        customer_groups: frozenset[str] = frozenset(),
        channel: str | None = None,
        region: str | None = None,
    ) -> Callable[[str, int], Resolution | None]:
        """Return a fast function ``(variant, quantity) -> (units, compare-at units, list)``.

        The lists that serve this currency and audience are chosen once, so resolving many lines
        costs a few dictionary lookups each. Returns None for a variant no list prices.
        """
        serving = [
            price_list
            for price_list in self.lists
            if price_list.currency == currency
            and price_list.serves(customer_groups, channel, region, at)
        ]
        overrides = [pl for pl in serving if pl.kind is PriceListKind.OVERRIDE]
        bases = [pl for pl in serving if pl.kind is PriceListKind.BASE]
        sales = [pl for pl in serving if pl.kind is PriceListKind.SALE]

        def first(lists: list[PriceList], variant: str, quantity: int) -> tuple[int, PriceList]:
            for price_list in lists:
                units = price_list.unit_units(variant, quantity)
                if units is not None:
                    return units, price_list
            return -1, _NO_LIST

        def resolve(variant: str, quantity: int) -> Resolution | None:
            units, winner = first(overrides, variant, quantity)
            if units >= 0:
                return units, None, winner
            regular, base = first(bases, variant, quantity)
            sale, sale_list = first(sales, variant, quantity)
            if sale >= 0 and (regular < 0 or sale < regular):
                return sale, (regular if regular > sale else None), sale_list
            if regular >= 0:
                return regular, None, base
            return None

        return resolve

    def resolve(
        self,
        variant_id: str,
        currency: str,
        quantity: int,
        *,
        at: datetime,
        customer_groups: Iterable[str] = (),
        channel: str | None = None,
        region: str | None = None,
    ) -> ResolvedPrice:
        """Return the price of ``quantity`` units of a variant, or raise `PriceNotFoundError`."""
        code = get_currency(currency).code
        found = self.resolver(
            code, at=at, customer_groups=frozenset(customer_groups), channel=channel, region=region
        )(variant_id, quantity)
        if found is None:
            raise PriceNotFoundError(variant_id, code, quantity)
        units, compare_at, winner = found
        return ResolvedPrice(
            unit_price=from_minor_units(units, code),
            list_id=winner.id,
            kind=winner.kind,
            includes_tax=winner.includes_tax,
            compare_at=None if compare_at is None else from_minor_units(compare_at, code),
        )


_NO_LIST = PriceList("-", "EUR", {})
