"""Event pages: the list and the month calendar (filters), an event, its .ics download and
the iCalendar feed. Proposing, editing and approving are in ``edit_views``."""

from __future__ import annotations

from urllib.parse import urlsplit

from babel import Locale
from flask import (
    Blueprint,
    Response,
    current_app,
    g,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_login import current_user

from headstart.core.auth import has_role
from headstart.core.errors import NotFound
from headstart.core.forms import ActionForm
from headstart.core.i18n import _, current_locale_code, language_name
from headstart.core.markdown import plain_text, render
from headstart.core.models import utcnow
from headstart.core.slugs import slugged_url
from headstart.core.uploads import human_size
from headstart.directory.taxonomy import language_choices
from headstart.events import display, ics, listing, materials, services, times
from headstart.events.models import Event
from headstart.practices import terms

bp = Blueprint("events", __name__, url_prefix="/events")

#: Cookie the small script (or a ``?tz=`` choice) keeps the reader's time zone in.
TZ_COOKIE = "headstart_tz"


@bp.app_template_global()
def event_url(event, **kwargs) -> str:
    """The canonical address of an event, with its slug."""
    return slugged_url("events.detail", event.title, event_id=event.id, **kwargs)


def event_external_url(event) -> str:
    """The absolute address of an event (calendars, newsletters)."""
    return slugged_url("events.detail", event.title, external=True, event_id=event.id)


def reader_zone() -> str | None:
    """The reader's time zone: ``?tz=``, then the cookie; None when neither is a zone
    (each event then shows its own zone). A wrong name is ignored, never an error."""
    if "reader_zone" not in g:
        g.reader_zone = times.reader_zone(request.args.get("tz"),
                                          request.cookies.get(TZ_COOKIE))
    return g.reader_zone


@bp.after_app_request
def _remember_zone(response):
    """Keep a zone chosen with ``?tz=`` on an events page."""
    if request.blueprint == "events":
        chosen = request.args.get("tz")
        if chosen and times.zone(chosen) and request.cookies.get(TZ_COOKIE) != chosen:
            response.set_cookie(TZ_COOKIE, chosen, max_age=365 * 24 * 3600, samesite="Lax",
                                secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response


@bp.app_template_global()
def event_times(event):
    """An event's times for the current reader (see ``display.event_times``)."""
    return display.event_times(event, reader_zone())


def _filter_context(filters: dict) -> dict:
    return {
        "filters": filters, "themes": terms.terms("theme"),
        "languages": language_choices(), "zone_names": times.zone_names(),
        "chosen_zone": reader_zone() or "",
    }


@bp.route("/")
def index():
    """Upcoming (or past) approved events as a list, or a month calendar with
    ``?view=month&month=YYYY-MM``."""
    filters = listing.clean_filters(request.args)
    if request.args.get("view") == "month":
        today = utcnow().date()
        chosen = listing.parse_month(request.args.get("month"), today)
        year, month = chosen or (today.year, today.month)
        return _month_page(year, month, filters)
    events = listing.find(filters)
    return render_template(
        "events/index.html", events=events, **_filter_context(filters),
        waiting=services.waiting() if has_role(current_user, "coordinator") else [],
        mine=(services.proposed_by(current_user) if current_user.is_authenticated else []),
        feed_url=url_for("events.feed", **{k: v for k, v in filters.items()}),
        plain_text=plain_text)


def _month_page(year: int, month_number: int, filters: dict):
    locale = Locale.parse(current_locale_code())
    zone_name = reader_zone() or "UTC"
    found = listing.month(year, month_number, filters, zone_name,
                          first_weekday=locale.first_week_day)
    weekdays = [locale.days["format"]["wide"][(locale.first_week_day + i) % 7]
                for i in range(7)]
    short_weekdays = [locale.days["format"]["abbreviated"][(locale.first_week_day + i) % 7]
                      for i in range(7)]
    month_name = locale.months["stand-alone"]["wide"][month_number]
    return render_template(
        "events/month.html", cal=found, weekdays=weekdays, short_weekdays=short_weekdays,
        month_name=month_name, zone_name=zone_name, **_filter_context(filters),
        day_label=display.day_label, time_label=display.time_label)


@bp.route("/<int:event_id>")
@bp.route("/<int:event_id>-<slug>")
def detail(event_id: int, slug: str | None = None):
    """An event: when (in the reader's zone and its own), where, who, what was shown."""
    event = services.get_event(event_id, viewer=current_user)
    practices = [link.practice for link in event.practices
                 if link.practice is not None and link.practice.status == "published"]
    return render_template(
        "events/detail.html", event=event, render=render, practices=practices,
        is_past=services.is_past(event), can_edit=services.can_edit(event, current_user),
        can_decide=has_role(current_user, "coordinator"),
        action_form=ActionForm() if has_role(current_user, "coordinator") else None,
        language_name=language_name, human_size=human_size,
        terms_label=terms.label)


@bp.route("/<int:event_id>/materials/<int:attachment_id>")
@bp.route("/<int:event_id>/materials/<int:attachment_id>/<path:name>")
def material(event_id: int, attachment_id: int, name: str | None = None):
    """Download a file of an event, always as a download, for those who may see it."""
    event = services.get_event(event_id, viewer=current_user)
    item = materials.get(event, attachment_id)
    path = materials.path_of(item)
    if not path.is_file():
        raise NotFound(str(_("The file of this attachment is missing.")))
    response = send_file(path, mimetype=item.content_type, as_attachment=True,
                         download_name=item.filename, etag=item.sha256, max_age=0)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Cache-Control"] = "private, no-cache"
    return response


def _uid_host() -> str:
    base = current_app.config.get("BASE_URL")
    return (urlsplit(base).hostname if base else None) or "headstart.localhost"


def calendar_event(event: Event) -> ics.CalendarEvent:
    """An event as the iCalendar writer takes it."""
    # The Markdown source reads as text in a calendar program.
    description = (event.description or "").strip()[:4000]
    notes = [description] if description else []
    if event.online_url:
        notes.append(_("Online: %(url)s", url=event.online_url))
    notes.append(_("Times set in %(zone)s.", zone=event.timezone))
    location = event.place or event.online_url
    return ics.CalendarEvent(
        uid=f"event-{event.id}@{_uid_host()}", start=event.starts_at, end=event.ends_at,
        summary=event.title, created=event.created_at, last_modified=event.updated_at,
        sequence=event.sequence, description="\n\n".join(notes), location=location,
        url=event_external_url(event), tzid=event.timezone,
        categories=tuple(terms.label("theme", c) for c in event.codes("theme")),
        status="CONFIRMED" if event.status == "approved" else "TENTATIVE")


def _calendar_response(body: bytes, filename: str) -> Response:
    return Response(body, mimetype="text/calendar", headers={
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "public, max-age=900"}, content_type="text/calendar; charset=utf-8")


@bp.route("/<int:event_id>.ics")
def event_ics(event_id: int):
    """One event as an iCalendar file to add to a calendar program."""
    event = services.get_event(event_id, viewer=current_user)
    body = ics.calendar([calendar_event(event)], name=event.title)
    response = _calendar_response(body, f"headstart-event-{event.id}.ics")
    if event.status != "approved":
        response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/calendar.ics")
def feed():
    """Approved events as an iCalendar feed to subscribe to, filtered like the list
    (upcoming and past by default)."""
    filters = listing.clean_filters(request.args)
    filters.setdefault("when", "all")
    body = ics.calendar([calendar_event(e) for e in listing.find(filters, newest_first=True)],
                        name=_("HEADSTART events"))
    return _calendar_response(body, "headstart-events.ics")

