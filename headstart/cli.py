"""Command groups of ``flask --app headstart …``."""


def init_app(app) -> None:
    """Register every area's command group."""
    from headstart.accounts.cli import users
    from headstart.archive.cli import (
        backup_command,
        export_command,
        import_command,
        restore_command,
        uploads,
    )
    from headstart.core.jobs_cli import jobs_group
    from headstart.demo.cli import demo
    from headstart.forum.cli import forum
    from headstart.handbook.cli import handbook
    from headstart.newsletter.cli import newsletter
    from headstart.notifications.cli import notifications
    from headstart.search.cli import search

    app.cli.add_command(users)
    app.cli.add_command(demo)
    app.cli.add_command(search)
    for command in (backup_command, restore_command, export_command, import_command):
        app.cli.add_command(command)
    app.cli.add_command(forum)
    app.cli.add_command(handbook)
    app.cli.add_command(newsletter)
    app.cli.add_command(notifications)
    app.cli.add_command(uploads)
    app.cli.add_command(jobs_group)
