"""The publication check: everything that keeps a product from being sellable, as values."""

import attrs

from ecomcore.catalog._attributes import ProductType
from ecomcore.catalog._product import Product, ProductStatus

__all__ = ["PublicationProblem", "publication_problems"]


@attrs.frozen
class PublicationProblem:
    """One reason a product cannot be sold yet.

    A stable ``code``, a readable ``message``, and the variant (by its label) or attribute it
    concerns, if any.

    Codes: ``archived``, ``no_active_variant``, ``variant_without_sku``,
    ``variant_without_weight``, ``missing_required_attribute``, ``product_type_mismatch``.

    Examples:
        >>> from ecomcore.catalog import Variant
        >>> mug = Product("p-1", "mug", "Mug", variants=(Variant(sku="MUG-1"),))
        >>> [problem] = publication_problems(mug)
        >>> problem.code, problem.variant
        ('variant_without_weight', 'Default')
        >>> problem.message
        'variant Default has no weight; shipping needs it to rate the parcel'
    """

    code: str
    message: str
    variant: str | None = None
    attribute: str | None = None


def publication_problems(
    product: Product, product_type: ProductType | None = None
) -> list[PublicationProblem]:
    """List everything that keeps ``product`` from being sellable; empty means ready to publish.

    Active variants need a SKU, and a weight when the product requires shipping. With its
    ``product_type``, required attributes must be set. Problems come in a fixed order: product,
    then variants in order, then attributes.

    Examples:
        >>> from ecomcore.catalog import Variant
        >>> mug = Product("p-1", "mug", "Mug", variants=(Variant(sku="MUG-1"),))
        >>> [problem.code for problem in publication_problems(mug)]
        ['variant_without_weight']
        >>> print(publication_problems(mug)[0].message)
        variant Default has no weight; shipping needs it to rate the parcel
    """
    problems: list[PublicationProblem] = []
    if product.status is ProductStatus.ARCHIVED:
        problems.append(
            PublicationProblem("archived", "the product is archived; set it to draft or active")
        )
    active = [variant for variant in product.variants if variant.active]
    if not active:
        problems.append(
            PublicationProblem(
                "no_active_variant",
                "the product has no active variant to sell; add or activate one",
            )
        )
    for variant in active:
        if variant.sku is None:
            problems.append(
                PublicationProblem(
                    "variant_without_sku",
                    f"variant {variant.label} has no SKU; stock and orders track variants by SKU",
                    variant=variant.label,
                )
            )
        if product.requires_shipping and variant.weight is None:
            problems.append(
                PublicationProblem(
                    "variant_without_weight",
                    f"variant {variant.label} has no weight; shipping needs it to rate the parcel",
                    variant=variant.label,
                )
            )
    if product_type is not None:
        if product.product_type != product_type.code:
            problems.append(
                PublicationProblem(
                    "product_type_mismatch",
                    f"the product is of type {product.product_type!r}, "
                    f"not {product_type.code!r} as checked",
                )
            )
        for code in product_type.missing_required(product.attributes):
            name = product_type.definition(code).name
            problems.append(
                PublicationProblem(
                    "missing_required_attribute",
                    f"required attribute {name} ({code}) is not set",
                    attribute=code,
                )
            )
    return problems
