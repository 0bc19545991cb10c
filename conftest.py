"""Runs the examples in README.md and docs/*.md as tests (Sybil reads fenced ```python blocks)."""

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser

pytest_collect_file = Sybil(
    parsers=[PythonCodeBlockParser()],
    patterns=["*.md"],
).pytest()
