"""Benchmarks as ratios: our code against a baseline doing the same work, in the same run.

Absolute times on shared machines are noise; the ratio ours/baseline is what we track. A pair is
declared once with :func:`ratio_benchmark` and runs as one pytest-benchmark test; the two sides
are timed in alternating blocks (ours, then the baseline, then the baseline, then ours...), each
block long enough for a few milliseconds of calls, so that both sides see the same machine: a
shared virtual machine's speed drifts over seconds, and timing one side after the other let
that drift into the ratio (the same code read 3.1 and 5.6 in two consecutive runs).
``benchmarks/report.py`` turns the medians of the per-call times into a line ``name ratio target
baseline``. pytest-benchmark's own table shows the time of one alternating round.
"""

import functools
import math
import statistics
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

OURS = "ecomcore"
BASELINE = "baseline"

BLOCK_SECONDS = 0.005
"""A block repeats one side's call until it lasts about this long (one call at least)."""
ROUND_BUDGET_SECONDS = 2.0
"""Rounds are added until the pair has run about this long, within the bounds below."""
MIN_ROUNDS, MAX_ROUNDS = 5, 200


def _block(function: Callable[[], object], calls: int) -> float:
    """Return the mean seconds per call over ``calls`` back-to-back calls of ``function``."""
    start = time.perf_counter()
    for _ in range(calls):
        function()
    return (time.perf_counter() - start) / calls


def _calls_per_block(function: Callable[[], object]) -> tuple[int, float]:
    """Warm ``function`` up (caches, lazily built data), then size its block."""
    once = _block(function, 1)
    if once < BLOCK_SECONDS:  # a short call: time it again, warm
        once = _block(function, 1)
    return max(1, math.ceil(BLOCK_SECONDS / once)), once


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
    reference does. Assign the result to a module-level ``test_<name>``. Under
    ``--benchmark-disable`` (the single pass of ``make test``) each side runs once.
    """

    def run(benchmark: Any) -> None:
        benchmark.group = name
        benchmark.extra_info.update(target=target, baseline=baseline)
        if benchmark.disabled:
            benchmark(lambda: (ours(), reference()))
            return
        ours_calls, ours_once = _calls_per_block(ours)
        base_calls, base_once = _calls_per_block(reference)
        per_round = ours_calls * ours_once + base_calls * base_once
        rounds = min(MAX_ROUNDS, max(MIN_ROUNDS, math.ceil(ROUND_BUDGET_SECONDS / per_round)))
        times: dict[str, list[float]] = {OURS: [], BASELINE: []}

        def one_round() -> None:
            # Alternate which side goes first, so neither always runs on the other's leftovers.
            sides = [(OURS, ours, ours_calls), (BASELINE, reference, base_calls)]
            if len(times[OURS]) % 2:
                sides.reverse()
            for side, function, calls in sides:
                times[side].append(_block(function, calls))

        benchmark.pedantic(one_round, rounds=rounds, iterations=1)
        benchmark.extra_info.update(
            ours_median=statistics.median(times[OURS]),
            baseline_median=statistics.median(times[BASELINE]),
            ours_calls_per_block=ours_calls,
            baseline_calls_per_block=base_calls,
        )

    run.__name__ = f"test_{name}"
    return run


def released_after_module(*cached: "functools._lru_cache_wrapper[Any]") -> Any:
    """Return a module-scoped autouse fixture clearing the ``functools.cache`` of ``cached``.

    Assign it to a module-level name. Big data a module caches for its own benchmarks is let go
    when the module is done, so it does not weigh on the modules that run after it.
    """

    @pytest.fixture(scope="module", autouse=True)
    def release() -> Iterator[None]:
        yield
        for function in cached:
            function.cache_clear()

    return release
