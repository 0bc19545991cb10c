"""Whatever text arrives, the rule language answers with a tree or a RuleSyntaxError."""

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ecomcore.rules import (
    Attribute,
    RuleSyntaxError,
    ValueType,
    Vocabulary,
    compile_condition,
    parse_condition,
    parse_rules,
)

PARCEL = Vocabulary[dict[str, Any]](
    [
        Attribute("weight", ValueType.NUMBER, "grams", lambda p: p.get("weight")),
        Attribute("zone", ValueType.STRING, "zone", lambda p: p.get("zone")),
        Attribute("fragile", ValueType.BOOL, "fragile", lambda p: p.get("fragile")),
    ]
)
_BITS = st.sampled_from(
    [
        "ship", "hold", "if", " ", "\n", ":weight:", ":zone:", ":fragile:", ":nope:", ">", "==",
        "<=", "and", "or", "not", "in", "includes", "like", "is_missing", "(", ")", "[", "]", ",",
        "@zones", '"x"', "12", "-3.5", "true", "label:", "#c", '"', "\\", ":", "@", "1e5", "::",
    ]
)  # fmt: skip


@settings(max_examples=300)
@given(st.text(max_size=80) | st.lists(_BITS, max_size=25).map(" ".join))
def test_random_text_only_ever_raises_the_rule_syntax_error(text: str) -> None:
    """Rules or one condition: the parser answers with a tree or a positioned RuleSyntaxError."""
    positions = []
    for parse in (
        lambda: parse_rules(text, PARCEL, {"ship", "hold"}),
        lambda: parse_condition(text, PARCEL),
    ):
        try:
            parse()
        except RuleSyntaxError as error:
            positions.append(min(error.line, error.column))
    assert all(position >= 1 for position in positions)


_LEAVES = st.sampled_from(
    [
        ":weight: > 5",
        ":weight: <= -2.5",
        ':zone: == "x"',
        ":fragile:",
        "is_missing(:zone:)",
        ":zone: in @zones",
        ':zone: like "x*"',
        '["a", "x"] includes :zone:',
    ]
)
_CONDITIONS = st.recursive(
    _LEAVES,
    lambda inner: st.one_of(
        inner.map(lambda text: f"not ({text})"),
        st.tuples(inner, inner).map(lambda pair: f"({pair[0]}) and ({pair[1]})"),
        st.tuples(inner, inner).map(lambda pair: f"({pair[0]}) or ({pair[1]})"),
    ),
    max_leaves=10,
)


@settings(max_examples=200)
@given(
    _CONDITIONS,
    st.fixed_dictionaries(
        {},
        optional={"weight": st.integers(), "zone": st.text(max_size=3), "fragile": st.booleans()},
    ),
)
def test_whatever_parses_evaluates_to_three_values_and_prints_back(
    text: str, parcel: dict[str, object]
) -> None:
    """Any well-typed condition answers True, False or None, and its print parses to itself."""
    tree = parse_condition(text, PARCEL)
    assert parse_condition(str(tree), PARCEL) == tree
    assert compile_condition(tree, PARCEL, lists={"zones": {"x"}})(parcel) in (True, False, None)
