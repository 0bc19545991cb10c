"""Barcodes, SKUs and HS codes: checked where they enter."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum import ean

from ecomcore.catalog import (
    Barcode,
    InvalidBarcodeError,
    check_handle,
    check_hs_code,
    check_sku,
)
from ecomcore.catalog._identifiers import _gtin_check_digit
from ecomcore.core import ValidationError


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("4006381333931", "EAN-13"),
        ("036000291452", "UPC-A"),
        ("96385074", "EAN-8"),
        ("10614141000415", "GTIN-14"),
        ("400-6381-33393-1", "EAN-13"),
    ],
)
def test_real_gtins_are_accepted_with_their_kind(text: str, kind: str) -> None:
    """Published example GTINs of each length parse, separators dropped."""
    barcode = Barcode.parse(text)
    assert barcode.kind == kind
    assert barcode.value.isdigit()
    assert len(barcode.gtin14) == 14


@pytest.mark.parametrize("text", ["4006381333932", "40063813339", "ABC", "", "9638507"])
def test_bad_barcodes_are_refused_saying_why(text: str) -> None:
    """A wrong check digit, length or character gives invalid_barcode."""
    with pytest.raises(InvalidBarcodeError) as raised:
        Barcode.parse(text)
    assert raised.value.code == "invalid_barcode"
    assert "GTIN" in str(raised.value)


@given(st.integers(0, 10**12 - 1), st.integers(1, 9))
def test_only_the_right_check_digit_is_accepted(body: int, shift: int) -> None:
    """For any 12-digit body, the check digit from stdnum passes and every other digit fails."""
    digits = f"{body:012d}"
    check = ean.calc_check_digit(digits)
    assert Barcode.parse(digits + check).value == digits + check
    wrong = str((int(check) + shift) % 10)
    with pytest.raises(InvalidBarcodeError):
        Barcode.parse(digits + wrong)


def test_skus_are_stripped_and_must_be_printable() -> None:
    """A SKU is trimmed; an empty or control-character SKU is refused."""
    assert check_sku("  TS-1 ") == "TS-1"
    for bad in ("", "   ", "TS\n1", "x" * 101):
        with pytest.raises(ValidationError):
            check_sku(bad)


def test_hs_codes() -> None:
    """HS codes are 6, 8 or 10 digits (countries: tests/unit/test_one_country_check.py)."""
    assert check_hs_code("6109.10.00") == "61091000"
    for bad_code in ("6109", "6109101", "61091a"):
        with pytest.raises(ValidationError):
            check_hs_code(bad_code)


def test_handles_are_url_safe() -> None:
    """Handles are lowercase words joined by hyphens."""
    assert check_handle("linen-shirt-2") == "linen-shirt-2"
    for bad in ("Linen", "linen shirt", "-linen", "linen--shirt", ""):
        with pytest.raises(ValidationError):
            check_handle(bad)


# python-stdnum stays the oracle: the import computes GTIN check digits itself only because
# stdnum's per-digit generator was a large share of the bulk import time.
@given(st.text(alphabet="0123456789", max_size=20))
def test_gtin_check_digit_agrees_with_stdnum(body: str) -> None:
    """Our fast check digit is the one python-stdnum computes, for any digits and length."""
    assert _gtin_check_digit(body) == ean.calc_check_digit(body)


@given(st.text(alphabet="0123456789", min_size=7, max_size=13), st.integers(0, 9))
def test_barcode_parse_agrees_with_stdnum_on_every_check_digit(body: str, last: int) -> None:
    """A GTIN is accepted exactly when python-stdnum says its check digit is right."""
    text = body + str(last)
    expected = ean.is_valid(text) and len(text) in (8, 12, 13, 14)
    try:
        Barcode.parse(text)
    except InvalidBarcodeError:
        accepted = False
    else:
        accepted = True
    assert accepted is expected
