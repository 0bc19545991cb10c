"""Tax rate tables from JSON: parsed by pydantic, checked again by the domain, errors with paths."""

import json
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic import ValidationError as PydanticValidationError

from ecomcore.core import ValidationError
from ecomcore.schemas._paths import json_path
from ecomcore.schemas._schema_text import without_examples
from ecomcore.tax import (
    Jurisdiction,
    Taxability,
    TaxRate,
    TaxRule,
    TaxTableError,
    TaxType,
)


class _Strict(BaseModel):
    model_config = ConfigDict(json_schema_extra=without_examples, extra="forbid", frozen=True)


class JurisdictionModel(_Strict):
    """A jurisdiction: ISO country, optional subdivision, optional postal prefixes or ranges.

    Examples:
        >>> from ecomcore.schemas import JurisdictionModel, load_tax_rate_table
        >>> JurisdictionModel.model_validate({"country": "CA", "subdivision": "QC"}).subdivision
        'QC'
        >>> load_tax_rate_table({"rules": [{"jurisdiction": {"country": "Canada"}, "levy": "gst",
        ...                                 "tax_type": "gst", "percent": "5"}]})
        Traceback (most recent call last):
        ...
        ecomcore.tax._errors.TaxTableError: rules[0].jurisdiction.country ...
    """

    country: str = Field(pattern=r"^[A-Za-z]{2}$", examples=["DE", "CA"])
    subdivision: str | None = Field(default=None, pattern=r"^[A-Za-z0-9]{1,3}$")
    postal_prefixes: list[str] = []
    postal_ranges: list[tuple[str, str]] = []


class TaxRuleModel(_Strict):
    """One dated rate rule; ``percent`` is a decimal string or number (``"9.975"``).

    Examples:
        >>> from ecomcore.schemas import TaxRuleModel
        >>> quebec = {"country": "CA", "subdivision": "QC"}
        >>> rule = TaxRuleModel.model_validate({"jurisdiction": quebec, "levy": "provincial",
        ...                                     "tax_type": "qst", "percent": "9.975"})
        >>> rule.percent, rule.category
        (Decimal('9.975'), 'standard')
    """

    jurisdiction: JurisdictionModel
    levy: str = Field(min_length=1, examples=["vat", "federal", "provincial"])
    tax_type: Literal["vat", "gst", "hst", "pst", "qst", "sales_tax"]
    percent: Decimal = Field(ge=0, lt=1000)
    category: str = Field(default="standard", min_length=1)
    product_code: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    compound: bool = False
    name: str = ""
    taxability: Literal["standard", "reduced", "zero_rated", "exempt"] | None = None
    note: str = ""


class TaxRateTableModel(_Strict):
    """A rate table: the rules, and where they come from.

    Examples:
        >>> from ecomcore.schemas import TaxRateTableModel
        >>> table = TaxRateTableModel.model_validate_json('''{"source": "BZSt 2026", "rules": [
        ...     {"jurisdiction": {"country": "DE"}, "levy": "vat", "tax_type": "vat", "percent": 7,
        ...      "category": "food"}]}''')
        >>> table.source, table.rules[0].jurisdiction.country, table.rules[0].percent
        ('BZSt 2026', 'DE', Decimal('7'))
    """

    source: str = ""
    rules: list[TaxRuleModel]


def _jurisdiction(model: JurisdictionModel) -> Jurisdiction:
    return Jurisdiction(
        model.country,
        model.subdivision,
        postal_prefixes=tuple(model.postal_prefixes),
        postal_ranges=tuple(model.postal_ranges),
    )


def _rule(model: TaxRuleModel, jurisdiction: Jurisdiction) -> TaxRule:
    extra: dict[str, Any] = {}
    if model.taxability is not None:
        extra["taxability"] = Taxability(model.taxability)
    return TaxRule(
        jurisdiction=jurisdiction,
        levy=model.levy,
        tax_type=TaxType(model.tax_type),
        rate=TaxRate.percent(model.percent),
        category=model.category,
        product_code=model.product_code,
        valid_from=model.valid_from,
        valid_to=model.valid_to,
        compound=model.compound,
        name=model.name,
        note=model.note,
        **extra,
    )


def load_tax_rate_table(source: str | bytes | Mapping[str, Any]) -> tuple[TaxRule, ...]:
    """Load rate rules from JSON text or an already parsed dict, validated against the schema.

    Raises `ecomcore.tax.TaxTableError` listing every problem with its JSON path
    (``rules[1].percent``), for bad JSON, a bad field or a rule the domain refuses (such as the
    VAT prefix ``EL`` given as a country: ``rules[0].jurisdiction.country``).

    Examples:
        >>> rules = load_tax_rate_table('''{"rules": [{"jurisdiction": {"country": "DE"},
        ...     "levy": "vat", "tax_type": "vat", "percent": "19"}]}''')
        >>> str(rules[0])
        'DE VAT 19% (standard)'
        >>> load_tax_rate_table({"rules": [{"jurisdiction": {"country": "DE"}, "levy": "vat",
        ...     "tax_type": "vat", "percent": "-1"}]})
        Traceback (most recent call last):
        ...
        ecomcore.tax._errors.TaxTableError: rules[0].percent must be ... equal to 0)...
    """
    try:
        if isinstance(source, str | bytes):
            table = TaxRateTableModel.model_validate_json(source)
        else:
            table = TaxRateTableModel.model_validate(source)
    except PydanticValidationError as error:
        problems = [(json_path(item["loc"]), item["msg"]) for item in error.errors()]
        value = source if isinstance(source, Mapping) else None
        raise TaxTableError(problems, value=value) from None
    rules = []
    problems = []
    for index, model in enumerate(table.rules):
        path = f"rules[{index}]"
        try:
            jurisdiction = _jurisdiction(model.jurisdiction)
        except ValidationError as error:  # the domain's field, under the rule's jurisdiction
            problems.append((f"{path}.jurisdiction.{error.field}", error.message))
            continue
        try:
            rules.append(_rule(model, jurisdiction))
        except ValidationError as error:
            problems.append((f"{path}.{error.field}", error.message))
    if problems:
        raise TaxTableError(problems)
    return tuple(rules)


def tax_rate_table_json_schema() -> dict[str, Any]:
    """Return the published JSON Schema of a rate table.

    Examples:
        >>> sorted(tax_rate_table_json_schema()["properties"])
        ['rules', 'source']
    """
    return TaxRateTableModel.model_json_schema()


def tax_rate_table_json_schema_text() -> str:
    """Return the JSON Schema as the text published in ``docs/schemas``."""
    return json.dumps(tax_rate_table_json_schema(), indent=2, sort_keys=True) + "\n"
