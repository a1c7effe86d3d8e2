"""Directory pages: the list of organisations (and its open-data export), profiles,
editing, verification and merging, and membership. The ``directory`` blueprint's link
pages are in ``link_views``, the finder and the corridor matrix in ``network_views``."""

from __future__ import annotations

import json
import math

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_required
from sqlalchemy.exc import IntegrityError

from headstart.core import bounds
from headstart.core.auth import role_required
from headstart.core.errors import DomainError
from headstart.core.forms import ActionForm, apply_error
from headstart.core.i18n import (
    _,
    corridor_name,
    country_choices,
    country_name,
    current_locale_code,
)
from headstart.core.slugs import slugged_url
from headstart.directory import countries, links, services
from headstart.directory.forms import MergeForm, OrganisationForm
from headstart.directory.models import Organisation
from headstart.directory.taxonomy import (
    KINDS,
    LANGUAGES_SERVED,
    SERVICES,
    SIDES,
    language_choices,
    language_label,
)
from headstart.extensions import db
from headstart.search import misses
from headstart.search import service as search_service
from headstart.search.base import IndexUnavailable, SearchRequest
from headstart.search.query import parse

bp = Blueprint("directory", __name__, url_prefix="/directory")

PER_PAGE = 30


def organisation_url(organisation, **kwargs) -> str:
    """The address of an organisation's profile, with a slug of its name."""
    return slugged_url("directory.detail", organisation.name,
                       organisation_id=organisation.id, **kwargs)


@bp.app_context_processor
def _helpers():
    return {"organisation_url": organisation_url, "service_labels": SERVICES,
            "service_names": lambda codes: " · ".join(str(SERVICES.get(c, c)) for c in codes),
            "language_label": language_label,
            "corridor_name": lambda code: corridor_name(*code.split("-", 1))}


def directory_filters(args) -> dict:
    """The directory's filters from query parameters; values that are not known codes are
    dropped (the page shows everything rather than an error)."""
    known = {code for code, _name in country_choices("en")}
    country = (args.get("country") or "").upper()
    typed = args.get("corridor") or ""
    if not typed and (args.get("corridor-origin") or args.get("corridor-destination")):
        typed = f"{args.get('corridor-origin', '')}-{args.get('corridor-destination', '')}"
    corridor = services.parse_corridor(typed[:20])
    return {
        "q": (args.get("q") or "").strip()[:200],
        "country": country if country in known else "",
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
    page = bounds.page_arg()
    if not degraded:
        misses.record(filters["q"], results=len(organisations), language=current_locale_code(),
                      area="organisation", page=page,
                      filters={k: v for k, v in filters.items() if k != "q"})
    if page < 1 or (page > pages and organisations):
        abort(404)
    shown = organisations[(page - 1) * PER_PAGE: page * PER_PAGE]
    return render_template("directory/index.html", organisations=shown,
                           total=len(organisations), page=page, pages=pages, degraded=degraded,
                           countries=countries.filter_choices(
                               filters["country"], *filters["corridor"].split("-")),
                           kinds=KINDS, sides=SIDES,
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
@bp.route("/export/hsds.zip", endpoint="export_package")
@bp.route("/export/datapackage.json", endpoint="export_datapackage")
@bp.route("/export/<any(organizations, services, attributes, locations, addresses, languages,"
          " taxonomy_terms, taxonomies):table>.csv")
def export(table: str | None = None):
    """The directory (with the list's filters) as open data in HSDS 3.0: the JSON
    document, one CSV table of the tabular package, its ``datapackage.json``, or the whole
    package as a zip."""
    from datetime import date

    from headstart.directory import hsds

    stamp = date.today().isoformat()
    if request.endpoint == "directory.export_datapackage":
        return Response(json.dumps(hsds.datapackage(), ensure_ascii=False, indent=1),
                        mimetype="application/json")
    organisations, _degraded = find_organisations(directory_filters(request.args))
    if request.endpoint == "directory.export_package":
        return Response(hsds.package_zip(organisations), mimetype="application/zip",
                        headers={"Content-Disposition":
                                 f'attachment; filename="headstart-hsds-{stamp}.zip"'})
    if table is None:
        return Response(json.dumps(hsds.json_document(organisations), ensure_ascii=False,
                                   indent=1), mimetype="application/json",
                        headers={"Content-Disposition":
                                 f'attachment; filename="headstart-hsds-{stamp}.json"'})
    return Response(hsds.csv_table(table, organisations), mimetype="text/csv",
                    headers={"Content-Disposition":
                             f'attachment; filename="headstart-hsds-{table}-{stamp}.csv"'})
