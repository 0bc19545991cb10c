"""The codes a variant carries: SKU, GTIN barcode, HS code, country of origin, product handle."""

import re
from functools import lru_cache

import attrs
from stdnum import ean
from stdnum.exceptions import ValidationError as StdnumValidationError

from ecomcore.catalog._errors import InvalidBarcodeError
from ecomcore.core import ValidationError

__all__ = ["Barcode", "check_handle", "check_hs_code", "check_sku"]

_HANDLE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_HS_CODE = re.compile(r"\d{6}(?:\d{2}){0,2}")
_SKU_MAX = 100
_GTIN_KINDS = {8: "EAN-8", 12: "UPC-A", 13: "EAN-13", 14: "GTIN-14"}


def check_handle(handle: str) -> str:
    """Return ``handle`` if it is a URL-safe product handle: lowercase words joined by hyphens.

    Examples:
        >>> check_handle("linen-shirt")
        'linen-shirt'
        >>> check_handle("Linen Shirt")
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: handle must be lowercase letters and digits ...
    """
    if not isinstance(handle, str) or _HANDLE.fullmatch(handle) is None:
        raise ValidationError(
            "handle", handle, "lowercase letters and digits in words joined by '-', like 'red-mug'"
        )
    return handle


def check_sku(sku: str) -> str:
    """Return ``sku`` stripped, if it is 1-100 printable characters; SKUs are case-sensitive.

    Examples:
        >>> check_sku(" TS-RED-M ")
        'TS-RED-M'
    """
    if isinstance(sku, str):
        stripped = sku.strip()
        if 0 < len(stripped) <= _SKU_MAX and stripped.isprintable():
            return stripped
    raise ValidationError("sku", sku, f"1 to {_SKU_MAX} printable characters")


def check_hs_code(code: str) -> str:
    """Return a Harmonized System code as 6, 8 or 10 digits, dots and spaces removed.

    The first six digits are the international HS subheading; 8 or 10 digits are national
    extensions (EU CN, US HTS).

    Examples:
        >>> check_hs_code("6109.10")
        '610910'
        >>> check_hs_code("61091")
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: hs_code must be 6, 8 or 10 digits...
    """
    compact = _compact_hs_code(code) if isinstance(code, str) else None
    if compact is None:
        raise ValidationError("hs_code", code, "6, 8 or 10 digits, like '6109.10'")
    return compact


# Catalogs repeat a few codes on many variants, and the checks are pure: remember the answers.
@lru_cache(maxsize=4096)
def _compact_hs_code(code: str) -> str | None:
    compact = code.replace(".", "").replace(" ", "")
    return compact if _HS_CODE.fullmatch(compact) else None


def _gtin_check_digit(body: str) -> str:
    """Return the GS1 check digit of ``body``, a GTIN without its last digit (ASCII digits only).

    The same answer as ``stdnum.ean.calc_check_digit`` (tests compare the two on every length),
    about five times faster: a bulk import checks one barcode per row, and stdnum converts each
    digit in a Python generator. Digits are weighted 3, 1, 3... from the right of the body.

    Examples:
        >>> _gtin_check_digit("400638133393")
        '1'
        >>> _gtin_check_digit("03600029145")
        '2'
    """
    digits = body.encode("ascii")
    tripled, single = digits[-1::-2], digits[-2::-2]
    # Bytes are digit codes: subtract ord("0") once per digit instead of converting each one.
    total = 3 * (sum(tripled) - 48 * len(tripled)) + sum(single) - 48 * len(single)
    return _DIGITS[-total % 10]


_DIGITS = "0123456789"


@attrs.frozen
class Barcode:
    """A GTIN: EAN-8, UPC-A (12 digits), EAN-13 or GTIN-14, check digit verified by python-stdnum.

    Examples:
        >>> Barcode.parse("4006381333931")
        Barcode(value='4006381333931')
        >>> Barcode.parse("0 36000 29145 2").kind
        'UPC-A'
        >>> Barcode.parse("036000291452").gtin14
        '00036000291452'
    """

    value: str

    @classmethod
    def parse(cls, text: str) -> "Barcode":
        """Parse a barcode, ignoring spaces and hyphens; `InvalidBarcodeError` if not a GTIN."""
        if not isinstance(text, str):
            raise InvalidBarcodeError(text, "not text")
        # Fast path for the usual clean digits; anything else (spaces, hyphens, wrong check
        # digit) goes to stdnum, which also words the error.
        if (
            len(text) in _GTIN_KINDS
            and text.isdigit()
            and text.isascii()
            and _gtin_check_digit(text[:-1]) == text[-1]
        ):
            return cls(text)
        try:
            return cls(ean.validate(text))
        except StdnumValidationError as error:
            raise InvalidBarcodeError(text, str(error).lower().rstrip(".")) from None

    @property
    def kind(self) -> str:
        """``EAN-8``, ``UPC-A``, ``EAN-13`` or ``GTIN-14``."""
        return _GTIN_KINDS[len(self.value)]

    @property
    def gtin14(self) -> str:
        """The code padded to 14 digits, the form GS1 uses to compare GTINs of every length."""
        return self.value.rjust(14, "0")

    def __str__(self) -> str:
        return self.value
