"""The rule language over a vocabulary of the tests' own: evaluation, three-valued logic, errors.

The subject is a shopper with a few facts, any of which may be missing; nothing here is fraud's.
"""

from decimal import Decimal

import attrs
import pytest

from ecomcore.core import ValidationError
from ecomcore.rules import (
    MAX_DEPTH,
    MAX_LIST_ITEMS,
    MAX_RULES,
    MAX_TEXT_LENGTH,
    And,
    Attribute,
    Comparison,
    Constant,
    Field,
    IsTrue,
    Not,
    RuleSyntaxError,
    RuleTypeError,
    ValueType,
    Vocabulary,
    compile_condition,
    compile_conditions,
    parse_condition,
    parse_rules,
)


@attrs.frozen(kw_only=True)
class Shopper:
    orders: int | None = None
    spent: Decimal | None = None
    country: str | None = None
    email: str | None = None
    tags: frozenset[str] | None = None
    scores: frozenset[Decimal] | None = None
    subscribed: bool | None = None


WORDS = Vocabulary[Shopper](
    [
        Attribute("orders", ValueType.NUMBER, "orders so far", lambda s: s.orders),
        Attribute("spent", ValueType.NUMBER, "lifetime spend", lambda s: s.spent),
        Attribute("country", ValueType.STRING, "alpha-2", lambda s: s.country),
        Attribute("email", ValueType.STRING, "email", lambda s: s.email),
        Attribute("tags", ValueType.STRINGS, "tags", lambda s: s.tags),
        Attribute("scores", ValueType.NUMBERS, "survey scores", lambda s: s.scores),
        Attribute("subscribed", ValueType.BOOL, "newsletter", lambda s: s.subscribed),
    ]
)

FULL = Shopper(
    orders=4,
    spent=Decimal("310.50"),
    country="DE",
    email="Kim+News@Example.com",
    tags=frozenset({"vip", "b2b"}),
    scores=frozenset({Decimal(9), Decimal(7)}),
    subscribed=True,
)
EMPTY = Shopper()
OUTCOMES = frozenset({"welcome", "win_back", "ignore"})


def verdict(condition: str, shopper: Shopper = FULL, **lists: object) -> bool | None:
    """What the condition answers for the shopper: True, False, or None for unknown."""
    return compile_condition(condition, WORDS, lists=lists)(shopper)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        (":orders: > 3", True),
        (":orders: >= 4", True),
        (":orders: < 4", False),
        (":spent: <= 310.50", True),
        (":spent: == 310.5", True),
        (":spent: != 310.5", False),
        (':country: == "DE"', True),
        ('"DE" != :country:', False),
        (":subscribed:", True),
        (":subscribed: == false", False),
        (':country: in ["DE", "AT"]', True),
        (":orders: in [1, 2, 3]", False),
        (':tags: includes "vip"', True),
        ('"b2b" in :tags:', True),
        (":scores: includes 9", True),
        ("8 in :scores:", False),
        (':email: like "*+*@example.com"', True),
        (':email: like "kim?news@*"', True),
        (':email: like "*@example.org"', False),
        (":orders: > 1 and :spent: > 300", True),
        (":orders: > 10 or :spent: > 300", True),
        ("not :orders: > 10", True),
        ("is_missing(:email:)", False),
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
        ":orders: > 3",
        ":orders: == :spent:",
        ':country: in ["DE"]',
        ':tags: includes "vip"',
        ':email: like "*"',
        ":subscribed:",
        ":country: in @markets",
        'not :email: == "x"',
    ],
)
def test_a_missing_fact_makes_a_condition_unknown_never_a_match(condition: str) -> None:
    """With the fact missing, neither the condition nor its negation holds."""
    assert verdict(condition, EMPTY, markets={"DE"}) is None
    assert verdict(f"not ({condition})", EMPTY, markets={"DE"}) is None


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ("false == true and :subscribed:", False),  # false and unknown
        ("true == true and :subscribed:", None),  # true and unknown
        ("true == true or :subscribed:", True),  # true or unknown
        ("false == true or :subscribed:", None),  # false or unknown
        ("is_missing(:orders:) and is_missing(:tags:)", True),  # is_missing is never unknown
    ],
)
def test_kleene_logic_combines_unknown_with_known(condition: str, expected: bool | None) -> None:
    """False wins an 'and', true wins an 'or'; otherwise unknown stays unknown."""
    assert verdict(condition, EMPTY) is expected


def test_named_lists_are_read_at_compile_time_and_all_missing_ones_are_named() -> None:
    """``@name`` reads any container given when compiling; every missing one is named at once."""
    assert verdict(":country: in @markets", markets={"DE", "AT"}) is True
    assert verdict(":country: in @markets", markets=set()) is False
    with pytest.raises(ValidationError, match="missing @a, @b"):
        compile_conditions([":country: in @b", ":email: in @a", ":country: in @b"], WORDS)


def test_trees_compile_like_their_text() -> None:
    """A tree built in code compiles to the same answers as the text it prints as."""
    tree = And(
        [IsTrue(Field("subscribed")), Not(Comparison(Field("country"), "==", Constant("FR")))]
    )
    for shopper in (FULL, EMPTY):
        assert compile_condition(tree, WORDS)(shopper) is verdict(str(tree), shopper)


def test_a_tree_naming_an_attribute_outside_the_vocabulary_is_refused() -> None:
    """Attributes come only from the vocabulary given, also for trees built in code."""
    with pytest.raises(ValidationError, match=":pin:"):
        compile_condition(IsTrue(Field("pin")), WORDS)


def test_the_same_text_reads_whatever_subject_the_vocabulary_describes() -> None:
    """The language knows no subject: another vocabulary, another kind of object, same text."""
    other = Vocabulary[dict[str, int]](
        [Attribute("orders", ValueType.NUMBER, "orders", lambda d: d["n"])]
    )
    assert compile_condition(":orders: > 3", other)({"n": 5}) is True
    assert compile_condition(":orders: > 3", WORDS)(FULL) is True


def test_vocabularies_refuse_duplicate_and_ill_formed_names() -> None:
    """Each attribute is named once, in the form rules can write."""
    orders = Attribute("orders", ValueType.NUMBER, "orders", len)
    with pytest.raises(ValidationError, match="each name once"):
        Vocabulary([orders, orders])
    with pytest.raises(ValidationError, match="name"):
        Attribute("order-count", ValueType.NUMBER, "orders", len)


@pytest.mark.parametrize(
    ("text", "line", "column", "expected"),
    [
        ("welcome if :orders: >", 1, 22, "a number"),
        ("welcome if :orders: > 5 and", 1, 28, "an attribute such as :amount:"),
        ("welcome :orders: > 5", 1, 9, "'if'"),
        ("ignore if :orders: > 5\nwelcome if (:orders: > 5", 2, 25, "')'"),
        ("ignore if :orders: ~ 5", 1, 20, "a comparison (== != < <= > >=)"),
        ("ignore if :email: like :email:", 1, 24, "a string in double quotes"),
        ("a: ignore if :subscribed:\na: welcome if :subscribed:", 2, 1, "a label not used before"),
        ("hold if :subscribed:", 1, 1, "one of ignore, welcome, win_back"),
        (":orders: > 1", 1, 1, "a label or an outcome (ignore, welcome, win_back)"),
    ],
)
def test_syntax_errors_name_line_column_and_expected_token(
    text: str, line: int, column: int, expected: str
) -> None:
    """A syntax error points at the spot and says what would have been right."""
    with pytest.raises(RuleSyntaxError) as caught:
        parse_rules(text, WORDS, OUTCOMES)
    assert (caught.value.line, caught.value.column) == (line, column)
    assert expected in caught.value.expected
    assert f"line {line}, column {column}" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "column", "expected"),
    [
        (':orders: > "many"', 1, "a number"),
        (":email: > :country:", 1, "a number"),
        (":subscribed: or :orders:", 17, "a comparison"),
        (':orders: like "1*"', 1, "a string"),
        (':orders: in ["a"]', 1, "a list of numbers"),
        (":tags: includes 5", 1, "a list of numbers"),
        (':tags: == "a"', 1, "a single value"),
        (':orders: in [1, "a"]', 13, "one kind of item"),
    ],
)
def test_type_errors_name_the_position(text: str, column: int, expected: str) -> None:
    """Comparing unlike things is refused where it is written, as a RuleTypeError."""
    with pytest.raises(RuleTypeError) as caught:
        parse_condition(text, WORDS)
    assert caught.value.column == column
    assert any(expected in item for item in caught.value.expected), caught.value.expected


def test_an_unknown_attribute_names_the_nearest_and_the_known_ones() -> None:
    """Only the caller's attributes parse; the error suggests the closest and lists them all."""
    with pytest.raises(RuleTypeError) as caught:
        parse_condition(':contry: == "DE"', WORDS)
    assert "did you mean :country:?" in caught.value.problem
    (known,) = caught.value.expected
    assert all(f":{name}:" in known for name in WORDS)
    with pytest.raises(RuleTypeError, match="unknown attribute :__class__:"):
        parse_condition(":__class__: == 1", WORDS)
    with pytest.raises(RuleSyntaxError):
        parse_condition("__import__('os') == 1", WORDS)


def test_outcomes_must_be_words_the_language_does_not_use() -> None:
    """A keyword cannot be an outcome; labels and outcomes are told apart by the colon."""
    with pytest.raises(ValidationError, match="outcomes"):
        parse_rules("if if :subscribed:", WORDS, {"if"})
    (rule,) = parse_rules("welcome: win_back if :subscribed:", WORDS, OUTCOMES)
    assert (rule.label, rule.outcome) == ("welcome", "win_back")


def test_size_depth_list_length_and_rule_count_are_bounded() -> None:
    """Huge or deeply nested text is refused before it can exhaust memory or the stack."""
    with pytest.raises(RuleSyntaxError, match="characters at most"):
        parse_condition(" " * (MAX_TEXT_LENGTH + 1), WORDS)
    with pytest.raises(RuleSyntaxError, match="nested too deeply"):
        parse_condition("not " * (MAX_DEPTH + 5) + ":subscribed:", WORDS)
    with pytest.raises(RuleSyntaxError, match="nested too deeply"):
        parse_condition("(" * 5000 + ":subscribed:" + ")" * 5000, WORDS)
    with pytest.raises(RuleTypeError, match=f"{MAX_LIST_ITEMS} at most"):
        parse_condition(":orders: in [" + ", ".join(["1"] * (MAX_LIST_ITEMS + 1)) + "]", WORDS)
    with pytest.raises(RuleSyntaxError, match=f"{MAX_RULES} at most"):
        parse_rules("ignore if :subscribed:\n" * (MAX_RULES + 1), WORDS, OUTCOMES)
    assert parse_condition("((:subscribed:))", WORDS) == parse_condition(":subscribed:", WORDS)
    assert parse_condition("not " * (MAX_DEPTH - 1) + ":subscribed:", WORDS)


def test_printing_is_canonical_and_drops_comments() -> None:
    """Rules print one per line, canonically spaced, parentheses only where needed."""
    text = """
    # lapsed big spenders
    big:win_back if(:spent:>300 and(:country: != "DE" or :subscribed:))
    ignore if not (:orders: > 1 and :subscribed:) or (:orders: < 1 or :subscribed:)
    """
    rules = parse_rules(text, WORDS, OUTCOMES)
    assert [str(rule) for rule in rules] == [
        'big: win_back if :spent: > 300 and (:country: != "DE" or :subscribed:)',
        "ignore if not (:orders: > 1 and :subscribed:) or (:orders: < 1 or :subscribed:)",
    ]
    assert parse_rules("\n".join(map(str, rules)), WORDS, OUTCOMES) == rules
