"""Rate tables from JSON: good ones load, bad ones fail with the JSON path."""

import json
from pathlib import Path

import pytest

from ecomcore.schemas import load_tax_rate_table
from ecomcore.schemas._tax import tax_rate_table_json_schema_text
from ecomcore.tax import TaxTableError

GOOD = {
    "source": "test",
    "rules": [
        {"jurisdiction": {"country": "CA"}, "levy": "federal", "tax_type": "gst", "percent": "5"},
        {"jurisdiction": {"country": "CA", "subdivision": "QC"}, "levy": "provincial",
         "tax_type": "qst", "percent": "9.975", "valid_from": "2013-01-01", "name": "QST"},
    ],
}  # fmt: skip


def test_a_good_table_loads_into_rules() -> None:
    """Both rules arrive with their rates, places and dates."""
    rules = load_tax_rate_table(json.dumps(GOOD))
    assert [str(rule) for rule in rules] == ["CA GST 5% (standard)", "CA-QC QST 9.975% (standard)"]


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"percent": "-1"}, "rules[1].percent"),
        ({"tax_type": "toll"}, "rules[1].tax_type"),
        ({"jurisdiction": {"country": "Canada"}}, "rules[1].jurisdiction.country"),
        ({"jurisdiction": {"country": "EL"}}, "rules[1].jurisdiction.country"),
        ({"jurisdiction": {"country": "XX"}}, "rules[1].jurisdiction.country"),
        (
            {"jurisdiction": {"country": "CA", "subdivision": "WA"}},
            "rules[1].jurisdiction.subdivision",
        ),
        (
            {"jurisdiction": {"country": "US", "postal_ranges": [["99", "10"]]}},
            "rules[1].jurisdiction.postal_ranges",
        ),
        ({"valid_to": "2012-01-01"}, "rules[1].valid_to"),
        ({"colour": "red"}, "rules[1].colour"),
    ],
)
def test_a_bad_rule_fails_with_its_json_path(change: dict[str, object], path: str) -> None:
    """The error names the path of the bad value, so the table's author can find it."""
    rules: list[dict[str, object]] = GOOD["rules"]  # type: ignore[assignment]
    bad = {**GOOD, "rules": [rules[0], {**rules[1], **change}]}
    with pytest.raises(TaxTableError) as caught:
        load_tax_rate_table(bad)
    assert caught.value.path == path
    assert caught.value.code == "invalid_tax_table"


def test_broken_json_is_reported_not_raised_from_deep_inside() -> None:
    """Text that is not JSON fails with the library's error."""
    with pytest.raises(TaxTableError):
        load_tax_rate_table("{not json")


def test_published_schema_is_current() -> None:
    """docs/schemas/tax-rate-table.schema.json is the schema the code validates with."""
    published = Path(__file__).parents[2] / "docs" / "schemas" / "tax-rate-table.schema.json"
    assert published.read_text(encoding="utf-8") == tax_rate_table_json_schema_text()
