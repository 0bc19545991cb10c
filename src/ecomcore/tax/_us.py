"""US economic nexus: whether a remote seller must collect a state's sales tax."""

import csv
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from importlib import resources

import attrs

from ecomcore.core import Money, ValidationError, as_money


@attrs.frozen(kw_only=True)
class StateSales:
    """A seller's sales into one state over the state's measurement period, and their count.

    Examples:
        >>> StateSales(amount=Money("120000", "USD"), transactions=150).transactions
        150
    """

    amount: Money = attrs.field(converter=as_money)
    transactions: int = 0

    def __attrs_post_init__(self) -> None:
        if self.amount.currency.code != "USD" or self.amount.amount < 0:
            raise ValidationError("amount", self.amount, "a USD amount of 0 or more")
        if type(self.transactions) is not int or self.transactions < 0:
            raise ValidationError("transactions", self.transactions, "a count of 0 or more")


@attrs.frozen(kw_only=True)
class NexusThreshold:
    """A state's economic-nexus threshold, dated: a sales amount, and a transaction count if used.

    With a transaction count, ``both_required`` says whether the seller must pass both (New York)
    or either one (Georgia) to have nexus.

    Examples:
        >>> ga = NexusThreshold(state="GA", amount=Money("100000", "USD"), transactions=200)
        >>> ga.reached(StateSales(amount=Money("5000", "USD"), transactions=250))
        True
    """

    state: str
    amount: Money = attrs.field(converter=as_money)
    transactions: int | None = None
    both_required: bool = False
    valid_from: date | None = None
    valid_to: date | None = None
    note: str = ""

    def in_force(self, tax_point: date) -> bool:
        """Say whether this threshold applies at ``tax_point``."""
        return (self.valid_from is None or self.valid_from <= tax_point) and (
            self.valid_to is None or tax_point <= self.valid_to
        )

    def reached(self, sales: StateSales) -> bool:
        """Say whether ``sales`` reach the threshold (amounts and counts at or above it)."""
        by_amount = sales.amount.amount >= self.amount.amount
        if self.transactions is None:
            return by_amount
        by_count = sales.transactions >= self.transactions
        return (by_amount and by_count) if self.both_required else (by_amount or by_count)


def _optional_date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def us_nexus_thresholds() -> tuple[NexusThreshold, ...]:
    """Return the economic-nexus thresholds shipped with ecomcore (see ``data/README.md``).

    A sample of states, dated; states not listed are not covered (pass your own thresholds).

    Examples:
        >>> sorted({threshold.state for threshold in us_nexus_thresholds()})
        ['CA', 'FL', 'GA', 'IL', 'NY', 'TX', 'WA']
    """
    text = resources.files("ecomcore.tax").joinpath("data/us_economic_nexus.csv")
    with text.open(encoding="utf-8") as handle:
        return tuple(
            NexusThreshold(
                state=row["state"],
                amount=Money(Decimal(row["amount_usd"]), "USD"),
                transactions=int(row["transactions"]) if row["transactions"] else None,
                both_required=row["both_required"] == "yes",
                valid_from=_optional_date(row["valid_from"]),
                valid_to=_optional_date(row["valid_to"]),
                note=row["note"],
            )
            for row in csv.DictReader(handle)
        )


def has_economic_nexus(
    state: str, sales: StateSales | None, thresholds: Iterable[NexusThreshold], tax_point: date
) -> bool:
    """Say whether sales into ``state`` reach its threshold in force at ``tax_point``.

    A state without a threshold in force gives False: the seller is told it is not collecting,
    rather than charged a tax it may not owe.

    Examples:
        >>> ca = NexusThreshold(state="CA", amount=Money("500000", "USD"))
        >>> big = StateSales(amount=Money("600000", "USD"))
        >>> has_economic_nexus("CA", big, [ca], date(2026, 1, 1))
        True
        >>> has_economic_nexus("CA", None, [ca], date(2026, 1, 1))
        False
    """
    if sales is None:
        return False
    return any(
        threshold.state == state and threshold.in_force(tax_point) and threshold.reached(sales)
        for threshold in thresholds
    )
