"""Alembic's entry point for ecomcore's migrations: run on the connection `upgrade` gives it."""

from alembic import context

from ecomcore.adapters.sqlalchemy._migrations import VERSION_TABLE, full_metadata

database = context.config.attributes["database"]
with database.writing() as connection:
    context.configure(
        connection=connection,
        target_metadata=full_metadata(),
        version_table=VERSION_TABLE,
        render_as_batch=True,  # SQLite alters a table by copying it
        compare_type=True,
    )
    context.run_migrations()
