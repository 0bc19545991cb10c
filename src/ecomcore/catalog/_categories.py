"""The category tree: one aggregate, so a move can see the whole tree and cycles cannot happen."""

from collections.abc import Iterable

import attrs

from ecomcore.catalog._errors import CategoryCycleError
from ecomcore.catalog._identifiers import check_handle
from ecomcore.core import Aggregate, NotFoundError, ValidationError

__all__ = ["Category", "CategoryTree"]


@attrs.frozen
class Category:
    """A node of the tree: its id, URL handle, display name and parent (None at the root).

    Examples:
        >>> Category("c-1", "shoes", "Shoes").parent_id is None
        True
    """

    id: str
    handle: str = attrs.field(converter=check_handle)
    name: str
    parent_id: str | None = None


@attrs.define(eq=False)
class CategoryTree(Aggregate):
    """All categories of a catalog, kept a forest: parents exist, no category in its own subtree.

    Children keep the order they were added in. An `ecomcore.core.Aggregate`: ``version`` is the
    stored version the tree was read at, checked when a unit of work commits its save.

    Examples:
        >>> tree = CategoryTree()
        >>> tree.add(Category("c-1", "clothing", "Clothing"))
        >>> tree.add(Category("c-2", "shirts", "Shirts", parent_id="c-1"))
        >>> tree.add(Category("c-3", "linen", "Linen", parent_id="c-2"))
        >>> tree.breadcrumb("c-3")
        'Clothing > Shirts > Linen'
        >>> tree.move("c-1", "c-3")
        Traceback (most recent call last):
        ...
        ecomcore.catalog._errors.CategoryCycleError: cannot move category 'c-1' under 'c-3': ...
    """

    _categories: dict[str, Category] = attrs.field(factory=dict, alias="categories")

    def __attrs_post_init__(self) -> None:
        given = list(self._categories.values())
        self._categories = {}
        pending = given
        # Load in any order: a child may come before its parent in storage.
        while pending:
            placed = [c for c in pending if c.parent_id is None or c.parent_id in self._categories]
            if not placed:
                raise ValidationError(
                    "categories", [c.id for c in pending], "a tree: every parent present, no cycle"
                )
            for category in placed:
                self.add(category)
            pending = [c for c in pending if c.id not in self._categories]

    @classmethod
    def of(cls, categories: Iterable[Category], *, version: int = 0) -> "CategoryTree":
        """Return a tree of ``categories`` given in any order."""
        return cls({category.id: category for category in categories}, version=version)

    def __contains__(self, category_id: object) -> bool:
        return category_id in self._categories

    def __len__(self) -> int:
        return len(self._categories)

    def get(self, category_id: str) -> Category:
        """Return the category with ``category_id``; `NotFoundError` if absent."""
        try:
            return self._categories[category_id]
        except KeyError:
            raise NotFoundError("category", category_id) from None

    def by_handle(self, handle: str) -> Category:
        """Return the category with ``handle``; `NotFoundError` if absent."""
        for category in self._categories.values():
            if category.handle == handle:
                return category
        raise NotFoundError("category", handle)

    def categories(self) -> list[Category]:
        """Every category, parents before children, siblings in the order added."""
        ordered: list[Category] = []
        for root in self.children(None):
            ordered += [root, *self.descendants(root.id)]
        return ordered

    def add(self, category: Category) -> None:
        """Add a category under an existing parent (or at the root), with a new id and handle."""
        if category.id in self._categories:
            raise ValidationError("category id", category.id, "an id not yet in the tree")
        if any(other.handle == category.handle for other in self._categories.values()):
            raise ValidationError("category handle", category.handle, "a handle not yet in use")
        if category.parent_id is not None:
            self.get(category.parent_id)
        self._categories[category.id] = category

    def children(self, category_id: str | None) -> list[Category]:
        """Return the direct children of ``category_id`` (None: the roots), in the order added."""
        return [c for c in self._categories.values() if c.parent_id == category_id]

    def descendants(self, category_id: str) -> list[Category]:
        """Everything below ``category_id``, depth first."""
        found: list[Category] = []
        for child in self.children(category_id):
            found += [child, *self.descendants(child.id)]
        return found

    def ancestors(self, category_id: str) -> list[Category]:
        """Return the path from the root down to the parent of ``category_id``."""
        path: list[Category] = []
        parent_id = self.get(category_id).parent_id
        while parent_id is not None:
            parent = self._categories[parent_id]
            path.insert(0, parent)
            parent_id = parent.parent_id
        return path

    def breadcrumb(self, category_id: str, separator: str = " > ") -> str:
        """Return the names from the root to ``category_id``, joined by ``separator``."""
        path = [*self.ancestors(category_id), self.get(category_id)]
        return separator.join(category.name for category in path)

    def move(self, category_id: str, new_parent_id: str | None) -> None:
        """Move ``category_id`` and its whole subtree under ``new_parent_id`` (None: the root).

        Raises `CategoryCycleError` if the new parent is the category itself or inside its subtree.
        """
        category = self.get(category_id)
        if new_parent_id is not None:
            self.get(new_parent_id)
            if new_parent_id == category_id or any(
                node.id == category_id for node in self.ancestors(new_parent_id)
            ):
                raise CategoryCycleError(category_id, new_parent_id)
        self._categories[category_id] = attrs.evolve(category, parent_id=new_parent_id)

    def with_ancestors(self, category_ids: Iterable[str]) -> frozenset[str]:
        """Return the ids given plus all their ancestors' ids; unknown ids are kept as they are."""
        expanded: set[str] = set()
        for category_id in category_ids:
            expanded.add(category_id)
            if category_id in self._categories:
                expanded.update(category.id for category in self.ancestors(category_id))
        return frozenset(expanded)
