"""Fraud rules: every attribute an order offers, missing facts, actions, labels and lists.

The language itself (grammar, bounds, three-valued logic) is tested in tests/unit/rules.
"""

from datetime import UTC, datetime

import pytest

from ecomcore.core import Address, Money, ValidationError
from ecomcore.fraud import (
    ATTRIBUTES,
    CardFacts,
    CustomerFacts,
    Decision,
    FraudInput,
    IpFacts,
    ItemFacts,
    RuleSet,
    RuleSubject,
)
from ecomcore.rules import RuleSyntaxError, RuleTypeError

AT = datetime(2026, 3, 1, 12, tzinfo=UTC)
FULL = FraudInput(
    order_id="o-1",
    placed_at=AT,
    amount=Money("750.00", "EUR"),
    items=[
        ItemFacts(sku="PHONE", quantity=3, unit_price=Money("200", "EUR"), category="electronics"),
        ItemFacts(sku="CASE", quantity=1, unit_price=Money("150", "EUR")),
    ],
    customer=CustomerFacts(customer_id="c-1", account_age_days=3, prior_orders=0),
    email="Kim@Mailinator.com",
    billing=Address("DE", postcode="10117", lines=["1 Main St"]),
    shipping=Address("GB", lines=["9 Harbour Rd"]),
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
        ("review :amount: > 5", 1, 8, "'if'"),
        ("hold if :amount: > 5", 1, 1, "one of allow, block, request_3ds, review"),
        ("block if :nonsense: == 1", 1, 10, "one of the documented attributes"),
    ],
)
def test_errors_name_line_column_and_what_was_expected(
    text: str, line: int, column: int, expected: str
) -> None:
    """Fraud's actions and attributes are the words rules may use; others are refused in place."""
    with pytest.raises(RuleSyntaxError) as caught:
        RuleSet.parse(text)
    assert (caught.value.line, caught.value.column) == (line, column)
    assert any(expected in item for item in caught.value.expected), caught.value.expected


def test_the_four_actions_parse_to_decisions() -> None:
    """Each action word is the rule's Decision; labels and actions survive printing."""
    text = "allow if :is_guest:\nx: block if :is_guest:\nreview if :is_guest:\n"
    text += "request_3ds if :is_guest:"
    rules = RuleSet.parse(text)
    assert [rule.action for rule in rules.rules] == [
        Decision.ALLOW,
        Decision.BLOCK,
        Decision.REVIEW,
        Decision.REQUEST_3DS,
    ]
    assert RuleSet.parse(str(rules)) == rules


def test_undocumented_attributes_are_type_errors() -> None:
    """Only fraud's documented attributes are reachable: Python internals are not attributes."""
    with pytest.raises(RuleTypeError, match="unknown attribute :__class__:"):
        RuleSet.parse("block if :__class__: == 1")
    with pytest.raises(RuleTypeError, match=r"did you mean :ip_country:\?"):
        RuleSet.parse('block if :ip_county: == "NG"')
    assert "ip_country" in ATTRIBUTES
    assert "ip_latitude" not in ATTRIBUTES


def test_rules_are_named_by_label_or_position() -> None:
    """Fired rules carry their label, or 'rule N' counting from 1."""
    compiled = RuleSet.parse("big: review if :amount: > 1\nblock if :amount: > 1").compile()
    assert [rule.name for rule in compiled.fired(RuleSubject(FULL))] == ["big", "rule 2"]
