"""``flask --app headstart search …``: rebuild the index, apply queued changes, status."""

from __future__ import annotations

import json

import click
from flask.cli import with_appcontext

from headstart.search import service


@click.group()
def search():
    """Search index commands."""


@search.command("reindex")
@with_appcontext
def reindex():
    """Rebuild the index from the database (pages keep working meanwhile)."""
    total_ids = service.count_to_index()
    with click.progressbar(length=total_ids, label="Indexing", show_pos=True) as bar:
        count = service.rebuild(progress=bar.update)
    click.echo(f"Indexed {count} documents with the {service.backend().name} backend.")


@search.command("drain")
@with_appcontext
def drain():
    """Apply changes waiting in the queue (normally done after each commit)."""
    click.echo(f"Applied {service.drain()} queued changes.")


@search.command("status")
@with_appcontext
def status():
    """Print the index's state as JSON."""
    click.echo(json.dumps(service.status()))
