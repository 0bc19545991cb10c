"""Product ranges: which lines a condition counts or a benefit discounts."""

import attrs

from ecomcore.pricing._checks import ids
from ecomcore.pricing._promotions._context import PricedLine, PromotionContext

__all__ = ["ProductRange"]


@attrs.frozen(cache_hash=True)
class ProductRange:
    """A set of items by product, variant, category, collection or tag, with exclusions.

    A line is in the range when it matches any inclusion (or the range includes everything), no
    exclusion, and, with ``exclude_sale_items``, was not priced by a sale list.

    Examples:
        >>> from ecomcore.pricing import ProductRange
        >>> shirts = ProductRange(categories={"shirts"}, exclude_tags={"clearance"})
        >>> shirts.describe()
        'categories shirts, except tags clearance'
        >>> ProductRange.everything().describe()
        'every item'
    """

    products: frozenset[str] = attrs.field(default=frozenset(), converter=ids)
    variants: frozenset[str] = attrs.field(default=frozenset(), converter=ids)
    categories: frozenset[str] = attrs.field(default=frozenset(), converter=ids)
    collections: frozenset[str] = attrs.field(default=frozenset(), converter=ids)
    tags: frozenset[str] = attrs.field(default=frozenset(), converter=ids)
    exclude_products: frozenset[str] = attrs.field(default=frozenset(), converter=ids)
    exclude_variants: frozenset[str] = attrs.field(default=frozenset(), converter=ids)
    exclude_categories: frozenset[str] = attrs.field(default=frozenset(), converter=ids)
    exclude_tags: frozenset[str] = attrs.field(default=frozenset(), converter=ids)
    exclude_sale_items: bool = False
    all_items: bool = False
    _keys: frozenset[tuple[str, str]] | None = attrs.field(init=False, eq=False, repr=False)
    _excludes: bool = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_keys", self.index_keys())
        excludes = self.exclude_sale_items or any(
            (
                self.exclude_products,
                self.exclude_variants,
                self.exclude_categories,
                self.exclude_tags,
            )
        )
        object.__setattr__(self, "_excludes", excludes)

    @classmethod
    def everything(cls, *, exclude_sale_items: bool = False) -> "ProductRange":
        """Return the range of every item in the cart."""
        return cls(all_items=True, exclude_sale_items=exclude_sale_items)

    def contains(self, line: PricedLine) -> bool:
        """Tell whether ``line`` is in the range."""
        if self.exclude_sale_items and line.compare_at is not None:
            return False
        included = (
            self.all_items
            or line.variant_id in self.variants
            or line.product_id in self.products
            or not self.categories.isdisjoint(line.category_ids)
            or not self.collections.isdisjoint(line.collection_ids)
            or not self.tags.isdisjoint(line.tags)
        )
        return included and not (
            line.variant_id in self.exclude_variants
            or line.product_id in self.exclude_products
            or not self.exclude_categories.isdisjoint(line.category_ids)
            or not self.exclude_tags.isdisjoint(line.tags)
        )

    def lines_in(self, context: PromotionContext) -> tuple[int, ...]:
        """Return the indexes of the context's lines in the range, computed once per quote."""
        if self._keys is not None and not self._excludes:
            # A line carrying an inclusion key is in a range without exclusions: no test.
            return context.matching(self, None, self._keys)
        return context.matching(self, self.contains, self._keys)

    def index_keys(self) -> frozenset[tuple[str, str]] | None:
        """Return the keys a line must carry one of to be in the range; None for every item."""
        if self.all_items:
            return None
        keys: set[tuple[str, str]] = set()
        for kind, values in (
            ("variant", self.variants),
            ("product", self.products),
            ("category", self.categories),
            ("collection", self.collections),
            ("tag", self.tags),
        ):
            keys.update((kind, value) for value in values)
        return frozenset(keys)

    def describe(self) -> str:
        """Say in words what the range holds."""
        parts = [
            f"{label} {', '.join(sorted(values))}"
            for label, values in (
                ("products", self.products),
                ("variants", self.variants),
                ("categories", self.categories),
                ("collections", self.collections),
                ("tags", self.tags),
            )
            if values
        ]
        text = "every item" if self.all_items else "; ".join(parts) or "no item"
        exclusions = [
            f"{label} {', '.join(sorted(values))}"
            for label, values in (
                ("products", self.exclude_products),
                ("variants", self.exclude_variants),
                ("categories", self.exclude_categories),
                ("tags", self.exclude_tags),
            )
            if values
        ]
        if exclusions:
            text += ", except " + "; ".join(exclusions)
        if self.exclude_sale_items:
            text += ", not on sale"
        return text
