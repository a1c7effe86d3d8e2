"""Pages of links between organisations: propose one, see it with its history, and
accept, decline, withdraw or end it. Routes of the ``directory`` blueprint."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from headstart.core import bounds
from headstart.core.errors import DomainError, NotFound
from headstart.core.forms import apply_error
from headstart.core.i18n import _
from headstart.directory import links, notices, services
from headstart.directory.forms import LinkAnswerForm, LinkForm
from headstart.directory.taxonomy import LINK_ACTIONS, LINK_STATES, SERVICES
from headstart.directory.views import bp
from headstart.extensions import db, limiter


def _link_limit() -> str:
    return current_app.config["LINK_ACTION_LIMIT"]


def _member_key() -> str:
    """Link steps are counted per member (each one e-mails another organisation)."""
    return f"member:{current_user.get_id() or request.remote_addr}"


@bp.route("/<int:organisation_id>/link", methods=["GET", "POST"])
@login_required
@limiter.shared_limit(_link_limit, "link-steps", methods=["POST"], key_func=_member_key)
def propose(organisation_id: int):
    """Propose a link from one of the member's organisations to this one."""
    partner = services.get_live_organisation(organisation_id)
    mine = links.member_organisations(current_user, exclude=partner.id)
    if not mine:
        return render_template("directory/propose.html", form=None, partner=partner), 403
    form, status = LinkForm(), None
    form.organisation.choices = [(o.id, o.name) for o in mine]
    if request.method == "GET":
        form.organisation.data = bounds.id_arg("from") or mine[0].id
        form.corridor.data = request.args.get("corridor", "")[:20]
        form.services.data = [s for s in request.args.getlist("service") if s in SERVICES]
    if form.validate_on_submit():
        proposer = next((o for o in mine if o.id == form.organisation.data), None)
        corridor = services.parse_corridor(form.corridor.data)
        try:
            if proposer is None:
                raise DomainError(_("Choose one of your organisations."), field="organisation")
            if corridor is None:
                raise DomainError(_("“%(value)s” is not a corridor. Write the two country "
                                    "codes, origin first, e.g. MD-IT.",
                                    value=form.corridor.data), field="corridor")
            link = links.propose_link(proposer, partner, origin=corridor[0],
                                         destination=corridor[1],
                                         services=form.services.data or [],
                                         note=form.note.data or "", actor=current_user)
        except DomainError as error:
            db.session.rollback()
            apply_error(form, error)
            status = error.status_code  # 409 for a link that already exists, 422 otherwise
        else:
            answerable = notices.has_people(partner)
            db.session.commit()
            if answerable:
                flash(_("Your proposal was sent to the members of %(name)s.",
                        name=partner.name), "success")
            else:
                flash(_("%(name)s has no members on HEADSTART yet, so nobody there can answer "
                        "your proposal now. The coordinators were asked to find the people "
                        "of %(name)s; your proposal waits for them.", name=partner.name),
                      "success")
            return redirect(url_for("directory.link_detail", link_id=link.id))
    if request.method != "POST":
        status = 200
    elif status is None:
        status = 422
    return render_template("directory/propose.html", form=form, partner=partner), status


@bp.route("/links/<int:link_id>")
@login_required
def link_detail(link_id: int):
    """A link, its history and what the reader may do with it."""
    link = links.get_link(link_id)
    if not links.can_see_link(current_user, link):
        raise NotFound(_("No such link."))
    return render_template(
        "directory/link.html", link=link, form=LinkAnswerForm(), states=LINK_STATES,
        actions=LINK_ACTIONS,
        can_answer=link.status == "proposed" and services.is_member(current_user,
                                                                     link.partner),
        can_withdraw=link.status == "proposed" and services.is_member(current_user,
                                                                       link.proposer),
        can_end=link.status == "accepted" and (
            services.is_member(current_user, link.proposer)
            or services.is_member(current_user, link.partner)))


@bp.route("/links/<int:link_id>/<any(accept, decline, withdraw, end):action>",
          methods=["POST"])
@login_required
@limiter.shared_limit(_link_limit, "link-steps", key_func=_member_key)
def link_action(link_id: int, action: str):
    """Accept, decline, withdraw or end a link."""
    link = links.get_link(link_id)
    if not links.can_see_link(current_user, link):
        raise NotFound(_("No such link."))
    form = LinkAnswerForm()
    if not form.validate_on_submit():
        abort(400)
    note = form.note.data or ""
    if action in {"accept", "decline"}:
        links.decide_link(link, action == "accept", actor=current_user, note=note)
    elif action == "withdraw":
        links.withdraw_link(link, actor=current_user, note=note)
    else:
        links.end_link(link, actor=current_user, note=note)
    db.session.commit()
    messages = {"accept": _("The link is accepted and shown on both profiles."),
                "decline": _("The proposal was declined."),
                "withdraw": _("The proposal was withdrawn."),
                "end": _("The link was ended. Its history is kept.")}
    flash(messages[action], "success")
    return redirect(url_for("directory.link_detail", link_id=link.id))
