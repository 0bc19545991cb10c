"""Money kernel benchmarks: allocate and summing line totals, against plain Decimal code."""

from decimal import ROUND_DOWN, Decimal

import moneyed

from ecomcore.core import Money, allocate, sum_money
from ratio import ratio_benchmark

WEIGHTS = [(i * 7919) % 997 + 1 for i in range(100)]
TOTAL = Decimal("12345.67")
CENT = Decimal("0.01")


def decimal_allocate(total: Decimal, weights: list[int]) -> list[Decimal]:
    """The same largest-remainder split, written directly in Decimal."""
    weight_sum = sum(weights)
    exact = [total * weight / weight_sum for weight in weights]
    parts = [share.quantize(CENT, ROUND_DOWN) for share in exact]
    leftover = int((total - sum(parts)) / CENT)
    by_remainder = sorted(range(len(parts)), key=lambda i: parts[i] - exact[i])
    for index in by_remainder[:leftover]:
        parts[index] += CENT
    return parts


test_money_allocate_100 = ratio_benchmark(
    "money_allocate_100",
    target=1.5,
    baseline="the same largest-remainder split in plain Decimal",
    ours=lambda: allocate(Money(TOTAL, "EUR"), WEIGHTS),
    reference=lambda: decimal_allocate(TOTAL, WEIGHTS),
)

UNIT_PRICES = [Decimal(f"{(i * 37) % 500 + 1}.{i % 100:02d}") for i in range(100)]
QUANTITIES = [i % 7 + 1 for i in range(100)]
LINES = [(Money(price, "EUR"), qty) for price, qty in zip(UNIT_PRICES, QUANTITIES, strict=True)]


# Each line total is a new Money object, which costs about twice a Decimal multiplication on its
# own; plain py-moneyed arithmetic runs at 12-15x Decimal here (see the next benchmark).
test_money_sum_100_line_totals = ratio_benchmark(
    "money_sum_100_line_totals",
    target=6.0,
    baseline="sum(unit price * quantity) over 100 lines in plain Decimal",
    ours=lambda: sum_money((price * qty for price, qty in LINES), currency="EUR"),
    reference=lambda: sum(
        (price * qty for price, qty in zip(UNIT_PRICES, QUANTITIES, strict=True)), Decimal(0)
    ),
)

MONEYED_LINES = [
    (moneyed.Money(price, "EUR"), qty) for price, qty in zip(UNIT_PRICES, QUANTITIES, strict=True)
]

test_money_sum_100_line_totals_vs_py_moneyed = ratio_benchmark(
    "money_sum_100_line_totals_vs_py_moneyed",
    target=0.6,
    baseline="the same sum with plain py-moneyed Money and sum()",
    ours=lambda: sum_money((price * qty for price, qty in LINES), currency="EUR"),
    reference=lambda: sum((price * qty for price, qty in MONEYED_LINES), moneyed.Money(0, "EUR")),
)
