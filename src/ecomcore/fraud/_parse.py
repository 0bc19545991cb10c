"""Rule text to tree: a lark LALR grammar, type checks with positions, bounded size and depth."""

from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from typing import Any, Final

import lark
from lark import Token, Transformer, v_args

from ecomcore.fraud._attributes import ATTRIBUTES, ValueType
from ecomcore.fraud._errors import RuleSyntaxError, RuleTypeError
from ecomcore.fraud._model import Decision
from ecomcore.fraud._rules import (
    And,
    Comparison,
    Condition,
    Field,
    Includes,
    IsMissing,
    IsTrue,
    Like,
    ListLiteral,
    Literal,
    Membership,
    NamedList,
    Not,
    Or,
    Rule,
)

__all__ = ["MAX_DEPTH", "MAX_LIST_ITEMS", "MAX_RULES", "MAX_TEXT_LENGTH", "parse_rules"]

MAX_TEXT_LENGTH: Final = 100_000
"""Longest rule set text accepted, in characters."""
MAX_RULES: Final = 1_000
"""Most rules in one rule set."""
MAX_DEPTH: Final = 32
"""Deepest nesting of conditions (each ``not``, ``and``, ``or``, parenthesis and comparison is a
level)."""
MAX_LIST_ITEMS: Final = 10_000
"""Most items in one list written in a rule."""

_GRAMMAR: Final = r"""
start: rule*
rule: (LABEL COLON)? action IF or_expr
action: ALLOW | BLOCK | REVIEW | REQUEST_3DS

?or_expr: and_expr (OR and_expr)*
?and_expr: not_expr (AND not_expr)*
?not_expr: NOT not_expr -> negation
         | atom
?atom: LPAR or_expr RPAR -> group
     | operand CMP operand -> comparison
     | operand IN collection -> membership
     | operand INCLUDES operand -> includes
     | FIELD LIKE STRING -> like
     | IS_MISSING LPAR FIELD RPAR -> is_missing
     | FIELD -> is_true

?operand: FIELD | NUMBER | STRING | TRUE | FALSE | list_literal
?collection: list_literal | LISTREF | FIELD
list_literal: LSQB (literal (COMMA literal)*)? RSQB
?literal: NUMBER | STRING

ALLOW: "allow"
BLOCK: "block"
REVIEW: "review"
REQUEST_3DS: "request_3ds"
IF: "if"
AND: "and"
OR: "or"
NOT: "not"
IN: "in"
INCLUDES: "includes"
LIKE: "like"
TRUE: "true"
FALSE: "false"
IS_MISSING: "is_missing"
LABEL: /[A-Za-z_][A-Za-z0-9_]*/
FIELD: /:[a-z_][a-z0-9_]*:/
LISTREF: /@[a-z_][a-z0-9_]*/
NUMBER: /-?[0-9]+(\.[0-9]+)?/
STRING: /"(?:[^"\\\n]|\\["\\])*"/
CMP: /==|!=|<=|>=|<|>/
COLON: ":"
LPAR: "("
RPAR: ")"
LSQB: "["
RSQB: "]"
COMMA: ","
COMMENT: /#[^\n]*/
WS: /\s+/
%ignore WS
%ignore COMMENT
"""

_READABLE: Final = {
    "LABEL": "a rule label",
    "FIELD": "an attribute such as :amount:",
    "LISTREF": "a named list such as @blocked",
    "NUMBER": "a number",
    "STRING": "a string in double quotes",
    "CMP": "a comparison (== != < <= > >=)",
    "COLON": "':'",
    "LPAR": "'('",
    "RPAR": "')'",
    "LSQB": "'['",
    "RSQB": "']'",
    "COMMA": "','",
    "$END": "the end of the text",
}


def _readable(terminals: Iterable[str]) -> list[str]:
    names = {_READABLE.get(name, f"'{name.lower()}'") for name in terminals}
    return sorted(names)


@cache
def _parser() -> lark.Lark:
    return lark.Lark(_GRAMMAR, parser="lalr", propagate_positions=True, maybe_placeholders=False)


def _unquote(token: str) -> str:
    chars = iter(token[1:-1])
    return "".join(next(chars) if char == "\\" else char for char in chars)


def _value_type(node: object) -> ValueType | None:
    """Return the type of an operand; None for an empty list (it fits any list)."""
    if isinstance(node, Field):
        return ATTRIBUTES[node.name].type
    if isinstance(node, Literal):
        if isinstance(node.value, bool):
            return ValueType.BOOL
        return ValueType.NUMBER if isinstance(node.value, Decimal) else ValueType.STRING
    if isinstance(node, ListLiteral):
        if not node.items:
            return None
        return ValueType.NUMBERS if isinstance(node.items[0], Decimal) else ValueType.STRINGS
    return None  # a named list: its items are known only when compiled


_SCALARS: Final = (ValueType.NUMBER, ValueType.STRING, ValueType.BOOL)
_LIST_OF: Final = {ValueType.NUMBER: ValueType.NUMBERS, ValueType.STRING: ValueType.STRINGS}


def _describe(node: object) -> str:
    kind = _value_type(node)
    return f"{node} ({kind.value if kind else 'a list'})"


@v_args(meta=True)
class _ToTree(Transformer[Token, Any]):
    """Builds the rule tree from lark's parse tree, checking names and types as it goes."""

    def _fail(self, meta: Any, problem: str, expected: str) -> RuleTypeError:
        return RuleTypeError(problem, line=meta.line, column=meta.column, expected=[expected])

    def _scalar(self, meta: Any, node: object, role: str) -> ValueType:
        kind = _value_type(node)
        if kind not in _SCALARS:
            raise self._fail(
                meta, f"{role} {_describe(node)} is not a single value", "a single value"
            )
        assert kind is not None
        return kind

    @v_args(inline=True)
    def FIELD(self, token: Token) -> Field:  # noqa: N802 (lark names terminal callbacks this way)
        name = token[1:-1]
        if name not in ATTRIBUTES:
            raise RuleTypeError(
                f"unknown attribute {token}",
                line=token.line or 0,
                column=token.column or 0,
                expected=["one of the documented attributes: " + ", ".join(sorted(ATTRIBUTES))],
            )
        return Field(name)

    def NUMBER(self, token: Token) -> Literal:  # noqa: N802
        return Literal(Decimal(token))

    def STRING(self, token: Token) -> Literal:  # noqa: N802
        return Literal(_unquote(token))

    def TRUE(self, _: Token) -> Literal:  # noqa: N802
        return Literal(True)

    def FALSE(self, _: Token) -> Literal:  # noqa: N802
        return Literal(False)

    def LISTREF(self, token: Token) -> NamedList:  # noqa: N802
        return NamedList(token[1:])

    def start(self, meta: Any, children: list[Rule]) -> tuple[Rule, ...]:
        return tuple(children)

    def rule(self, meta: Any, children: list[Any]) -> Rule:
        label = str(children[0]) if isinstance(children[0], Token) else None
        action, condition = children[-3], children[-1]
        return Rule(action, condition, label)

    def action(self, meta: Any, children: list[Token]) -> Decision:
        return Decision(str(children[0]))

    def or_expr(self, meta: Any, children: list[Any]) -> Or:
        return Or(child for child in children if not isinstance(child, Token))

    def and_expr(self, meta: Any, children: list[Any]) -> And:
        return And(child for child in children if not isinstance(child, Token))

    def negation(self, meta: Any, children: list[Any]) -> Not:
        return Not(children[1])

    def group(self, meta: Any, children: list[Any]) -> Condition:
        return children[1]  # type: ignore[no-any-return]

    def comparison(self, meta: Any, children: list[Any]) -> Comparison:
        left, operator, right = children
        left_type = self._scalar(meta, left, "the left side")
        right_type = self._scalar(meta, right, "the right side")
        if left_type is not right_type:
            raise self._fail(
                meta,
                f"cannot compare {_describe(left)} with {_describe(right)}",
                left_type.value,
            )
        if operator not in ("==", "!=") and left_type is not ValueType.NUMBER:
            raise self._fail(
                meta, f"{operator} orders numbers only, not {_describe(left)}", "a number"
            )
        return Comparison(left, str(operator), right)

    def membership(self, meta: Any, children: list[Any]) -> Membership:
        item, _, collection = children
        item_type = self._scalar(meta, item, "the value before 'in'")
        collection_type = _value_type(collection)
        if isinstance(collection, Field | ListLiteral) and collection_type not in (
            None,
            _LIST_OF.get(item_type),
        ):
            expected = _LIST_OF.get(item_type, ValueType.STRINGS).value
            raise self._fail(
                meta, f"{_describe(item)} cannot be in {_describe(collection)}", expected
            )
        return Membership(item, collection)

    def includes(self, meta: Any, children: list[Any]) -> Includes:
        collection, _, item = children
        collection_type = _value_type(collection)
        item_type = self._scalar(meta, item, "the value after 'includes'")
        if not isinstance(collection, Field | ListLiteral) or collection_type not in (
            None,
            _LIST_OF.get(item_type),
        ):
            raise self._fail(
                meta,
                f"{_describe(collection)} cannot include {_describe(item)}",
                _LIST_OF.get(item_type, ValueType.STRINGS).value,
            )
        return Includes(collection, item)

    def like(self, meta: Any, children: list[Any]) -> Like:
        subject, _, pattern = children
        if _value_type(subject) is not ValueType.STRING:
            raise self._fail(meta, f"like matches strings, not {_describe(subject)}", "a string")
        return Like(subject, str(pattern.value))

    def is_missing(self, meta: Any, children: list[Any]) -> IsMissing:
        return IsMissing(children[2])

    def is_true(self, meta: Any, children: list[Any]) -> IsTrue:
        (subject,) = children
        if _value_type(subject) is not ValueType.BOOL:
            raise self._fail(
                meta, f"{_describe(subject)} is not true or false on its own", "a comparison"
            )
        return IsTrue(subject)

    def list_literal(self, meta: Any, children: list[Any]) -> ListLiteral:
        items = [
            child.value
            for child in children
            if isinstance(child, Literal) and not isinstance(child.value, bool)
        ]
        if len(items) > MAX_LIST_ITEMS:
            raise self._fail(meta, f"a list of {len(items)} items", f"{MAX_LIST_ITEMS} at most")
        if len({isinstance(item, Decimal) for item in items}) > 1:
            raise self._fail(meta, "a list mixes numbers and strings", "one kind of item")
        return ListLiteral(items)


def _end_position(text: str) -> tuple[int, int]:
    lines = text.split("\n")
    return len(lines), len(lines[-1]) + 1


def _syntax_error(error: lark.exceptions.UnexpectedInput, text: str) -> RuleSyntaxError:
    if isinstance(error, lark.exceptions.UnexpectedCharacters):
        position = error.pos_in_stream or 0
        char = text[position] if position < len(text) else ""
        return RuleSyntaxError(
            f"unexpected character {char!r}",
            line=error.line,
            column=error.column,
            expected=_readable(error.allowed or ()),
        )
    if isinstance(error, lark.exceptions.UnexpectedToken):
        token = error.token
        if token.type == "$END":
            line, column = _end_position(text)
            found = "end of the text"
        else:
            line, column = error.line, error.column
            found = repr(str(token))
        return RuleSyntaxError(
            f"unexpected {found}", line=line, column=column, expected=_readable(error.expected)
        )
    line, column = _end_position(text)
    return RuleSyntaxError("unexpected end of the text", line=line, column=column)


def _check_depth(tree: lark.Tree[Token]) -> None:
    stack: list[tuple[lark.Tree[Token], int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH + 2:  # the start and rule levels do not count
            raise RuleSyntaxError(
                "conditions nested too deeply",
                line=node.meta.line,
                column=node.meta.column,
                expected=[f"{MAX_DEPTH} levels at most"],
            )
        if node.data == "list_literal":  # a list is flat, whatever its length
            depth -= 1
        stack.extend((child, depth + 1) for child in node.children if isinstance(child, lark.Tree))


def parse_rules(text: str) -> tuple[Rule, ...]:
    """Parse rule text into rules, or raise `RuleSyntaxError` / `RuleTypeError` with a position."""
    if not isinstance(text, str):
        raise RuleSyntaxError("rule text must be a string", line=1, column=1)
    if len(text) > MAX_TEXT_LENGTH:
        raise RuleSyntaxError(
            f"rule text of {len(text)} characters",
            line=1,
            column=1,
            expected=[f"{MAX_TEXT_LENGTH} characters at most"],
        )
    try:
        tree = _parser().parse(text)
    except lark.exceptions.UnexpectedInput as error:
        raise _syntax_error(error, text) from None
    if len(tree.children) > MAX_RULES:
        raise RuleSyntaxError(
            f"{len(tree.children)} rules", line=1, column=1, expected=[f"{MAX_RULES} at most"]
        )
    _check_depth(tree)
    try:
        rules: tuple[Rule, ...] = _ToTree().transform(tree)
    except lark.exceptions.VisitError as error:
        if isinstance(error.orig_exc, RuleSyntaxError):
            raise error.orig_exc from None
        raise
    seen: set[str] = set()
    for rule, node in zip(rules, tree.children, strict=True):
        if rule.label is not None and rule.label in seen:
            assert isinstance(node, lark.Tree)
            raise RuleSyntaxError(
                f"the label {rule.label!r} is used twice",
                line=node.meta.line,
                column=node.meta.column,
                expected=["a label not used before"],
            )
        if rule.label is not None:
            seen.add(rule.label)
    return rules
