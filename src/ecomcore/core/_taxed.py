"""Net, tax and gross, travelling together."""

from decimal import Decimal

import attrs
import moneyed
from moneyed import Currency

from ecomcore.core._errors import CurrencyMismatchError
from ecomcore.core._money import Money, as_money


@attrs.frozen
class TaxedMoney:
    """A net amount and the tax on it; ``gross`` is always exactly ``net + tax``.

    Gross is derived, never stored, so no operation can make the three disagree. Accepts any
    ``moneyed.Money`` and keeps ecomcore `Money`; net and tax must share a currency.

    Examples:
        >>> from ecomcore.core import Money, TaxedMoney
        >>> line = TaxedMoney(net=Money("10.00", "EUR"), tax=Money("1.90", "EUR"))
        >>> line.gross
        Money('11.90', 'EUR')
        >>> total = line * 3 + TaxedMoney.from_gross(Money("5.35", "EUR"), tax=Money("0.35", "EUR"))
        >>> total.net, total.tax, total.gross
        (Money('35.00', 'EUR'), Money('6.05', 'EUR'), Money('41.05', 'EUR'))
    """

    net: Money = attrs.field(converter=as_money)
    tax: Money = attrs.field(converter=as_money)

    def __attrs_post_init__(self) -> None:
        if self.net.currency != self.tax.currency:
            raise CurrencyMismatchError(self.net.currency.code, self.tax.currency.code)

    @classmethod
    def zero(cls, currency: str | Currency) -> "TaxedMoney":
        """Return nothing at all in ``currency``, the start of a sum.

        Examples:
            >>> TaxedMoney.zero("JPY").gross
            Money('0', 'JPY')
        """
        nothing = Money(0, currency)
        return cls(net=nothing, tax=nothing)

    @classmethod
    def from_gross(cls, gross: moneyed.Money, *, tax: moneyed.Money) -> "TaxedMoney":
        """Build from a gross amount and the tax it contains (net = gross - tax).

        Examples:
            >>> TaxedMoney.from_gross(Money("11.90", "EUR"), tax=Money("1.90", "EUR")).net
            Money('10.00', 'EUR')
        """
        return cls(net=as_money(gross) - tax, tax=tax)

    @property
    def gross(self) -> Money:
        """Net plus tax, exactly."""
        return self.net + self.tax

    @property
    def currency(self) -> Currency:
        """The currency of all three amounts."""
        return self.net.currency

    def __add__(self, other: "TaxedMoney") -> "TaxedMoney":
        if not isinstance(other, TaxedMoney):
            return NotImplemented
        return TaxedMoney(net=self.net + other.net, tax=self.tax + other.tax)

    def __sub__(self, other: "TaxedMoney") -> "TaxedMoney":
        if not isinstance(other, TaxedMoney):
            return NotImplemented
        return TaxedMoney(net=self.net - other.net, tax=self.tax - other.tax)

    def __neg__(self) -> "TaxedMoney":
        return TaxedMoney(net=-self.net, tax=-self.tax)

    def __mul__(self, factor: int | Decimal) -> "TaxedMoney":
        return TaxedMoney(net=self.net * factor, tax=self.tax * factor)

    __rmul__ = __mul__
