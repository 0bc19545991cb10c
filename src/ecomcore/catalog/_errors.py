"""The catalog's errors: each names the bad value and what would be right."""

from collections.abc import Sequence

from ecomcore.core import EcomcoreError, ValidationError

__all__ = [
    "AttributeValueError",
    "CategoryCycleError",
    "DuplicateSkuError",
    "InvalidBarcodeError",
    "UnknownUnitError",
]


class UnknownUnitError(ValidationError):
    """A unit symbol is not one the catalog knows.

    Examples:
        >>> from ecomcore.catalog import Weight
        >>> Weight.of("1", "stone")
        Traceback (most recent call last):
        ...
        ecomcore.catalog._errors.UnknownUnitError: weight unit must be one of g, kg, lb, oz, ...
    """

    code = "unknown_unit"

    def __init__(self, field: str, value: object, known: Sequence[str]) -> None:
        super().__init__(field, value, "one of " + ", ".join(known))


class InvalidBarcodeError(ValidationError):
    """A barcode is not a valid GTIN (EAN-8, UPC-A, EAN-13 or GTIN-14 with its check digit).

    Examples:
        >>> from ecomcore.catalog import Barcode
        >>> Barcode.parse("4006381333932")
        Traceback (most recent call last):
        ...
        ecomcore.catalog._errors.InvalidBarcodeError: barcode must be a GTIN ... check digit ...
    """

    code = "invalid_barcode"

    def __init__(self, value: object, problem: str) -> None:
        super().__init__(
            "barcode",
            value,
            f"a GTIN of 8, 12, 13 or 14 digits with a valid check digit ({problem})",
        )
        self.problem = problem


class DuplicateSkuError(EcomcoreError, ValueError):
    """A SKU is already used, by another product or another variant of the same product.

    Examples:
        >>> raise DuplicateSkuError("TS-RED-M", product="t-shirt")
        Traceback (most recent call last):
        ...
        ecomcore.catalog._errors.DuplicateSkuError: SKU 'TS-RED-M' is already used by product ...
    """

    code = "duplicate_sku"

    def __init__(self, sku: str, *, product: str) -> None:
        super().__init__(
            f"SKU {sku!r} is already used by product {product!r}; SKUs are unique across the "
            "catalog, so choose another one",
            sku=sku,
            product=product,
        )
        self.sku = sku
        self.product = product


class CategoryCycleError(EcomcoreError, ValueError):
    """A move would put a category inside its own subtree.

    Examples:
        >>> raise CategoryCycleError("shoes", "running")
        Traceback (most recent call last):
        ...
        ecomcore.catalog._errors.CategoryCycleError: cannot move category 'shoes' under 'running'...
    """

    code = "category_cycle"

    def __init__(self, category_id: str, new_parent_id: str) -> None:
        super().__init__(
            f"cannot move category {category_id!r} under {new_parent_id!r}: that is inside its "
            "own subtree; choose a parent outside it, or None for the root",
            category_id=category_id,
            new_parent_id=new_parent_id,
        )


class AttributeValueError(ValidationError):
    """An attribute value does not fit its definition (wrong kind, unknown choice, unknown code).

    Examples:
        >>> raise AttributeValueError("material", 3, "one of 'cotton', 'wool'")
        Traceback (most recent call last):
        ...
        ecomcore.catalog._errors.AttributeValueError: attribute material must be one of ...
    """

    code = "invalid_attribute"

    def __init__(self, attribute: str, value: object, allowed: str) -> None:
        super().__init__(f"attribute {attribute}", value, allowed)
        self.attribute = attribute
