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
    """

    def rules_for(self, country: str, tax_point: date) -> Sequence["TaxRule"]:
        """Return the rules of ``country`` in force at ``tax_point``."""
        ...


class VatNumberValidator(Protocol):
    """An online check of an EU VAT number (VIES or a national service).

    ``check`` receives a number already normalised and offline-valid (``EL094259216``) and
    returns the service's answer with its consultation reference, kept as evidence.
    """

    def check(self, vat_number: str) -> "VatAnswer":
        """Ask the service whether ``vat_number`` is registered."""
        ...


class TaxCalculator(Protocol):
    """Computes the tax of a whole document; the quote calls it once per quote.

    The built-in `TableTaxCalculator` works from rate tables; an application may pass an adapter
    for an external tax service instead, and the rest of ecomcore stays the same.
    """

    def calculate(self, request: "TaxRequest") -> "TaxResult":
        """Return the tax of every line and the document's totals per rate."""
        ...
