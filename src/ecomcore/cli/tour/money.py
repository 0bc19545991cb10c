"""Tour section: money in several currencies and locales, a split, a taxed amount."""

from decimal import Decimal

from ecomcore.core import (
    Money,
    Rounding,
    TaxedMoney,
    allocate,
    format_money,
    minor_units,
    quantize,
)


def show() -> str:
    """Return the money section of the tour."""
    lines = ["One price, four currencies, each with its ISO 4217 minor unit and local format:"]
    for amount, code, locale in (
        ("1234.5", "EUR", "de_DE"),
        ("1234.5", "USD", "en_US"),
        ("1234", "JPY", "ja_JP"),
        ("1234.5", "KWD", "ar_KW"),
    ):
        money = Money(amount, code)
        lines.append(
            f"  {code}  {minor_units(code)} digits  {locale}  {format_money(money, locale)}"
        )

    total = Money("100.00", "EUR")
    parts = allocate(total, [1, 1, 1])
    shown = " + ".join(format_money(part, "en_IE") for part in parts)
    lines += [
        "",
        f"A {format_money(total, 'en_IE')} order discount over three equal lines"
        " (largest remainder):",
        f"  {shown} = {format_money(sum(parts, Money(0, 'EUR')), 'en_IE')}",
    ]

    net = Money("49.99", "EUR")
    tax = quantize(net * Decimal("0.19"), Rounding.HALF_UP)
    taxed = TaxedMoney(net=net, tax=tax)
    lines += [
        "",
        "A line at 19% VAT, tax rounded half-up to the cent:",
        f"  net {format_money(taxed.net, 'de_DE')} + tax {format_money(taxed.tax, 'de_DE')}"
        f" = gross {format_money(taxed.gross, 'de_DE')}",
        "",
        "Rounding 2.345 EUR, mode by mode:",
        "  "
        + ", ".join(
            f"{mode.name} {quantize(Money('2.345', 'EUR'), mode).amount}" for mode in Rounding
        ),
    ]
    return "\n".join(lines)
