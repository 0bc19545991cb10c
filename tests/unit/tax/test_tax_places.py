"""Where a party is, for tax: the one `ecomcore.core.Address`, checked as ISO 3166 everywhere."""

from datetime import date

import pytest

from ecomcore.adapters.memory import InMemoryTaxRateProvider
from ecomcore.core import Address, Money, ValidationError
from ecomcore.tax import (
    Buyer,
    Jurisdiction,
    Seller,
    TableTaxCalculator,
    Taxability,
    TaxLine,
    TaxRequest,
    eu_vat_rules,
    vat_prefix,
)

CALCULATOR = TableTaxCalculator(InMemoryTaxRateProvider(eu_vat_rules()))
MUG = TaxLine(line_id="mug", unit_price=Money("10.00", "EUR"))


def sale(seller: str, buyer: str) -> TaxRequest:
    return TaxRequest(
        lines=[MUG],
        seller=Seller(address=Address(seller)),
        buyer=Buyer(address=Address(buyer)),
        tax_point=date(2026, 3, 1),
    )


@pytest.mark.parametrize(
    "code",
    [
        pytest.param("EL", id="EL-the-VAT-prefix-of-Greece"),
        pytest.param("UK", id="UK-reserved-not-assigned"),
        pytest.param("XX", id="XX-user-assigned"),
    ],
)
def test_a_tax_address_refuses_codes_that_are_not_countries(code: str) -> None:
    """EL, UK and XX are refused for a seller or buyer address and for a jurisdiction alike."""
    with pytest.raises(ValidationError) as as_address:
        Seller(address=Address(code))
    with pytest.raises(ValidationError) as as_jurisdiction:
        Jurisdiction(code)
    for refused in (as_address.value, as_jurisdiction.value):
        assert (refused.code, refused.field, refused.value) == ("validation_error", "country", code)


def test_greece_is_gr_and_taxed_at_its_own_rate() -> None:
    """A Greek sale at home pays Greek VAT, 24%; its VAT numbers still use the prefix EL."""
    result = CALCULATOR.calculate(sale("GR", "GR"))
    assert [str(total) for total in result.totals] == ["VAT 24% GR (standard): 2.40 on 10.00 EUR"]
    assert vat_prefix("GR") == "EL"


def test_britain_is_gb_and_outside_the_eu() -> None:
    """A German shop's sale to an address in GB is an export: zero-rated, with the mention."""
    result = CALCULATOR.calculate(sale("DE", "GB"))
    assert result.line("mug").taxability is Taxability.ZERO_RATED
    assert result.total.tax == Money("0.00", "EUR")
    assert result.notes[0].startswith("Export outside the EU")


def test_the_shipped_eu_rates_name_every_country_as_check_country_does() -> None:
    """The rate file uses ISO codes (GR for Greece), so every rule's place is a real country."""
    countries = {rule.jurisdiction.country for rule in eu_vat_rules()}
    assert "GR" in countries
    assert "EL" not in countries
    assert len(countries) == 27


def test_a_jurisdiction_refuses_a_subdivision_of_another_country() -> None:
    """ON is a Canadian province, not a US state: the subdivision is checked for its country."""
    assert Jurisdiction("ca", "on").subdivision == "ON"
    with pytest.raises(ValidationError) as refused:
        Jurisdiction("US", "ON")
    assert refused.value.field == "subdivision"


def test_postcodes_are_compared_without_their_spaces() -> None:
    """An address keeps 'M5V 2T6' as written; a range of six-character codes still contains it."""
    downtown = Jurisdiction("CA", "ON", postal_ranges=(("M5V1A1", "M5V9Z9"),))
    office = Address("CA", "ON", "m5v 2t6")
    assert office.postcode == "M5V 2T6"
    assert downtown.contains(office)
    assert Jurisdiction("GB", postal_prefixes=("SW1 A",)).contains(Address("GB", None, "SW1A 1AA"))
    assert not downtown.contains(Address("CA", "ON", "M6V 2T6"))
