"""The home page (and its corridor picker), the language switch, ``/favicon.ico`` and
``/healthz``."""

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
from flask_login import current_user
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from headstart.core.auth import safe_next
from headstart.core.i18n import (
    _,
    country_name,
    current_locale_code,
    is_supported,
    set_language_cookie,
)
from headstart.directory import services as directory
from headstart.extensions import db
from headstart.main import home as front
from headstart.search import service as search_service

logger = logging.getLogger(__name__)

bp = Blueprint("main", __name__)


@bp.route("/")
def home():
    """The front door: search practices, pick a corridor, the newest practices, upcoming
    events and the latest handbook edition; a signed-in member also sees what waits for
    them and their organisations' corridors."""
    return _render_home()


def _render_home(*, corridor_error: str | None = None, chosen: tuple[str, str] = ("", "")):
    origins, destinations = (_named(codes) for codes in front.network_countries())
    member = {}
    if current_user.is_authenticated:
        # Never on a kept page: the page cache neither serves nor keeps signed-in requests.
        member = {"waiting": front.waiting_for(current_user),
                  "my_corridors": front.my_corridors(current_user)}
    return render_template(
        "main/home.html", counts=front.figures(), origins=origins, destinations=destinations,
        practices=front.newest_practices(current_locale_code()),
        events=front.upcoming_events(), edition=front.latest_edition(),
        corridor_error=corridor_error, chosen=chosen, **member)


def _named(codes: list[str]) -> list[tuple[str, str]]:
    """Country codes as ``(code, name in the reader's language)``, sorted by name."""
    return sorted(((code, country_name(code)) for code in codes),
                  key=lambda pair: pair[1].casefold())


@bp.route("/corridor")
def corridor():
    """The home page's corridor picker: to the counterpart finder for the corridor, or to
    its practices; two countries that are not a corridor show the home page again with
    a message (422)."""
    origin = (request.args.get("origin") or "").strip()[:8]
    destination = (request.args.get("destination") or "").strip()[:8]
    pair = directory.parse_corridor(f"{origin}-{destination}")
    if pair is None:
        message = _("Choose two different countries: where people leave from and where they "
                    "go.")
        return _render_home(corridor_error=message,
                            chosen=(origin.upper(), destination.upper())), 422
    if request.args.get("show") == "practices":
        return redirect(url_for("practices.index", corridor="-".join(pair)))
    return redirect(url_for("directory.counterparts", origin=pair[0], destination=pair[1]))


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
