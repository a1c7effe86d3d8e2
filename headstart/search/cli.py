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


@search.command("reconcile")
@click.option("--repair", is_flag=True, help="Write the differing documents.")
@with_appcontext
def reconcile_command(repair):
    """Compare the index with the database (after applying queued changes); exit 1 when
    they differ and --repair was not given."""
    from headstart.search import reconcile
    from headstart.search.base import IndexUnavailable

    try:
        service.drain()
        drift = reconcile.check()
    except IndexUnavailable as error:
        click.echo(f"The index is {error}: nothing to compare.")
        if not repair:
            raise SystemExit(1) from None
        click.echo(f"Rebuilt it from the database: {service.rebuild()} documents.")
        drift = reconcile.check()
    click.echo(f"{len(drift.missing)} missing from the index, {len(drift.extra)} in the "
               "index but not in the database.")
    for label, keys in (("missing", drift.missing), ("extra", drift.extra)):
        for key in keys[:20]:
            click.echo(f"  {label}: {key}")
        if len(keys) > 20:
            click.echo(f"  … and {len(keys) - 20} more {label}")
    if drift.clean:
        return
    if not repair:
        raise SystemExit(1)
    reconcile.repair(drift)
    after = reconcile.check()
    click.echo("Repaired." if after.clean else
               f"Still differing after the repair: {len(after.missing)} missing, "
               f"{len(after.extra)} extra (writers may be running; run it again).")
    if not after.clean:
        raise SystemExit(1)


@search.command("status")
@with_appcontext
def status():
    """Print the index's state as JSON."""
    click.echo(json.dumps(service.status()))
