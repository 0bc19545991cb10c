"""Tax model rules: rates, places, precedence of rules, VAT numbers, US nexus."""

from datetime import UTC, date, datetime
from typing import Any

import pytest

from ecomcore.core import Address, FixedClock, Money, ValidationError
from ecomcore.tax import (
    AmbiguousTaxRuleError,
    InvalidVatNumberError,
    Jurisdiction,
    NexusThreshold,
    RoundingPolicy,
    StateSales,
    TaxCategory,
    TaxRate,
    TaxRule,
    TaxType,
    canada_tax_rules,
    check_vat_number,
    eu_vat_rules,
    has_economic_nexus,
    normalize_vat_number,
    resolve_rules,
    us_nexus_thresholds,
)
from ecomcore.testing import FakeVatNumberValidator

DAY = date(2026, 3, 1)


def rule(place: Jurisdiction, percent: str, **facts: Any) -> TaxRule:
    levy = str(facts.pop("levy", "state"))
    return TaxRule(
        jurisdiction=place, levy=levy, tax_type=TaxType.SALES_TAX, rate=TaxRate.percent(percent),
        **facts,
    )  # fmt: skip


def test_rates_are_exact_fractions_and_refuse_floats() -> None:
    """A rate given as '9.975' is exactly 0.09975; a float or a negative rate is refused."""
    assert str(TaxRate.percent("9.975")) == "9.975%"
    with pytest.raises(ValidationError):
        TaxRate.percent(19.0)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        TaxRate.percent("-1")


def test_postal_ranges_and_prefixes_place_an_address() -> None:
    """A postal range contains codes of its length between its ends; a prefix any code it starts."""
    la = Jurisdiction("US", "CA", postal_ranges=(("90001", "90099"),))
    assert la.contains(Address("US", "CA", "90012"))
    assert not la.contains(Address("US", "CA", "90100"))
    montreal = Jurisdiction("CA", "QC", postal_prefixes=("H2",))
    assert montreal.contains(Address("CA", "QC", "h2x 1y4"))


def test_product_rule_beats_category_rule_beats_default() -> None:
    """For one levy the most specific goods rule wins: product over category over standard."""
    state = Jurisdiction("US", "NY")
    rules = [
        rule(state, "4"),
        rule(state, "0", category="clothing"),
        rule(state, "8", category="clothing", product_code="fur-coat"),
    ]
    at = Address("US", "NY")
    assert resolve_rules(rules, at, TaxCategory("clothing"), "fur-coat", DAY) == (rules[2],)
    assert resolve_rules(rules, at, TaxCategory("clothing"), None, DAY) == (rules[1],)
    assert resolve_rules(rules, at, TaxCategory("toys"), None, DAY) == (rules[0],)


def test_subdivision_and_postal_area_beat_the_country() -> None:
    """Within one levy a postal area beats its subdivision, which beats the country."""
    rules = [
        rule(Jurisdiction("US"), "1"),
        rule(Jurisdiction("US", "CA"), "7.25"),
        rule(Jurisdiction("US", "CA", postal_prefixes=("900",)), "9.5"),
    ]
    assert resolve_rules(rules, Address("US", "CA", "90012"), TaxCategory.STANDARD, None, DAY) == (
        rules[2],
    )
    assert resolve_rules(rules, Address("US", "CA", "94105"), TaxCategory.STANDARD, None, DAY) == (
        rules[1],
    )


def test_goods_precedence_comes_before_place_precedence() -> None:
    """A country-wide zero rate for groceries holds in Ontario, where HST replaces GST."""
    groceries = rule(Jurisdiction("CA"), "0", levy="federal", category="basic_groceries")
    rules = [*canada_tax_rules(), groceries]
    resolved = resolve_rules(rules, Address("CA", "ON"), TaxCategory("basic_groceries"), None, DAY)
    assert resolved == (groceries,)


def test_two_rules_of_equal_rank_in_force_are_refused() -> None:
    """An ambiguous table fails loudly, naming both rules."""
    rules = [rule(Jurisdiction("US", "WA"), "6.5"), rule(Jurisdiction("US", "WA"), "7")]
    with pytest.raises(AmbiguousTaxRuleError) as caught:
        resolve_rules(rules, Address("US", "WA"), TaxCategory.STANDARD, None, DAY)
    assert caught.value.code == "ambiguous_tax_rule"


def test_eu_data_ships_every_member_state_with_dated_changes() -> None:
    """Romania's standard rate is 19% on 2025-07-31, 21% from 2025-08-01; Greece is GR."""
    romania = [r for r in eu_vat_rules() if r.jurisdiction.country == "RO"]
    romania = [r for r in romania if r.category.code == "standard"]
    assert [str(r.rate) for r in romania if r.in_force(date(2025, 7, 31))] == ["19%"]
    assert [str(r.rate) for r in romania if r.in_force(date(2025, 8, 1))] == ["21%"]
    assert any(r.jurisdiction.country == "GR" for r in eu_vat_rules())


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("GR 094259216", "EL094259216"),
        ("el094259216", "EL094259216"),
        ("DE 136.695.976", "DE136695976"),
    ],
)
def test_vat_numbers_are_normalised(raw: str, expected: str) -> None:
    """Spaces and dots go, the prefix is upper case, and Greek numbers use EL."""
    assert normalize_vat_number(raw) == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("GB980780684", "British"),
        ("DE136695977", "check digit"),
        ("US123", "not"),
        ("DE12", "length"),
    ],
)
def test_bad_vat_numbers_are_refused_with_the_reason(raw: str, reason: str) -> None:
    """A British number, a wrong check digit or a non-EU prefix is refused, saying why."""
    with pytest.raises(InvalidVatNumberError) as caught:
        normalize_vat_number(raw)
    assert reason in caught.value.reason


def test_online_check_keeps_the_answer_and_its_reference_as_evidence() -> None:
    """The service's answer, its consultation reference and the time are kept."""
    clock = FixedClock(datetime(2026, 3, 1, 9, 30, tzinfo=UTC))
    fake = FakeVatNumberValidator({"EL094259216"}, names={"EL094259216": "ACME AE"})
    check = check_vat_number("GR094259216", clock, fake)
    assert (check.vat_number, check.country) == ("EL094259216", "GR")
    assert (check.valid, check.online) == (True, True)
    assert (check.consultation_reference, check.name) == ("FAKE-0001", "ACME AE")
    assert check.checked_at == clock.now()
    assert fake.asked == ["EL094259216"]


def test_offline_invalid_number_is_never_sent_online() -> None:
    """A number with a wrong check digit fails before the service is asked."""
    fake = FakeVatNumberValidator()
    with pytest.raises(InvalidVatNumberError):
        check_vat_number("DE136695977", FixedClock(datetime(2026, 1, 1, tzinfo=UTC)), fake)
    assert fake.asked == []


def test_new_york_needs_both_amount_and_transactions() -> None:
    """NY: 600,000 USD over 50 sales is not nexus; over 150 sales it is."""
    thresholds = us_nexus_thresholds()
    few = StateSales(amount=Money("600000", "USD"), transactions=50)
    many = StateSales(amount=Money("600000", "USD"), transactions=150)
    assert not has_economic_nexus("NY", few, thresholds, DAY)
    assert has_economic_nexus("NY", many, thresholds, DAY)


def test_illinois_transaction_count_stops_counting_in_2026() -> None:
    """IL: 250 small sales were nexus in 2025 and are not from 2026-01-01 (dated thresholds)."""
    sales = StateSales(amount=Money("20000", "USD"), transactions=250)
    thresholds = us_nexus_thresholds()
    assert has_economic_nexus("IL", sales, thresholds, date(2025, 12, 31))
    assert not has_economic_nexus("IL", sales, thresholds, date(2026, 1, 1))


def test_threshold_either_test_suffices_when_not_both_required() -> None:
    """Georgia-style: 200 transactions alone reach the threshold."""
    ga = NexusThreshold(state="GA", amount=Money("100000", "USD"), transactions=200)
    assert ga.reached(StateSales(amount=Money("1", "USD"), transactions=200))


def test_rounding_policy_refuses_modes_outside_the_three() -> None:
    """Only half-up, half-even and down are tax rounding modes here."""
    from ecomcore.core import Rounding  # noqa: PLC0415

    with pytest.raises(ValidationError):
        RoundingPolicy(rounding=Rounding.UP)


def test_rule_with_dates_the_wrong_way_round_is_refused() -> None:
    """valid_to before valid_from says what would be right."""
    with pytest.raises(ValidationError, match="on or after valid_from"):
        rule(Jurisdiction("US"), "1", valid_from=date(2026, 1, 1), valid_to=date(2025, 1, 1))
