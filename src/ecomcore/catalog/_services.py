"""Use cases over a `CatalogUnitOfWork`: publish, change options, move categories, browse.

Each opens the unit of work, reads, changes, stages and commits; the commit raises
`ConcurrencyError` (and writes nothing) when someone else committed the product or tree since.
"""

from collections.abc import Sequence

from ecomcore.catalog._attributes import ProductType
from ecomcore.catalog._ports import CatalogUnitOfWork
from ecomcore.catalog._product import Product, ProductStatus
from ecomcore.catalog._publication import PublicationProblem, publication_problems
from ecomcore.catalog._variants import OptionAxis, OptionChange
from ecomcore.core import Clock

__all__ = ["change_product_options", "move_category", "products_in_category", "publish_product"]


def publish_product(
    product_id: str,
    *,
    uow: CatalogUnitOfWork,
    clock: Clock,
    product_type: ProductType | None = None,
) -> list[PublicationProblem]:
    """Make a product active if nothing keeps it from being sellable, and commit it.

    Returns the publication problems; if there are any, nothing is committed. The commit sends
    `ProductStatusChanged` to the outbox.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryCatalogUnitOfWork
        >>> from ecomcore.catalog import Variant, Weight
        >>> from ecomcore.core import FixedClock
        >>> clock = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
        >>> uow = InMemoryCatalogUnitOfWork()
        >>> with uow:
        ...     uow.products.save(Product.create("p-1", "mug", "Mug", clock=clock,
        ...         variants=[Variant(sku="MUG", weight=Weight.of(300, "g"))]))
        ...     uow.commit()
        >>> publish_product("p-1", uow=uow, clock=clock)
        []
        >>> uow.products.get("p-1").status, uow.outbox.events()[-1].name
        (<ProductStatus.ACTIVE: 'active'>, 'ProductStatusChanged')
    """
    with uow:
        product = uow.products.get(product_id)
        problems = publication_problems(product, product_type)
        if not problems:
            product.change_status(ProductStatus.ACTIVE, clock=clock)
            uow.products.save(product)
            uow.commit()
    return problems


def change_product_options(
    product_id: str,
    axes: Sequence[OptionAxis],
    *,
    uow: CatalogUnitOfWork,
    clock: Clock,
    sku_template: str | None = None,
    dry_run: bool = False,
) -> OptionChange:
    """Change a product's option axes, commit it, and say which variants came and went.

    With ``dry_run`` nothing is committed: the answer says what would happen.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryCatalogUnitOfWork
        >>> from ecomcore.core import FixedClock
        >>> clock = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
        >>> uow = InMemoryCatalogUnitOfWork()
        >>> sizes = OptionAxis.of("Size", "S", "M")
        >>> tee = Product.create("p-1", "tee", "Tee", clock=clock, options=[sizes])
        >>> _ = tee.generate_variants(clock=clock, sku_template="TEE-{Size}")
        >>> with uow:
        ...     uow.products.save(tee)
        ...     uow.commit()
        >>> change = change_product_options("p-1", [OptionAxis.of("Size", "M", "L")],
        ...     uow=uow, clock=clock, sku_template="TEE-{Size}")
        >>> print(change.describe())
        + L
        - S
        >>> [variant.sku for variant in uow.products.get("p-1").variants]
        ['TEE-M', 'TEE-L']
    """
    with uow:
        product = uow.products.get(product_id)
        if dry_run:
            return product.plan_option_change(axes)
        change = product.change_options(axes, clock=clock, sku_template=sku_template)
        uow.products.save(product)
        uow.commit()
    return change


def move_category(category_id: str, new_parent_id: str | None, *, uow: CatalogUnitOfWork) -> None:
    """Move a category and its subtree, and commit the tree.

    Raises `CategoryCycleError` (committing nothing) if the category would sit inside itself.

    Examples:
        >>> from ecomcore.adapters.memory import InMemoryCatalogUnitOfWork
        >>> from ecomcore.catalog import Category, CategoryTree
        >>> uow = InMemoryCatalogUnitOfWork()
        >>> with uow:
        ...     uow.categories.save_tree(CategoryTree.of([Category("c-1", "clothing", "Clothing"),
        ...         Category("c-2", "sale", "Sale"),
        ...         Category("c-3", "tops", "Tops", parent_id="c-1")]))
        ...     uow.commit()
        >>> move_category("c-3", "c-2", uow=uow)
        >>> uow.categories.get_tree().breadcrumb("c-3")
        'Sale > Tops'
    """
    with uow:
        tree = uow.categories.get_tree()
        tree.move(category_id, new_parent_id)
        uow.categories.save_tree(tree)
        uow.commit()


def products_in_category(
    category_id: str, *, uow: CatalogUnitOfWork, include_subcategories: bool = True
) -> list[Product]:
    """Return the products in a category and (by default) its subcategories, by handle.

    Reads only: nothing is staged or committed.

    Examples:
        >>> from ecomcore.adapters.memory import InMemoryCatalogUnitOfWork
        >>> from ecomcore.catalog import Category, CategoryTree
        >>> uow = InMemoryCatalogUnitOfWork()
        >>> with uow:
        ...     uow.categories.save_tree(CategoryTree.of([Category("c-1", "clothing", "Clothing"),
        ...         Category("c-2", "tops", "Tops", parent_id="c-1")]))
        ...     uow.products.save(Product("p-1", "tee", "Tee", category_ids=frozenset({"c-2"})))
        ...     uow.products.save(Product("p-2", "coat", "Coat", category_ids=frozenset({"c-1"})))
        ...     uow.commit()
        >>> [product.handle for product in products_in_category("c-1", uow=uow)]
        ['coat', 'tee']
        >>> products_in_category("c-1", uow=uow, include_subcategories=False)[0].handle
        'coat'
    """
    with uow:
        ids = [category_id]
        if include_subcategories:
            tree = uow.categories.get_tree()
            ids += [category.id for category in tree.descendants(category_id)]
        found = {p.id: p for cid in ids for p in uow.products.list_by_category(cid)}
    return sorted(found.values(), key=lambda product: product.handle)
