"""Variants and what they are made of: option axes, media, inventory components, the matrix."""

import itertools
from collections.abc import Sequence

import attrs

from ecomcore.catalog._identifiers import Barcode, check_hs_code, check_sku
from ecomcore.catalog._measures import Dimensions, Weight
from ecomcore.core import ValidationError, check_country

__all__ = ["InventoryComponent", "Media", "OptionAxis", "OptionChange", "Variant", "variant_matrix"]


def _optional_sku(value: str | None) -> str | None:
    return None if value is None else check_sku(value)


def _optional_hs_code(value: str | None) -> str | None:
    return None if value is None else check_hs_code(value)


def _optional_country(value: str | None) -> str | None:
    return None if value is None else check_country(value, field="country_of_origin")


@attrs.frozen
class Media:
    """An image or video of a product: where it is (an absolute or site-relative URL) and alt text.

    Examples:
        >>> Media("https://cdn.example/mug.jpg", "A white mug").alt
        'A white mug'
    """

    url: str
    alt: str = ""

    def __attrs_post_init__(self) -> None:
        if not self.url.startswith(("https://", "http://", "/")) or any(
            char.isspace() for char in self.url
        ):
            raise ValidationError("url", self.url, "an http(s) or site-relative URL, no spaces")


@attrs.frozen
class OptionAxis:
    """One way a product varies (``Size``) and its values in display order (``S``, ``M``, ``L``).

    Examples:
        >>> OptionAxis.of("Size", "S", "M", "L").values
        ('S', 'M', 'L')
    """

    name: str
    values: tuple[str, ...]

    def __attrs_post_init__(self) -> None:
        if not self.name.strip():
            raise ValidationError("option name", self.name, "non-empty text")
        if not self.values or any(not value.strip() for value in self.values):
            raise ValidationError(f"option {self.name} values", self.values, "non-empty texts")
        if len(set(self.values)) != len(self.values):
            raise ValidationError(f"option {self.name} values", self.values, "distinct values")

    @classmethod
    def of(cls, name: str, *values: str) -> "OptionAxis":
        """Return the axis ``name`` with ``values``."""
        return cls(name, tuple(values))


@attrs.frozen
class InventoryComponent:
    """An inventory item a variant consumes when sold, and how many of it (2 for a pair pack).

    Examples:
        >>> InventoryComponent("SOCK-BLK", 3).quantity
        3
    """

    item_id: str
    quantity: int = 1

    def __attrs_post_init__(self) -> None:
        if not self.item_id.strip():
            raise ValidationError("item_id", self.item_id, "non-empty text")
        if isinstance(self.quantity, bool) or not isinstance(self.quantity, int):
            raise ValidationError("quantity", self.quantity, "a whole number")
        if self.quantity < 1:
            raise ValidationError("quantity", self.quantity, "1 or more")


@attrs.frozen(kw_only=True)
class Variant:
    """One sellable version of a product, identified by its option values (in axis order).

    SKU, HS code and country of origin are checked as they are set (SKU stripped, HS code to
    digits, country uppercased). A variant consumes one inventory item named by its SKU unless
    ``components`` says otherwise (a kit or bundle lists several).

    Examples:
        >>> variant = Variant(options=("M", "Red"), sku="TS-M-RED", country_of_origin="pt",
        ...                   weight=Weight.of("180", "g"))
        >>> variant.country_of_origin, variant.inventory_items
        ('PT', (InventoryComponent(item_id='TS-M-RED', quantity=1),))
    """

    options: tuple[str, ...] = ()
    sku: str | None = attrs.field(default=None, converter=_optional_sku)
    barcode: Barcode | None = None
    weight: Weight | None = None
    dimensions: Dimensions | None = None
    tax_category: str | None = None
    hs_code: str | None = attrs.field(default=None, converter=_optional_hs_code)
    country_of_origin: str | None = attrs.field(default=None, converter=_optional_country)
    components: tuple[InventoryComponent, ...] = ()
    active: bool = True

    @property
    def inventory_items(self) -> tuple[InventoryComponent, ...]:
        """The items a sale of this variant takes from stock: ``components``, else its SKU."""
        if self.components or self.sku is None:
            return self.components
        return (InventoryComponent(self.sku),)

    @property
    def label(self) -> str:
        """The option values joined with `` / `` (``M / Red``), or ``Default`` without options."""
        return " / ".join(self.options) or "Default"


def variant_matrix(axes: Sequence[OptionAxis]) -> list[tuple[str, ...]]:
    """Every combination of the axes' values, first axis slowest, in display order.

    Examples:
        >>> size, colour = OptionAxis.of("Size", "S", "M"), OptionAxis.of("Colour", "Red", "Blue")
        >>> variant_matrix([size, colour])
        [('S', 'Red'), ('S', 'Blue'), ('M', 'Red'), ('M', 'Blue')]
        >>> variant_matrix([])
        [()]
    """
    return list(itertools.product(*(axis.values for axis in axes)))


@attrs.frozen
class OptionChange:
    """What changing a product's option axes does to its variants, before or after applying it.

    ``kept`` maps each surviving variant's old option values to its new ones; ``removed`` lists
    the variants that would go; ``added`` the option values of variants that would be created.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.catalog import Product
        >>> from ecomcore.core import FixedClock
        >>> clock = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
        >>> sizes = OptionAxis.of("Size", "S", "M")
        >>> tee = Product.create("p-1", "tee", "Tee", clock=clock, options=[sizes])
        >>> _ = tee.generate_variants(clock=clock)
        >>> change = tee.plan_option_change([OptionAxis.of("Size", "M", "L")])
        >>> change.added, [variant.label for variant in change.removed], change.kept
        ((('L',),), ['S'], ((('M',), ('M',)),))
    """

    added: tuple[tuple[str, ...], ...]
    removed: tuple[Variant, ...]
    kept: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]

    def describe(self) -> str:
        """One readable line per added and removed variant.

        Examples:
            >>> gone = Variant(options=("XS",))
            >>> change = OptionChange(added=(("XL",),), removed=(gone,), kept=())
            >>> print(change.describe())
            + XL
            - XS
        """
        lines = [f"+ {' / '.join(options)}" for options in self.added]
        lines += [f"- {variant.label}" for variant in self.removed]
        return "\n".join(lines)
