"""Allow- and blocklists that hold keyed hashes, never the plain emails, addresses or IPs."""

import enum
import hmac
import ipaddress
from collections.abc import Iterable

import attrs

from ecomcore.core import Address, ValidationError
from ecomcore.fraud._input import FraudInput, address_key

__all__ = ["KeyedHasher", "ListKind", "Watchlist"]

_MIN_KEY_BYTES = 16


class ListKind(enum.StrEnum):
    """What a list entry identifies.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from ecomcore.core import Money
        >>> from ecomcore.fraud import FraudInput, KeyedHasher, ListKind, Watchlist
        >>> hasher = KeyedHasher(b"a secret key of 16+ bytes")
        >>> stored = [(ListKind.DOMAIN, hasher.digest(ListKind.DOMAIN, "mailinator.com"))]
        >>> order = FraudInput(order_id="o-1", placed_at=datetime(2026, 3, 1, tzinfo=UTC),
        ...                    amount=Money("80.00", "EUR"), email="kim@mailinator.com")
        >>> Watchlist.from_digests(hasher, stored).matches(order)
        [<ListKind.DOMAIN: 'domain'>]
    """

    EMAIL = "email"
    DOMAIN = "domain"
    IP = "ip"
    BIN = "bin"
    ADDRESS = "address"


def _normalize(kind: ListKind, value: str) -> str:
    if kind is ListKind.IP:
        try:
            return str(ipaddress.ip_address(value.strip()))
        except ValueError:
            raise ValidationError("ip", value, "an IPv4 or IPv6 address") from None
    return value.strip().casefold()


def _key(_: object, __: "attrs.Attribute[bytes]", value: object) -> None:
    if not isinstance(value, bytes) or len(value) < _MIN_KEY_BYTES:
        raise ValidationError("key", "<hidden>", f"bytes, at least {_MIN_KEY_BYTES} long")


@attrs.frozen(repr=False)
class KeyedHasher:
    """HMAC-SHA256 with your secret key, so lists and counters hold no plain personal data.

    The same value always gives the same digest, and without the key nobody can test guesses
    against a leaked list.

    Values are normalized first (trimmed and case-folded; IPs in canonical form; addresses by
    first line, postcode and country), so ``Ann@Example.com`` and ``ann@example.com`` match.

    Examples:
        >>> hasher = KeyedHasher(b"a secret key of 16+ bytes")
        >>> mixed, lower = "Ann@Example.com", "ann@example.com"
        >>> hasher.digest(ListKind.EMAIL, mixed) == hasher.digest("email", lower)
        True
        >>> len(hasher.digest("ip", "10.0.0.1"))
        32
        >>> hasher
        KeyedHasher(<key hidden>)
    """

    key: bytes = attrs.field(validator=_key)

    def digest(self, kind: ListKind | str, value: str) -> str:
        """Return the keyed hash of ``value`` as an entry of ``kind``: 32 hex digits (128 bits)."""
        kind = ListKind(kind)
        return self.keyed(kind.value, _normalize(kind, value))

    def keyed(self, namespace: str, value: str) -> str:
        """Return the keyed hash of ``value`` exactly as given, in ``namespace`` (no normalization).

        Examples:
            >>> hasher = KeyedHasher(b"a secret key of 16+ bytes")
            >>> hasher.keyed("device", "d-1") == hasher.keyed("card", "d-1")
            False
        """
        message = f"{namespace}\x00{value}".encode()
        # hmac.digest is the one-shot C path: the same bytes as hmac.new(...).digest(), faster.
        return hmac.digest(self.key, message, "sha256").hex()[:32]

    def __repr__(self) -> str:
        return "KeyedHasher(<key hidden>)"


def order_keys(order: FraudInput) -> list[tuple[ListKind, str]]:
    """Return the (kind, plain value) pairs of an order that lists can match, in a stable order."""
    keys: list[tuple[ListKind, str]] = []
    if order.email is not None:
        keys.append((ListKind.EMAIL, order.email))
        keys.append((ListKind.DOMAIN, order.email_domain or ""))
    if order.ip is not None:
        keys.append((ListKind.IP, order.ip.address))
    if order.card is not None:
        keys.append((ListKind.BIN, order.card.bin))
    keys.extend(
        (ListKind.ADDRESS, address_key(address))
        for address in (order.billing, order.shipping)
        if address is not None
    )
    return keys


def _digests(pairs: Iterable[tuple[ListKind, str]]) -> frozenset[tuple[ListKind, str]]:
    return frozenset(pairs)


@attrs.frozen
class Watchlist:
    """A set of keyed hashes of emails, domains, IPs, BINs and addresses: an allow- or blocklist.

    Build it from plain values with `Watchlist.of` (the plain values are hashed and dropped) or
    load stored digests with `Watchlist.from_digests`. ``value in watchlist`` hashes the value
    under every kind, so a watchlist also serves as a named list in rules.

    Examples:
        >>> hasher = KeyedHasher(b"a secret key of 16+ bytes")
        >>> blocked = Watchlist.of(hasher, emails=["fraud@example.com"], bins=["411111"])
        >>> "FRAUD@example.com" in blocked, "ann@example.com" in blocked
        (True, False)
        >>> "fraud@example.com" in repr(blocked)
        False
    """

    hasher: KeyedHasher
    digests: frozenset[tuple[ListKind, str]] = attrs.field(converter=_digests)

    @classmethod
    def of(
        cls,
        hasher: KeyedHasher,
        *,
        emails: Iterable[str] = (),
        domains: Iterable[str] = (),
        ips: Iterable[str] = (),
        bins: Iterable[str] = (),
        addresses: Iterable[Address] = (),
    ) -> "Watchlist":
        """Make a watchlist of these plain values, kept only as keyed hashes."""
        plain: list[tuple[ListKind, str]] = [
            *((ListKind.EMAIL, value) for value in emails),
            *((ListKind.DOMAIN, value) for value in domains),
            *((ListKind.IP, value) for value in ips),
            *((ListKind.BIN, value) for value in bins),
            *((ListKind.ADDRESS, address_key(address)) for address in addresses),
        ]
        return cls(hasher, {(kind, hasher.digest(kind, value)) for kind, value in plain})

    @classmethod
    def from_digests(
        cls, hasher: KeyedHasher, digests: Iterable[tuple[ListKind | str, str]]
    ) -> "Watchlist":
        """Make a watchlist of stored (kind, digest) pairs made earlier with the same key."""
        return cls(hasher, {(ListKind(kind), digest) for kind, digest in digests})

    def matches(self, order: FraudInput) -> list[ListKind]:
        """Return the kinds of the order's facts on this list, in a stable order, no repeats."""
        found: list[ListKind] = []
        for kind, value in order_keys(order):
            if kind not in found and (kind, self.hasher.digest(kind, value)) in self.digests:
                found.append(kind)
        return found

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, str):
            return False
        for kind in ListKind:
            try:
                if (kind, self.hasher.digest(kind, value)) in self.digests:
                    return True
            except ValidationError:  # not an IP: cannot be on the list as one
                continue
        return False

    def __len__(self) -> int:
        return len(self.digests)
