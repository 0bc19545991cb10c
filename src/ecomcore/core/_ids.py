"""Identifiers: how ids from outside are checked, and a port for making new ones."""

import re
import uuid
from typing import Final, Protocol

import attrs

from ecomcore.core._errors import ValidationError

__all__ = ["IdGenerator", "SequentialIds", "UuidIds", "check_id"]

_ID: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}")


def check_id(field: str, value: object) -> str:
    """Return ``value`` if it is a usable id: 1 to 128 characters of letters, digits and ``._:/-``.

    Ids are stable keys stored, logged and put in URLs: no spaces, no control characters, and
    they start with a letter or digit. Case is kept (``O-1`` and ``o-1`` are different ids).

    Examples:
        >>> check_id("order_id", "ord_2026-0001")
        'ord_2026-0001'
        >>> check_id("order_id", "ord 1")
        Traceback (most recent call last):
        ...
        ecomcore.core._errors.ValidationError: order_id must be an id of 1 to 128 letters, ...
    """
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise ValidationError(
            field, value, "an id of 1 to 128 letters, digits and '._:/-', starting alphanumeric"
        )
    return value


class IdGenerator(Protocol):
    """Makes new ids for aggregates the library creates (a payment, a parcel, a case).

    Injected like a `Clock`: applications pass `UuidIds` or their own (database sequences,
    ULIDs); tests pass `SequentialIds` so every id is known in advance.

    Examples:
        >>> def open_case(ids: IdGenerator) -> str:
        ...     return ids.new_id("case")
        >>> open_case(SequentialIds())
        'case-1'
    """

    def new_id(self, prefix: str) -> str:
        """Return a new id, unique for this generator, starting with ``prefix``."""
        ...


class UuidIds:
    """Random ids: the prefix and a UUID 4 in hex, unique without coordination.

    Examples:
        >>> new = UuidIds().new_id("pay")
        >>> new.startswith("pay_"), len(new)
        (True, 36)
    """

    def new_id(self, prefix: str) -> str:
        """Return ``prefix`` and a random UUID 4, joined by an underscore."""
        return f"{prefix}_{uuid.uuid4().hex}"


@attrs.define
class SequentialIds:
    """Ids counted from 1 per prefix: deterministic, for tests and examples.

    Examples:
        >>> ids = SequentialIds()
        >>> ids.new_id("pay"), ids.new_id("pay"), ids.new_id("ship")
        ('pay-1', 'pay-2', 'ship-1')
    """

    _counters: dict[str, int] = attrs.field(factory=dict, init=False)

    def new_id(self, prefix: str) -> str:
        """Return ``prefix-N`` for the next N of this prefix."""
        self._counters[prefix] = self._counters.get(prefix, 0) + 1
        return f"{prefix}-{self._counters[prefix]}"
