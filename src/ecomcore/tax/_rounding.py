"""Where and how tax is rounded: the rounding policy of a tax document."""

import enum

import attrs

from ecomcore.core import Rounding, ValidationError


class RoundingLevel(enum.Enum):
    """Where tax is rounded to the currency's minor unit.

    Examples:
        >>> from datetime import date
        >>> from ecomcore.adapters.memory import InMemoryTaxRateProvider
        >>> from ecomcore.core import Address, Money
        >>> from ecomcore import tax as t
        >>> tax = t.TableTaxCalculator(InMemoryTaxRateProvider(t.eu_vat_rules())).calculate
        >>> home = {"seller": t.Seller(address=Address("DE")), "tax_point": date(2026, 3, 1),
        ...         "buyer": t.Buyer(address=Address("DE"))}
        >>> cart = [t.TaxLine(line_id=i, unit_price=Money("0.99", "EUR"), quantity=3)
        ...         for i in "abc"]
        >>> for level in t.RoundingLevel:
        ...     policy = t.RoundingPolicy(level=level)
        ...     result = tax(t.TaxRequest(lines=cart, rounding=policy, **home))
        ...     print(level.value, result.total.tax.amount)
        per_unit 1.71
        per_line 1.68
        per_document 1.69
    """

    PER_UNIT = "per_unit"
    """Each unit's tax is rounded, then multiplied by the quantity (tills, shelf prices)."""
    PER_LINE = "per_line"
    """Each line's tax is rounded (most EU invoices, most web shops)."""
    PER_DOCUMENT = "per_document"
    """Tax is rounded once per rate over the whole document, then allocated back to the lines."""


class RoundedFigure(enum.Enum):
    """For a price that includes tax: which figure is rounded; the other is the gross minus it.

    Examples:
        >>> from datetime import date
        >>> from ecomcore.adapters.memory import InMemoryTaxRateProvider
        >>> from ecomcore.core import Address, Money
        >>> from ecomcore import tax as t
        >>> tax = t.TableTaxCalculator(InMemoryTaxRateProvider(t.eu_vat_rules())).calculate
        >>> home = {"seller": t.Seller(address=Address("FR")), "tax_point": date(2026, 3, 1),
        ...         "buyer": t.Buyer(address=Address("FR"))}
        >>> price = t.TaxLine(line_id="a", unit_price=Money("1.23", "EUR"), includes_tax=True)
        >>> for figure in t.RoundedFigure:  # 1.23 including 20% is 1.025 net and 0.205 tax
        ...     policy = t.RoundingPolicy(inclusive=figure)
        ...     print(figure.value, tax(t.TaxRequest(lines=[price], rounding=policy, **home)).total)
        tax TaxedMoney(net=Money('1.02', 'EUR'), tax=Money('0.21', 'EUR'))
        net TaxedMoney(net=Money('1.03', 'EUR'), tax=Money('0.20', 'EUR'))
    """

    TAX = "tax"
    NET = "net"


_HALF_OR_DOWN = (Rounding.HALF_UP, Rounding.HALF_EVEN, Rounding.DOWN)


@attrs.frozen(kw_only=True)
class RoundingPolicy:
    """Where tax is rounded (`RoundingLevel`), how (`Rounding`), and for inclusive prices, what.

    The default, ``RoundingPolicy()``, is per line, half up, rounding the tax of inclusive prices:
    the usual invoice in the EU member states (which accept per line or per rate and invoice),
    the UK and Australia. The named constructors say which jurisdictions each alternative suits:

    - `per_document`: once per rate on the document total; Canada's GST/HST and most US states
      compute tax on the invoice total per rate, and so do EU invoices that show tax only per rate.
    - `per_unit`: the tax of one unit times the quantity; tills and shelf-price systems where the
      unit's gross price is what the customer sees (retail in Switzerland, Japan's per-item
      receipts).

    Allowed modes are ``HALF_UP``, ``HALF_EVEN`` and ``DOWN``. Gross prices always stay as
    entered; the rounded figure of an inclusive price is the tax (``TAX``) or the net (``NET``).

    Examples:
        >>> policy = RoundingPolicy()
        >>> policy.level.value, policy.rounding.name, policy.inclusive.value
        ('per_line', 'HALF_UP', 'tax')
        >>> RoundingPolicy.per_document(Rounding.HALF_EVEN).level.value
        'per_document'
        >>> RoundingPolicy(rounding=Rounding.UP)
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: rounding must be HALF_UP, HALF_EVEN or DOWN, ...
    """

    level: RoundingLevel = RoundingLevel.PER_LINE
    rounding: Rounding = Rounding.HALF_UP
    inclusive: RoundedFigure = RoundedFigure.TAX

    def __attrs_post_init__(self) -> None:
        if self.rounding not in _HALF_OR_DOWN:
            raise ValidationError("rounding", self.rounding, "HALF_UP, HALF_EVEN or DOWN")
        if not isinstance(self.level, RoundingLevel):
            raise ValidationError("level", self.level, "a RoundingLevel")
        if not isinstance(self.inclusive, RoundedFigure):
            raise ValidationError("inclusive", self.inclusive, "a RoundedFigure (TAX or NET)")

    @classmethod
    def per_unit(
        cls, rounding: Rounding = Rounding.HALF_UP, inclusive: RoundedFigure = RoundedFigure.TAX
    ) -> "RoundingPolicy":
        """Round each unit's tax, then multiply by the quantity."""
        return cls(level=RoundingLevel.PER_UNIT, rounding=rounding, inclusive=inclusive)

    @classmethod
    def per_line(
        cls, rounding: Rounding = Rounding.HALF_UP, inclusive: RoundedFigure = RoundedFigure.TAX
    ) -> "RoundingPolicy":
        """Round each line's tax (the default)."""
        return cls(level=RoundingLevel.PER_LINE, rounding=rounding, inclusive=inclusive)

    @classmethod
    def per_document(
        cls, rounding: Rounding = Rounding.HALF_UP, inclusive: RoundedFigure = RoundedFigure.TAX
    ) -> "RoundingPolicy":
        """Round once per rate on the document, and allocate the rounded tax back to the lines."""
        return cls(level=RoundingLevel.PER_DOCUMENT, rounding=rounding, inclusive=inclusive)
