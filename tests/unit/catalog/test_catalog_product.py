"""Products and variants: the matrix, chosen subsets, SKUs, and what an option change does."""

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecomcore.catalog import (
    DuplicateSkuError,
    InventoryComponent,
    OptionAxis,
    Product,
    ProductStatus,
    ProductStatusChanged,
    Variant,
    VariantsChanged,
    Weight,
    variant_matrix,
)
from ecomcore.core import FixedClock, NotFoundError, ValidationError

CLOCK = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
SIZE = OptionAxis.of("Size", "S", "M", "L")
COLOUR = OptionAxis.of("Colour", "Red", "Blue")

axis_values = st.lists(
    st.text("abcdefgh", min_size=1, max_size=3), min_size=1, max_size=4, unique=True
)


def shirt(*axes: OptionAxis) -> Product:
    return Product.create("p-1", "shirt", "Shirt", clock=CLOCK, options=axes or (SIZE, COLOUR))


@given(st.lists(axis_values, min_size=0, max_size=3))
def test_the_matrix_has_every_combination_once(values: list[list[str]]) -> None:
    """The number of variants is the product of the axis sizes, and no combination repeats."""
    axes = [OptionAxis(f"axis{i}", tuple(v)) for i, v in enumerate(values)]
    matrix = variant_matrix(axes)
    expected = 1
    for axis_list in values:
        expected *= len(axis_list)
    assert len(matrix) == len(set(matrix)) == expected
    assert all(len(combo) == len(axes) for combo in matrix)


def test_generating_all_variants_names_skus_from_options() -> None:
    """Generating the full matrix gives 6 variants in display order with templated SKUs."""
    product = shirt()
    added = product.generate_variants(
        clock=CLOCK, sku_template="SH-{Size}-{Colour}", template=Variant(weight=Weight.of(200, "g"))
    )
    assert [v.sku for v in added] == [
        "SH-S-Red", "SH-S-Blue", "SH-M-Red", "SH-M-Blue", "SH-L-Red", "SH-L-Blue",
    ]  # fmt: skip
    assert all(v.weight == Weight.of("0.2", "kg") for v in product.variants)


def test_a_chosen_subset_is_generated_and_repeats_are_skipped() -> None:
    """Only the chosen combinations become variants; asking twice adds nothing new."""
    product = shirt()
    product.generate_variants(clock=CLOCK, combinations=[("S", "Red"), ("L", "Blue")])
    again = product.generate_variants(clock=CLOCK, combinations=[("S", "Red")])
    assert again == []
    assert [v.options for v in product.variants] == [("S", "Red"), ("L", "Blue")]


def test_a_variant_with_a_value_outside_its_axis_is_refused() -> None:
    """Options must come from the axes, one value per axis."""
    product = shirt()
    with pytest.raises(ValidationError):
        product.generate_variants(clock=CLOCK, combinations=[("XXL", "Red")])
    with pytest.raises(ValidationError):
        product.add_variant(Variant(options=("S",)), clock=CLOCK)
    assert product.variants == ()


def test_a_duplicate_sku_inside_a_product_names_the_product() -> None:
    """Two variants of one product cannot share a SKU."""
    product = shirt()
    with pytest.raises(DuplicateSkuError) as raised:
        product.generate_variants(clock=CLOCK, sku_template="SH-{Size}")
    assert raised.value.product == "shirt"
    assert raised.value.facts["sku"] == "SH-S"


def test_a_bad_sku_template_says_what_is_allowed() -> None:
    """A template naming an unknown axis is refused as a validation error."""
    with pytest.raises(ValidationError, match="sku_template"):
        shirt().generate_variants(clock=CLOCK, sku_template="SH-{Material}")


def test_adding_a_value_says_which_variants_would_be_added() -> None:
    """Adding XL to Size would add exactly XL/Red and XL/Blue and remove nothing."""
    product = shirt()
    product.generate_variants(clock=CLOCK)
    change = product.plan_option_change([OptionAxis.of("Size", "S", "M", "L", "XL"), COLOUR])
    assert change.added == (("XL", "Red"), ("XL", "Blue"))
    assert change.removed == ()
    assert len(product.variants) == 6  # planning changes nothing


def test_removing_a_value_says_which_variants_would_go() -> None:
    """Dropping S from Size removes S/Red and S/Blue."""
    product = shirt()
    product.generate_variants(clock=CLOCK)
    change = product.plan_option_change([OptionAxis.of("Size", "M", "L"), COLOUR])
    assert [v.options for v in change.removed] == [("S", "Red"), ("S", "Blue")]
    assert change.added == ()
    assert change.describe() == "- S / Red\n- S / Blue"


def test_adding_an_axis_keeps_variants_on_its_first_value() -> None:
    """A new Material axis keeps every variant as Cotton and adds the Linen combinations."""
    product = shirt(SIZE)
    product.generate_variants(clock=CLOCK, sku_template="SH-{Size}")
    material = OptionAxis.of("Material", "Cotton", "Linen")
    change = product.change_options([SIZE, material], clock=CLOCK)
    assert change.kept == (
        (("S",), ("S", "Cotton")),
        (("M",), ("M", "Cotton")),
        (("L",), ("L", "Cotton")),
    )
    assert change.added == (("S", "Linen"), ("M", "Linen"), ("L", "Linen"))
    assert product.variant(("S", "Cotton")).sku == "SH-S"
    assert product.variant(("S", "Linen")).sku is None


def test_removing_an_axis_keeps_the_first_variant_of_each_collapsed_group() -> None:
    """Dropping Colour keeps S/Red, M/Red, L/Red (as S, M, L) and removes the Blue ones."""
    product = shirt()
    product.generate_variants(clock=CLOCK, sku_template="SH-{Size}-{Colour}")
    product.pull_events()
    change = product.change_options([SIZE], clock=CLOCK)
    assert [v.sku for v in change.removed] == ["SH-S-Blue", "SH-M-Blue", "SH-L-Blue"]
    assert [(v.options, v.sku) for v in product.variants] == [
        (("S",), "SH-S-Red"), (("M",), "SH-M-Red"), (("L",), "SH-L-Red"),
    ]  # fmt: skip
    (event,) = product.pull_events()
    assert isinstance(event, VariantsChanged)
    assert event.removed == (("S", "Blue"), ("M", "Blue"), ("L", "Blue"))


def test_a_subset_product_stays_a_subset_when_a_value_is_added() -> None:
    """Adding a colour only adds combinations with that colour, not the gaps of the subset."""
    product = shirt()
    product.generate_variants(clock=CLOCK, combinations=[("S", "Red"), ("M", "Blue")])
    change = product.plan_option_change([SIZE, OptionAxis.of("Colour", "Red", "Blue", "Green")])
    assert change.added == (("S", "Green"), ("M", "Green"), ("L", "Green"))


def test_variants_update_and_remove_by_their_options() -> None:
    """A variant is found by its options; updating or removing one leaves the others alone."""
    product = shirt()
    product.generate_variants(clock=CLOCK)
    product.update_variant(("M", "Red"), clock=CLOCK, sku="SH-M-R", active=False)
    assert product.variant(("M", "Red")).sku == "SH-M-R"
    assert not product.variant(("M", "Red")).active
    product.remove_variant(("M", "Red"), clock=CLOCK)
    with pytest.raises(NotFoundError):
        product.variant(("M", "Red"))
    assert len(product.variants) == 5


def test_a_kit_consumes_several_inventory_items() -> None:
    """A plain variant consumes its own SKU; a kit lists its components."""
    assert Variant(sku="MUG").inventory_items == (InventoryComponent("MUG"),)
    kit = Variant(sku="GIFT", components=(InventoryComponent("MUG"), InventoryComponent("TEA", 2)))
    assert [(c.item_id, c.quantity) for c in kit.inventory_items] == [("MUG", 1), ("TEA", 2)]
    with pytest.raises(ValidationError):
        InventoryComponent("TEA", 0)


def test_status_changes_are_recorded_once() -> None:
    """Publishing records one status event; setting the same status again records nothing."""
    product = shirt()
    product.pull_events()
    product.change_status(ProductStatus.ACTIVE, clock=CLOCK)
    product.change_status(ProductStatus.ACTIVE, clock=CLOCK)
    (event,) = product.pull_events()
    assert isinstance(event, ProductStatusChanged)
    assert (event.previous, event.current) == ("draft", "active")


def test_a_product_needs_a_title_and_a_proper_handle() -> None:
    """An empty title or a handle with spaces is refused at creation."""
    with pytest.raises(ValidationError, match="title"):
        Product("p-1", "mug", " ")
    with pytest.raises(ValidationError, match="handle"):
        Product("p-1", "My Mug", "Mug")
    with pytest.raises(ValidationError):
        OptionAxis.of("Size", "S", "S")
