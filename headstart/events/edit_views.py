"""Proposing and changing events (members), approving and declining them (coordinators).
Routes of the ``events`` blueprint."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, select

from headstart.core import creation_limits
from headstart.core.auth import role_required
from headstart.core.errors import DomainError
from headstart.core.forms import ActionForm
from headstart.core.i18n import _
from headstart.core.uploads import ACCEPTED_EXTENSIONS, UploadRejected, human_size
from headstart.directory.models import Membership, Organisation
from headstart.directory.taxonomy import language_choices
from headstart.events import materials, services, times
from headstart.events.forms import EventForm
from headstart.events.views import bp, event_url
from headstart.extensions import db
from headstart.practices import terms
from headstart.practices.models import Practice


def _choices(form: EventForm) -> None:
    """Organisers: the member's own organisations (coordinators: all)."""
    query = select(Organisation.id, Organisation.name).order_by(func.lower(Organisation.name))
    if current_user.role == "practitioner":
        query = query.join(Membership, Membership.organisation_id == Organisation.id).where(
            Membership.user_id == current_user.id, Membership.status == "active")
    form.organisation_id.choices = [(0, _("No organisation"))] + [
        (row.id, row.name) for row in db.session.execute(query)]
    form.languages.choices = language_choices()
    form.themes.choices = [(t.code, t.label) for t in terms.terms("theme")]
    form.practice_ids.choices = [(row.id, row.title) for row in db.session.execute(
        select(Practice.id, Practice.title).where(Practice.status == "published")
        .order_by(func.lower(Practice.title)))]


def _fill_from(form: EventForm, event) -> None:
    form.title.data, form.description.data = event.title, event.description
    form.materials.data = event.materials
    form.starts.data = times.in_zone(event.starts_at, event.timezone).replace(tzinfo=None)
    form.ends.data = times.in_zone(event.ends_at, event.timezone).replace(tzinfo=None)
    form.timezone.data, form.place.data = event.timezone, event.place
    form.online_url.data = event.online_url
    form.languages.data = event.codes("language")
    form.themes.data = event.codes("theme")
    form.corridors.data = ", ".join(event.codes("corridor"))
    form.organisation_id.data = event.organisation_id or 0
    form.practice_ids.data = [p.practice_id for p in event.practices]


def _form_page(form: EventForm, event, status: int = 200, problems: dict | None = None):
    for field, message in (problems or {}).items():
        if field in form._fields and not form[field].errors:
            form[field].errors = [*form[field].errors, message]
    return render_template(
        "events/form.html", form=form, event=event, zone_names=times.zone_names(),
        accepted=",".join(ACCEPTED_EXTENSIONS),
        max_size=human_size(current_app.config["ATTACHMENT_MAX_BYTES"]),
        human_size=human_size), status


def _save(form: EventForm, event):
    """Save the event and its files; a wrong value or refused file saves nothing and shows
    the form again with everything typed kept (422, or 413 for a file too large)."""
    if event is None and not creation_limits.may_create(current_user, "event"):
        form.form_errors.append(creation_limits.refusal())
        return _form_page(form, event, 429)
    try:
        stored = materials.receive(request.files.getlist(form.attachments.name),
                                   actor=current_user)
    except UploadRejected as error:
        form.form_errors.append(_("Nothing was saved: a file could not be accepted. "
                                  "Everything you typed is kept below."))
        return _form_page(form, event, error.status, {"attachments": error.message})
    removed: list[str] = []
    created = event is None
    try:
        if event is None:
            event = services.propose_event(form.values(), actor=current_user)
        else:
            services.update_event(event, form.values(), actor=current_user)
            removed = materials.detach(event, form.remove_attachments.data)
        materials.attach(event, stored, actor=current_user)
    except services.InvalidEvent as error:
        db.session.rollback()
        materials.discard(stored)
        form.form_errors.append(error.message)
        problems = dict(error.problems)
        if stored:
            problems["attachments"] = _("Please choose your files again: files cannot be "
                                        "kept while the form has errors.")
        return _form_page(form, event, 422, problems)
    except DomainError as error:
        db.session.rollback()
        materials.discard(stored)
        if error.status_code == 403:
            raise
        form.form_errors.append(error.message)
        return _form_page(form, event, error.status_code,
                          {error.field or "attachments": error.message})
    except BaseException:
        db.session.rollback()
        materials.discard(stored)
        raise
    db.session.commit()
    materials.remove_files(removed)
    if created:
        creation_limits.count(current_user, "event")
    return event


@bp.route("/new", methods=["GET", "POST"])
@role_required("practitioner")
def create():
    """Propose an event; coordinators approve it before it is public."""
    form = EventForm()
    _choices(form)
    if request.method == "GET":
        form.timezone.data = request.cookies.get("headstart_tz") if times.zone(
            request.cookies.get("headstart_tz")) else "Europe/Prague"
    if not form.validate_on_submit():
        return _form_page(form, None, 422 if request.method == "POST" else 200)
    result = _save(form, None)
    if isinstance(result, tuple):
        return result
    if result.status == "approved":
        flash(_("The event is published."), "success")
    else:
        flash(_("Thank you. Coordinators will look at your event before it is published."),
              "success")
    return redirect(event_url(result))


@bp.route("/<int:event_id>/edit", methods=["GET", "POST"])
@role_required("practitioner")
def edit(event_id: int):
    """Change an event (its proposer while it waits; coordinators always)."""
    event = services.get_event(event_id, viewer=current_user)
    if not services.can_edit(event, current_user):
        abort(403)
    form = EventForm()
    _choices(form)
    if request.method == "GET":
        _fill_from(form, event)
    if not form.validate_on_submit():
        return _form_page(form, event, 422 if request.method == "POST" else 200)
    result = _save(form, event)
    if isinstance(result, tuple):
        return result
    flash(_("The event was saved."), "success")
    return redirect(event_url(result))


@bp.route("/<int:event_id>/<any(approve, decline):decision>", methods=["POST"])
@role_required("coordinator")
def decide(event_id: int, decision: str):
    """Approve (publish) or decline a proposed event."""
    if not ActionForm().validate_on_submit():
        abort(400)
    event = services.get_event(event_id, viewer=current_user)
    services.decide(event, decision, actor=current_user)
    db.session.commit()
    flash(_("The event is published.") if decision == "approve"
          else _("The event was declined; it is not shown publicly."), "success")
    return redirect(url_for("events.index") if decision == "decline" else event_url(event))
