"""Rules: the one safe rule language fraud rules, customer segments and marketing triggers share.

A condition such as ``:amount: > 500 and :ip_country: != :billing_country:`` is parsed by a
grammar (never ``eval``), type-checked against the attributes the caller supplies, bounded in size
and depth, and compiled to plain closures. A compiled condition answers True, False or None: None
(unknown) when a fact it needs is missing, by three-valued logic, so a missing fact never matches.

**The caller supplies the attributes.** Each context builds a `Vocabulary` of `Attribute` values
for the subject its rules judge (fraud: an order snapshot; segments: a customer), and only those
names parse. An unknown name is a `RuleTypeError` listing the known ones and the nearest.

**Rules with outcomes are generic.** `parse_rules` reads ``[label:] outcome if condition`` lines
whose outcomes come from a set the caller passes (fraud passes ``allow``, ``block``, ``review``,
``request_3ds``), and gives the outcome no meaning: what an outcome does (a fraud decision, a
journey step) stays with the context, which maps the word to its own value. This keeps one
grammar and one set of error positions for every kind of rule, instead of each context wrapping
a condition in a grammar of its own. Segments and other condition-only uses call
`compile_condition`.

Examples:
    >>> from decimal import Decimal
    >>> from ecomcore.rules import Attribute, ValueType, Vocabulary, compile_condition
    >>> customer_words = Vocabulary([
    ...     Attribute("orders", ValueType.NUMBER, "orders so far", lambda c: c["orders"]),
    ...     Attribute("email", ValueType.STRING, "email, lower-cased", lambda c: c.get("email")),
    ... ])
    >>> regular = compile_condition(':orders: >= 3 and not :email: like "*@example.com"',
    ...                             customer_words)
    >>> regular({"orders": 5, "email": "kim@shop.test"}), regular({"orders": 9})
    (True, None)
"""

from ecomcore.rules._attributes import Attribute, Value, ValueType, Vocabulary
from ecomcore.rules._compile import Predicate, compile_condition, compile_conditions
from ecomcore.rules._errors import RuleSyntaxError, RuleTypeError
from ecomcore.rules._grammar import KEYWORDS, MAX_DEPTH, MAX_LIST_ITEMS, MAX_RULES, MAX_TEXT_LENGTH
from ecomcore.rules._model import (
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
    OutcomeRule,
)
from ecomcore.rules._parse import named_lists, parse_condition, parse_rules

__all__ = [
    "KEYWORDS",
    "MAX_DEPTH",
    "MAX_LIST_ITEMS",
    "MAX_RULES",
    "MAX_TEXT_LENGTH",
    "And",
    "Attribute",
    "Comparison",
    "ConditionTree",
    "Constant",
    "ConstantList",
    "Field",
    "Includes",
    "IsMissing",
    "IsTrue",
    "Like",
    "Membership",
    "NamedList",
    "Not",
    "Or",
    "OutcomeRule",
    "Predicate",
    "RuleSyntaxError",
    "RuleTypeError",
    "Value",
    "ValueType",
    "Vocabulary",
    "compile_condition",
    "compile_conditions",
    "named_lists",
    "parse_condition",
    "parse_rules",
]
