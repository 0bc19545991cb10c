"""Each public name means one thing across the library and shadows nothing a reader imports."""

import builtins
import collections.abc
import importlib
import pkgutil
import typing

import ecomcore

# Names a user would import from the standard library beside ours, where ours would hide theirs.
_STANDARD = set(dir(builtins)) | set(typing.__all__) | set(collections.abc.__all__)


def _public_modules() -> list[str]:
    """Every importable public module of ecomcore (no part of its path starts with ``_``)."""
    found = pkgutil.walk_packages(ecomcore.__path__, "ecomcore.")
    return ["ecomcore", *(m.name for m in found if "._" not in m.name and ".cli" not in m.name)]


def _exports() -> dict[str, list[tuple[str, object]]]:
    by_name: dict[str, list[tuple[str, object]]] = {}
    for package in _public_modules():
        module = importlib.import_module(package)
        for name in getattr(module, "__all__", ()):
            by_name.setdefault(name, []).append((package, getattr(module, name)))
    return by_name


def test_no_public_name_shadows_builtins_typing_or_collections_abc() -> None:
    """`from ecomcore.pricing import *` never hides `Any`, `Collection` or `Literal`."""
    assert sorted(name for name in _exports() if name in _STANDARD) == []


def test_a_name_exported_by_two_packages_is_the_same_object() -> None:
    """`Period` or `backtest` from two contexts would be two different things under one name."""
    collisions = {
        name: [package for package, _ in places]
        for name, places in _exports().items()
        if len({id(value) for _, value in places}) > 1
    }
    assert collisions == {}
