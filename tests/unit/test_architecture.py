"""The layers drawn in docs/architecture.md are the layers import-linter enforces."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[2]


def _enforced_rows() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    [layers] = [
        contract["layers"]
        for contract in config["tool"]["importlinter"]["contracts"]
        if contract["type"] == "layers"
    ]
    return [row.replace("(", "").replace(")", "") for row in layers]


def _drawn_rows() -> list[str]:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    diagram = re.search(r"```\n(cli\n.*?\ncore)\n```", text, re.DOTALL)
    assert diagram is not None, "the architecture page lost its layer diagram"
    return diagram.group(1).splitlines()


def test_the_diagram_is_the_contract() -> None:
    """Every row of the docs' diagram, in order and with the same siblings, is a layer enforced."""
    drawn = [frozenset(part.strip() for part in row.split("|")) for row in _drawn_rows()]
    enforced = [frozenset(part.strip() for part in row.split("|")) for row in _enforced_rows()]
    assert drawn == enforced
