"""Directory pages: the list of organisations, profiles, and membership requests."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy.exc import IntegrityError

from headstart.core.auth import role_required
from headstart.core.errors import DomainError
from headstart.core.forms import ActionForm, apply_error
from headstart.core.i18n import _, country_choices
from headstart.directory import services
from headstart.directory.forms import OrganisationForm
from headstart.directory.taxonomy import KINDS, SIDES
from headstart.extensions import db

bp = Blueprint("directory", __name__, url_prefix="/directory")


def organisation_url(organisation, **kwargs) -> str:
    """The address of an organisation's profile, with a slug of its name."""
    from headstart.practices.views import slugify

    slug = slugify(organisation.name)
    if slug:
        return url_for("directory.detail", organisation_id=organisation.id, slug=slug,
                       **kwargs)
    return url_for("directory.detail", organisation_id=organisation.id, **kwargs)


@bp.route("/")
def index():
    """All organisations, filterable by country, side and kind."""
    country = request.args.get("country", "").upper() or None
    side = request.args.get("side") if request.args.get("side") in SIDES else None
    kind = request.args.get("kind") if request.args.get("kind") in KINDS else None
    organisations = services.list_organisations(country=country, side=side, kind=kind)
    return render_template("directory/index.html", organisations=organisations,
                           countries=country_choices(), kinds=KINDS, sides=SIDES,
                           selected={"country": country, "side": side, "kind": kind})


@bp.route("/<int:organisation_id>")
@bp.route("/<int:organisation_id>-<slug>")
def detail(organisation_id: int, slug: str | None = None):
    """An organisation's profile; contact details and members for signed-in members only."""
    organisation = services.get_organisation(organisation_id)
    membership = services.membership_of(current_user, organisation)
    can_manage = current_user.is_authenticated and services.can_manage_members(
        current_user, organisation)
    return render_template(
        "directory/detail.html",
        organisation=organisation,
        membership=membership,
        members=services.active_members(organisation),
        pending=services.pending_requests(organisation) if can_manage else [],
        can_manage=can_manage,
        kinds=KINDS,
        sides=SIDES,
    )


@bp.route("/new", methods=["GET", "POST"])
@role_required("practitioner")
def create():
    """Add an organisation; the creator becomes its first member."""
    form = OrganisationForm()
    if form.validate_on_submit():
        values = {name: (form[name].data or "").strip() for name in services.EDITABLE_FIELDS}
        try:
            organisation = services.create_organisation(values, actor=current_user)
        except DomainError as error:
            db.session.rollback()
            apply_error(form, error)
        else:
            db.session.commit()
            flash(_("The organisation was added. You are its first member."), "success")
            return redirect(url_for("directory.detail", organisation_id=organisation.id))
    status = 422 if request.method == "POST" else 200
    return render_template("directory/create.html", form=form), status


@bp.route("/<int:organisation_id>/join", methods=["POST"])
@login_required
def join(organisation_id: int):
    """Ask to join an organisation."""
    organisation = services.get_organisation(organisation_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        services.request_membership(organisation, actor=current_user)
        db.session.commit()
    except DomainError as error:
        db.session.rollback()
        flash(error.message, "error")
    except IntegrityError:  # a double submit raced the first one
        db.session.rollback()
        flash(_("Your request to join is already waiting for a decision."), "info")
    else:
        flash(_("Your request was sent to the organisation's members."), "success")
    return redirect(url_for("directory.detail", organisation_id=organisation.id))


@bp.route("/<int:organisation_id>/leave", methods=["POST"])
@login_required
def leave(organisation_id: int):
    """Leave an organisation."""
    organisation = services.get_organisation(organisation_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    services.leave(organisation, actor=current_user)
    db.session.commit()
    flash(_("You left %(name)s.", name=organisation.name), "info")
    return redirect(url_for("directory.detail", organisation_id=organisation.id))


@bp.route("/memberships/<int:membership_id>/<any(approve, decline):decision>",
          methods=["POST"])
@login_required
def decide(membership_id: int, decision: str):
    """Approve or decline a join request (members of the organisation or coordinators)."""
    membership = services.get_membership(membership_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    services.decide_membership(membership, decision == "approve", actor=current_user)
    db.session.commit()
    if decision == "approve":
        flash(_("%(name)s is now a member.", name=membership.user.display_name), "success")
    else:
        flash(_("The request was declined."), "info")
    return redirect(url_for("directory.detail", organisation_id=membership.organisation_id))
