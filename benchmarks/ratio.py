"""Benchmarks as ratios: our code against a baseline doing the same work, in the same run.

Absolute times on shared machines are noise; the ratio ours/baseline is what we track. A pair is
declared once with :func:`ratio_benchmark` and runs as two pytest-benchmark tests in one group;
``benchmarks/report.py`` turns the group into a line ``name  ratio  target  baseline``.
"""

from collections.abc import Callable
from typing import Any

import pytest

OURS = "ecomcore"
BASELINE = "baseline"


def ratio_benchmark(
    name: str,
    *,
    target: float,
    baseline: str,
    ours: Callable[[], object],
    reference: Callable[[], object],
) -> Callable[..., None]:
    """Declare a benchmark named ``name``: ``ours`` must run within ``target`` x ``reference``.

    ``name`` starts with the context (``money_allocate_100``); ``baseline`` says in words what the
    reference does. Assign the result to a module-level ``test_<name>``.
    """

    def run(benchmark: Any, side: str) -> None:
        benchmark.group = name
        benchmark.extra_info.update(side=side, target=target, baseline=baseline)
        benchmark(ours if side == OURS else reference)

    run.__name__ = f"test_{name}"
    both_sides: Callable[..., None] = pytest.mark.parametrize("side", [OURS, BASELINE])(run)
    return both_sides
