"""Command groups of ``flask --app headstart …``."""


def init_app(app) -> None:
    """Register every area's command group."""
    from headstart.accounts.cli import users
    from headstart.demo.cli import demo
    from headstart.newsletter.cli import newsletter
    from headstart.search.cli import search

    app.cli.add_command(users)
    app.cli.add_command(demo)
    app.cli.add_command(search)
    app.cli.add_command(newsletter)
