"""ISO 4217 minor units of the currencies in use, the one table ecomcore trusts.

Source: ISO 4217 list one ("Current currency & funds code list"), as maintained by SIX Financial
Information for the ISO 4217 maintenance agency, amendments up to and including the introduction of
XCG (Caribbean guilder, 2025) and ZWG (Zimbabwe Gold, 2024). Codes withdrawn from the list since
2020 but still found in order histories (ANG, BGN, HRK, SLL, ZWL, CUC) keep their last minor unit.

Babel's (CLDR's) precision table is about how amounts are *displayed* and differs from ISO for about
a dozen currencies (IQD, ALL, RSD, LBP and more show 0 digits in CLDR); money follows ISO.

Codes with no minor unit in ISO ("N.A.": precious metals XAU XAG XPT XPD, the bond units XBA to XBD,
XDR, XSU, XUA, and XTS, XXX) are not money a store prices in, and are deliberately left out.
"""

from types import MappingProxyType

_ZERO = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"
_THREE = "BHD IQD JOD KWD LYD OMR TND"
_FOUR = "CLF UYW"
_TWO = (
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP "
    "BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR "
    "FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IRR JMD KES KGS KHR "
    "KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR "
    "MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK "
    "SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN "
    "UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG ZWL"
)

MINOR_UNITS: MappingProxyType[str, int] = MappingProxyType(
    {
        code: digits
        for digits, codes in ((0, _ZERO), (2, _TWO), (3, _THREE), (4, _FOUR))
        for code in codes.split()
    }
)
"""ISO 4217 code -> number of digits after the decimal point."""
