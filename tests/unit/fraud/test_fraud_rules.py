"""The rule language: every operator, three-valued logic for missing facts, error positions."""

from datetime import UTC, datetime

import pytest

from ecomcore.core import Money, ValidationError
from ecomcore.fraud import (
    MAX_DEPTH,
    MAX_TEXT_LENGTH,
    Address,
    CardFacts,
    CustomerFacts,
    FraudInput,
    IpFacts,
    LineItem,
    RuleSet,
    RuleSubject,
    RuleSyntaxError,
    RuleTypeError,
)

AT = datetime(2026, 3, 1, 12, tzinfo=UTC)
FULL = FraudInput(
    order_id="o-1",
    placed_at=AT,
    amount=Money("750.00", "EUR"),
    items=[
        LineItem(sku="PHONE", quantity=3, unit_price=Money("200", "EUR"), category="electronics"),
        LineItem(sku="CASE", quantity=1, unit_price=Money("150", "EUR")),
    ],
    customer=CustomerFacts(customer_id="c-1", account_age_days=3, prior_orders=0),
    email="Kim@Mailinator.com",
    billing=Address(line1="1 Main St", country="DE", postcode="10117"),
    shipping=Address(line1="9 Harbour Rd", country="GB"),
    ip=IpFacts(address="10.0.0.1", country="NG", is_vpn=True),
    card=CardFacts(token="t", bin="411111", last4="1111", country="DE", avs="no_match"),
)
EMPTY = FraudInput(order_id="o-2", placed_at=AT, amount=Money("5.00", "EUR"))


def verdict(condition: str, order: FraudInput = FULL, **lists: object) -> bool | None:
    """What the condition answers: True, False, or None for unknown."""
    (rule,) = RuleSet.parse(f"review if {condition}").compile(lists).rules  # type: ignore[arg-type]
    subject = RuleSubject(order, score=42, signals=frozenset({"avs_no_match", "first_order"}))
    return rule.predicate(subject)


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        (":amount: > 500", True),
        (":amount: >= 750", True),
        (":amount: < 750", False),
        (":amount: <= 750.00", True),
        (":amount: == 750", True),
        (":amount: != 750", False),
        (":ip_country: != :billing_country:", True),
        (":card_country: == :billing_country:", True),
        ('"DE" == :billing_country:', True),
        (":ip_is_vpn: == true", True),
        (":ip_is_proxy: == false", True),
        (":ip_is_vpn:", True),
        (":ip_is_proxy:", False),
        (':ip_country: in ["NG", "GH"]', True),
        (":prior_orders: in [1, 2, 3]", False),
        (':skus: includes "PHONE"', True),
        (':signals: includes "avs_no_match"', True),
        (':"PHONE" in :skus:'.lstrip(":"), True),
        (':email: like "*@mailinator.*"', True),
        (':email_domain: like "mail?nator.com"', True),
        (':email: like "kim@*.org"', False),
        (":score: >= 40", True),
        (":max_item_quantity: == 3 and :item_count: == 4", True),
        (":amount: < 10 or :account_age_days: < 7", True),
        ("not :amount: < 10", True),
        ("is_missing(:phone:)", True),
        ("is_missing(:email:)", False),
        (':avs_result: == "no_match"', True),
        (":ip_shipping_distance_km: > 0 or true == true", True),
        ('["a", "b"] includes "b"', True),
        ("-5 < 0", True),
    ],
)
def test_each_operator_answers_as_documented(condition: str, expected: bool) -> None:
    """Comparisons, in, includes, like, and/or/not, lists and is_missing give the right answer."""
    assert verdict(condition) is expected


@pytest.mark.parametrize(
    "condition",
    [
        ":ip_country: != :billing_country:",
        ":ip_country: == :billing_country:",
        ":amount: > :average_order_value:",
        ':email_domain: in ["x.com"]',
        ':email: like "*"',
        ":ip_is_vpn:",
        ":card_bin: in @blocked",
        'not :phone: == "1"',
    ],
)
def test_a_missing_fact_makes_a_condition_unknown_never_a_match(condition: str) -> None:
    """A comparison with a missing attribute neither matches nor does its negation."""
    assert verdict(condition, EMPTY, blocked={"411111"}) is None
    assert verdict(f"not ({condition})", EMPTY, blocked={"411111"}) is None


def test_kleene_logic_combines_unknown_with_known() -> None:
    """false and unknown is false; true or unknown is true; the rest stay unknown."""
    assert verdict(':amount: > 100 and :phone: == "1"', EMPTY) is False
    assert verdict(':amount: < 100 or :phone: == "1"', EMPTY) is True
    assert verdict(':amount: < 100 and :phone: == "1"', EMPTY) is None
    assert verdict(':amount: > 100 or :phone: == "1"', EMPTY) is None
    assert verdict("is_missing(:phone:) and :is_guest:", EMPTY) is True


def test_named_lists_work_with_plain_sets() -> None:
    """``@name`` reads the list given at compile time."""
    assert verdict(":card_bin: in @bins", bins={"411111"}) is True
    assert verdict(":card_bin: in @bins", bins=set()) is False


def test_compiling_without_a_named_list_names_it() -> None:
    """A rule set that uses @blocked cannot compile without it."""
    with pytest.raises(ValidationError, match="@blocked"):
        RuleSet.parse("block if :email: in @blocked").compile({})


@pytest.mark.parametrize(
    ("text", "line", "column", "expected"),
    [
        ("review if :amount: >", 1, 21, "a number"),
        ("review if :amount: > 500 and", 1, 29, "an attribute such as :amount:"),
        ("review :amount: > 5", 1, 8, "'if'"),
        ("block if :amount: > 5\nreview if (:amount: > 5", 2, 24, "')'"),
        ("block if :amount: ~ 5", 1, 19, "a comparison (== != < <= > >=)"),
        ("block if :email: like :email:", 1, 23, "a string in double quotes"),
        ("a: block if :is_guest:\na: review if :is_guest:", 2, 1, "a label not used before"),
    ],
)
def test_syntax_errors_name_line_column_and_expected_token(
    text: str, line: int, column: int, expected: str
) -> None:
    """A syntax error points at the spot and says what would have been right."""
    with pytest.raises(RuleSyntaxError) as caught:
        RuleSet.parse(text)
    assert (caught.value.line, caught.value.column) == (line, column)
    assert expected in caught.value.expected
    assert f"line {line}, column {column}" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "column", "expected"),
    [
        ('block if :amount: > "many"', 10, "a number"),
        ("block if :email: > :phone:", 10, "a number"),
        ("block if :nonsense: == 1", 10, "one of the documented attributes"),
        ("block if :amount:", 10, "a comparison"),
        ('block if :amount: like "1*"', 10, "a string"),
        ('block if :amount: in ["a"]', 10, "a list of numbers"),
        ("block if :skus: includes 5", 10, "a list of numbers"),
        ('block if :skus: == "a"', 10, "a single value"),
        ('block if :amount: in [1, "a"]', 22, "one kind of item"),
    ],
)
def test_type_errors_name_the_position(text: str, column: int, expected: str) -> None:
    """Comparing unlike things or naming an undocumented attribute is refused where written."""
    with pytest.raises(RuleSyntaxError) as caught:
        RuleSet.parse(text)
    assert caught.value.column == column
    assert any(expected in item for item in caught.value.expected), caught.value.expected


def test_undocumented_attributes_are_type_errors() -> None:
    """Only documented attributes are reachable: Python internals are not attributes."""
    with pytest.raises(RuleTypeError, match="unknown attribute :__class__:"):
        RuleSet.parse("block if :__class__: == 1")
    with pytest.raises(RuleSyntaxError):
        RuleSet.parse("block if __import__('os') == 1")


def test_size_and_depth_are_bounded() -> None:
    """Huge or deeply nested rule text is refused before it can exhaust memory or the stack."""
    with pytest.raises(RuleSyntaxError, match="characters at most"):
        RuleSet.parse(" " * (MAX_TEXT_LENGTH + 1))
    deep = "block if " + "not " * (MAX_DEPTH + 5) + ":is_guest:"
    with pytest.raises(RuleSyntaxError, match="nested too deeply"):
        RuleSet.parse(deep)
    parens = "block if " + "(" * 5000 + ":is_guest:" + ")" * 5000
    with pytest.raises(RuleSyntaxError, match="nested too deeply"):
        RuleSet.parse(parens)
    assert RuleSet.parse("block if ((:is_guest:))") == RuleSet.parse("block if :is_guest:")


def test_printing_is_canonical_and_drops_comments() -> None:
    """A rule set prints one rule per line, canonically spaced, parentheses only where needed."""
    text = """
    # high value abroad
    big:review if(:amount:>500 and(:ip_country: != "DE" or :ip_is_vpn:))
    block if not (:amount: > 1 and :is_guest:) or (:amount: < 1 or :is_guest:)
    """
    rules = RuleSet.parse(text)
    assert str(rules) == (
        'big: review if :amount: > 500 and (:ip_country: != "DE" or :ip_is_vpn:)\n'
        "block if not (:amount: > 1 and :is_guest:) or (:amount: < 1 or :is_guest:)"
    )
    assert RuleSet.parse(str(rules)) == rules


def test_rules_are_named_by_label_or_position() -> None:
    """Fired rules carry their label, or 'rule N' counting from 1."""
    compiled = RuleSet.parse("big: review if :amount: > 1\nblock if :amount: > 1").compile()
    assert [rule.name for rule in compiled.fired(RuleSubject(FULL))] == ["big", "rule 2"]
