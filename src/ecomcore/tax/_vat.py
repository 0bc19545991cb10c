"""Checking a VAT number: offline with python-stdnum, then online through a `VatNumberValidator`."""

from ecomcore.core import Clock
from ecomcore.tax._eu import VatNumberCheck, normalize_vat_number
from ecomcore.tax._ports import VatNumberValidator


def check_vat_number(
    raw: str, clock: Clock, validator: VatNumberValidator | None = None
) -> VatNumberCheck:
    """Check a VAT number offline (python-stdnum), then online through ``validator`` if given.

    Raises `InvalidVatNumberError` when the offline check fails (no service is asked then).
    The answer and its consultation reference are kept in the returned evidence.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import FixedClock
        >>> from ecomcore.testing import FakeVatNumberValidator
        >>> clock = FixedClock(datetime(2026, 3, 1, 9, tzinfo=UTC))
        >>> check_vat_number("FR 40 303 265 045", clock).online
        False
        >>> service = FakeVatNumberValidator({"FR40303265045"})
        >>> check = check_vat_number("FR40303265045", clock, service)
        >>> check.valid, check.consultation_reference
        (True, 'FAKE-0001')
    """
    number = normalize_vat_number(raw)
    if validator is None:
        return VatNumberCheck(vat_number=number, valid=True, online=False, checked_at=clock.now())
    answer = validator.check(number)
    return VatNumberCheck(
        vat_number=number,
        valid=answer.valid,
        online=True,
        checked_at=clock.now(),
        consultation_reference=answer.consultation_reference,
        name=answer.name,
    )
