"""The tax engine's ports: where rates come from, who checks VAT numbers, who computes tax."""

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ecomcore.pricing._tax_eu import VatAnswer
    from ecomcore.pricing._tax_model import TaxRule
    from ecomcore.pricing._tax_request import TaxRequest
    from ecomcore.pricing._tax_result import TaxResult


class TaxRateProvider(Protocol):
    """Where rate rules come from: a table in memory, a database, a tax data feed.

    ``rules_for`` returns every rule of ``country`` (ISO alpha-2) in force at ``tax_point``, in a
    stable order; precedence among them is the engine's job, not the provider's. An unknown
    country gives no rules (the engine then reports the line as not collecting).

    Examples:
        >>> from ecomcore.core import Money
        >>> from ecomcore import pricing as p
        >>> class FlatTen:  # one 10% rate in every country, e.g. read from a settings page
        ...     def rules_for(self, country, tax_point):
        ...         return [p.TaxRule(jurisdiction=p.Jurisdiction(country), levy="gst",
        ...                           tax_type=p.TaxType.GST, rate=p.TaxRate.percent("10"))]
        >>> au, line = p.Address("AU"), p.TaxLine(line_id="a", unit_price=Money("20.00", "AUD"))
        >>> p.TableTaxCalculator(FlatTen()).calculate(p.TaxRequest(lines=[line],
        ...     seller=p.Seller(address=au), buyer=p.Buyer(address=au), tax_point=date(2026, 3, 1))
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
        >>> from ecomcore import pricing as p
        >>> vies: VatNumberValidator = FakeVatNumberValidator({"FR40303265045"})
        >>> clock = FixedClock(datetime(2026, 3, 1, tzinfo=UTC))
        >>> evidence = p.check_vat_number("FR 40 303 265 045", clock, vies)
        >>> evidence.valid, evidence.online, evidence.consultation_reference, vies.asked
        (True, True, 'FAKE-0001', ['FR40303265045'])
    """

    def check(self, vat_number: str) -> "VatAnswer":
        """Ask the service whether ``vat_number`` is registered."""
        ...


class TaxCalculator(Protocol):
    """Computes the tax of a whole document; the quote calls it once per quote.

    The built-in `TableTaxCalculator` works from rate tables; an application may pass an adapter
    for an external tax service instead, and the rest of ecomcore stays the same.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.adapters.memory import InMemoryTaxRateProvider
        >>> from ecomcore.core import Money
        >>> from ecomcore import pricing as p
        >>> rates = InMemoryTaxRateProvider(p.eu_vat_rules())
        >>> calculator: TaxCalculator = p.TableTaxCalculator(rates)
        >>> german = p.QuoteTax(calculator=calculator, seller=p.Seller(address=p.Address("DE")),
        ...                     buyer=p.Buyer(address=p.Address("DE")))
        >>> mug = p.LineItem("1", "mug", "mug", 1, unit_price=Money("10.00", "EUR"))
        >>> cart = p.QuoteRequest("EUR", [mug], datetime(2026, 3, 1, tzinfo=UTC))
        >>> p.quote(cart, prices=p.PriceBook([]), tax=german).total
        TaxedMoney(net=Money('10.00', 'EUR'), tax=Money('1.90', 'EUR'))
    """

    def calculate(self, request: "TaxRequest") -> "TaxResult":
        """Return the tax of every line and the document's totals per rate."""
        ...
