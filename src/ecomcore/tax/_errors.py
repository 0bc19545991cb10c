"""The tax engine's errors, all under `ecomcore.core.EcomcoreError`."""

from collections.abc import Sequence

from ecomcore.core import EcomcoreError, ValidationError


class InvalidVatNumberError(ValidationError):
    """A VAT number fails the syntax or check-digit rules of its country, or is not an EU number.

    Examples:
        >>> from ecomcore.tax import normalize_vat_number
        >>> normalize_vat_number("GB980780684")
        Traceback (most recent call last):
        ...
        ecomcore.tax._errors.InvalidVatNumberError: vat_number must be ...
    """

    code = "invalid_vat_number"

    def __init__(self, value: object, reason: str) -> None:
        super().__init__(
            "vat_number",
            value,
            f"an EU VAT number with a valid country prefix and check digits ({reason})",
        )
        self.reason = reason


class AmbiguousTaxRuleError(EcomcoreError, LookupError):
    """Two rate rules of equal precedence are both in force for the same tax on the same line.

    The table is wrong, not the request: give one rule a narrower validity or a more specific key.

    Examples:
        >>> raise AmbiguousTaxRuleError("vat", "DE", "standard", ["DE vat 19%", "DE vat 16%"])
        Traceback (most recent call last):
        ...
        ecomcore.tax._errors.AmbiguousTaxRuleError: two rules of equal precedence ...
    """

    code = "ambiguous_tax_rule"

    def __init__(self, levy: str, jurisdiction: str, category: str, rules: Sequence[str]) -> None:
        super().__init__(
            f"two rules of equal precedence set {levy} for category {category!r} in "
            f"{jurisdiction} at the tax point: {', '.join(rules)}; narrow one rule's validity "
            "dates or make it more specific",
            levy=levy,
            jurisdiction=jurisdiction,
            category=category,
            rules=tuple(rules),
        )


class TaxTableError(ValidationError):
    """A rate table from outside is invalid; `path` names the JSON path of the first bad value.

    Every problem found is listed in `problems` as ``(path, reason)`` pairs.

    Examples:
        >>> error = TaxTableError([("rules[0].percent", "must be 0 or more")], value=-1)
        >>> error.path, error.code
        ('rules[0].percent', 'invalid_tax_table')
    """

    code = "invalid_tax_table"

    def __init__(self, problems: Sequence[tuple[str, str]], value: object = None) -> None:
        first_path, first_reason = problems[0]
        listed = "; ".join(f"{path}: {reason}" for path, reason in problems)
        super().__init__(first_path, value, f"a valid tax rate table entry ({listed})")
        self.path = first_path
        self.reason = first_reason
        self.problems = tuple(problems)
