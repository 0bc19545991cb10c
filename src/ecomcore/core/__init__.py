"""The shared kernel: money, rounding, allocation, taxed amounts, addresses, errors, events, time.

Every context builds on these and nothing here imports a context.

Examples:
    >>> from ecomcore.core import Money, allocate, quantize, Rounding
    >>> quantize(Money("10.005", "EUR"), Rounding.HALF_EVEN)
    Money('10.00', 'EUR')
    >>> allocate(Money("10.00", "EUR"), [3, 1])
    [Money('7.50', 'EUR'), Money('2.50', 'EUR')]
"""

from moneyed import Currency

from ecomcore.core._address import Address, check_country, check_subdivision
from ecomcore.core._aggregate import Aggregate
from ecomcore.core._allocate import allocate, allocate_units
from ecomcore.core._carddata import find_card_data, luhn_valid, refuse_card_data
from ecomcore.core._clock import Clock, FixedClock, SystemClock
from ecomcore.core._distance import EARTH_RADIUS_KM, Coordinates, distance_km
from ecomcore.core._errors import (
    CardDataError,
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
from ecomcore.core._ids import IdGenerator, SequentialIds, UuidIds, check_id
from ecomcore.core._lifecycle import Lifecycle, TransitionError
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
)
from ecomcore.core._quantity import check_whole_number, whole_number
from ecomcore.core._taxed import TaxedMoney
from ecomcore.core._uow import Outbox, UnitOfWork

__all__ = [
    "EARTH_RADIUS_KM",
    "Address",
    "Aggregate",
    "CardDataError",
    "Clock",
    "ConcurrencyError",
    "Coordinates",
    "Currency",
    "CurrencyMismatchError",
    "DomainEvent",
    "EcomcoreError",
    "FixedClock",
    "FloatAmountError",
    "IdGenerator",
    "Lifecycle",
    "Money",
    "NotFoundError",
    "Outbox",
    "PrecisionLossError",
    "Rounding",
    "SequentialIds",
    "SystemClock",
    "TaxedMoney",
    "TransitionError",
    "UnitOfWork",
    "UnknownCurrencyError",
    "UuidIds",
    "ValidationError",
    "allocate",
    "allocate_units",
    "as_money",
    "check_country",
    "check_id",
    "check_subdivision",
    "check_whole_number",
    "distance_km",
    "find_card_data",
    "format_money",
    "from_minor_units",
    "get_currency",
    "iso_currency_codes",
    "luhn_valid",
    "minor_units",
    "quantize",
    "refuse_card_data",
    "sum_money",
    "to_minor_units",
    "whole_number",
]
