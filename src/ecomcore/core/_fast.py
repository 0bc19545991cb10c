"""Unchecked construction of the values the engines build in bulk, hundreds per document.

Quoted lines, adjustments and tax components.
An attrs constructor converts, validates and sets each frozen field through
``object.__setattr__``; a 100-line quote builds several hundred such values from figures the
engine computed and checked itself, and the constructors were most of its time. These helpers
copy a complete field dict into a new instance instead, several times faster. The classes they
build keep their fields in a ``__dict__`` (``attrs.frozen(slots=False)``), and property tests
hold every value built here equal to what its constructor builds from the same fields.
"""

from typing import TypeVar

from ecomcore.core import Money, TaxedMoney

__all__ = ["build", "taxed"]

T = TypeVar("T")

_new = object.__new__
_set = object.__setattr__


def build(cls: type[T], fields: dict[str, object]) -> T:
    """Return an instance of the attrs class ``cls`` (``slots=False``) with exactly ``fields``.

    ``fields`` must name every field, with values the constructor would accept unchanged.
    """
    instance: T = _new(cls)
    instance.__dict__.update(fields)  # a dict for the instance: slots would take a call a field
    return instance


def taxed(net: Money, tax: Money) -> TaxedMoney:
    """Return ``TaxedMoney(net, tax)`` for two Money of one currency, without the checks."""
    amount: TaxedMoney = _new(TaxedMoney)
    _set(amount, "net", net)
    _set(amount, "tax", tax)
    return amount
