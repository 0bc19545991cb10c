"""The contract every unit of work keeps: atomic commit, rollback, events only after commit.

The suite drives the unit of work through a tiny `Note` aggregate and a `NoteRepository` that
an implementation provides next to its real repositories (in memory: a few lines over
`ecomcore.adapters.memory.VersionedTable`; in SQL: a table of notes).
"""

import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Protocol

import attrs
import pytest

from ecomcore.core import (
    Aggregate,
    ConcurrencyError,
    DomainEvent,
    NotFoundError,
    Outbox,
    UnitOfWork,
)

__all__ = ["Note", "NoteRepository", "NoteUnitOfWork", "NoteWritten", "UnitOfWorkContract"]

_AT = datetime(2026, 3, 1, 12, tzinfo=UTC)


@attrs.frozen(kw_only=True)
class NoteWritten(DomainEvent):
    """A note's text was set."""

    note_id: str
    text: str


@attrs.define(eq=False, kw_only=True)
class Note(Aggregate):
    """The smallest aggregate: an id and a text, and an event each time the text is set."""

    note_id: str
    text: str = ""

    def write(self, text: str) -> None:
        """Set the text and record `NoteWritten`."""
        self.text = text
        self.record(NoteWritten(occurred_at=_AT, note_id=self.note_id, text=text))


class NoteRepository(Protocol):
    """Reads notes and stages their saves in the unit of work it belongs to."""

    def get(self, note_id: str) -> Note:
        """Return the stored note (a copy, at its stored version) or raise `NotFoundError`."""
        ...

    def save(self, note: Note) -> None:
        """Stage ``note`` for the next commit, checked against the version it was read at."""
        ...


class NoteUnitOfWork(UnitOfWork, Protocol):
    """A unit of work with a ``notes`` repository, as each context's units of work have theirs.

    Repositories are read-only properties in such protocols, so an implementation may type its
    attribute as its own repository class.
    """

    @property
    def notes(self) -> NoteRepository:
        """The notes of this unit of work."""
        ...


class UnitOfWorkContract:
    """Subclass as ``Test...`` and implement `make_unit_of_work` and `outbox`.

    Every unit of work made by one test instance must share storage and outbox (as one
    database does).

    Examples:
        >>> issubclass(UnitOfWorkContract, object)
        True
    """

    def make_unit_of_work(
        self, subscribers: Sequence[Callable[[Sequence[DomainEvent]], None]] = ()
    ) -> NoteUnitOfWork:
        """Return a new unit of work over this test's storage, calling ``subscribers``."""
        raise NotImplementedError

    def outbox(self) -> Outbox:
        """Return this test's outbox."""
        raise NotImplementedError

    def _store(self, note_id: str, text: str) -> None:
        with self.make_unit_of_work() as uow:
            note = Note(note_id=note_id)
            note.write(text)
            uow.notes.save(note)
            uow.commit()

    def _read(self, note_id: str) -> Note:
        with self.make_unit_of_work() as uow:
            return uow.notes.get(note_id)

    def test_a_commit_stores_the_change_at_the_next_version(self) -> None:
        """A new note is stored at version 1, and read back as written."""
        self._store("n-1", "hello")
        stored = self._read("n-1")
        assert (stored.text, stored.version) == ("hello", 1)

    def test_leaving_without_commit_writes_nothing(self) -> None:
        """A unit of work left without a commit (or after an error) rolls back."""

        def failing_use_case() -> None:
            with self.make_unit_of_work() as uow:
                note = Note(note_id="n-2")
                note.write("draft")
                uow.notes.save(note)
                raise RuntimeError("the use case failed")

        with pytest.raises(RuntimeError):
            failing_use_case()
        with pytest.raises(NotFoundError):
            self._read("n-2")
        assert list(self.outbox().events()) == []

    def test_rollback_forgets_what_was_staged(self) -> None:
        """After rollback, a commit writes only what was staged after it."""
        with self.make_unit_of_work() as uow:
            first, second = Note(note_id="n-3"), Note(note_id="n-4")
            first.write("dropped")
            uow.notes.save(first)
            uow.rollback()
            second.write("kept")
            uow.notes.save(second)
            uow.commit()
        assert self._read("n-4").text == "kept"
        with pytest.raises(NotFoundError):
            self._read("n-3")

    def test_events_reach_the_outbox_and_subscribers_only_after_the_commit(self) -> None:
        """Subscribers see the committed events, and the change is stored when they do."""
        seen: list[tuple[str, str]] = []

        def subscriber(events: Sequence[DomainEvent]) -> None:
            for event in events:
                assert isinstance(event, NoteWritten)
                seen.append((event.text, self._read(event.note_id).text))

        with self.make_unit_of_work([subscriber]) as uow:
            note = Note(note_id="n-5")
            note.write("one")
            note.write("two")
            uow.notes.save(note)
            assert seen == []
            assert list(self.outbox().events()) == []
            uow.commit()
        assert seen == [("one", "two"), ("two", "two")]
        assert [e.text for e in self.outbox().events() if isinstance(e, NoteWritten)] == [
            "one",
            "two",
        ]

    def test_a_stale_version_is_refused_and_nothing_of_that_commit_is_written(self) -> None:
        """Two writers read version 1: the second commit raises and writes none of its changes."""
        self._store("n-6", "original")
        with self.make_unit_of_work() as first, self.make_unit_of_work() as second:
            mine, theirs = first.notes.get("n-6"), second.notes.get("n-6")
            mine.write("first")
            first.notes.save(mine)
            first.commit()
            theirs.write("second")
            other = Note(note_id="n-7")
            other.write("side effect")
            second.notes.save(other)
            second.notes.save(theirs)
            with pytest.raises(ConcurrencyError) as stale:
                second.commit()
        assert stale.value.expected_version == 1
        assert (self._read("n-6").text, self._read("n-6").version) == ("first", 2)
        with pytest.raises(NotFoundError):
            self._read("n-7")
        texts = [e.text for e in self.outbox().events() if isinstance(e, NoteWritten)]
        assert "second" not in texts
        assert "side effect" not in texts

    def test_concurrent_writers_with_retries_lose_no_update(self) -> None:
        """Eight threads append to one note, re-reading on conflict: every append survives."""
        self._store("n-8", "")
        errors: list[BaseException] = []

        def append(mark: str) -> None:
            try:
                for _ in range(200):
                    with self.make_unit_of_work() as uow:
                        note = uow.notes.get("n-8")
                        note.write(note.text + mark)
                        uow.notes.save(note)
                        try:
                            uow.commit()
                        except ConcurrencyError:
                            continue
                        return
                raise AssertionError("gave up after 200 conflicts")
            except BaseException as error:
                errors.append(error)

        threads = [threading.Thread(target=append, args=(str(i),)) for i in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        final = self._read("n-8")
        assert sorted(final.text) == [str(i) for i in range(8)]
        assert final.version == 9
