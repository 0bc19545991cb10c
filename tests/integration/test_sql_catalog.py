"""What the catalog contract leaves unsaid about SQL: deep products, big commits, long keys."""

import threading
from datetime import UTC, date, datetime
from decimal import Decimal

import attrs
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ecomcore.adapters.sqlalchemy import Database, SqlCatalogUnitOfWork
from ecomcore.adapters.sqlalchemy._catalog_tables import catalog_handle, catalog_sku
from ecomcore.catalog import (
    AttributeDefinition,
    Barcode,
    Dimensions,
    DuplicateSkuError,
    InventoryComponent,
    Media,
    OptionAxis,
    Product,
    ProductStatus,
    ProductType,
    Variant,
    Weight,
)
from ecomcore.core import FixedClock, NotFoundError, ValidationError

CLOCK = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))


def _fields(product: Product) -> dict[str, object]:
    """The product's public fields (what two equal products agree on)."""
    return {
        field.name: getattr(product, field.name)
        for field in attrs.fields(Product)
        if not field.name.startswith("_")
    }


def _shown(product: Product) -> str:
    """The repr of the product's fields (sets sorted, whose order is not kept): "1.50" != "1.5"."""
    fields = _fields(product)
    return repr({k: sorted(v) if isinstance(v, frozenset) else v for k, v in fields.items()})


def _deep_product() -> Product:
    """A product with every field set, Decimals with trailing zeros included."""
    mug_type = ProductType(
        "mug",
        "Mug",
        (
            AttributeDefinition.number("capacity", "Capacity", unit="ml"),
            AttributeDefinition.boolean("dishwasher_safe", "Dishwasher safe"),
            AttributeDefinition.date("launched", "Launched"),
            AttributeDefinition.text("glaze", "Glaze"),
            AttributeDefinition.choice("finish", "Finish", ["matte", "gloss"]),
        ),
        requires_shipping=False,
    )
    product = Product.create(
        "p-1",
        "stoneware-mug",
        "Stoneware mug",
        clock=CLOCK,
        options=[OptionAxis.of("Size", "S", "L"), OptionAxis.of("Colour", "Sand", "Navy")],
        description="Thrown by hand.\nMicrowave safe.",
        vendor="Lisbon Pottery Co",
        tags=frozenset({"kitchen", "gift", "ceramic"}),
        media=(Media("https://cdn.example/mug.jpg", "A sand mug"), Media("/img/navy.png")),
        category_ids=frozenset({"c-2", "c-1"}),
    )
    template = Variant(
        weight=Weight.of("0.350", "kg"),
        dimensions=Dimensions.of("9.50", "9", "11.0", "cm"),
        tax_category="standard",
        hs_code="6912.00",
        country_of_origin="pt",
    )
    product.generate_variants(clock=CLOCK, sku_template="MUG-{Size}-{Colour}", template=template)
    product.update_variant(
        ("S", "Sand"),
        clock=CLOCK,
        barcode=Barcode.parse("4006381333931"),
        components=(InventoryComponent("MUG-BODY", 1), InventoryComponent("LID", 2)),
    )
    product.update_variant(("L", "Navy"), clock=CLOCK, active=False, weight=Weight.of(12, "oz"))
    product.set_attributes(
        mug_type,
        {
            "capacity": "350.0",
            "dishwasher_safe": "yes",
            "launched": "2026-03-01",
            "glaze": "Celadon",
            "finish": "matte",
        },
    )
    product.change_status(ProductStatus.ACTIVE, clock=CLOCK)
    return product


def test_a_deep_product_comes_back_with_equal_fields(database: Database) -> None:
    """Every field survives a commit and a read: equal values, the same reprs (Decimals too)."""
    product = _deep_product()
    product.attributes = {**product.attributes, "first_fired": datetime(2026, 2, 1, 9, tzinfo=UTC)}
    with SqlCatalogUnitOfWork(database) as uow:
        uow.products.save(product)
        uow.commit()
    loaded = SqlCatalogUnitOfWork(database).products.get("p-1")
    assert _fields(loaded) == _fields(product)
    assert _shown(loaded) == _shown(product)
    assert loaded.attributes["capacity"] == Decimal("350.0")
    assert loaded.attributes["launched"] == date(2026, 3, 1)
    assert loaded.variant(("S", "Sand")).inventory_items[1] == InventoryComponent("LID", 2)
    assert loaded.pull_events() == []


def test_an_attribute_value_of_another_type_is_refused_when_saved(database: Database) -> None:
    """Only attribute values a product type can produce are stored (never a float)."""
    product = Product("p-1", "mug", "Mug", attributes={"capacity": 0.35})  # type: ignore[dict-item]
    with SqlCatalogUnitOfWork(database) as uow, pytest.raises(ValidationError):
        uow.products.save(product)


def test_keys_longer_than_their_columns_are_refused_when_saved(database: Database) -> None:
    """A handle or id that would not fit its column is refused before anything is staged."""
    long = "a" * 201
    for product in (Product(long, "mug", "Mug"), Product("p-1", long, "Mug")):
        with SqlCatalogUnitOfWork(database) as uow, pytest.raises(ValidationError):
            uow.products.save(product)


def test_two_products_may_swap_skus_in_one_commit(database: Database) -> None:
    """Claims are released before any is taken: SKUs can change hands inside one commit."""
    mug = Product("p-1", "mug", "Mug", variants=(Variant(sku="A"),))
    cup = Product("p-2", "cup", "Cup", variants=(Variant(sku="B"),))
    with SqlCatalogUnitOfWork(database) as uow:
        uow.products.save(mug)
        uow.products.save(cup)
        uow.commit()
    mug.variants, cup.variants = (Variant(sku="B"),), (Variant(sku="A"),)
    with SqlCatalogUnitOfWork(database) as uow:
        uow.products.save(mug)
        uow.products.save(cup)
        uow.commit()
        assert uow.products.get_by_sku("A").id == "p-2"
        assert uow.products.get_by_sku("B").id == "p-1"


def test_a_big_commit_is_written_and_rewritten_whole(database: Database) -> None:
    """More products in one commit than one IN list or one SQLite statement holds."""
    count = 1_200
    products = [
        Product(
            f"p-{n}",
            f"item-{n}",
            "Item",
            options=(OptionAxis.of("Size", "S", "M"),),
            variants=(Variant(options=("S",), sku=f"S-{n}"), Variant(options=("M",), sku=f"M-{n}")),
            category_ids=frozenset({"c-1"}),
        )
        for n in range(count)
    ]
    with SqlCatalogUnitOfWork(database) as uow:
        for product in products:
            uow.products.save(product)
        uow.commit()
    for product in products:
        product.handle = f"renamed-{product.handle}"
        product.variants = product.variants[:1]
    with SqlCatalogUnitOfWork(database) as uow:
        for product in products:
            uow.products.save(product)
        uow.commit()
        assert {product.version for product in products} == {2}
        assert len(uow.products.list_by_category("c-1")) == count
        assert uow.products.get_by_handle("renamed-item-7").id == "p-7"
        with pytest.raises(NotFoundError):
            uow.products.get_by_sku("M-7")
    with database.reading() as connection:
        claims = [
            connection.execute(sa.select(sa.func.count()).select_from(table)).scalar()
            for table in (catalog_handle, catalog_sku)
        ]
    assert claims == [count, count]


class _HeldError(Exception):
    """Raised inside the first commit to roll it back once the second one is waiting."""


@pytest.mark.parametrize("first", ["commits", "rolls back"])
def test_a_claim_racing_an_uncommitted_claim_waits_for_it(database: Database, first: str) -> None:
    """The second commit claiming a SKU waits for the first: refused if it commits, else stored.

    The first commit is held open inside its transaction, its SKU claimed but not committed,
    while the second commit runs (on PostgreSQL its claim waits for the row; on SQLite its
    transaction waits for the write lock).
    """
    inside, release = threading.Event(), threading.Event()
    outcomes: dict[str, object] = {}

    def hold(_: Connection) -> None:
        inside.set()
        release.wait(timeout=30)
        if first == "rolls back":
            raise _HeldError

    def commit(name: str, product: Product, *, held: bool) -> None:
        try:
            with SqlCatalogUnitOfWork(database) as uow:
                uow.products.save(product)
                if held:
                    uow.stage(hold)  # runs after the products' write, in the same transaction
                uow.commit()
        except (DuplicateSkuError, _HeldError) as error:
            outcomes[name] = type(error).__name__
        else:
            outcomes[name] = "stored"

    mug = Product("p-1", "mug", "Mug", variants=(Variant(sku="X"),))
    cup = Product("p-2", "cup", "Cup", variants=(Variant(sku="X"),))
    one = threading.Thread(target=commit, args=("first", mug), kwargs={"held": True})
    one.start()
    assert inside.wait(timeout=30)
    two = threading.Thread(target=commit, args=("second", cup), kwargs={"held": False})
    two.start()
    two.join(timeout=0.5)
    assert two.is_alive()  # waiting for the first commit
    release.set()
    one.join(timeout=30)
    two.join(timeout=30)
    owner = SqlCatalogUnitOfWork(database).products.get_by_sku("X").id
    if first == "commits":
        assert (outcomes, owner) == ({"first": "stored", "second": "DuplicateSkuError"}, "p-1")
    else:
        assert (outcomes, owner) == ({"first": "_HeldError", "second": "stored"}, "p-2")
