"""Use cases over the repositories: publish, change options, move categories, browse."""

from collections.abc import Sequence

from ecomcore.catalog._attributes import ProductType
from ecomcore.catalog._ports import CategoryRepository, ProductRepository
from ecomcore.catalog._product import Product, ProductStatus
from ecomcore.catalog._publication import PublicationProblem, publication_problems
from ecomcore.catalog._variants import OptionAxis, OptionChange
from ecomcore.core import Clock

__all__ = ["change_product_options", "move_category", "products_in_category", "publish_product"]


def publish_product(
    product_id: str,
    *,
    products: ProductRepository,
    clock: Clock,
    product_type: ProductType | None = None,
) -> list[PublicationProblem]:
    """Make a product active if nothing keeps it from being sellable.

    Returns the publication problems; if there are any, the product is left as it was.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryProductRepository
        >>> from ecomcore.catalog import Variant, Weight
        >>> from ecomcore.core import FixedClock
        >>> clock = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
        >>> repository = InMemoryProductRepository()
        >>> repository.save(Product.create("p-1", "mug", "Mug", clock=clock,
        ...     variants=[Variant(sku="MUG", weight=Weight.of(300, "g"))]))
        >>> publish_product("p-1", products=repository, clock=clock)
        []
        >>> repository.get("p-1").status
        <ProductStatus.ACTIVE: 'active'>
    """
    product = products.get(product_id)
    problems = publication_problems(product, product_type)
    if not problems:
        product.change_status(ProductStatus.ACTIVE, clock=clock)
        products.save(product)
    return problems


def change_product_options(
    product_id: str,
    axes: Sequence[OptionAxis],
    *,
    products: ProductRepository,
    clock: Clock,
    sku_template: str | None = None,
    dry_run: bool = False,
) -> OptionChange:
    """Change a product's option axes and say which variants were added and removed.

    With ``dry_run`` nothing is saved: the answer says what would happen.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryProductRepository
        >>> from ecomcore.core import FixedClock
        >>> clock = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
        >>> products = InMemoryProductRepository()
        >>> sizes = OptionAxis.of("Size", "S", "M")
        >>> tee = Product.create("p-1", "tee", "Tee", clock=clock, options=[sizes])
        >>> _ = tee.generate_variants(clock=clock, sku_template="TEE-{Size}")
        >>> products.save(tee)
        >>> change = change_product_options("p-1", [OptionAxis.of("Size", "M", "L")],
        ...     products=products, clock=clock, sku_template="TEE-{Size}")
        >>> print(change.describe())
        + L
        - S
        >>> [variant.sku for variant in products.get("p-1").variants]
        ['TEE-M', 'TEE-L']
    """
    product = products.get(product_id)
    if dry_run:
        return product.plan_option_change(axes)
    change = product.change_options(axes, clock=clock, sku_template=sku_template)
    products.save(product)
    return change


def move_category(
    category_id: str, new_parent_id: str | None, *, categories: CategoryRepository
) -> None:
    """Move a category and its subtree; `CategoryCycleError` if it would sit inside itself.

    Examples:
        >>> from ecomcore.adapters.memory import InMemoryCategoryRepository
        >>> from ecomcore.catalog import Category
        >>> categories = InMemoryCategoryRepository()
        >>> tree = categories.get_tree()
        >>> for category in [Category("c-1", "clothing", "Clothing"),
        ...                  Category("c-2", "sale", "Sale"),
        ...                  Category("c-3", "tops", "Tops", parent_id="c-1")]:
        ...     tree.add(category)
        >>> categories.save_tree(tree)
        >>> move_category("c-3", "c-2", categories=categories)
        >>> categories.get_tree().breadcrumb("c-3")
        'Sale > Tops'
    """
    tree = categories.get_tree()
    tree.move(category_id, new_parent_id)
    categories.save_tree(tree)


def products_in_category(
    category_id: str,
    *,
    products: ProductRepository,
    categories: CategoryRepository,
    include_subcategories: bool = True,
) -> list[Product]:
    """Return the products in a category and (by default) its subcategories, by handle.

    Examples:
        >>> from ecomcore.adapters import memory
        >>> from ecomcore.catalog import Category, CategoryTree
        >>> categories = memory.InMemoryCategoryRepository()
        >>> products = memory.InMemoryProductRepository()
        >>> categories.save_tree(CategoryTree.of([Category("c-1", "clothing", "Clothing"),
        ...     Category("c-2", "tops", "Tops", parent_id="c-1")]))
        >>> products.save(Product("p-1", "tee", "Tee", category_ids=frozenset({"c-2"})))
        >>> products.save(Product("p-2", "coat", "Coat", category_ids=frozenset({"c-1"})))
        >>> found = products_in_category("c-1", products=products, categories=categories)
        >>> [product.handle for product in found]
        ['coat', 'tee']
        >>> products_in_category("c-1", products=products, categories=categories,
        ...                      include_subcategories=False)[0].handle
        'coat'
    """
    ids = [category_id]
    if include_subcategories:
        ids += [category.id for category in categories.get_tree().descendants(category_id)]
    found = {product.id: product for cid in ids for product in products.list_by_category(cid)}
    return sorted(found.values(), key=lambda product: product.handle)
