"""The unit of work: repositories stage changes, the unit of work commits them at once.

A use case opens a unit of work, reads aggregates through the repositories it exposes, changes
them, stages them back, and asks the unit of work to `UnitOfWork.commit`. The commit:

1. checks every staged aggregate's version against storage (a stale one raises
   `ConcurrencyError` and nothing is written),
2. writes every staged change, and the events the staged aggregates recorded, to storage and
   to the outbox, in one transaction,
3. after the transaction, hands the committed events to the subscribers (never before: an
   event is published only if what it reports was stored).

Leaving the ``with`` block without a commit rolls back whatever was staged. Each context names
the repositories it needs in a protocol of its own that extends `UnitOfWork` (an inventory use
case takes a unit of work with a ``stock`` repository); an application's unit of work has an
attribute for every repository its use cases need, so one commit spans contexts.
"""

from collections.abc import Sequence
from types import TracebackType
from typing import Protocol, Self

from ecomcore.core._events import DomainEvent

__all__ = ["Outbox", "UnitOfWork"]


class UnitOfWork(Protocol):
    """One atomic commit of what a use case staged, with its events sent to the outbox.

    Examples:
        >>> from ecomcore.adapters.memory import InMemoryUnitOfWork
        >>> uow: UnitOfWork = InMemoryUnitOfWork()
        >>> with uow:
        ...     uow.commit()
    """

    def __enter__(self) -> Self:
        """Start the unit of work (a transaction, for a database)."""
        ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """End it: whatever was staged and not committed is rolled back."""
        ...

    def commit(self) -> None:
        """Write everything staged, and its events to the outbox, atomically; then publish.

        Raises `ConcurrencyError` (and writes nothing) when a staged aggregate's version is stale.
        """
        ...

    def rollback(self) -> None:
        """Forget everything staged since the last commit."""
        ...


class Outbox(Protocol):
    """The events committed by units of work, in commit order, for a relay to publish.

    Written in the same transaction as the changes the events describe, so a relay that reads
    it after a crash still sends every event once the change is stored, and none whose change
    was not.

    Examples:
        >>> from ecomcore.adapters.memory import InMemoryOutbox
        >>> outbox: Outbox = InMemoryOutbox()
        >>> outbox.events()
        []
    """

    def events(self, after: int = 0) -> Sequence[DomainEvent]:
        """Return the committed events in commit order, skipping the first ``after``."""
        ...
