"""The grammar, its bounds, and lark's errors turned into `RuleSyntaxError` with positions."""

from collections.abc import Iterable
from functools import cache
from typing import Final

import lark
from lark import Token

from ecomcore.rules._errors import RuleSyntaxError

__all__ = [
    "KEYWORDS",
    "MAX_DEPTH",
    "MAX_LIST_ITEMS",
    "MAX_RULES",
    "MAX_TEXT_LENGTH",
    "parse_tree",
]

MAX_TEXT_LENGTH: Final = 100_000
"""Longest rule text accepted, in characters."""
MAX_RULES: Final = 1_000
"""Most rules in one text."""
MAX_DEPTH: Final = 32
"""Deepest nesting of conditions (each ``not``, ``and``, ``or``, parenthesis and comparison is a
level)."""
MAX_LIST_ITEMS: Final = 10_000
"""Most items in one list written in a rule."""

KEYWORDS: Final = frozenset(
    ("if", "and", "or", "not", "in", "includes", "like", "true", "false", "is_missing")
)
"""Words of the language itself, which can be neither an outcome nor a label."""

_GRAMMAR: Final = r"""
rule_set: rule*
rule: (NAME COLON)? NAME IF or_expr
condition: or_expr

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
NAME: /[A-Za-z_][A-Za-z0-9_]*/
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


def _readable(terminals: Iterable[str], name: str) -> list[str]:
    names = {
        name if terminal == "NAME" else _READABLE.get(terminal, f"'{terminal.lower()}'")
        for terminal in terminals
    }
    return sorted(names)


@cache
def _parser() -> lark.Lark:
    return lark.Lark(
        _GRAMMAR,
        parser="lalr",
        # The basic lexer reads the longest token whatever the parser expects, so ``review :x:``
        # reads the attribute and stops at it, instead of taking ``:`` for a label's colon.
        lexer="basic",
        start=["rule_set", "condition"],
        propagate_positions=True,
        maybe_placeholders=False,
    )


def _end_position(text: str) -> tuple[int, int]:
    lines = text.split("\n")
    return len(lines), len(lines[-1]) + 1


def _syntax_error(error: lark.exceptions.UnexpectedInput, text: str, name: str) -> RuleSyntaxError:
    if isinstance(error, lark.exceptions.UnexpectedCharacters):
        position = error.pos_in_stream or 0
        char = text[position] if position < len(text) else ""
        return RuleSyntaxError(
            f"unexpected character {char!r}",
            line=error.line,
            column=error.column,
            expected=_readable(error.allowed or (), name),
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
            f"unexpected {found}",
            line=line,
            column=column,
            expected=_readable(error.expected, name),
        )
    line, column = _end_position(text)
    return RuleSyntaxError("unexpected end of the text", line=line, column=column)


def parse_tree(text: object, start: str, name: str = "a name") -> "lark.Tree[Token]":
    """Parse ``text`` from ``start`` (``rule_set`` or ``condition``) into lark's tree, bounded.

    ``name`` says what the grammar's bare words are, for error messages (the outcomes).
    """
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
        tree = _parser().parse(text, start=start)
    except lark.exceptions.UnexpectedInput as error:
        raise _syntax_error(error, text, name) from None
    if len(tree.children) > MAX_RULES:
        raise RuleSyntaxError(
            f"{len(tree.children)} rules", line=1, column=1, expected=[f"{MAX_RULES} at most"]
        )
    _check_depth(tree, skip=2 if start == "rule_set" else 1)
    return tree


def _check_depth(tree: "lark.Tree[Token]", *, skip: int) -> None:
    """Refuse conditions nested deeper than `MAX_DEPTH`; the top ``skip`` levels do not count."""
    stack: list[tuple[lark.Tree[Token], int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH + skip:
            raise RuleSyntaxError(
                "conditions nested too deeply",
                line=node.meta.line,
                column=node.meta.column,
                expected=[f"{MAX_DEPTH} levels at most"],
            )
        if node.data == "list_literal":  # a list is flat, whatever its length
            depth -= 1
        stack.extend((child, depth + 1) for child in node.children if isinstance(child, lark.Tree))
