"""A fake VAT number service, for tests of code that checks VAT numbers online."""

from collections.abc import Iterable

from ecomcore.tax import VatAnswer


class FakeVatNumberValidator:
    """A `ecomcore.tax.VatNumberValidator` that knows a fixed set of registered numbers.

    Each answer gets a consultation reference ``FAKE-0001``, ``FAKE-0002``...; every number
    asked is recorded in `asked`.

    Examples:
        >>> fake = FakeVatNumberValidator({"DE136695976"})
        >>> fake.check("DE136695976").valid, fake.check("FR40303265045").valid
        (True, False)
        >>> fake.asked
        ['DE136695976', 'FR40303265045']
    """

    def __init__(self, registered: Iterable[str] = (), names: dict[str, str] | None = None) -> None:
        self.registered = frozenset(registered)
        self.names = dict(names or {})
        self.asked: list[str] = []

    def check(self, vat_number: str) -> VatAnswer:
        """Answer from the fixed set, with a fresh consultation reference."""
        self.asked.append(vat_number)
        return VatAnswer(
            valid=vat_number in self.registered,
            consultation_reference=f"FAKE-{len(self.asked):04d}",
            name=self.names.get(vat_number),
        )
