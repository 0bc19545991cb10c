"""Collections: a hand-picked list of products, or rules over tags, type, attributes, categories."""

import enum
from datetime import date
from decimal import Decimal

import attrs

from ecomcore.catalog._attributes import AttributeValue
from ecomcore.catalog._categories import CategoryTree
from ecomcore.catalog._identifiers import check_handle
from ecomcore.catalog._product import Product
from ecomcore.core import ValidationError

__all__ = ["CollectionRule", "ProductCollection", "RuleField", "RuleOperator"]


class RuleField(enum.Enum):
    """What a collection rule looks at.

    Examples:
        >>> summer = ProductCollection.by_rules("col-1", "summer", "Summer", [
        ...     CollectionRule(RuleField.TAG, RuleOperator.EQUALS, "summer")])
        >>> summer.contains(Product("p-1", "hat", "Straw hat", tags=frozenset({"summer"})))
        True
        >>> summer.contains(Product("p-2", "scarf", "Wool scarf", tags=frozenset({"winter"})))
        False
    """

    TAG = "tag"
    PRODUCT_TYPE = "product_type"
    VENDOR = "vendor"
    CATEGORY = "category"
    ATTRIBUTE = "attribute"


class RuleOperator(enum.Enum):
    """How a rule compares.

    ``contains`` is for text; greater/less for number and date attributes.

    Examples:
        >>> rule = CollectionRule(RuleField.VENDOR, RuleOperator.CONTAINS, "Linen")
        >>> rule.describe()
        "vendor contains 'Linen'"
        >>> ProductCollection.by_rules("col-1", "linen", "Linen", [rule]).contains(
        ...     Product("p-1", "tee", "Tee", vendor="Lisbon Linen Co"))
        True
    """

    EQUALS = "equals"
    NOT_EQUALS = "not_equals"
    CONTAINS = "contains"
    GREATER_THAN = "greater_than"
    LESS_THAN = "less_than"


_ORDERED = {RuleOperator.GREATER_THAN, RuleOperator.LESS_THAN}


@attrs.frozen
class CollectionRule:
    """One condition on a product, such as ``tag equals 'summer'`` or ``attribute capacity > 300``.

    ``attribute`` names the attribute for `RuleField.ATTRIBUTE` rules and is None otherwise.
    A category rule matches products in the category or, given a tree, in any subcategory.

    Examples:
        >>> rule = CollectionRule(RuleField.TAG, RuleOperator.EQUALS, "summer")
        >>> rule.describe()
        "tag equals 'summer'"
    """

    field: RuleField
    operator: RuleOperator
    value: AttributeValue
    attribute: str | None = None

    def __attrs_post_init__(self) -> None:
        if (self.field is RuleField.ATTRIBUTE) != (self.attribute is not None):
            raise ValidationError("attribute", self.attribute, "given for attribute rules only")
        if self.operator in _ORDERED and not (
            self.field is RuleField.ATTRIBUTE and isinstance(self.value, Decimal | date)
        ):
            raise ValidationError(
                "operator", self.operator.value, "greater/less only for number or date attributes"
            )
        if self.operator is RuleOperator.CONTAINS and not isinstance(self.value, str):
            raise ValidationError("value", self.value, "text for a 'contains' rule")
        if self.field is not RuleField.ATTRIBUTE and not isinstance(self.value, str):
            raise ValidationError("value", self.value, f"text for a {self.field.value} rule")

    def matches(self, product: Product, category_ids: frozenset[str] | None = None) -> bool:
        """Whether ``product`` meets the rule; ``category_ids`` overrides its categories."""
        if self.field is RuleField.TAG:
            return self._compare_set(product.tags)
        if self.field is RuleField.CATEGORY:
            return self._compare_set(product.category_ids if category_ids is None else category_ids)
        if self.field is RuleField.ATTRIBUTE:
            return self._compare(product.attributes.get(self.attribute or ""))
        own = product.product_type if self.field is RuleField.PRODUCT_TYPE else product.vendor
        return self._compare(own)

    def _compare_set(self, values: frozenset[str]) -> bool:
        if self.operator is RuleOperator.EQUALS:
            return self.value in values
        if self.operator is RuleOperator.NOT_EQUALS:
            return self.value not in values
        return any(str(self.value).lower() in value.lower() for value in values)

    def _compare(self, actual: AttributeValue | None) -> bool:
        if self.operator is RuleOperator.EQUALS:
            return actual == self.value
        if self.operator is RuleOperator.NOT_EQUALS:
            return actual != self.value
        if self.operator is RuleOperator.CONTAINS:
            return isinstance(actual, str) and str(self.value).lower() in actual.lower()
        # Ordered comparisons only between values of one kind: a number never beats a date.
        comparable = actual is not None and type(actual) is type(self.value)
        if self.operator is RuleOperator.GREATER_THAN:
            return comparable and actual > self.value  # type: ignore[operator]
        return comparable and actual < self.value  # type: ignore[operator]

    def describe(self) -> str:
        """Return the rule in words."""
        subject = f"attribute {self.attribute}" if self.attribute else self.field.value
        return f"{subject} {self.operator.value.replace('_', ' ')} {self.value!r}"


@attrs.frozen
class ProductCollection:
    """A named group of products: manual (``product_ids`` in order) or by rules.

    A rule collection matches products that meet all its rules, or any of them with
    ``match_all=False``; its members come in handle order from repositories.

    Examples:
        >>> summer = ProductCollection.by_rules("col-1", "summer", "Summer", [
        ...     CollectionRule(RuleField.TAG, RuleOperator.EQUALS, "summer")])
        >>> summer.is_manual
        False
    """

    id: str
    handle: str = attrs.field(converter=check_handle)
    title: str
    product_ids: tuple[str, ...] = ()
    rules: tuple[CollectionRule, ...] = ()
    match_all: bool = True

    def __attrs_post_init__(self) -> None:
        if self.product_ids and self.rules:
            raise ValidationError("collection", self.id, "either product ids or rules, not both")

    @classmethod
    def manual(
        cls, id: str, handle: str, title: str, product_ids: list[str]
    ) -> "ProductCollection":
        """Return a hand-picked collection of ``product_ids``, in display order."""
        return cls(id, handle, title, product_ids=tuple(product_ids))

    @classmethod
    def by_rules(
        cls,
        id: str,
        handle: str,
        title: str,
        rules: list[CollectionRule],
        *,
        match_all: bool = True,
    ) -> "ProductCollection":
        """Return a collection of every product meeting ``rules`` (all of them, or any)."""
        if not rules:
            raise ValidationError("rules", rules, "one rule or more")
        return cls(id, handle, title, rules=tuple(rules), match_all=match_all)

    @property
    def is_manual(self) -> bool:
        """Whether the members are hand-picked rather than matched by rules."""
        return not self.rules

    def contains(self, product: Product, tree: CategoryTree | None = None) -> bool:
        """Whether ``product`` belongs; with ``tree``, category rules include subcategories."""
        if self.is_manual:
            return product.id in self.product_ids
        categories = None if tree is None else tree.with_ancestors(product.category_ids)
        results = (rule.matches(product, categories) for rule in self.rules)
        return all(results) if self.match_all else any(results)
