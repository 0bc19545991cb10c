"""One country check for the whole library: every context refuses EL, UK and XX the same way.

EL is Greece's VAT prefix, UK is reserved (not assigned) and XX is user-assigned: none is an
ISO 3166-1 country. Each place a country enters (an address, a tax jurisdiction, fraud's IP and
card facts, a variant's country of origin, a stock location's address) refuses them with the same
`ValidationError` and the same words, and accepts GR and GB.
"""

from collections.abc import Callable

import pytest

from ecomcore.catalog import Variant
from ecomcore.core import Address, ValidationError
from ecomcore.fraud import CardFacts, IpFacts
from ecomcore.inventory import Location
from ecomcore.tax import Buyer, Jurisdiction

ENTRIES: dict[str, Callable[[str], object]] = {
    "core.Address": Address,
    "tax.Jurisdiction": Jurisdiction,
    "tax.Buyer address": lambda code: Buyer(address=Address(code)),
    "fraud.IpFacts": lambda code: IpFacts(address="10.0.0.1", country=code),
    "fraud.CardFacts": lambda code: CardFacts(token="t", bin="411111", last4="1111", country=code),
    "catalog.Variant origin": lambda code: Variant(country_of_origin=code),
    "inventory.Location address": lambda code: Location("wh", address=Address(code)),
}


@pytest.mark.parametrize("code", ["EL", "UK", "XX"])
def test_every_context_refuses_what_is_not_a_country_with_the_same_error(code: str) -> None:
    """One error class, one explanation, the code echoed back, from every entry point."""
    refusals: dict[str, ValidationError] = {}
    for name, make in ENTRIES.items():
        with pytest.raises(ValidationError) as refused:
            make(code)
        refusals[name] = refused.value
    assert {type(error) for error in refusals.values()} == {ValidationError}
    [allowed] = {error.allowed for error in refusals.values()}
    assert "ISO 3166-1 alpha-2" in allowed
    assert {error.value for error in refusals.values()} == {code}


@pytest.mark.parametrize("code", ["GR", "gb"])
def test_every_context_accepts_greece_and_britain(code: str) -> None:
    """GR and GB (any case) are countries everywhere."""
    for make in ENTRIES.values():
        make(code)
