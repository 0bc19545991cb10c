"""The fraud context's errors: refused card data and rule text that does not parse or type-check."""

from collections.abc import Sequence

from ecomcore.core import EcomcoreError

__all__ = ["RuleSyntaxError", "RuleTypeError"]


class RuleSyntaxError(EcomcoreError, ValueError):
    """Rule text that does not parse: says where (line and column, from 1) and what was expected.

    Every problem with rule text raises this class or its subclass `RuleTypeError`, so one
    ``except RuleSyntaxError`` catches them all.

    Examples:
        >>> from ecomcore.fraud import RuleSet
        >>> RuleSet.parse("review if :amount: >")
        Traceback (most recent call last):
        ...
        ecomcore.fraud._errors.RuleSyntaxError: line 1, column 21: unexpected end ... a number, ...
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
    """Rule text that parses but compares things that cannot be compared, or names no known field.

    Examples:
        >>> from ecomcore.fraud import RuleSet
        >>> RuleSet.parse('block if :amount: > "many"')
        Traceback (most recent call last):
        ...
        ecomcore.fraud._errors.RuleTypeError: line 1, column 10: ... expected a number
    """

    code = "rule_type_error"
