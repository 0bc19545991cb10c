"""What happens to products: facts recorded by the `Product` aggregate."""

import attrs

from ecomcore.core import DomainEvent

__all__ = ["ProductCreated", "ProductStatusChanged", "VariantsChanged"]


@attrs.frozen(kw_only=True)
class ProductCreated(DomainEvent):
    """A product was created with ``handle``."""

    product_id: str
    handle: str


@attrs.frozen(kw_only=True)
class ProductStatusChanged(DomainEvent):
    """A product moved from one status (``draft``, ``active``, ``archived``) to another."""

    product_id: str
    previous: str
    current: str


@attrs.frozen(kw_only=True)
class VariantsChanged(DomainEvent):
    """Variants were added to or removed from a product, named by their option values."""

    product_id: str
    added: tuple[tuple[str, ...], ...]
    removed: tuple[tuple[str, ...], ...]
