"""Domain errors raised by services, and the HTML / JSON error handlers.

Services raise :class:`DomainError` subclasses; views turn them into flashes or form errors.
Anything that escapes becomes a localised error page, or JSON under ``/api/``.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from flask import g, jsonify, render_template, request
from flask_limiter import RateLimitExceeded
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError
from werkzeug.exceptions import HTTPException, InternalServerError, SecurityError

from headstart.core.i18n import _, _l
from headstart.extensions import login_manager

logger = logging.getLogger(__name__)
#: Refused requests (403, failed CSRF checks): who, what and where, for the operators'
#: security monitoring. Never the request's body.
security_log = logging.getLogger("headstart.security")


class DomainError(Exception):
    """A rule of the domain was broken; the message is shown to the user."""

    status_code = 422

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class BadInput(DomainError):
    """The request itself is malformed (e.g. control characters in text)."""

    status_code = 400


class PermissionDenied(DomainError):
    """The acting user may not do this."""

    status_code = 403


class NotFound(DomainError):
    """The thing asked for does not exist (or is not visible to the actor)."""

    status_code = 404


class Conflict(DomainError):
    """The request conflicts with the current state (e.g. already a member)."""

    status_code = 409


#: Titles and explanations of the error pages, by status code.
ERROR_TEXTS = {
    400: (_l("Bad request"),
          _l("The request could not be understood. Please go back and try again.")),
    403: (_l("Not allowed"), _l("You do not have permission to open this page.")),
    404: (_l("Page not found"),
          _l("We could not find that page. It may have been moved or removed.")),
    405: (_l("Method not allowed"), _l("This address does not accept that kind of request.")),
    409: (_l("Conflict"),
          _l("This change conflicts with the current state. Please reload and try again.")),
    413: (_l("File too large"),
          _l("What you sent is larger than the portal accepts, so nothing was saved. Go "
             "back to the form (your browser usually keeps what you typed) and attach "
             "smaller files, or fewer at a time.")),
    422: (_l("Cannot process"), _l("The request was understood but could not be processed.")),
    429: (_l("Too many attempts"),
          _l("Too many attempts in a short time. Please wait a few minutes and try again.")),
    500: (_l("Something went wrong"),
          _l("An unexpected error happened on our side. It has been logged; "
             "please try again later.")),
    503: (_l("Temporarily unavailable"),
          _l("The portal is temporarily unavailable. Please try again shortly.")),
}


def wants_json() -> bool:
    """True for API requests, whose errors are JSON."""
    return request.path.startswith("/api/")


def _reset_session() -> None:
    """Roll back a failed transaction so the error page itself can still read the database."""
    from headstart.extensions import db

    try:
        db.session.rollback()
    except Exception:  # noqa: BLE001 - the page must render even if the database is gone
        logger.warning("rollback failed while rendering an error page", exc_info=True)


def render_error(code: int, message: str | None = None):
    """Render the error page (or JSON body) for status ``code``."""
    if code >= 500 or code == 409:
        _reset_session()
    fallback = ERROR_TEXTS[400] if code < 500 else ERROR_TEXTS[500]
    title, explanation = ERROR_TEXTS.get(code, fallback)
    if wants_json():
        body = {"error": {"code": code, "message": str(message or explanation)}}
        return jsonify(body), code
    return (
        render_template("errors/error.html", code=code, title=title, explanation=explanation,
                        message=message),
        code,
    )


#: SQLSTATEs (PostgreSQL) and SQLite messages of a database that is busy, gone or full:
#: the request answers 503 with Retry-After, nothing half-saved (the transaction is
#: rolled back), instead of a 500 or a hang.
_BUSY_SQLSTATES = {"55P03", "57014", "40001", "40P01"}  # lock, timeout, serialisation
_FULL_SQLSTATES = {"53100", "53200"}  # disk full, out of memory
_UNAVAILABLE_SQLSTATE_CLASSES = ("08", "57P")  # connection lost, server shutting down
_BUSY_SQLITE = ("database is locked", "database table is locked")
_FULL_SQLITE = ("database or disk is full", "disk i/o error")


def database_trouble(error: DBAPIError) -> str | None:
    """``"busy"``, ``"full"`` or ``"unavailable"`` when ``error`` says the database is
    locked, out of space or unreachable; None for anything else (a bug: 500)."""
    original = getattr(error, "orig", None)
    sqlstate = getattr(original, "sqlstate", None) or ""
    text = str(original).lower()
    if sqlstate in _BUSY_SQLSTATES or any(m in text for m in _BUSY_SQLITE):
        return "busy"
    if sqlstate in _FULL_SQLSTATES or any(m in text for m in _FULL_SQLITE):
        return "full"
    if error.connection_invalidated or sqlstate.startswith(_UNAVAILABLE_SQLSTATE_CLASSES):
        return "unavailable"
    return None


DATABASE_MESSAGES = {
    "busy": _l("The portal is very busy and could not finish this in time. Nothing was "
               "changed; please try again in a moment."),
    "full": _l("The server has run out of storage space, so nothing was saved. The "
               "operators have been alerted; please try again later."),
    "unavailable": _l("The portal's database cannot be reached just now. Nothing was "
                      "changed; please try again in a moment."),
}


#: Form fields never written back into a page: secrets, and the stale token itself.
_NEVER_KEPT = ("password", "csrf_token", "token", "secret")
#: How a kept value is written back: a text box for long or multi-line text, a line for
#: words, and a hidden field for single tokens (choices, ticks, identifiers, dates).
_BOX_FROM = 120


def kept_fields(form) -> list[tuple[str, str, str]]:
    """What the user sent, as ``(name, value, kind)`` with kind ``"textarea"``, ``"text"``
    or ``"hidden"``, for the form-expired page."""
    kept = []
    for name, value in form.items(multi=True):
        if not value or any(word in name.lower() for word in _NEVER_KEPT):
            continue
        if "\n" in value or len(value) >= _BOX_FROM:
            kind = "textarea"
        elif any(ch.isspace() for ch in value.strip()):
            kind = "text"
        else:
            kind = "hidden"
        kept.append((name, value, kind))
    return kept


def came_from_this_site() -> bool:
    """True when the browser says the form was sent from one of this portal's pages.

    Browsers send ``Origin`` with every form POST (``Referer`` is the fallback); another
    site cannot forge either, so only then is the text offered to send again.
    """
    source = request.headers.get("Origin") or request.headers.get("Referer") or ""
    return bool(source) and urlsplit(source).netloc == request.host


def log_refusal(reason: str) -> None:
    """Record a refused request on the security log."""
    from flask_login import current_user

    user = getattr(current_user, "id", None) if current_user.is_authenticated else None
    role = getattr(current_user, "role", "visitor") if user is not None else "visitor"
    security_log.warning(
        "refused %s %s from %s to user %s (role %s): %s",
        request.method, request.path, request.remote_addr, user, role, reason,
    )
    g._refusal_logged = True


def init_app(app) -> None:
    """Register the error handlers."""

    @app.after_request
    def log_other_refusals(response):
        # Views that answer 403 with a page of their own (e.g. "join an organisation
        # first") are logged here.
        if response.status_code == 403 and not g.get("_refusal_logged"):
            log_refusal("refused by the page")
        return response

    @app.errorhandler(DBAPIError)
    def database_error(error):
        trouble = database_trouble(error)
        if trouble is None:
            return unexpected_error(error)
        log = logger.error if trouble == "full" else logger.warning
        log("database %s on %s %s: %s", trouble, request.method, request.path,
            getattr(error, "orig", error))
        # The error page must not wait for the database again: render it as for a visitor
        # (Flask-Login keeps the request's user in g; the locale then comes from the
        # request alone).
        _reset_session()
        g._login_user = login_manager.anonymous_user()
        body, code = render_error(503, str(DATABASE_MESSAGES[trouble]))
        return body, code, {"Retry-After": "5"}

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        log_refusal(f"CSRF check failed: {error.description}")
        message = str(_l("The form had expired or was not sent from this site. "
                         "Please reload the page and send it again."))
        if wants_json() or not request.form:
            return render_error(400, message)
        fields = kept_fields(request.form)
        return render_template("errors/csrf.html", code=400, title=ERROR_TEXTS[400][0],
                               message=message, fields=fields,
                               visible=any(kind != "hidden" for _n, _v, kind in fields),
                               resend=came_from_this_site(), files_lost=bool(request.files),
                               action=request.path), 400

    @app.errorhandler(RateLimitExceeded)
    def rate_limited(_error):
        # Flask-Limiter's own headers are off (RATELIMIT_HEADERS_ENABLED); the client still
        # learns when to come back (core.security.add_retry_after, on every 429).
        return render_error(429)

    @app.errorhandler(DomainError)
    def domain_error(error):
        _reset_session()
        if error.status_code == 403:
            log_refusal(f"permission denied: {error.message}")
        return render_error(error.status_code, error.message)

    @app.errorhandler(HTTPException)
    def http_error(error):
        if error.code is None or error.code < 400:
            return error
        if isinstance(error, SecurityError):
            # A Host outside TRUSTED_HOSTS: no address can be built for this request, so
            # the page (whose links need one) cannot be rendered. Say so in plain text.
            logger.warning("refused %s %s: %s", request.method, request.path,
                           error.description)
            return (_("This portal does not answer to that host name.") + "\n", 400,
                    {"Content-Type": "text/plain; charset=utf-8"})
        if error.code == 403:
            own = error.description != type(error).description
            log_refusal(error.description if own else "forbidden")
        response = render_error(error.code)
        if error.code == 405 and hasattr(error, "valid_methods") and error.valid_methods:
            body, code = response
            return body, code, {"Allow": ", ".join(error.valid_methods)}
        return response

    @app.errorhandler(Exception)
    def unexpected_error(error):
        if isinstance(error, HTTPException):
            return http_error(error)
        logger.exception("unhandled error on %s %s", request.method, request.path)
        return render_error(500)

    app.register_error_handler(InternalServerError, lambda error: render_error(500))
