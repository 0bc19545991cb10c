"""What the tax engine answers: per line and per document, net, tax, gross and why."""

import attrs

from ecomcore.core import Money, NotFoundError, TaxedMoney
from ecomcore.tax._model import Jurisdiction, Taxability, TaxRate, TaxType


@attrs.frozen(kw_only=True, slots=False)  # slots=False: the engine builds it with _fast.build
class TaxComponent:
    """One tax on one line: which, where, at what rate, on what amount, how much, and why.

    A line in Quebec has two (GST and QST); a reverse-charged or exempt line has one at 0% that
    says why. ``note`` carries the invoice wording or certificate id the reason needs.

    Examples:
        >>> from datetime import date
        >>> from ecomcore.adapters.memory import InMemoryTaxRateProvider
        >>> from ecomcore.core import Address
        >>> from ecomcore import tax as t
        >>> tax = t.TableTaxCalculator(InMemoryTaxRateProvider(t.canada_tax_rules())).calculate
        >>> line = t.TaxLine(line_id="a", unit_price=Money("100.00", "CAD"))
        >>> quebec = tax(t.TaxRequest(lines=[line],
        ...     seller=t.Seller(address=Address("CA", "ON")), tax_point=date(2026, 3, 1),
        ...     buyer=t.Buyer(address=Address("CA", "QC"))))
        >>> [(c.name, c.levy, str(c.jurisdiction), str(c.rate), c.tax)
        ...  for c in quebec.line("a").components]
        [('GST', 'federal', 'CA', '5%', Money('5.00', 'CAD')),
         ('QST', 'provincial', 'CA-QC', '9.975%', Money('9.98', 'CAD'))]
    """

    name: str
    tax_type: TaxType
    levy: str
    jurisdiction: Jurisdiction
    rate: TaxRate
    taxable: Money
    tax: Money
    taxability: Taxability
    compound: bool = False
    note: str = ""


@attrs.frozen(kw_only=True)
class TaxedLine:
    """A line's net, tax and gross (`TaxedMoney`) and its tax breakdown.

    ``taxable`` is the net the taxes were computed on, after discounts. For shipping the line id
    is ``shipping``.

    Examples:
        >>> from datetime import date
        >>> from ecomcore.adapters.memory import InMemoryTaxRateProvider
        >>> from ecomcore.core import Address
        >>> from ecomcore import tax as t
        >>> tax = t.TableTaxCalculator(InMemoryTaxRateProvider(t.eu_vat_rules())).calculate
        >>> line = t.TaxLine(line_id="a", unit_price=Money("11.90", "EUR"), includes_tax=True)
        >>> off = t.TaxDiscount(amount=Money("1.19", "EUR"), includes_tax=True, line_id="a")
        >>> taxed = tax(t.TaxRequest(lines=[line], discounts=[off], tax_point=date(2026, 3, 1),
        ...     seller=t.Seller(address=Address("DE")), buyer=t.Buyer(address=Address("DE")))
        ... ).line("a")
        >>> taxed.taxable, [str(rate) for rate in taxed.rates], taxed.amount.gross
        (Money('9.00', 'EUR'), ['19%'], Money('10.71', 'EUR'))
    """

    line_id: str
    amount: TaxedMoney
    components: tuple[TaxComponent, ...]

    @property
    def taxable(self) -> Money:
        """The line's net after discounts."""
        return self.amount.net

    @property
    def taxability(self) -> Taxability:
        """The line's reason: its first tax's (the reasons of one line agree but for compounds)."""
        return self.components[0].taxability

    @property
    def rates(self) -> tuple[TaxRate, ...]:
        """The rates charged on the line, in order."""
        return tuple(component.rate for component in self.components)


@attrs.frozen(kw_only=True)
class TaxTotal:
    """The document's total for one rate: taxable amount and tax, as an invoice shows them.

    Examples:
        >>> from datetime import date
        >>> from ecomcore.adapters.memory import InMemoryTaxRateProvider
        >>> from ecomcore.core import Address
        >>> from ecomcore import tax as t
        >>> tax = t.TableTaxCalculator(InMemoryTaxRateProvider(t.eu_vat_rules())).calculate
        >>> lines = [t.TaxLine(line_id="mug", unit_price=Money("10.00", "EUR"), quantity=2),
        ...          t.TaxLine(line_id="book", unit_price=Money("15.00", "EUR"),
        ...                    category="reduced")]
        >>> result = tax(t.TaxRequest(lines=lines, tax_point=date(2026, 3, 1),
        ...     seller=t.Seller(address=Address("DE")), buyer=t.Buyer(address=Address("DE"))))
        >>> [str(total) for total in result.totals]
        ['VAT 19% DE (standard): 3.80 on 20.00 EUR', 'VAT 7% DE (reduced): 1.05 on 15.00 EUR']
    """

    name: str
    tax_type: TaxType
    jurisdiction: Jurisdiction
    rate: TaxRate
    taxability: Taxability
    taxable: Money
    tax: Money

    def __str__(self) -> str:
        return (
            f"{self.name} {self.rate} {self.jurisdiction} ({self.taxability.value}): "
            f"{self.tax.amount} on {self.taxable.amount} {self.tax.currency.code}"
        )


@attrs.frozen(kw_only=True)
class TaxResult:
    """The tax of a document: every line, the totals per rate, the document total and notes.

    ``total.tax`` equals the sum of the per-rate totals' tax, and of the lines' tax; every
    `TaxedMoney` keeps ``net + tax == gross``. ``notes`` carry invoice mentions (reverse charge,
    place of supply) and ``jurisdiction`` is where the document was taxed.

    Examples:
        >>> from datetime import date
        >>> from ecomcore.adapters.memory import InMemoryTaxRateProvider
        >>> from ecomcore.core import Address
        >>> from ecomcore.tax import (Buyer, Seller, TableTaxCalculator, TaxLine,
        ...     TaxRequest, eu_vat_rules)
        >>> result = TableTaxCalculator(InMemoryTaxRateProvider(eu_vat_rules())).calculate(
        ...     TaxRequest(lines=[TaxLine(line_id="book", unit_price=Money("10.00", "EUR"),
        ...                               category="reduced")],
        ...                seller=Seller(address=Address("DE")), buyer=Buyer(address=Address("DE")),
        ...                tax_point=date(2026, 3, 1)))
        >>> book = result.line("book")
        >>> book.amount.gross, book.taxability.value
        (Money('10.70', 'EUR'), 'reduced')
        >>> component = book.components[0]
        >>> component.name, str(component.rate), str(component.jurisdiction), component.tax
        ('VAT', '7%', 'DE', Money('0.70', 'EUR'))
    """

    lines: tuple[TaxedLine, ...]
    totals: tuple[TaxTotal, ...]
    total: TaxedMoney
    jurisdiction: Jurisdiction
    notes: tuple[str, ...] = ()

    def line(self, line_id: str) -> TaxedLine:
        """Return the taxed line with id ``line_id``; raises `NotFoundError`."""
        for line in self.lines:
            if line.line_id == line_id:
                return line
        raise NotFoundError("taxed line", line_id)
