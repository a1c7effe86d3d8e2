"""Alembic environment: the database and metadata come from the Flask application."""

import logging

from alembic import context
from flask import current_app

config = context.config
logger = logging.getLogger("alembic.env")


def get_engine():
    """The application's engine."""
    return current_app.extensions["migrate"].db.engine


def get_metadata():
    """The metadata of every model (with the naming convention)."""
    return current_app.extensions["migrate"].db.metadata


def render_item(type_, obj, autogen_context):
    """Write our column types as plain SQLAlchemy types, so revisions import nothing of ours."""
    if type_ == "type" and type(obj).__name__ == "UTCDateTime":
        return "sa.DateTime(timezone=True)"
    return False


def run_migrations_offline():
    """Emit SQL to stdout (``flask db upgrade --sql``)."""
    url = get_engine().url.render_as_string(hide_password=False)
    context.configure(url=url, target_metadata=get_metadata(), literal_binds=True,
                      **current_app.extensions["migrate"].configure_args)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    """Run migrations on a live connection."""

    def process_revision_directives(context, revision, directives):
        # An autogenerate run that finds no change writes no empty revision.
        if getattr(config.cmd_opts, "autogenerate", False):
            script = directives[0]
            if script.upgrade_ops.is_empty():
                directives[:] = []
                logger.info("No changes in schema detected.")

    conf_args = dict(current_app.extensions["migrate"].configure_args)
    conf_args.setdefault("process_revision_directives", process_revision_directives)
    conf_args.setdefault("render_item", render_item)
    with get_engine().connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # SQLite alters a table by copying it and dropping the old one (batch mode);
            # with foreign keys enforced, that drop would cascade to every child row
            # (memberships, practice partners, …). Enforcement is off while migrating (the
            # pragma must be set outside a transaction, so on the driver's connection) and
            # the keys are checked once the migrations are done.
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            context.configure(connection=connection, target_metadata=get_metadata(),
                              **conf_args)
            with context.begin_transaction():
                context.run_migrations()
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise RuntimeError(f"foreign keys broken by the migration: {broken[:5]}")
        finally:
            if sqlite:
                # Back on before the connection returns to the pool. A pragma inside an open
                # transaction is silently ignored, and SQLAlchemy may have begun one after
                # the migrations' commit; a connection left without enforcement (deletes not
                # cascading) is dropped instead of reused.
                connection.rollback()
                driver = connection.connection.driver_connection
                driver.execute("PRAGMA foreign_keys=ON")
                if driver.execute("PRAGMA foreign_keys").fetchone()[0] != 1:
                    connection.invalidate()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
