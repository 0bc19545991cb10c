"""Hypothesis strategies for fraud: order snapshots and random well-typed rule trees.

Examples:
    >>> from hypothesis import given, settings
    >>> from ecomcore.fraud import RuleSet
    >>> @settings(max_examples=20)
    ... @given(rule_sets())
    ... def test_rules_print_and_parse_back(rules):
    ...     assert RuleSet.parse(str(rules)) == rules
    >>> test_rules_print_and_parse_back()
"""

import keyword
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from ecomcore.core import Address, Coordinates, find_card_data, from_minor_units
from ecomcore.fraud import (
    ATTRIBUTES,
    AvsResult,
    CardFacts,
    Channel,
    CustomerFacts,
    CvvResult,
    Decision,
    FraudInput,
    Funding,
    IpFacts,
    ItemFacts,
    Rule,
    RuleSet,
    ThreeDSResult,
)
from ecomcore.rules import (
    KEYWORDS,
    And,
    Comparison,
    ConditionTree,
    Constant,
    ConstantList,
    Field,
    Includes,
    IsMissing,
    IsTrue,
    Like,
    Membership,
    NamedList,
    Not,
    Or,
    ValueType,
)

__all__ = ["LIST_NAMES", "conditions", "fraud_inputs", "rule_sets", "rules"]

LIST_NAMES = ("blocked", "trusted", "risky_bins")
"""The ``@names`` generated rules use; pass a list for each when compiling them."""

_KEYWORDS = KEYWORDS | {decision.value for decision in Decision}


def _literal(value: Decimal | str | bool) -> Constant:
    return Constant(value)


def _list(items: list[Decimal] | list[str]) -> ConstantList:
    return ConstantList(items)


def _rule_set(rules: list[Rule]) -> RuleSet:
    return RuleSet(rules)


def _fields(kind: ValueType) -> st.SearchStrategy[Field]:
    return st.sampled_from(sorted(n for n, a in ATTRIBUTES.items() if a.value_type is kind)).map(
        Field
    )


_strings = st.text(st.characters(exclude_characters="\n"), max_size=12)
_numbers = st.decimals(min_value=-(10**6), max_value=10**6, places=2)
_SCALAR_LITERALS: dict[ValueType, st.SearchStrategy[Any]] = {
    ValueType.NUMBER: _numbers,
    ValueType.STRING: _strings,
    ValueType.BOOL: st.booleans(),
}


def _scalar(kind: ValueType) -> st.SearchStrategy[Field | Constant]:
    return _fields(kind) | _SCALAR_LITERALS[kind].map(_literal)


def _comparison() -> st.SearchStrategy[ConditionTree]:
    def build(kind: ValueType) -> st.SearchStrategy[ConditionTree]:
        operators = ("==", "!=", "<", "<=", ">", ">=") if kind is ValueType.NUMBER else ("==", "!=")
        return st.builds(Comparison, _scalar(kind), st.sampled_from(operators), _scalar(kind))

    return st.sampled_from(list(_SCALAR_LITERALS)).flatmap(build)


def _membership() -> st.SearchStrategy[ConditionTree]:
    named = st.sampled_from(LIST_NAMES).map(NamedList)
    numbers = st.builds(
        Membership,
        _scalar(ValueType.NUMBER),
        st.lists(_numbers, max_size=4).map(_list) | named,
    )
    strings = st.builds(
        Membership,
        _scalar(ValueType.STRING),
        st.lists(_strings, max_size=4).map(_list) | named | _fields(ValueType.STRINGS),
    )
    return numbers | strings


_leaves: st.SearchStrategy[ConditionTree] = st.one_of(
    _comparison(),
    _membership(),
    st.builds(
        Includes,
        _fields(ValueType.STRINGS) | st.lists(_strings, max_size=3).map(_list),
        _scalar(ValueType.STRING),
    ),
    st.builds(Like, _fields(ValueType.STRING), _strings),
    st.builds(IsMissing, st.sampled_from(sorted(ATTRIBUTES)).map(Field)),
    st.builds(IsTrue, _fields(ValueType.BOOL)),
)


def conditions(max_leaves: int = 8) -> st.SearchStrategy[ConditionTree]:
    """Well-typed conditions using every operator, nested with not/and/or, up to ``max_leaves``."""
    return st.recursive(
        _leaves,
        lambda inner: st.one_of(
            st.builds(Not, inner),
            st.lists(inner, min_size=2, max_size=3).map(And),
            st.lists(inner, min_size=2, max_size=3).map(Or),
        ),
        max_leaves=max_leaves,
    )


_labels = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,11}", fullmatch=True).filter(
    lambda label: label not in _KEYWORDS and not keyword.iskeyword(label)
)


def rules(max_leaves: int = 8) -> st.SearchStrategy[Rule]:
    """One rule with any action, a random condition and maybe a label."""
    return st.builds(
        Rule, st.sampled_from(list(Decision)), conditions(max_leaves), st.none() | _labels
    )


def rule_sets(max_rules: int = 5) -> st.SearchStrategy[RuleSet]:
    """Rule sets of up to ``max_rules`` rules with distinct labels."""
    return st.lists(rules(), max_size=max_rules, unique_by=lambda rule: rule.label or id(rule)).map(
        RuleSet
    )


_text = st.text(st.characters(codec="utf-8"), max_size=30).filter(
    lambda text: find_card_data(text) is None
)
_optional_text = st.none() | _text
_countries = st.sampled_from(("DE", "FR", "GB", "US", "NG"))
_coordinates = st.none() | st.builds(Coordinates, st.floats(-80, 80), st.floats(-180, 180))


def _addresses() -> st.SearchStrategy[Address]:
    return st.builds(
        Address,
        country=_countries,
        postcode=_optional_text,
        city=_optional_text,
        lines=st.lists(_text, max_size=2),
        name=_optional_text,
        coordinates=_coordinates,
    )


def fraud_inputs(currency: str = "EUR") -> st.SearchStrategy[FraudInput]:
    """Order snapshots with every part optional, free text included (never card data)."""
    money = st.integers(0, 10**7).map(lambda units: from_minor_units(units, currency))
    ids = st.text("abcdefgh0123456789-", min_size=1, max_size=8)
    return st.builds(
        FraudInput,
        order_id=ids,
        placed_at=st.datetimes(
            min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1), timezones=st.just(UTC)
        ),
        amount=money,
        items=st.lists(
            st.builds(
                ItemFacts,
                sku=ids,
                quantity=st.integers(0, 50),
                unit_price=money,
                category=st.none() | st.sampled_from(("books", "electronics")),
            ),
            max_size=3,
        ),
        customer=st.none()
        | st.builds(
            CustomerFacts,
            customer_id=ids,
            account_age_days=st.integers(0, 5000),
            prior_orders=st.integers(0, 100),
            prior_chargebacks=st.integers(0, 3),
            average_order_value=st.none() | money,
        ),
        email=st.none() | st.emails().filter(lambda email: find_card_data(email) is None),
        phone=_optional_text,
        billing=st.none() | _addresses(),
        shipping=st.none() | _addresses(),
        ip=st.none()
        | st.builds(
            IpFacts,
            address=st.ip_addresses().map(str),
            country=st.none() | _countries,
            is_proxy=st.booleans(),
            is_vpn=st.booleans(),
            is_hosting=st.booleans(),
            coordinates=_coordinates,
        ),
        device_id=st.none() | ids,
        card=st.none()
        | st.builds(
            CardFacts,
            token=ids,
            bin=st.from_regex(r"[0-9]{6,8}", fullmatch=True),
            last4=st.from_regex(r"[0-9]{4}", fullmatch=True),
            country=st.none() | _countries,
            funding=st.sampled_from(list(Funding)),
            avs=st.sampled_from(list(AvsResult)),
            cvv=st.sampled_from(list(CvvResult)),
            three_ds=st.sampled_from(list(ThreeDSResult)),
        ),
        channel=st.sampled_from(list(Channel)),
        note=_optional_text,
    )
