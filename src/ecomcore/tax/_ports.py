"""The tax engine's ports: where rates come from, who checks VAT numbers, who computes tax."""

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ecomcore.tax._eu import VatAnswer
    from ecomcore.tax._model import TaxRule
    from ecomcore.tax._request import TaxRequest
    from ecomcore.tax._result import TaxResult


class TaxRateProvider(Protocol):
    """Where rate rules come from: a table in memory, a database, a tax data feed.

    ``rules_for`` returns every rule of ``country`` (ISO alpha-2) in force at ``tax_point``, in a
    stable order; precedence among them is the engine's job, not the provider's. An unknown
    country gives no rules (the engine then reports the line as not collecting).

    Examples:
        >>> from ecomcore.core import Address, Money
        >>> from ecomcore import tax as t
        >>> class FlatTen:  # one 10% rate in every country, e.g. read from a settings page
        ...     def rules_for(self, country, tax_point):
        ...         return [t.TaxRule(jurisdiction=t.Jurisdiction(country), levy="gst",
        ...                           tax_type=t.TaxType.GST, rate=t.TaxRate.percent("10"))]
        >>> au, line = Address("AU"), t.TaxLine(line_id="a", unit_price=Money("20.00", "AUD"))
        >>> t.TableTaxCalculator(FlatTen()).calculate(t.TaxRequest(lines=[line],
        ...     seller=t.Seller(address=au), buyer=t.Buyer(address=au), tax_point=date(2026, 3, 1))
        ... ).total.tax
        Money('2.00', 'AUD')
    """

    def rules_for(self, country: str, tax_point: date) -> Sequence["TaxRule"]:
        """Return the rules of ``country`` in force at ``tax_point``."""
        ...


class VatNumberValidator(Protocol):
    """An online check of an EU VAT number (VIES or a national service).

    ``check`` receives a number already normalised and offline-valid (``EL094259216``) and
    returns the service's answer with its consultation reference, kept as evidence.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import FixedClock
        >>> from ecomcore.testing import FakeVatNumberValidator
        >>> from ecomcore.core import Address
        >>> from ecomcore import tax as t
        >>> vies: VatNumberValidator = FakeVatNumberValidator({"FR40303265045"})
        >>> clock = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
        >>> evidence = t.check_vat_number("FR 40 303 265 045", clock, vies)
        >>> evidence.valid, evidence.online, evidence.consultation_reference, vies.asked
        (True, True, 'FAKE-0001', ['FR40303265045'])
    """

    def check(self, vat_number: str) -> "VatAnswer":
        """Ask the service whether ``vat_number`` is registered."""
        ...


class TaxCalculator(Protocol):
    """Computes the tax of a whole document; a quote calls it once per quote.

    The built-in `TableTaxCalculator` works from rate tables; an application may pass an adapter
    for an external tax service instead (to `ecomcore.pricing.QuoteTax`, say), and the rest of
    ecomcore stays the same.

    Examples:
        >>> from ecomcore.adapters.memory import InMemoryTaxRateProvider
        >>> from ecomcore.core import Address, Money
        >>> from ecomcore import tax as t
        >>> class Counting:  # an adapter around another calculator, counting the documents
        ...     def __init__(self, inner: TaxCalculator) -> None:
        ...         self.inner, self.documents = inner, 0
        ...     def calculate(self, request: t.TaxRequest) -> t.TaxResult:
        ...         self.documents += 1
        ...         return self.inner.calculate(request)
        >>> rates = InMemoryTaxRateProvider(t.eu_vat_rules())
        >>> calculator: TaxCalculator = Counting(t.TableTaxCalculator(rates))
        >>> mug = t.TaxLine(line_id="mug", unit_price=Money("10.00", "EUR"))
        >>> german = t.Seller(address=Address("DE")), t.Buyer(address=Address("DE"))
        >>> result = calculator.calculate(t.TaxRequest(lines=[mug], seller=german[0],
        ...                                            buyer=german[1], tax_point=date(2026, 3, 1)))
        >>> result.total, calculator.documents
        (TaxedMoney(net=Money('10.00', 'EUR'), tax=Money('1.90', 'EUR')), 1)
    """

    def calculate(self, request: "TaxRequest") -> "TaxResult":
        """Return the tax of every line and the document's totals per rate."""
        ...
