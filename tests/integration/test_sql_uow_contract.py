"""The SQL unit of work passes the unit-of-work contract, on SQLite and on PostgreSQL."""

from collections.abc import Callable, Iterator, Sequence

import pytest
import sqlalchemy as sa

from ecomcore.adapters.sqlalchemy import Database, SqlOutbox, SqlUnitOfWork
from ecomcore.adapters.sqlalchemy.uow import stage_save
from ecomcore.core import DomainEvent, NotFoundError
from ecomcore.testing.contracts.uow import Note, UnitOfWorkContract

_NOTES = sa.MetaData()
notes = sa.Table(
    "test_note",
    _NOTES,
    sa.Column("note_id", sa.String(50), primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
)


class SqlNoteRepository:
    """Notes in a table of their own, as an application's repository would keep them."""

    def __init__(self, uow: SqlUnitOfWork) -> None:
        self._uow = uow

    def get(self, note_id: str) -> Note:
        with self._uow.database.reading() as connection:
            row = connection.execute(sa.select(notes).where(notes.c.note_id == note_id)).first()
        if row is None:
            raise NotFoundError("note", note_id)
        note = Note(note_id=row.note_id, text=row.text)
        note.version = row.version
        return note

    def save(self, note: Note) -> None:
        stage_save(self._uow, notes, {"text": note.text}, kind="note",
                   key={"note_id": note.note_id}, aggregate=note)  # fmt: skip


class NoteUnitOfWork(SqlUnitOfWork):
    def __init__(
        self, database: Database, subscribers: Sequence[Callable[[Sequence[DomainEvent]], None]]
    ) -> None:
        super().__init__(database, subscribers=subscribers)
        self.notes = SqlNoteRepository(self)


class TestSqlUnitOfWork(UnitOfWorkContract):
    @pytest.fixture(autouse=True)
    def _use(self, database: Database) -> Iterator[None]:
        _NOTES.create_all(database.engine)
        with database.writing() as connection:
            connection.execute(notes.delete())
        self._database = database
        yield
        _NOTES.drop_all(database.engine)

    def make_unit_of_work(
        self, subscribers: Sequence[Callable[[Sequence[DomainEvent]], None]] = ()
    ) -> NoteUnitOfWork:
        return NoteUnitOfWork(self._database, subscribers)

    def outbox(self) -> SqlOutbox:
        return SqlOutbox(self._database)
