"""The home page, the language switch, ``/favicon.ico`` and ``/healthz``."""

from __future__ import annotations

import logging

from flask import (
    Blueprint,
    abort,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from headstart.core.auth import safe_next
from headstart.core.i18n import is_supported, set_language_cookie
from headstart.directory import services as directory
from headstart.extensions import db
from headstart.search import service as search_service

logger = logging.getLogger(__name__)

bp = Blueprint("main", __name__)


@bp.route("/")
def home():
    """What HEADSTART is, for whom, and where to start."""
    organisations = directory.list_organisations()
    counts = {
        "origin": sum(1 for o in organisations if o.side in {"origin", "both"}),
        "destination": sum(1 for o in organisations if o.side in {"destination", "both"}),
        "countries": len({o.country for o in organisations}),
    }
    return render_template("main/home.html", counts=counts, recent=organisations[:6])


@bp.route("/favicon.ico")
def favicon():
    """Browsers and feed readers ask for /favicon.ico whatever a page links: the SVG icon."""
    return redirect(url_for("static", filename="favicon.svg"), 301)


@bp.route("/language/<code>")
def set_language(code: str):
    """Switch the interface language and go back to the page (``?next=``)."""
    if not is_supported(code):
        abort(404)
    target = safe_next(request.args.get("next"), url_for("main.home"))
    return set_language_cookie(redirect(target), code)


@bp.route("/healthz")
def healthz():
    """200 with the status of the database and the search index; 503 without a database."""
    try:
        db.session.execute(text("SELECT 1"))
        database = {"status": "ok"}
    except SQLAlchemyError as error:
        db.session.rollback()
        logger.error("health check: database unreachable: %s", error.__class__.__name__)
        database = {"status": "unavailable"}
    search = search_service.status()
    healthy = database["status"] == "ok"
    body = {"status": "ok" if healthy else "unavailable", "database": database, "search": search}
    response = jsonify(body)
    response.status_code = 200 if healthy else 503
    response.headers["Cache-Control"] = "no-store"
    return response
