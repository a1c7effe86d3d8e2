"""``/dashboard/``: the coordinators' (and admins') overview of what waits for them and
of how the network is doing, each figure also as a CSV file."""

from __future__ import annotations

import csv
import io

from flask import Blueprint, Response, render_template, request, url_for

from headstart.core.auth import role_required
from headstart.core.errors import BadInput
from headstart.core.i18n import _, _n
from headstart.core.models import utcnow
from headstart.dashboard import presenting, services
from headstart.dashboard.periods import MAX_MONTHS, MonthRange, RangeError, read_range
from headstart.practices.feeds import spreadsheet_safe

bp = Blueprint("dashboard", __name__, url_prefix="/dashboard")


def _range_message(error: RangeError) -> str:
    if error.reason == "unreadable":
        return _("“%(value)s” is not a month. Please write a month as YYYY-MM (for example "
                 "2026-03) or a date as YYYY-MM-DD.", value=error.value[:40])
    if error.reason == "reversed":
        return _("The range starts after it ends. Please choose a first month before the "
                 "last one.")
    return _n("Please choose at most %(num)d month.", "Please choose at most %(num)d months.",
              MAX_MONTHS)


def _period() -> MonthRange:
    """The range ``?from=`` and ``?to=`` ask for (BadInput when they cannot be read)."""
    try:
        return read_range(request.args.get("from"), request.args.get("to"), utcnow().date())
    except RangeError as error:
        raise BadInput(_range_message(error)) from error


def _waiting() -> list[dict]:
    """The waiting work with its count, a sentence saying it, and where it is handled."""
    counts = services.waiting_counts()
    places = {
        "practices": (_("Practices to review"), url_for("practices.review"),
                      _n("%(num)d practice is waiting for review.",
                         "%(num)d practices are waiting for review.", counts["practices"])),
        "flags": (_("Flagged forum posts"), url_for("forum.moderation_queue"),
                  _n("%(num)d open flag.", "%(num)d open flags.", counts["flags"])),
        "held_posts": (_("Forum posts held for approval"), url_for("forum.moderation_queue"),
                       _n("%(num)d post is waiting for approval.",
                          "%(num)d posts are waiting for approval.", counts["held_posts"])),
        "join_requests": (_("Join requests"), "#join-requests",
                          _n("%(num)d request to join an organisation.",
                             "%(num)d requests to join an organisation.",
                             counts["join_requests"])),
        "unverified": (_("Organisations to verify"), url_for("dashboard.unverified"),
                       _n("%(num)d organisation is not verified yet.",
                          "%(num)d organisations are not verified yet.",
                          counts["unverified"])),
        "handbook": (_("Handbook sections due for review"), url_for("handbook.edit_index"),
                     _n("%(num)d section is due for review.",
                        "%(num)d sections are due for review.", counts["handbook"])),
        "events": (_("Events waiting for approval"),
                   url_for("events.index") + "#waiting-title",
                   _n("%(num)d event is waiting for approval.",
                      "%(num)d events are waiting for approval.", counts["events"])),
    }
    return [{"kind": kind, "title": places[kind][0], "url": places[kind][1],
             "text": places[kind][2], "count": counts[kind]} for kind in services.KINDS]


@bp.route("/")
@role_required("coordinator")
def index():
    """What waits and how the network is doing, over a range of months (the last twelve
    unless ``?from=`` / ``?to=`` say otherwise). A range that cannot be read re-shows the
    form with the reason (400)."""
    waiting = _waiting()
    try:
        period = _period()
    except BadInput as error:
        return render_template("dashboard/index.html", waiting=waiting, error=error.message,
                               period=None, figures=[], requests=services.join_requests(),
                               asked=request.args, month_name=presenting.month_long), 400
    shown = [presenting.BUILDERS[name](period) for name in presenting.NAMES]
    return render_template("dashboard/index.html", waiting=waiting, error=None,
                           period=period, figures=shown, requests=services.join_requests(),
                           asked=period.args(), month_name=presenting.month_long)


@bp.route("/<any(practices, corridors, misses, organisations, forum):name>.csv")
@role_required("coordinator")
def figure_csv(name: str):
    """One figure's numbers as CSV, over the same range as the page it was linked from.
    Every cell is written so a spreadsheet shows it as text, never runs it as a formula
    (searches are typed by anyone)."""
    period = _period()
    figure = presenting.BUILDERS[name](period)
    out = io.StringIO()
    out.write("\ufeff")  # spreadsheets then read the file as UTF-8
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([spreadsheet_safe(h) for h in presenting.csv_headings(figure)])
    for row in figure.csv_rows:
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    filename = f"headstart-{name}-{period.first.key}-{period.last.key}.csv"
    return Response(out.getvalue().encode("utf-8"), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.route("/organisations-to-verify")
@role_required("coordinator")
def unverified():
    """Organisations no coordinator has verified yet, the longest waiting first; each
    profile has the verify button."""
    return render_template("dashboard/unverified.html",
                           organisations=services.unverified_organisations())
