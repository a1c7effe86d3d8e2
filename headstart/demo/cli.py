"""``flask demo …``: demo content."""

import click
from flask.cli import with_appcontext

from headstart.accounts.services import count_users
from headstart.demo.load import load_demo
from headstart.extensions import db


@click.group()
def demo():
    """Demo content."""


@demo.command("load")
@click.option("--if-empty", is_flag=True, help="Do nothing when the portal already has users.")
@with_appcontext
def load(if_empty):
    """Load the demo network (idempotent: only what is missing is added)."""
    if if_empty and count_users():
        click.echo("The portal already has content; demo content not loaded.")
        return
    added = load_demo()
    db.session.commit()
    click.echo("Demo content: " + ", ".join(f"{n} {what} added" for what, n in added.items()))


@demo.command("synth")
@click.option("--practices", "count", type=click.IntRange(1, 1_000_000), default=1000,
              show_default=True, help="How many practices to add.")
@click.option("--seed", type=int, default=1, show_default=True,
              help="The same seed gives the same practices.")
@with_appcontext
def synth(count, seed):
    """Add deterministic synthetic published practices (for benchmarks)."""
    from headstart.demo.synth import synthesise

    with click.progressbar(length=1, label=f"Generating {count} practices") as bar:
        synthesise(count, seed)
        db.session.commit()
        bar.update(1)
    click.echo(f"Added {count} synthetic practices (seed {seed}).")
