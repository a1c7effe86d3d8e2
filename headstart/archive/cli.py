"""``flask --app headstart backup|restore|export|import PATH`` and ``uploads sweep``."""

from __future__ import annotations

from contextlib import contextmanager

import click
from flask import current_app
from flask.cli import with_appcontext

from headstart.archive import backup as backups
from headstart.archive.exporter import ArchiveError, export_portal
from headstart.archive.importer import import_portal
from headstart.archive.tables import content_tables
from headstart.core import file_cache


def _fail(error: ArchiveError):
    raise click.ClickException(error.message)


@contextmanager
def _tables_bar(label: str):
    """A progress bar over the content tables, naming the table being written or read:
    on a large portal an export or import takes minutes, and a silent terminal looks hung."""
    with click.progressbar(length=len(content_tables()), label=label, show_pos=True,
                           item_show_func=lambda name: name or "") as bar:
        yield lambda name: bar.update(1, current_item=name)


@click.command("backup")
@click.argument("path", type=click.Path(file_okay=False))
@with_appcontext
def backup_command(path):
    """Write a consistent copy of the database and the uploads into the new folder PATH
    (safe while the portal runs)."""
    try:
        manifest = backups.backup(path, current_app.config["UPLOAD_DIR"])
    except ArchiveError as error:
        _fail(error)
    click.echo(f"Backed up {sum(manifest['tables'].values())} rows in "
               f"{len(manifest['tables'])} tables and {len(manifest['files'])} files to {path}.")


@click.command("restore")
@click.argument("path", type=click.Path(exists=True, file_okay=False))
@with_appcontext
def restore_command(path):
    """Put the backup in PATH back into the configured (new, empty) database and the
    upload folder."""
    try:
        manifest = backups.restore(path, current_app.config["UPLOAD_DIR"])
    except ArchiveError as error:
        _fail(error)
    file_cache.clear()  # kept exports were keyed on the old database's counters
    click.echo(f"Restored {sum(manifest['tables'].values())} rows and "
               f"{len(manifest['files'])} files. Run 'flask search reindex' next.")


@click.command("export")
@click.argument("path", type=click.Path())
@with_appcontext
def export_command(path):
    """Write the whole portal's content to PATH (a new folder, or a file ending .zip) as
    JSON files plus attachments (docs/archive.md)."""
    try:
        with _tables_bar("Exporting tables") as progress:
            manifest = export_portal(path, current_app.config["UPLOAD_DIR"], progress)
    except ArchiveError as error:
        _fail(error)
    rows = sum(entry["rows"] for entry in manifest["tables"].values())
    click.echo(f"Exported {rows} rows and {len(manifest['files'])} files to {path}.")


@click.command("import")
@click.argument("path", type=click.Path(exists=True))
@with_appcontext
def import_command(path):
    """Load an export (folder or .zip) into this new installation, then rebuild the
    search index."""
    from headstart.search import service

    try:
        with _tables_bar("Importing tables") as progress:
            manifest = import_portal(path, current_app.config["UPLOAD_DIR"], progress)
    except ArchiveError as error:
        _fail(error)
    file_cache.clear()
    with click.progressbar(length=service.count_to_index(), label="Indexing",
                           show_pos=True) as bar:
        indexed = service.rebuild(progress=bar.update)
    rows = sum(entry["rows"] for entry in manifest["tables"].values())
    click.echo(f"Imported {rows} rows and {len(manifest['files'])} files; "
               f"indexed {indexed} documents.")


@click.group()
def uploads():
    """The upload folder."""


@uploads.command("sweep")
@click.option("--dry-run", is_flag=True, help="List the files without removing them.")
@with_appcontext
def sweep_command(dry_run):
    """Remove uploaded files that no attachment names and that are over an hour old:
    what a worker killed mid-upload left behind (cheap; run it at start-up or daily)."""
    from headstart.events import materials
    from headstart.practices import attachments

    found = [f"practices/{name}" for name in attachments.sweep(dry_run=dry_run)]
    found += [f"events/{name}" for name in materials.sweep(dry_run=dry_run)]
    for name in found:
        click.echo(f"{'would remove' if dry_run else 'removed'} {name}")
    click.echo(f"{len(found)} unnamed files {'found' if dry_run else 'removed'}.")
