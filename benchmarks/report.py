"""Turn pytest-benchmark's JSON into one line per benchmark: ratio to its baseline and target.

Usage: ``python benchmarks/report.py RAW_JSON LATEST_JSON``. Writes LATEST_JSON as
``{name: {"ratio": r, "target": t, "baseline": "..."}}`` (ratio = our median time over the
baseline's median time in the same run; lower is better) and exits 1 if a benchmark misses its
target. A `ratio.ratio_benchmark` pair is one test carrying both medians (timed in alternating
blocks); a benchmark written as two tests of one group, a ``side`` each, is paired here.
"""

import json
import sys
from pathlib import Path
from typing import Any


def ratios(raw: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Compute ours/baseline on the medians of every benchmark in ``raw``."""
    sides: dict[str, dict[str, Any]] = {}
    result: dict[str, dict[str, Any]] = {}
    for bench in raw["benchmarks"]:
        info = bench["extra_info"]
        if "ours_median" in info:
            result[bench["group"]] = {
                "ratio": round(info["ours_median"] / info["baseline_median"], 3),
                "target": info["target"],
                "baseline": info["baseline"],
            }
        else:
            sides.setdefault(bench["group"], {})[info["side"]] = bench
    for name, pair in sorted(sides.items()):
        if len(pair) < 2:
            continue  # -k selected only one side
        ours, base = pair["ecomcore"], pair["baseline"]
        result[name] = {
            "ratio": round(ours["stats"]["median"] / base["stats"]["median"], 3),
            "target": ours["extra_info"]["target"],
            "baseline": ours["extra_info"]["baseline"],
        }
    return dict(sorted(result.items()))


def main(raw_path: str, latest_path: str) -> int:
    """Print the ratio lines, write the JSON, and return 1 if any target was missed."""
    result = ratios(json.loads(Path(raw_path).read_text()))
    Path(latest_path).write_text(json.dumps(result, indent=2, sort_keys=True) + "\n")
    print(f"\n{'benchmark':<44} {'ratio':>7} {'target':>7}       baseline")
    missed = [name for name, row in result.items() if row["ratio"] > row["target"]]
    for name, row in result.items():
        verdict = "MISS" if name in missed else "ok"
        print(f"{name:<44} {row['ratio']:>7} {row['target']:>7}  {verdict:<4} {row['baseline']}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
