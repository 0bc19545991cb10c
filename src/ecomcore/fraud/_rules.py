"""The rule language's tree: what a parsed rule set is, and how it prints back to text."""

from collections.abc import Iterable
from decimal import Decimal
from typing import Final, Union

import attrs

from ecomcore.fraud._model import Decision

__all__ = [
    "And",
    "Comparison",
    "Condition",
    "Field",
    "Includes",
    "IsMissing",
    "IsTrue",
    "Like",
    "ListLiteral",
    "Literal",
    "Membership",
    "NamedList",
    "Not",
    "Or",
    "Rule",
    "format_literal",
]

COMPARISON_OPERATORS: Final = ("==", "!=", "<", "<=", ">", ">=")


def _items(items: Iterable[Decimal | str]) -> tuple[Decimal | str, ...]:
    return tuple(items)


def _operands(operands: "Iterable[Condition]") -> "tuple[Condition, ...]":
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
    """A documented attribute of the order, written ``:name:`` (see `ATTRIBUTES`).

    Examples:
        >>> from ecomcore.fraud import Comparison, Field, RuleSet
        >>> countries = Comparison(Field("shipping_country"), "!=", Field("billing_country"))
        >>> print(countries)
        :shipping_country: != :billing_country:
        >>> RuleSet.parse(f"review if {countries}").rules[0].condition == countries
        True
        >>> RuleSet.parse("review if :pin_code: > 1")
        Traceback (most recent call last):
        ...
        ecomcore.fraud._errors.RuleTypeError: line 1, column 11: unknown attribute :pin_code:; ...
    """

    name: str

    def __str__(self) -> str:
        return f":{self.name}:"


@attrs.frozen
class Literal:
    """A number (Decimal), string or boolean written in the rule.

    Examples:
        >>> from decimal import Decimal
        >>> from ecomcore.fraud import Literal, RuleSet
        >>> print(Literal(Decimal("1E+3")), Literal("KP"), Literal(True))
        1000 "KP" true
        >>> RuleSet.parse('block if :ip_country: == "KP"').rules[0].condition.right
        Literal(value='KP')
    """

    value: Decimal | str | bool

    def __str__(self) -> str:
        return format_literal(self.value)


@attrs.frozen
class ListLiteral:
    """A list of numbers or strings written in the rule: ``["US", "CA"]``.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import Field, FraudInput, IpFacts, ListLiteral, Membership
        >>> from ecomcore.fraud import RuleSet, RuleSubject
        >>> watched = Membership(Field("ip_country"), ListLiteral(["NG", "GH"]))
        >>> print(watched)
        :ip_country: in ["NG", "GH"]
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("80.00", "EUR"), ip=IpFacts(address="10.0.0.1",
        ...                    country="NG"))
        >>> RuleSet.parse(f"watch: review if {watched}").compile().fired(RuleSubject(order))
        [CompiledRule(name='watch', action=<Decision.REVIEW: 'review'>)]
    """

    items: tuple[Decimal | str, ...] = attrs.field(converter=_items)

    def __str__(self) -> str:
        return "[" + ", ".join(format_literal(item) for item in self.items) + "]"


@attrs.frozen
class NamedList:
    """A list supplied when the rules are compiled, written ``@name``.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import Field, FraudInput, Membership, NamedList
        >>> from ecomcore.fraud import RuleSet, RuleSubject
        >>> rules = RuleSet.parse("block if :email_domain: in @blocked")
        >>> rules.rules[0].condition == Membership(Field("email_domain"), NamedList("blocked"))
        True
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("80.00", "EUR"), email="kim@spam.example")
        >>> rules.compile({"blocked": {"spam.example"}}).fired(RuleSubject(order))
        [CompiledRule(name='rule 1', action=<Decision.BLOCK: 'block'>)]
    """

    name: str

    def __str__(self) -> str:
        return f"@{self.name}"


Scalar = Field | Literal


@attrs.frozen
class Comparison:
    """``left op right`` with op one of ``== != < <= > >=``; ordering compares numbers only.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from decimal import Decimal
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import Comparison, Field, FraudInput, Literal, RuleSet, RuleSubject
        >>> big = Comparison(Field("amount"), ">", Literal(Decimal(500)))
        >>> rules = RuleSet.parse(f"big: review if {big}").compile()
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("740.00", "EUR"))
        >>> rules.fired(RuleSubject(order))
        [CompiledRule(name='big', action=<Decision.REVIEW: 'review'>)]
        >>> RuleSet.parse('review if :ip_country: != "DE"').compile().fired(RuleSubject(order))
        []
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
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import Field, FraudInput, ListLiteral, Membership
        >>> from ecomcore.fraud import RuleSet, RuleSubject
        >>> rich = Membership(Field("currency"), ListLiteral(["CHF", "GBP"]))
        >>> print(rich)
        :currency: in ["CHF", "GBP"]
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("80.00", "CHF"))
        >>> RuleSet.parse(f"request_3ds if {rich}").compile().fired(RuleSubject(order))
        [CompiledRule(name='rule 1', action=<Decision.REQUEST_3DS: 'request_3ds'>)]
    """

    item: Scalar
    collection: ListLiteral | NamedList | Field

    def __str__(self) -> str:
        return f"{self.item} in {self.collection}"


@attrs.frozen
class Includes:
    """``collection includes item``, as in ``:signals: includes "cvv_mismatch"``.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import Field, FraudInput, Includes, Literal, RuleSet, RuleSubject
        >>> cvv = Includes(Field("signals"), Literal("cvv_no_match"))
        >>> rules = RuleSet.parse(f"cvv: block if {cvv}").compile()
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("80.00", "EUR"))
        >>> rules.fired(RuleSubject(order, score=45, signals=frozenset({"cvv_no_match"})))
        [CompiledRule(name='cvv', action=<Decision.BLOCK: 'block'>)]
        >>> rules.fired(RuleSubject(order))
        []
    """

    collection: Field | ListLiteral
    item: Scalar

    def __str__(self) -> str:
        return f"{self.collection} includes {self.item}"


@attrs.frozen
class Like:
    """``field like "pattern"``: ``*`` any run of characters, ``?`` one; case-insensitive.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import Field, FraudInput, Like, RuleSet, RuleSubject
        >>> tagged = Like(Field("email"), "*+*@*")
        >>> print(tagged)
        :email: like "*+*@*"
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("80.00", "EUR"), email="Kim+Shop7@Example.com")
        >>> RuleSet.parse(f"review if {tagged}").compile().fired(RuleSubject(order))
        [CompiledRule(name='rule 1', action=<Decision.REVIEW: 'review'>)]
    """

    subject: Field
    pattern: str

    def __str__(self) -> str:
        return f"{self.subject} like {format_literal(self.pattern)}"


@attrs.frozen
class IsMissing:
    """``is_missing(:field:)``: true when the order does not have that fact; never unknown.

    Examples:
        >>> import attrs
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import Field, FraudInput, IsMissing, RuleSet, RuleSubject
        >>> no_phone = IsMissing(Field("phone"))
        >>> rules = RuleSet.parse(f"review if {no_phone}").compile()
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("80.00", "EUR"))
        >>> len(rules.fired(RuleSubject(order)))
        1
        >>> len(rules.fired(RuleSubject(attrs.evolve(order, phone="+49 30 1234567"))))
        0
    """

    subject: Field

    def __str__(self) -> str:
        return f"is_missing({self.subject})"


@attrs.frozen
class IsTrue:
    """A true/false attribute on its own, as in ``block if :ip_is_proxy:``.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import Field, FraudInput, IpFacts, IsTrue, RuleSet, RuleSubject
        >>> rules = RuleSet.parse("vpn: review if :ip_is_vpn:")
        >>> rules.rules[0].condition == IsTrue(Field("ip_is_vpn"))
        True
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("80.00", "EUR"), ip=IpFacts(address="10.0.0.1",
        ...                    is_vpn=True))
        >>> rules.compile().fired(RuleSubject(order))
        [CompiledRule(name='vpn', action=<Decision.REVIEW: 'review'>)]
    """

    subject: Field

    def __str__(self) -> str:
        return str(self.subject)


@attrs.frozen
class Not:
    """``not condition``: unknown stays unknown.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import Comparison, Field, FraudInput, Literal, Not
        >>> from ecomcore.fraud import RuleSet, RuleSubject
        >>> abroad = Not(Comparison(Field("ip_country"), "==", Literal("DE")))
        >>> print(abroad)
        not :ip_country: == "DE"
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("80.00", "EUR"))
        >>> RuleSet.parse(f"review if {abroad}").compile().fired(RuleSubject(order))  # no IP
        []
    """

    operand: "Condition"

    def __str__(self) -> str:
        return "not " + _wrapped(self.operand, (And, Or))


@attrs.frozen
class And:
    """Two or more conditions joined by ``and`` (false wins over unknown).

    Examples:
        >>> from datetime import UTC, datetime
        >>> from decimal import Decimal
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import And, Comparison, Field, FraudInput, IsTrue, Literal
        >>> from ecomcore.fraud import RuleSet, RuleSubject
        >>> big = Comparison(Field("amount"), ">", Literal(Decimal(500)))
        >>> guest_big = And([IsTrue(Field("is_guest")), big])
        >>> print(guest_big)
        :is_guest: and :amount: > 500
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("740.00", "EUR"))
        >>> RuleSet.parse(f"review if {guest_big}").compile().fired(RuleSubject(order))
        [CompiledRule(name='rule 1', action=<Decision.REVIEW: 'review'>)]
    """

    operands: tuple["Condition", ...] = attrs.field(converter=_operands)

    def __str__(self) -> str:
        return " and ".join(_wrapped(operand, (And, Or)) for operand in self.operands)


@attrs.frozen
class Or:
    """Two or more conditions joined by ``or`` (true wins over unknown).

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import Comparison, Field, FraudInput, IsTrue, Literal, Or
        >>> from ecomcore.fraud import RuleSet, RuleSubject
        >>> nigeria = Comparison(Field("ip_country"), "==", Literal("NG"))
        >>> risky = Or([nigeria, IsTrue(Field("is_guest"))])
        >>> print(risky)
        :ip_country: == "NG" or :is_guest:
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("80.00", "EUR"))
        >>> RuleSet.parse(f"review if {risky}").compile().fired(RuleSubject(order))  # guest, no IP
        [CompiledRule(name='rule 1', action=<Decision.REVIEW: 'review'>)]
    """

    operands: tuple["Condition", ...] = attrs.field(converter=_operands)

    def __str__(self) -> str:
        return " or ".join(_wrapped(operand, (Or,)) for operand in self.operands)


Condition = Union[Comparison, Membership, Includes, Like, IsMissing, IsTrue, Not, And, Or]  # noqa: UP007


def _wrapped(condition: Condition, needs_parentheses: tuple[type, ...]) -> str:
    text = str(condition)
    return f"({text})" if isinstance(condition, needs_parentheses) else text


@attrs.frozen
class Rule:
    """``[label:] action if condition``: one rule, with an optional label naming it.

    Examples:
        >>> rule = Rule(Decision.REVIEW, Comparison(Field("amount"), ">", Literal(Decimal(500))))
        >>> str(rule)
        'review if :amount: > 500'
        >>> str(attrs.evolve(rule, label="big_order"))
        'big_order: review if :amount: > 500'
    """

    action: Decision
    condition: Condition
    label: str | None = None

    def __str__(self) -> str:
        prefix = f"{self.label}: " if self.label else ""
        return f"{prefix}{self.action.value} if {self.condition}"
