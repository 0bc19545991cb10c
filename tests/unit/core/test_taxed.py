"""TaxedMoney: net + tax == gross, always."""

from decimal import Decimal

import moneyed
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecomcore.core import CurrencyMismatchError, Money, TaxedMoney
from ecomcore.testing import strategies


def test_gross_is_net_plus_tax() -> None:
    """A 10.00 net line with 1.90 tax is 11.90 gross."""
    line = TaxedMoney(net=Money("10.00", "EUR"), tax=Money("1.90", "EUR"))
    assert line.gross == Money("11.90", "EUR")
    assert line.currency.code == "EUR"


def test_from_gross_derives_the_net() -> None:
    """A 119.00 gross price containing 19.00 tax has a 100.00 net."""
    line = TaxedMoney.from_gross(Money("119.00", "EUR"), tax=Money("19.00", "EUR"))
    assert line.net == Money("100.00", "EUR")


def test_net_and_tax_must_share_a_currency() -> None:
    """A EUR net with USD tax is a CurrencyMismatchError."""
    with pytest.raises(CurrencyMismatchError):
        TaxedMoney(net=Money("1", "EUR"), tax=Money("1", "USD"))


def test_plain_py_moneyed_amounts_are_accepted() -> None:
    """Plain py-moneyed amounts become ecomcore Money inside."""
    line = TaxedMoney(net=moneyed.Money("1.00", "EUR"), tax=moneyed.Money("0.07", "EUR"))
    assert type(line.net) is Money


taxed = st.builds(
    lambda net, tax_units, currency: TaxedMoney(
        net=Money(net.amount, currency), tax=Money(Decimal(tax_units), currency)
    ),
    strategies.money(currency="EUR"),
    st.integers(-(10**6), 10**6),
    st.just("EUR"),
)


@given(st.lists(taxed, max_size=20), st.integers(-50, 50))
def test_sums_products_and_negations_keep_net_plus_tax_equal_to_gross(
    lines: list[TaxedMoney], factor: int
) -> None:
    """Whatever is added, subtracted, scaled or negated, net + tax == gross."""
    total = sum(lines, TaxedMoney.zero("EUR"))
    for result in (total, total * factor, factor * total, -total, total - TaxedMoney.zero("EUR")):
        assert result.net + result.tax == result.gross
    assert total.gross == sum((line.gross for line in lines), Money(0, "EUR"))
