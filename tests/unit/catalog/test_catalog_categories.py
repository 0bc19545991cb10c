"""The category tree: moves carry subtrees, ancestors and breadcrumbs, no cycles ever."""

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecomcore.catalog import Category, CategoryCycleError, CategoryTree
from ecomcore.core import NotFoundError, ValidationError


def sample_tree() -> CategoryTree:
    return CategoryTree.of(
        [
            Category("c-3", "linen", "Linen", parent_id="c-2"),  # stored before its parent
            Category("c-1", "clothing", "Clothing"),
            Category("c-2", "shirts", "Shirts", parent_id="c-1"),
            Category("c-4", "home", "Home"),
        ]
    )


def test_ancestors_and_breadcrumb_go_from_the_root_down() -> None:
    """Linen's ancestors are Clothing then Shirts; its breadcrumb reads root first."""
    tree = sample_tree()
    assert [c.id for c in tree.ancestors("c-3")] == ["c-1", "c-2"]
    assert tree.breadcrumb("c-3", " / ") == "Clothing / Shirts / Linen"
    assert tree.ancestors("c-1") == []


def test_moving_a_category_carries_its_subtree() -> None:
    """Moving Shirts under Home moves Linen with it."""
    tree = sample_tree()
    tree.move("c-2", "c-4")
    assert tree.breadcrumb("c-3") == "Home > Shirts > Linen"
    assert [c.id for c in tree.descendants("c-4")] == ["c-2", "c-3"]
    tree.move("c-2", None)
    assert tree.get("c-2").parent_id is None


def test_a_move_into_its_own_subtree_is_refused() -> None:
    """A category cannot move under itself or a descendant; the tree stays as it was."""
    tree = sample_tree()
    for target in ("c-1", "c-2", "c-3"):
        with pytest.raises(CategoryCycleError):
            tree.move("c-1", target)
    assert tree.breadcrumb("c-3") == "Clothing > Shirts > Linen"


def test_unknown_parents_and_duplicate_handles_are_refused() -> None:
    """A category needs an existing parent and a handle not in use."""
    tree = sample_tree()
    with pytest.raises(NotFoundError):
        tree.add(Category("c-9", "shoes", "Shoes", parent_id="c-99"))
    with pytest.raises(ValidationError):
        tree.add(Category("c-9", "linen", "Linen again"))
    with pytest.raises(ValidationError):
        CategoryTree.of(
            [Category("a", "a", "A", parent_id="b"), Category("b", "b", "B", parent_id="a")]
        )


def test_lookups_and_order() -> None:
    """Categories come parents first; lookups by handle work and unknown ones raise."""
    tree = sample_tree()
    assert [c.id for c in tree.categories()] == ["c-1", "c-2", "c-3", "c-4"]
    assert tree.by_handle("home").id == "c-4"
    with pytest.raises(NotFoundError):
        tree.by_handle("garden")
    assert tree.with_ancestors(["c-3"]) == {"c-1", "c-2", "c-3"}


@settings(max_examples=100)
@given(st.lists(st.tuples(st.integers(0, 7), st.integers(-1, 7)), max_size=30))
def test_no_sequence_of_moves_makes_a_cycle(moves: list[tuple[int, int]]) -> None:
    """Whatever moves are tried, every category still reaches a root."""
    tree = CategoryTree.of(Category(f"c{i}", f"c{i}", f"C{i}") for i in range(8))
    for child, parent in moves:
        with contextlib.suppress(CategoryCycleError):
            tree.move(f"c{child}", None if parent < 0 else f"c{parent}")
    for category in tree.categories():
        path = tree.ancestors(category.id)
        assert category.id not in {c.id for c in path}
    assert len(tree.categories()) == 8
