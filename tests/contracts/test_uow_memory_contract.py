"""The in-memory unit of work passes the unit-of-work contract."""

import copy
from collections.abc import Callable, Sequence

from ecomcore.adapters.memory import InMemoryOutbox, InMemoryUnitOfWork, VersionedTable
from ecomcore.core import DomainEvent, NotFoundError
from ecomcore.testing.contracts.uow import Note, UnitOfWorkContract


class InMemoryNoteRepository:
    """Notes over a `VersionedTable`: reads hand out copies, saves are staged in the uow."""

    def __init__(self, table: VersionedTable[Note], uow: InMemoryUnitOfWork) -> None:
        self._table, self._uow = table, uow

    def get(self, note_id: str) -> Note:
        row = self._table.get(note_id)
        if row is None:
            raise NotFoundError("note", note_id)
        version, note = row
        read = copy.deepcopy(note)
        read.version = version
        return read

    def save(self, note: Note) -> None:
        snapshot = copy.deepcopy(note)
        self._table.stage_save(
            self._uow, note.note_id, snapshot, read_version=note.version, aggregate=note
        )


class NoteUnitOfWork(InMemoryUnitOfWork):
    def __init__(
        self,
        table: VersionedTable[Note],
        outbox: InMemoryOutbox,
        subscribers: Sequence[Callable[[Sequence[DomainEvent]], None]],
    ) -> None:
        super().__init__(outbox, subscribers=subscribers)
        self.notes = InMemoryNoteRepository(table, self)


class TestInMemoryUnitOfWork(UnitOfWorkContract):
    def setup_method(self) -> None:
        self._table: VersionedTable[Note] = VersionedTable("note")
        self._outbox = InMemoryOutbox()

    def make_unit_of_work(
        self, subscribers: Sequence[Callable[[Sequence[DomainEvent]], None]] = ()
    ) -> NoteUnitOfWork:
        return NoteUnitOfWork(self._table, self._outbox, subscribers)

    def outbox(self) -> InMemoryOutbox:
        return self._outbox
