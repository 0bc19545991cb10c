"""The one aggregate convention: a stored version, and events the caller pulls."""

import attrs

from ecomcore.core._events import DomainEvent
from ecomcore.core._quantity import whole_number


@attrs.define(eq=False, kw_only=True)
class Aggregate:
    """Base of every aggregate (a cart, an order, a payment, a stock item): identity and history.

    - ``version`` is the stored version the aggregate was read at: 0 when it is new. A
      repository refuses to stage a save whose version is no longer the stored one with
      `ConcurrencyError`; after the commit the stored version is one more.
    - Intention-revealing methods change the state and `record` what happened; the caller
      collects the events with `pull_events` (a unit of work does this at commit). The list is
      private: it is drained, never read in place.

    Aggregates are equal by identity (``eq=False``): two reads of one order are two objects.

    Examples:
        >>> from datetime import UTC, datetime
        >>> @attrs.frozen(kw_only=True)
        ... class CounterBumped(DomainEvent):
        ...     value: int
        >>> @attrs.define(eq=False, kw_only=True)
        ... class Counter(Aggregate):
        ...     value: int = 0
        ...     def bump(self, at: datetime) -> None:
        ...         self.value += 1
        ...         self.record(CounterBumped(occurred_at=at, value=self.value))
        >>> counter = Counter()
        >>> counter.bump(datetime(2026, 3, 1, tzinfo=UTC))
        >>> [event.value for event in counter.pull_events()], counter.pull_events()
        ([1], [])
        >>> counter.version
        0
    """

    version: int = attrs.field(default=0, validator=whole_number())
    _pending: list[DomainEvent] = attrs.field(factory=list, init=False, repr=False)

    def record(self, event: DomainEvent) -> None:
        """Record that ``event`` happened to this aggregate, for the caller to collect."""
        self._pending.append(event)

    def pull_events(self) -> list[DomainEvent]:
        """Return the events recorded since the last pull, oldest first, and forget them."""
        events, self._pending = self._pending, []
        return events
