"""Collections: hand-picked lists, and rules over tags, type, attributes and categories."""

from datetime import date
from decimal import Decimal

import pytest

from ecomcore.catalog import (
    Category,
    CategoryTree,
    CollectionRule,
    Product,
    ProductCollection,
    RuleField,
    RuleOperator,
)
from ecomcore.core import ValidationError

MUG = Product(
    "p-1",
    "mug",
    "Mug",
    product_type="mug",
    vendor="Acme Ceramics",
    tags=frozenset({"summer", "gift"}),
    attributes={"capacity": Decimal(350), "launched": date(2026, 2, 1), "finish": "gloss"},
    category_ids=frozenset({"c-2"}),
)


def rule(
    field: RuleField, op: RuleOperator, value: object, attribute: str | None = None
) -> CollectionRule:
    return CollectionRule(field, op, value, attribute)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("condition", "matches"),
    [
        (rule(RuleField.TAG, RuleOperator.EQUALS, "summer"), True),
        (rule(RuleField.TAG, RuleOperator.NOT_EQUALS, "summer"), False),
        (rule(RuleField.TAG, RuleOperator.CONTAINS, "GIF"), True),
        (rule(RuleField.PRODUCT_TYPE, RuleOperator.EQUALS, "mug"), True),
        (rule(RuleField.VENDOR, RuleOperator.CONTAINS, "ceramics"), True),
        (rule(RuleField.ATTRIBUTE, RuleOperator.GREATER_THAN, Decimal(300), "capacity"), True),
        (rule(RuleField.ATTRIBUTE, RuleOperator.LESS_THAN, Decimal(300), "capacity"), False),
        (rule(RuleField.ATTRIBUTE, RuleOperator.LESS_THAN, date(2026, 3, 1), "launched"), True),
        (rule(RuleField.ATTRIBUTE, RuleOperator.GREATER_THAN, Decimal(1), "launched"), False),
        (rule(RuleField.ATTRIBUTE, RuleOperator.EQUALS, "gloss", "finish"), True),
        (rule(RuleField.ATTRIBUTE, RuleOperator.GREATER_THAN, Decimal(1), "weight"), False),
        (rule(RuleField.CATEGORY, RuleOperator.EQUALS, "c-2"), True),
    ],
)
def test_each_rule_matches_as_written(condition: CollectionRule, matches: bool) -> None:
    """Every field and operator compares the way its description reads."""
    assert condition.matches(MUG) is matches


def test_all_or_any_of_the_rules() -> None:
    """match_all needs every rule; match_all=False needs one."""
    rules = [
        rule(RuleField.TAG, RuleOperator.EQUALS, "summer"),
        rule(RuleField.PRODUCT_TYPE, RuleOperator.EQUALS, "plate"),
    ]
    assert not ProductCollection.by_rules("c", "c", "C", rules).contains(MUG)
    assert ProductCollection.by_rules("c", "c", "C", rules, match_all=False).contains(MUG)


def test_category_rules_include_subcategories_given_the_tree() -> None:
    """A product in Mugs is in a 'Kitchen' collection when the tree says Mugs is in Kitchen."""
    tree = CategoryTree.of(
        [Category("c-1", "kitchen", "Kitchen"), Category("c-2", "mugs", "Mugs", parent_id="c-1")]
    )
    kitchen = ProductCollection.by_rules(
        "k", "kitchen", "Kitchen", [rule(RuleField.CATEGORY, RuleOperator.EQUALS, "c-1")]
    )
    assert not kitchen.contains(MUG)
    assert kitchen.contains(MUG, tree)


def test_manual_collections_list_their_products() -> None:
    """A manual collection contains exactly its listed product ids."""
    picks = ProductCollection.manual("m", "picks", "Picks", ["p-1"])
    assert picks.is_manual
    assert picks.contains(MUG)
    assert not ProductCollection.manual("m", "picks", "Picks", ["p-2"]).contains(MUG)


def test_nonsense_rules_are_refused() -> None:
    """Greater-than on a tag, an attribute rule without attribute, or no rules at all."""
    with pytest.raises(ValidationError):
        rule(RuleField.TAG, RuleOperator.GREATER_THAN, "a")
    with pytest.raises(ValidationError):
        rule(RuleField.ATTRIBUTE, RuleOperator.EQUALS, "a")
    with pytest.raises(ValidationError):
        ProductCollection.by_rules("c", "c", "C", [])
    assert rule(RuleField.TAG, RuleOperator.NOT_EQUALS, "x").describe() == "tag not equals 'x'"
