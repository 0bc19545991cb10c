"""What happens to products: facts recorded by the `Product` aggregate."""

import attrs

from ecomcore.core import DomainEvent

__all__ = ["ProductCreated", "ProductStatusChanged", "VariantsChanged"]


@attrs.frozen(kw_only=True)
class ProductCreated(DomainEvent):
    """A product was created with ``handle``.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.catalog import Product
        >>> from ecomcore.core import FixedClock
        >>> clock = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
        >>> [created] = Product.create("p-1", "mug", "Mug", clock=clock).pull_events()
        >>> created.name, created.handle, created.occurred_at
        ('ProductCreated', 'mug', datetime.datetime(2026, 3, 1, 0, 0, tzinfo=datetime.timezone.utc))
    """

    product_id: str
    handle: str


@attrs.frozen(kw_only=True)
class ProductStatusChanged(DomainEvent):
    """A product moved from one status (``draft``, ``active``, ``archived``) to another.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.catalog import Product, ProductStatus
        >>> from ecomcore.core import FixedClock
        >>> clock = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
        >>> mug = Product.create("p-1", "mug", "Mug", clock=clock)
        >>> mug.change_status(ProductStatus.ACTIVE, clock=clock)
        >>> changed = mug.pull_events()[-1]
        >>> changed.name, changed.previous, changed.current
        ('ProductStatusChanged', 'draft', 'active')
    """

    product_id: str
    previous: str
    current: str


@attrs.frozen(kw_only=True)
class VariantsChanged(DomainEvent):
    """Variants were added to or removed from a product, named by their option values.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.catalog import OptionAxis, Product
        >>> from ecomcore.core import FixedClock
        >>> clock = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
        >>> sizes = OptionAxis.of("Size", "S", "M")
        >>> tee = Product.create("p-1", "tee", "Tee", clock=clock, options=[sizes])
        >>> _ = tee.generate_variants(clock=clock)
        >>> changed = tee.pull_events()[-1]
        >>> changed.name, changed.added, changed.removed
        ('VariantsChanged', (('S',), ('M',)), ())
    """

    product_id: str
    added: tuple[tuple[str, ...], ...]
    removed: tuple[tuple[str, ...], ...]
