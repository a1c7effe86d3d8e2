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


@search.command("misses")
@click.option("--days", type=click.IntRange(1, 3650), default=30, show_default=True,
              help="How many days back.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@click.option("--purge", is_flag=True, help="First delete misses older than the kept days.")
@with_appcontext
def misses_command(days, limit, purge):
    """List the most frequent searches that found nothing (no one's identity is kept)."""
    from headstart.search import misses

    if purge:
        click.echo(f"Deleted {misses.purge()} misses older than {misses.keep_days()} days.")
    found = misses.grouped(days=days, per_page=limit)
    for miss in found.items:
        areas = ",".join(area or "all" for area in miss.areas)
        click.echo(f"{miss.times:>6}  {miss.last_day}  {miss.query}  "
                   f"[{areas}; {','.join(miss.languages)}]")
    click.echo(f"{found.total} distinct searches found nothing in the last "
               f"{min(days, misses.keep_days())} days.")
