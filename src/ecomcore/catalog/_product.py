"""The Product aggregate: a handle, its facts, option axes and the variants generated from them."""

import enum
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

import attrs

from ecomcore.catalog._attributes import AttributeValue, ProductType
from ecomcore.catalog._errors import DuplicateSkuError
from ecomcore.catalog._events import ProductCreated, ProductStatusChanged, VariantsChanged
from ecomcore.catalog._identifiers import check_handle
from ecomcore.catalog._variants import Media, OptionAxis, OptionChange, Variant, variant_matrix
from ecomcore.core import Aggregate, Clock, DomainEvent, NotFoundError, ValidationError

__all__ = ["Product", "ProductStatus"]

Options = tuple[str, ...]


class ProductStatus(enum.Enum):
    """Where a product is in its life: drafted, on sale, or withdrawn.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import FixedClock
        >>> clock = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
        >>> mug = Product.create("p-1", "mug", "Mug", clock=clock)
        >>> mug.status
        <ProductStatus.DRAFT: 'draft'>
        >>> mug.change_status(ProductStatus.ARCHIVED, clock=clock)
        >>> mug.status is ProductStatus.ARCHIVED
        True
    """

    DRAFT = "draft"
    ACTIVE = "active"
    ARCHIVED = "archived"


def _check_title(_: object, __: "attrs.Attribute[str]", title: str) -> None:
    if not isinstance(title, str) or not title.strip():
        raise ValidationError("title", title, "non-empty text")


@attrs.define(eq=False)
class Product(Aggregate):
    """A product: what is sold, in which variations, with the facts tax, shipping and stock need.

    Build a new one with `Product.create` (it records `ProductCreated`); the plain constructor is
    for loading a stored product. Change it through its methods, which keep the invariants:
    every variant has one value per option axis, taken from that axis; no two variants share
    option values or a SKU. An `ecomcore.core.Aggregate`: ``version`` is the stored version this
    object was read at (0 = never saved), checked when a unit of work commits its save, and
    the events it records are collected with `pull_events` (the unit of work does it then).

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import FixedClock
        >>> clock = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
        >>> shirt = Product.create("p-1", "linen-shirt", "Linen shirt", clock=clock, options=[
        ...     OptionAxis.of("Size", "S", "M"), OptionAxis.of("Colour", "Sand", "Navy")])
        >>> added = shirt.generate_variants(clock=clock, sku_template="LS-{Size}-{Colour}")
        >>> [variant.sku for variant in shirt.variants]
        ['LS-S-Sand', 'LS-S-Navy', 'LS-M-Sand', 'LS-M-Navy']
        >>> [event.name for event in shirt.pull_events()]
        ['ProductCreated', 'VariantsChanged']
    """

    id: str
    handle: str = attrs.field(converter=check_handle)
    title: str = attrs.field(validator=_check_title)
    description: str = ""
    status: ProductStatus = ProductStatus.DRAFT
    product_type: str | None = None
    vendor: str = ""
    tags: frozenset[str] = frozenset()
    media: tuple[Media, ...] = ()
    options: tuple[OptionAxis, ...] = ()
    variants: tuple[Variant, ...] = ()
    attributes: Mapping[str, AttributeValue] = attrs.field(factory=dict)
    category_ids: frozenset[str] = frozenset()
    requires_shipping: bool = True
    # Most products are created and stored unchanged (a bulk import makes 100,000 at once), so
    # ProductCreated is kept as plain facts until pulled: one object fewer per product for the
    # garbage collector to walk. Nothing to check when it is set, so no attrs setattr hook.
    _created: tuple[datetime, str, str] | None = attrs.field(
        default=None, init=False, repr=False, on_setattr=attrs.setters.NO_OP
    )

    def __attrs_post_init__(self) -> None:
        names = [axis.name for axis in self.options]
        if len(set(names)) != len(names):
            raise ValidationError("options", names, "axes with distinct names")
        self._check_variants(self.variants)

    @classmethod
    def create(
        cls,
        product_id: str,
        handle: str,
        title: str,
        *,
        clock: Clock,
        options: Sequence[OptionAxis] = (),
        variants: Sequence[Variant] = (),
        **facts: object,
    ) -> "Product":
        """Create a product (version 0), recording ``ProductCreated``; ``facts`` set the rest."""
        product = cls(
            product_id,
            handle,
            title,
            options=tuple(options),
            variants=tuple(variants),
            **facts,  # type: ignore[arg-type]
        )
        product._created = (clock.now(), product_id, handle)
        return product

    # ------------------------------------------------------------------ variants
    def variant(self, options: Iterable[str]) -> Variant:
        """Return the variant with these option values; `NotFoundError` if there is none."""
        wanted = tuple(options)
        for variant in self.variants:
            if variant.options == wanted:
                return variant
        raise NotFoundError("variant", wanted)

    def generate_variants(
        self,
        *,
        clock: Clock,
        combinations: Iterable[Sequence[str]] | None = None,
        sku_template: str | None = None,
        template: Variant | None = None,
    ) -> list[Variant]:
        """Create the variants for every combination of the option axes, or the ones chosen.

        Combinations that already have a variant are skipped. ``sku_template`` formats each SKU
        from the option values by axis name (``"TS-{Size}-{Colour}"``); ``template`` gives the
        other facts (weight, tax category...) every new variant starts with. Returns the added
        variants and records `VariantsChanged`.
        """
        wanted = variant_matrix(self.options) if combinations is None else combinations
        existing = {variant.options for variant in self.variants}
        new: list[Variant] = []
        for combination in wanted:
            options = tuple(combination)
            if options in existing:
                continue
            existing.add(options)
            new.append(self._new_variant(options, sku_template, template))
        self._replace_variants((*self.variants, *new), clock=clock)
        return new

    def add_variant(self, variant: Variant, *, clock: Clock) -> None:
        """Add one variant; its options must be new and its SKU unused in this product."""
        self._replace_variants((*self.variants, variant), clock=clock)

    def update_variant(self, options: Iterable[str], *, clock: Clock, **changes: object) -> Variant:
        """Change facts of the variant with ``options`` (``sku=``, ``weight=``...); returns it."""
        old = self.variant(options)
        new = attrs.evolve(old, **changes)  # type: ignore[arg-type]  # attrs checks the names
        self._replace_variants(
            tuple(new if variant is old else variant for variant in self.variants), clock=clock
        )
        return new

    def remove_variant(self, options: Iterable[str], *, clock: Clock) -> None:
        """Remove the variant with ``options``."""
        old = self.variant(options)
        self._replace_variants(tuple(v for v in self.variants if v is not old), clock=clock)

    def plan_option_change(self, axes: Sequence[OptionAxis]) -> OptionChange:
        """Say exactly which variants changing the option axes to ``axes`` would add and remove.

        Axes are matched by name. A variant keeps its value on axes that stay, takes the first
        value of a new axis, and is removed if its value left its axis or if dropping an axis
        makes it a duplicate of an earlier variant. Added: the combinations of the new axes
        that use a new axis value and have no variant yet (so a chosen subset stays a subset).
        """
        position = {axis.name: index for index, axis in enumerate(self.options)}
        old_values = {axis.name: set(axis.values) for axis in self.options}
        kept: list[tuple[Options, Options]] = []
        removed: list[Variant] = []
        taken: set[Options] = set()
        for variant in self.variants:
            remapped = tuple(
                variant.options[position[axis.name]] if axis.name in position else axis.values[0]
                for axis in axes
            )
            fits = all(value in axis.values for value, axis in zip(remapped, axes, strict=True))
            if fits and remapped not in taken:
                taken.add(remapped)
                kept.append((variant.options, remapped))
            else:
                removed.append(variant)
        added = tuple(
            combination
            for combination in variant_matrix(axes)
            if combination not in taken
            and any(
                value not in old_values.get(axis.name, ())
                for value, axis in zip(combination, axes, strict=True)
                if axis.name in old_values or value != axis.values[0]
            )
        )
        return OptionChange(added=added, removed=tuple(removed), kept=tuple(kept))

    def change_options(
        self, axes: Sequence[OptionAxis], *, clock: Clock, sku_template: str | None = None
    ) -> OptionChange:
        """Apply `plan_option_change`: remap kept variants, drop removed ones, add new ones."""
        change = self.plan_option_change(axes)
        remap = dict(change.kept)
        survivors = tuple(
            attrs.evolve(variant, options=remap[variant.options])
            for variant in self.variants
            if variant.options in remap
        )
        previous = self.options
        self.options = tuple(axes)
        try:
            added = tuple(self._new_variant(opts, sku_template, None) for opts in change.added)
            self._replace_variants((*survivors, *added), clock=clock, change=change)
        except Exception:
            self.options = previous
            raise
        return change

    # ------------------------------------------------------------------ other facts
    def change_status(self, status: ProductStatus, *, clock: Clock) -> None:
        """Move to ``status``, recording `ProductStatusChanged` (nothing if unchanged)."""
        if status is self.status:
            return
        previous, self.status = self.status, status
        self.record(
            ProductStatusChanged(
                occurred_at=clock.now(),
                product_id=self.id,
                previous=previous.value,
                current=status.value,
            )
        )

    def set_attributes(self, product_type: ProductType, values: Mapping[str, object]) -> None:
        """Make this a ``product_type`` product with attribute ``values``, each checked."""
        self.attributes = product_type.check_attributes(values)
        self.product_type = product_type.code
        self.requires_shipping = product_type.requires_shipping

    def pull_events(self) -> list[DomainEvent]:
        """Return the events recorded since the last pull, oldest first, and forget them."""
        events = super().pull_events()
        if self._created is None:
            return events
        at, product_id, handle = self._created
        self._created = None
        return [ProductCreated(occurred_at=at, product_id=product_id, handle=handle), *events]

    # ------------------------------------------------------------------ invariants
    def _new_variant(
        self, options: Options, sku_template: str | None, template: Variant | None
    ) -> Variant:
        sku = None
        if sku_template is not None:
            names = {axis.name: value for axis, value in zip(self.options, options, strict=False)}
            try:
                sku = sku_template.format_map(names)
            except (KeyError, IndexError, ValueError):
                raise ValidationError(
                    "sku_template", sku_template, "a format using option names, like '{Size}'"
                ) from None
        base = template if template is not None else Variant()
        return attrs.evolve(base, options=options, sku=sku if sku is not None else base.sku)

    def _check_variants(self, variants: Sequence[Variant]) -> None:
        allowed = [frozenset(axis.values) for axis in self.options]
        width = len(allowed)
        seen_options: set[Options] = set()
        seen_skus: set[str] = set()
        for variant in variants:
            options = variant.options
            if len(options) != width or not all(map(frozenset.__contains__, allowed, options)):
                axes = ", ".join(f"{axis.name} {list(axis.values)}" for axis in self.options)
                raise ValidationError(
                    "variant options", options, f"one value per axis ({axes or 'none'})"
                )
            if options in seen_options:
                raise ValidationError(
                    "variant options", options, "different from every other variant's"
                )
            seen_options.add(options)
            sku = variant.sku
            if sku is not None:
                if sku in seen_skus:
                    raise DuplicateSkuError(sku, product=self.handle)
                seen_skus.add(sku)

    def _replace_variants(
        self,
        variants: tuple[Variant, ...],
        *,
        clock: Clock,
        change: OptionChange | None = None,
    ) -> None:
        self._check_variants(variants)
        if change is not None:
            added, removed = change.added, tuple(variant.options for variant in change.removed)
        else:
            before = {variant.options for variant in self.variants}
            after = {variant.options for variant in variants}
            added = tuple(v.options for v in variants if v.options not in before)
            removed = tuple(v.options for v in self.variants if v.options not in after)
        self.variants = variants
        if added or removed:
            self.record(
                VariantsChanged(
                    occurred_at=clock.now(), product_id=self.id, added=added, removed=removed
                )
            )
