"""The rule language's tree: what a parsed condition or rule is, and how it prints back to text.

Every node prints as canonical rule text (single spaces, parentheses only where needed), which
parses back to the same tree.
"""

from collections.abc import Iterable
from decimal import Decimal
from typing import Union

import attrs

__all__ = [
    "And",
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
    "format_literal",
]


def _items(items: Iterable[Decimal | str]) -> tuple[Decimal | str, ...]:
    return tuple(items)


def _operands(operands: "Iterable[ConditionTree]") -> "tuple[ConditionTree, ...]":
    return tuple(operands)


def format_literal(value: Decimal | str | bool) -> str:
    r"""Write a literal as rule text: numbers in plain notation, strings quoted with ``\`` escapes.

    Examples:
        >>> format_literal(Decimal("1E+3")), format_literal(True)
        ('1000', 'true')
        >>> print(format_literal('say "hi"'))
        "say \"hi\""
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@attrs.frozen
class Field:
    """An attribute of the subject, written ``:name:``; the `Vocabulary` says which exist.

    Examples:
        >>> from ecomcore.rules import Comparison, Field
        >>> print(Comparison(Field("shipping_country"), "!=", Field("billing_country")))
        :shipping_country: != :billing_country:
    """

    name: str

    def __str__(self) -> str:
        return f":{self.name}:"


@attrs.frozen
class Constant:
    """A number (Decimal), string or boolean written in the rule.

    Examples:
        >>> from decimal import Decimal
        >>> print(Constant(Decimal("1E+3")), Constant("KP"), Constant(True))
        1000 "KP" true
    """

    value: Decimal | str | bool

    def __str__(self) -> str:
        return format_literal(self.value)


@attrs.frozen
class ConstantList:
    """A list of numbers or strings written in the rule: ``["US", "CA"]``.

    Examples:
        >>> print(Membership(Field("ip_country"), ConstantList(["NG", "GH"])))
        :ip_country: in ["NG", "GH"]
    """

    items: tuple[Decimal | str, ...] = attrs.field(converter=_items)

    def __str__(self) -> str:
        return "[" + ", ".join(format_literal(item) for item in self.items) + "]"


@attrs.frozen
class NamedList:
    """A list supplied when the condition is compiled, written ``@name``.

    Examples:
        >>> print(Membership(Field("email_domain"), NamedList("blocked")))
        :email_domain: in @blocked
    """

    name: str

    def __str__(self) -> str:
        return f"@{self.name}"


Scalar = Field | Constant


@attrs.frozen
class Comparison:
    """``left op right`` with op one of ``== != < <= > >=``; ordering compares numbers only.

    Examples:
        >>> from decimal import Decimal
        >>> print(Comparison(Field("amount"), ">", Constant(Decimal(500))))
        :amount: > 500
    """

    left: Scalar
    operator: str
    right: Scalar

    def __str__(self) -> str:
        return f"{self.left} {self.operator} {self.right}"


@attrs.frozen
class Membership:
    """``item in collection``: the collection is a list, a named list or a list attribute.

    Examples:
        >>> print(Membership(Field("currency"), ConstantList(["CHF", "GBP"])))
        :currency: in ["CHF", "GBP"]
    """

    item: Scalar
    collection: ConstantList | NamedList | Field

    def __str__(self) -> str:
        return f"{self.item} in {self.collection}"


@attrs.frozen
class Includes:
    """``collection includes item``, as in ``:signals: includes "cvv_no_match"``.

    Examples:
        >>> print(Includes(Field("signals"), Constant("cvv_no_match")))
        :signals: includes "cvv_no_match"
    """

    collection: Field | ConstantList
    item: Scalar

    def __str__(self) -> str:
        return f"{self.collection} includes {self.item}"


@attrs.frozen
class Like:
    """``field like "pattern"``: ``*`` any run of characters, ``?`` one; case-insensitive.

    Examples:
        >>> print(Like(Field("email"), "*+*@*"))
        :email: like "*+*@*"
    """

    subject: Field
    pattern: str

    def __str__(self) -> str:
        return f"{self.subject} like {format_literal(self.pattern)}"


@attrs.frozen
class IsMissing:
    """``is_missing(:field:)``: true when the subject lacks that fact; never unknown.

    Examples:
        >>> print(IsMissing(Field("phone")))
        is_missing(:phone:)
    """

    subject: Field

    def __str__(self) -> str:
        return f"is_missing({self.subject})"


@attrs.frozen
class IsTrue:
    """A true/false attribute on its own, as in ``:ip_is_proxy:``.

    Examples:
        >>> print(Not(IsTrue(Field("ip_is_vpn"))))
        not :ip_is_vpn:
    """

    subject: Field

    def __str__(self) -> str:
        return str(self.subject)


@attrs.frozen
class Not:
    """``not condition``: unknown stays unknown.

    Examples:
        >>> print(Not(Comparison(Field("ip_country"), "==", Constant("DE"))))
        not :ip_country: == "DE"
        >>> print(Not(Or([IsTrue(Field("a")), IsTrue(Field("b"))])))
        not (:a: or :b:)
    """

    operand: "ConditionTree"

    def __str__(self) -> str:
        return "not " + _wrapped(self.operand, (And, Or))


@attrs.frozen
class And:
    """Two or more conditions joined by ``and`` (false wins over unknown).

    Examples:
        >>> print(And([IsTrue(Field("is_guest")), Or([IsTrue(Field("a")), IsTrue(Field("b"))])]))
        :is_guest: and (:a: or :b:)
    """

    operands: tuple["ConditionTree", ...] = attrs.field(converter=_operands)

    def __str__(self) -> str:
        return " and ".join(_wrapped(operand, (And, Or)) for operand in self.operands)


@attrs.frozen
class Or:
    """Two or more conditions joined by ``or`` (true wins over unknown).

    Examples:
        >>> print(Or([Comparison(Field("ip_country"), "==", Constant("NG")), IsTrue(Field("vip"))]))
        :ip_country: == "NG" or :vip:
    """

    operands: tuple["ConditionTree", ...] = attrs.field(converter=_operands)

    def __str__(self) -> str:
        return " or ".join(_wrapped(operand, (Or,)) for operand in self.operands)


ConditionTree = Union[Comparison, Membership, Includes, Like, IsMissing, IsTrue, Not, And, Or]  # noqa: UP007


def _wrapped(condition: ConditionTree, needs_parentheses: tuple[type, ...]) -> str:
    text = str(condition)
    return f"({text})" if isinstance(condition, needs_parentheses) else text


@attrs.frozen
class OutcomeRule:
    """``[label:] outcome if condition``: a condition with an outcome and an optional label.

    The outcome is a word from the set the caller passes to `parse_rules` (fraud's ``review``
    or ``block``, a journey's ``send_reminder``); the rule language gives it no meaning.

    Examples:
        >>> from decimal import Decimal
        >>> rule = OutcomeRule("review", Comparison(Field("amount"), ">", Constant(Decimal(500))))
        >>> str(rule)
        'review if :amount: > 500'
        >>> str(attrs.evolve(rule, label="big_order"))
        'big_order: review if :amount: > 500'
    """

    outcome: str
    condition: ConditionTree
    label: str | None = None

    def __str__(self) -> str:
        prefix = f"{self.label}: " if self.label else ""
        return f"{prefix}{self.outcome} if {self.condition}"
