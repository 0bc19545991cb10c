"""The shared kernel: money, rounding, allocation, taxed amounts, errors, events and the clock.

Every context builds on these and nothing here imports a context.

Examples:
    >>> from ecomcore.core import Money, allocate, quantize, Rounding
    >>> quantize(Money("10.005", "EUR"), Rounding.HALF_EVEN)
    Money('10.00', 'EUR')
    >>> allocate(Money("10.00", "EUR"), [3, 1])
    [Money('7.50', 'EUR'), Money('2.50', 'EUR')]
"""

from moneyed import Currency

from ecomcore.core._allocate import allocate, allocate_units
from ecomcore.core._clock import Clock, SystemClock
from ecomcore.core._errors import (
    ConcurrencyError,
    CurrencyMismatchError,
    EcomcoreError,
    FloatAmountError,
    NotFoundError,
    PrecisionLossError,
    UnknownCurrencyError,
    ValidationError,
)
from ecomcore.core._events import DomainEvent
from ecomcore.core._format import format_money
from ecomcore.core._money import (
    Money,
    Rounding,
    as_money,
    from_minor_units,
    get_currency,
    iso_currency_codes,
    minor_units,
    quantize,
    sum_money,
    to_minor_units,
    trusted_money,
)
from ecomcore.core._taxed import TaxedMoney

__all__ = [
    "Clock",
    "ConcurrencyError",
    "Currency",
    "CurrencyMismatchError",
    "DomainEvent",
    "EcomcoreError",
    "FloatAmountError",
    "Money",
    "NotFoundError",
    "PrecisionLossError",
    "Rounding",
    "SystemClock",
    "TaxedMoney",
    "UnknownCurrencyError",
    "ValidationError",
    "allocate",
    "allocate_units",
    "as_money",
    "format_money",
    "from_minor_units",
    "get_currency",
    "iso_currency_codes",
    "minor_units",
    "quantize",
    "sum_money",
    "to_minor_units",
    "trusted_money",
]
