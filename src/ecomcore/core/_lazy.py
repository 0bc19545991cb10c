"""Packages that re-export names from their submodules without importing them all up front."""

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(package: str, homes: Mapping[str, str]) -> Callable[[str], Any]:
    """Return a module ``__getattr__`` that imports ``package.<homes[name]>`` when ``name`` is read.

    So ``from ecomcore.adapters.memory import InMemoryVelocityCounter`` loads the fraud adapter
    (and fraud, and core) but no other context: embedding one engine stays light. A name that
    is its own home (``homes["fakes"] == "fakes"``) is the submodule itself.
    """

    def module_getattr(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module = importlib.import_module(f"{package}.{home}")
        return module if home == name else getattr(module, name)

    return module_getattr
