"""HEADSTART: a portal for pre-departure integration of migrants."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent


def create_app(config: dict | None = None) -> Flask:
    """Build the application: config → extensions → blueprints → CLI → error handlers."""
    app = Flask(
        __name__,
        template_folder="../templates",
        static_folder="../static",
        instance_relative_config=True,
        # Tests and several installations on one host give their own instance folder.
        instance_path=(config or {}).get("INSTANCE_PATH")
        or os.environ.get("HEADSTART_INSTANCE_DIR"),
    )
    from headstart import config as settings

    settings.load(app, config)
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(ROOT / "translations"))
    from headstart.core.i18n import find_available_locales

    app.config.setdefault("INTERFACE_LOCALES",
                          find_available_locales(app.config["BABEL_TRANSLATION_DIRECTORIES"]))
    if not logging.root.handlers:
        logging.basicConfig(level=logging.WARNING,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("headstart").setLevel(logging.INFO)

    from headstart import web

    web.init_extensions(app)
    web.register_blueprints(app)

    from headstart import cli

    cli.init_app(app)

    from headstart.core import errors

    errors.init_app(app)
    return app
