"""The error tree: every error ecomcore raises is an `EcomcoreError`.

Each error also subclasses the closest builtin, so ``except ValueError`` in existing code keeps
working; carries a stable machine-readable `EcomcoreError.code`; and keeps the structured
facts behind its message in `EcomcoreError.facts`, ready for a JSON error response.
"""

from collections.abc import Mapping
from types import MappingProxyType
from typing import ClassVar


class EcomcoreError(Exception):
    """Base of every error ecomcore raises.

    Examples:
        >>> try:
        ...     raise ValidationError("quantity", -1, "at least 1")
        ... except EcomcoreError as error:
        ...     print(error.code, dict(error.facts))
        validation_error {'field': 'quantity', 'value': -1, 'allowed': 'at least 1'}
    """

    code: ClassVar[str] = "ecomcore_error"
    """Stable identifier of the kind of error, safe to match on and to show to API clients."""

    def __init__(self, message: str, **facts: object) -> None:
        super().__init__(message)
        self.message = message
        self.facts: Mapping[str, object] = MappingProxyType(facts)


class ValidationError(EcomcoreError, ValueError):
    """A value from outside is not acceptable: says which field, what came in, what is allowed.

    Examples:
        >>> print(ValidationError("weights", [], "one weight or more"))
        weights must be one weight or more, got []
    """

    code = "validation_error"

    def __init__(self, field: str, value: object, allowed: str) -> None:
        super().__init__(
            f"{field} must be {allowed}, got {value!r}", field=field, value=value, allowed=allowed
        )
        self.field = field
        self.value = value
        self.allowed = allowed


class UnknownCurrencyError(ValidationError):
    """The currency code is not an ISO 4217 currency with minor units.

    Examples:
        >>> from ecomcore.core import minor_units
        >>> minor_units("EUX")
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.UnknownCurrencyError: currency must be an ISO 4217 code ...
    """

    code = "unknown_currency"

    def __init__(self, value: object) -> None:
        super().__init__(
            "currency",
            value,
            "an ISO 4217 code of a currency with minor units, such as 'EUR', 'JPY' or 'KWD'",
        )


class PrecisionLossError(ValidationError):
    """An amount has more decimal places than its currency's minor unit where that would lose money.

    Raised instead of silently rounding, for example when converting to integer minor units.

    Examples:
        >>> from ecomcore.core import Money, Rounding, quantize, to_minor_units
        >>> try:
        ...     to_minor_units(Money("1.005", "EUR"))
        ... except PrecisionLossError as error:
        ...     print(error.code, error.digits)
        precision_loss 2
        >>> to_minor_units(quantize(Money("1.005", "EUR"), Rounding.HALF_EVEN))
        100
    """

    code = "precision_loss"

    def __init__(self, field: str, value: object, digits: int) -> None:
        super().__init__(
            field,
            value,
            f"a whole number of minor units ({digits} decimal places at most); "
            "round it first with quantize()",
        )
        self.digits = digits


class FloatAmountError(EcomcoreError, TypeError):
    """A float was used as an amount or a factor; binary floats cannot hold cents exactly.

    Examples:
        >>> from ecomcore.core import Money
        >>> Money("10.00", "EUR") * 1.1
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.FloatAmountError: ... got the float 1.1; pass Decimal('1.1') ...
    """

    code = "float_amount"

    def __init__(self, operation: str, value: float) -> None:
        super().__init__(
            f"{operation} takes an int or a Decimal, got the float {value!r}; "
            f"pass Decimal('{value!r}') or a string if that is the exact value you mean",
            operation=operation,
            value=value,
        )


class CurrencyMismatchError(EcomcoreError, TypeError):
    """Two amounts in different currencies were combined.

    Examples:
        >>> from ecomcore.core import Money
        >>> Money("1.00", "EUR") + Money("1.00", "USD")
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.CurrencyMismatchError: cannot combine EUR with USD; convert one first
    """

    code = "currency_mismatch"

    def __init__(self, expected: str, got: str) -> None:
        super().__init__(
            f"cannot combine {expected} with {got}; convert one first", expected=expected, got=got
        )
        self.expected = expected
        self.got = got


class NotFoundError(EcomcoreError, LookupError):
    """A repository has no object under the key asked for.

    Examples:
        >>> raise NotFoundError("product", "sku-1")
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.NotFoundError: no product with key 'sku-1'
    """

    code = "not_found"

    def __init__(self, kind: str, key: object) -> None:
        super().__init__(f"no {kind} with key {key!r}", kind=kind, key=key)
        self.kind = kind
        self.key = key


class ConcurrencyError(EcomcoreError, RuntimeError):
    """A save lost a race: the stored version is not the one the change was based on.

    Reload the aggregate and apply the change again; services retry a bounded number of times.

    Examples:
        >>> raise ConcurrencyError("stock item", "sku-1@wh-1", expected_version=3, actual_version=4)
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ConcurrencyError: stock item 'sku-1@wh-1' ... (version 3, now 4)...
    """

    code = "concurrency_conflict"

    def __init__(
        self, kind: str, key: object, *, expected_version: int, actual_version: int
    ) -> None:
        super().__init__(
            f"{kind} {key!r} changed since it was read (version {expected_version}, "
            f"now {actual_version}); reload it and try again",
            kind=kind,
            key=key,
            expected_version=expected_version,
            actual_version=actual_version,
        )
        self.kind = kind
        self.key = key
        self.expected_version = expected_version
        self.actual_version = actual_version


class CardDataError(EcomcoreError, ValueError):
    """A text field carries a full card number or a CVV; ecomcore never accepts either.

    The message names the field and what was found, never the digits themselves, so the error can be
    logged safely.

    Examples:
        >>> raise CardDataError("note", "a full card number")
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.CardDataError: note contains a full card number; ...
    """

    code = "card_data_refused"

    def __init__(self, field: str, found: str) -> None:
        super().__init__(
            f"{field} contains {found}; ecomcore takes only the processor token, BIN and last "
            "four digits of a card, never the full number or the CVV. Remove it and send the token",
            field=field,
            found=found,
        )
        self.field = field
        self.found = found
