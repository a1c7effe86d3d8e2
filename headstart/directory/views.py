"""Directory pages: organisations and their profiles, membership, links between
organisations, the counterpart finder and the corridor matrix."""

from __future__ import annotations

import json
import math

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_required
from sqlalchemy.exc import IntegrityError

from headstart.core.auth import role_required
from headstart.core.errors import DomainError, NotFound
from headstart.core.forms import ActionForm, apply_error
from headstart.core.i18n import _, country_choices, country_name
from headstart.directory import finder, links, matrix, services
from headstart.directory.forms import LinkAnswerForm, LinkForm, MergeForm, OrganisationForm
from headstart.directory.models import Organisation
from headstart.directory.taxonomy import (
    KINDS,
    LANGUAGES_SERVED,
    LINK_ACTIONS,
    LINK_STATES,
    SERVICES,
    SIDES,
    language_choices,
    language_label,
)
from headstart.extensions import db, limiter
from headstart.search import service as search_service
from headstart.search.base import IndexUnavailable, SearchRequest
from headstart.search.query import parse

bp = Blueprint("directory", __name__, url_prefix="/directory")

PER_PAGE = 30


def organisation_url(organisation, **kwargs) -> str:
    """The address of an organisation's profile, with a slug of its name."""
    from headstart.practices.views import slugify

    slug = slugify(organisation.name)
    if slug:
        return url_for("directory.detail", organisation_id=organisation.id, slug=slug,
                       **kwargs)
    return url_for("directory.detail", organisation_id=organisation.id, **kwargs)


@bp.app_context_processor
def _helpers():
    return {"organisation_url": organisation_url, "service_labels": SERVICES,
            "service_names": lambda codes: " · ".join(str(SERVICES.get(c, c)) for c in codes),
            "language_label": language_label,
            "corridor_name": lambda code: " → ".join(country_name(c) for c in code.split("-"))}


def directory_filters(args) -> dict:
    """The directory's filters from query parameters; values that are not known codes are
    dropped (the page shows everything rather than an error)."""
    countries = {code for code, _name in country_choices("en")}
    country = (args.get("country") or "").upper()
    corridor = services.parse_corridor(args.get("corridor") or "")
    return {
        "q": (args.get("q") or "").strip()[:200],
        "country": country if country in countries else "",
        "side": args.get("side") if args.get("side") in SIDES else "",
        "kind": args.get("kind") if args.get("kind") in KINDS else "",
        "service": args.get("service") if args.get("service") in SERVICES else "",
        "language": args.get("language") if args.get("language") in LANGUAGES_SERVED else "",
        "corridor": "-".join(corridor) if corridor else "",
    }


#: How many organisations a directory search returns at most.
MAX_SEARCH_HITS = 1000


def _search_ids(q: str) -> list[int] | None:
    """Ids of organisations matching the words ``q``, best first, through the search
    service; ``None`` when the index cannot answer (the caller falls back)."""
    parsed = parse(q)
    if parsed.empty:
        return []
    request = SearchRequest(query=parsed, area="organisation", page=1,
                            per_page=MAX_SEARCH_HITS)
    try:
        result = search_service.search(request)
    except IndexUnavailable:
        return None
    return [hit.object_id for hit in result.hits]


def find_organisations(filters: dict) -> tuple[list[Organisation], bool]:
    """Organisations for the filters; the flag is true when the search index could not
    answer and a plain database search was used instead."""
    ids, degraded = None, False
    if filters["q"]:
        ids = _search_ids(filters["q"])
        if ids is None:
            ids, degraded = services.fallback_search_ids(filters["q"]), True
    organisations = services.list_organisations(
        country=filters["country"] or None, side=filters["side"] or None,
        kind=filters["kind"] or None, service=filters["service"] or None,
        language=filters["language"] or None, corridor=filters["corridor"] or None, ids=ids)
    return organisations, degraded


@bp.route("/")
def index():
    """All organisations, searchable and filterable by country, side, kind, service,
    language and corridor."""
    filters = directory_filters(request.args)
    organisations, degraded = find_organisations(filters)
    pages = max(1, math.ceil(len(organisations) / PER_PAGE))
    page = request.args.get("page", 1, type=int) or 1
    if page < 1 or (page > pages and organisations):
        abort(404)
    shown = organisations[(page - 1) * PER_PAGE: page * PER_PAGE]
    return render_template("directory/index.html", organisations=shown,
                           total=len(organisations), page=page, pages=pages, degraded=degraded,
                           countries=country_choices(), kinds=KINDS, sides=SIDES,
                           services_offered=SERVICES, languages=language_choices(),
                           selected=filters, args={k: v for k, v in filters.items() if v})


@bp.route("/<int:organisation_id>")
@bp.route("/<int:organisation_id>-<slug>")
def detail(organisation_id: int, slug: str | None = None):
    """An organisation's profile; contact details and members for signed-in members only."""
    organisation = services.get_organisation(organisation_id)
    if organisation.merged_into_id is not None:
        target = services.get_organisation(organisation.merged_into_id)
        return redirect(organisation_url(target), 301)
    membership = services.membership_of(current_user, organisation)
    is_member = membership is not None and membership.status == "active"
    can_manage = current_user.is_authenticated and services.can_manage_members(
        current_user, organisation)
    waiting = links.links_of(organisation, ("proposed",)) if is_member else []
    return render_template(
        "directory/detail.html",
        organisation=organisation,
        membership=membership,
        is_member=is_member,
        members=services.active_members(organisation),
        pending=services.pending_requests(organisation) if can_manage else [],
        can_manage=can_manage,
        can_edit=services.can_edit(current_user, organisation),
        links=links.links_of(organisation),
        waiting=waiting,
        can_propose=bool(links.member_organisations(current_user,
                                                       exclude=organisation.id)),
        practices=services.published_practices(organisation),
        kinds=KINDS,
        sides=SIDES,
    )


def _form_terms(form: OrganisationForm) -> dict:
    return {"services": form.services.data or [], "languages": form.languages.data or [],
            "corridors": services.parse_corridors(form.corridors.data or "")}


@bp.route("/new", methods=["GET", "POST"])
@role_required("practitioner")
def create():
    """Add an organisation; the creator becomes its first member."""
    form = OrganisationForm()
    if form.validate_on_submit():
        values = {name: (form[name].data or "").strip() for name in services.EDITABLE_FIELDS}
        try:
            organisation = services.create_organisation(values, actor=current_user,
                                                        **_form_terms(form))
        except DomainError as error:
            db.session.rollback()
            apply_error(form, error)
        else:
            db.session.commit()
            flash(_("The organisation was added. You are its first member."), "success")
            return redirect(organisation_url(organisation))
    status = 422 if request.method == "POST" else 200
    return render_template("directory/create.html", form=form, organisation=None), status


@bp.route("/<int:organisation_id>/edit", methods=["GET", "POST"])
@login_required
def edit(organisation_id: int):
    """Edit the profile (members of the organisation and coordinators)."""
    organisation = services.get_live_organisation(organisation_id)
    if not services.can_edit(current_user, organisation):
        abort(403)
    form = OrganisationForm(obj=organisation if request.method == "GET" else None)
    if request.method == "GET":
        form.services.data = organisation.services
        form.languages.data = organisation.languages
        form.corridors.data = ", ".join(organisation.corridors)
    if form.validate_on_submit():
        values = {name: (form[name].data or "").strip() for name in services.EDITABLE_FIELDS}
        try:
            services.update_organisation(organisation, values, actor=current_user,
                                         **_form_terms(form))
        except DomainError as error:
            db.session.rollback()
            apply_error(form, error)
        else:
            db.session.commit()
            flash(_("The profile was saved."), "success")
            return redirect(organisation_url(organisation))
    status = 422 if request.method == "POST" else 200
    return render_template("directory/create.html", form=form,
                           organisation=organisation), status


@bp.route("/<int:organisation_id>/<any(verify, unverify):action>", methods=["POST"])
@role_required("coordinator")
def verify(organisation_id: int, action: str):
    """Coordinators verify an organisation or take the badge away."""
    organisation = services.get_live_organisation(organisation_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    services.set_verified(organisation, action == "verify", actor=current_user)
    db.session.commit()
    if action == "verify":
        flash(_("%(name)s is now shown as verified.", name=organisation.name), "success")
    else:
        flash(_("%(name)s is no longer shown as verified.", name=organisation.name), "info")
    return redirect(organisation_url(organisation))


@bp.route("/<int:organisation_id>/merge", methods=["GET", "POST"])
@role_required("coordinator")
def merge(organisation_id: int):
    """Coordinators merge a duplicate into another organisation."""
    duplicate = services.get_live_organisation(organisation_id)
    form = MergeForm()
    others = [o for o in services.list_organisations() if o.id != duplicate.id]
    form.target.choices = [(o.id, f"{o.name} · {country_name(o.country)}") for o in others]
    if form.validate_on_submit():
        target = db.session.get(Organisation, form.target.data)
        try:
            if target is None or target.merged_into_id is not None:
                raise DomainError(_("Choose the organisation to keep."), field="target")
            moved = services.merge(duplicate, target, actor=current_user)
        except DomainError as error:
            db.session.rollback()
            apply_error(form, error)
        else:
            db.session.commit()
            flash(_("%(duplicate)s was merged into %(name)s: %(members)d members, "
                    "%(practices)d practices and %(links)d links moved.",
                    duplicate=duplicate.name, name=target.name, **moved), "success")
            return redirect(organisation_url(target))
    status = 422 if request.method == "POST" else 200
    return render_template("directory/merge.html", form=form, organisation=duplicate), status


@bp.route("/<int:organisation_id>/join", methods=["POST"])
@login_required
def join(organisation_id: int):
    """Ask to join an organisation."""
    organisation = services.get_live_organisation(organisation_id)
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
    return redirect(organisation_url(organisation))


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
    return redirect(organisation_url(organisation))


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


@bp.route("/export/hsds.json")
@bp.route("/export/<any(organizations, services, locations):table>.csv")
def export(table: str | None = None):
    """The directory (with the list's filters) as open data in the HSDS shape."""
    from datetime import date

    from headstart.directory import hsds

    organisations, _degraded = find_organisations(directory_filters(request.args))
    stamp = date.today().isoformat()
    if table is None:
        return Response(json.dumps(hsds.json_document(organisations), ensure_ascii=False,
                                   indent=1), mimetype="application/json",
                        headers={"Content-Disposition":
                                 f'attachment; filename="headstart-hsds-{stamp}.json"'})
    return Response(hsds.csv_table(table, organisations), mimetype="text/csv",
                    headers={"Content-Disposition":
                             f'attachment; filename="headstart-hsds-{table}-{stamp}.csv"'})


# --- links ------------------------------------------------------------------------------

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
        form.organisation.data = request.args.get("from", type=int) or mine[0].id
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
            db.session.commit()
            flash(_("Your proposal was sent to the members of %(name)s.", name=partner.name),
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


# --- the counterpart finder and the corridor matrix ----------------------------------------

@bp.route("/counterparts")
def counterparts():
    """Suggest counterparts: for one of the signed-in member's organisations, or for a
    corridor and service anyone chooses."""
    mine = links.member_organisations(current_user)
    typed = request.args.get("corridor") or ""
    if not typed and request.args.get("origin") and request.args.get("destination"):
        typed = f"{request.args['origin']}-{request.args['destination']}"
    chosen_corridor = services.parse_corridor(typed)
    service = request.args.get("service") if request.args.get("service") in SERVICES else ""
    looking_for = "origin" if request.args.get("looking_for") == "origin" else "destination"
    organisation, suggestions, asked, error = None, [], False, None
    wanted = request.args.get("organisation", type=int)
    if chosen_corridor is not None:
        asked = True
        suggestions = finder.counterparts_for(*chosen_corridor, service=service or None,
                                              looking_for=looking_for, mine=mine)
    elif typed or request.args.get("origin") or request.args.get("destination"):
        error = _("Choose two different countries: where people leave from and where they "
                  "go.")
    elif mine:
        organisation = next((o for o in mine if o.id == wanted), mine[0])
        asked = True
        suggestions = finder.counterparts_for_organisation(organisation)
    return render_template(
        "directory/counterparts.html", mine=mine, organisation=organisation,
        suggestions=suggestions[:30], total=len(suggestions), asked=asked, error=error,
        corridor=chosen_corridor or ("", ""), service=service, looking_for=looking_for,
        services_offered=SERVICES, countries=country_choices(),
        can_propose=bool(mine)), 422 if error else 200


#: Fill colours of the matrix cells, from no coverage to the most (each readable with
#: the text colour beside it).
SHADES = (("#ffffff", "#1b1f24"), ("#e3f0f1", "#1b1f24"), ("#b5d8db", "#1b1f24"),
          ("#2f7c84", "#ffffff"), ("#0b5c63", "#ffffff"))


def shade_of(total: int) -> int:
    """Shade step of a cell covered by ``total`` linked providers and practices."""
    return 0 if total <= 0 else 1 if total == 1 else 2 if total <= 3 else 3 if total <= 6 else 4


def matrix_picture(counts: matrix.Matrix, rtl: bool) -> dict:
    """Positions of the labels and cells of the matrix drawn as SVG (mirrored for
    right-to-left languages: the origin countries on the right)."""
    cell_w, cell_h, label_w, top, spare = 72, 40, 190, 130, 120
    columns, rows = len(counts.destinations), len(counts.origins)
    width = label_w + columns * cell_w + spare
    height = top + rows * cell_h + 8
    grid_left = spare if rtl else label_w

    def column_x(j: int) -> int:
        return grid_left + ((columns - 1 - j) if rtl else j) * cell_w

    cells, row_labels = [], []
    for i, origin in enumerate(counts.origins):
        y = top + i * cell_h
        row_labels.append({"x": width - label_w + 8 if rtl else label_w - 8,
                           "y": y + cell_h / 2 + 5, "anchor": "start" if rtl else "end",
                           "text": country_name(origin)})
        for j, destination in enumerate(counts.destinations):
            if origin == destination:
                continue
            providers, practices = counts.cell(origin, destination)
            step = shade_of(providers + practices)
            cells.append({"x": column_x(j), "y": y, "origin": origin,
                          "destination": destination, "providers": providers,
                          "practices": practices, "fill": SHADES[step][0],
                          "ink": SHADES[step][1], "gap": step == 0})
    column_labels = [{"x": column_x(j) + cell_w / 2, "y": top - 8,
                      "text": country_name(destination)}
                     for j, destination in enumerate(counts.destinations)]
    return {"width": width, "height": height, "cell_w": cell_w, "cell_h": cell_h,
            "cells": cells, "rows": row_labels, "columns": column_labels}


@bp.route("/corridors")
def corridors():
    """The corridor matrix: origin countries × destination countries, shaded by how many
    linked providers and published practices cover each corridor."""
    from headstart.core.i18n import RTL_LOCALES, current_locale_code

    counts = matrix.corridor_matrix()
    picture = matrix_picture(counts, current_locale_code() in RTL_LOCALES)
    legend = [(SHADES[step][0], label) for step, label in enumerate(
        [_("not covered"), "1", "2–3", "4–6", _("7 or more")])]
    return render_template("directory/corridors.html", matrix=counts, picture=picture,
                           legend=legend)
