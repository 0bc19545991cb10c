"""The catalog: products, variants and options, attributes, categories and collections.

Products are aggregates with option axes and the variants generated from them; each variant
carries its SKU (unique across the catalog), GTIN barcode, weight and dimensions with units,
tax category, HS code, country of origin and the inventory items it consumes.
`publication_problems` says what keeps a product from being sellable. Storage is a port: a
`CatalogUnitOfWork` with a `ProductRepository` and a `CategoryRepository`, which stage saves
that the unit of work commits at once, with the products' events.

Examples:
    >>> from ecomcore.catalog import OptionAxis, variant_matrix
    >>> size, colour = OptionAxis.of("Size", "S", "M", "L"), OptionAxis.of("Colour", "Red", "Blue")
    >>> len(variant_matrix([size, colour]))
    6
"""

from ecomcore.catalog._attributes import (
    AttributeDefinition,
    AttributeKind,
    AttributeValue,
    ProductType,
)
from ecomcore.catalog._categories import Category, CategoryTree
from ecomcore.catalog._collections import CollectionRule, ProductCollection, RuleField, RuleOperator
from ecomcore.catalog._errors import (
    AttributeValueError,
    CategoryCycleError,
    DuplicateSkuError,
    InvalidBarcodeError,
    UnknownUnitError,
)
from ecomcore.catalog._events import ProductCreated, ProductStatusChanged, VariantsChanged
from ecomcore.catalog._identifiers import (
    Barcode,
    check_handle,
    check_hs_code,
    check_sku,
)
from ecomcore.catalog._measures import Dimensions, Length, LengthUnit, Weight, WeightUnit
from ecomcore.catalog._ports import CatalogUnitOfWork, CategoryRepository, ProductRepository
from ecomcore.catalog._product import Product, ProductStatus
from ecomcore.catalog._publication import PublicationProblem, publication_problems
from ecomcore.catalog._services import (
    change_product_options,
    move_category,
    products_in_category,
    publish_product,
)
from ecomcore.catalog._variants import (
    InventoryComponent,
    Media,
    OptionAxis,
    OptionChange,
    Variant,
    variant_matrix,
)

__all__ = [
    "AttributeDefinition",
    "AttributeKind",
    "AttributeValue",
    "AttributeValueError",
    "Barcode",
    "CatalogUnitOfWork",
    "Category",
    "CategoryCycleError",
    "CategoryRepository",
    "CategoryTree",
    "CollectionRule",
    "Dimensions",
    "DuplicateSkuError",
    "InvalidBarcodeError",
    "InventoryComponent",
    "Length",
    "LengthUnit",
    "Media",
    "OptionAxis",
    "OptionChange",
    "Product",
    "ProductCollection",
    "ProductCreated",
    "ProductRepository",
    "ProductStatus",
    "ProductStatusChanged",
    "ProductType",
    "PublicationProblem",
    "RuleField",
    "RuleOperator",
    "UnknownUnitError",
    "Variant",
    "VariantsChanged",
    "Weight",
    "WeightUnit",
    "change_product_options",
    "check_handle",
    "check_hs_code",
    "check_sku",
    "move_category",
    "products_in_category",
    "publication_problems",
    "publish_product",
    "variant_matrix",
]
