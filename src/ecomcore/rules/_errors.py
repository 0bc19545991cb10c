"""The rule language's errors: text that does not parse, or that reads unknown or unlike things."""

from collections.abc import Sequence

from ecomcore.core import EcomcoreError

__all__ = ["RuleSyntaxError", "RuleTypeError"]


class RuleSyntaxError(EcomcoreError, ValueError):
    """Rule text that does not parse: says where (line and column, from 1) and what was expected.

    Every problem with rule text raises this class or its subclass `RuleTypeError`, so one
    ``except RuleSyntaxError`` catches them all.

    Examples:
        >>> from ecomcore.rules import Attribute, ValueType, Vocabulary, parse_condition
        >>> words = Vocabulary([Attribute("total", ValueType.NUMBER, "the total", len)])
        >>> try:
        ...     parse_condition(":total: >", words)
        ... except RuleSyntaxError as error:
        ...     print(error.line, error.column, error.problem)
        1 10 unexpected end of the text
    """

    code = "rule_syntax_error"

    def __init__(
        self, problem: str, *, line: int, column: int, expected: Sequence[str] = ()
    ) -> None:
        wanted = f"; expected {', '.join(expected)}" if expected else ""
        super().__init__(
            f"line {line}, column {column}: {problem}{wanted}",
            problem=problem,
            line=line,
            column=column,
            expected=tuple(expected),
        )
        self.problem = problem
        self.line = line
        self.column = column
        self.expected = tuple(expected)


class RuleTypeError(RuleSyntaxError):
    """Rule text that parses but compares things that cannot be compared, or names no attribute.

    Examples:
        >>> from ecomcore.rules import Attribute, ValueType, Vocabulary, parse_condition
        >>> words = Vocabulary([Attribute("total", ValueType.NUMBER, "the total", len)])
        >>> parse_condition(':total: > "many"', words)
        Traceback (most recent call last):
        ...
        ecomcore.rules._errors.RuleTypeError: line 1, column 1: ... expected a number
    """

    code = "rule_type_error"
