"""Practice pages: list, detail, print view, submission, editing and translating,
attachments, review, history, the Atom feed and exports."""

from __future__ import annotations

import json
from datetime import date

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_limiter.util import get_remote_address
from flask_login import current_user
from sqlalchemy import func, select

from headstart.core import bounds, creation_limits, file_cache, page_cache
from headstart.core.auth import role_required
from headstart.core.errors import DomainError, NotFound
from headstart.core.i18n import (
    CONTENT_LANGUAGE_ENDPOINTS,
    LOCALES,
    _,
    current_locale_code,
    language_name,
    select_locale,
)
from headstart.core.mail import external_url
from headstart.core.markdown import render
from headstart.core.slugs import slugged_url
from headstart.core.uploads import ACCEPTED_EXTENSIONS, UploadRejected, human_size
from headstart.directory.models import Organisation
from headstart.extensions import db, limiter
from headstart.practices import attachments, calls, feeds, listing, services, terms
from headstart.practices.forms import PracticeForm, ReviewForm
from headstart.practices.models import Practice
from headstart.practices.taxonomy import GCM_OBJECTIVES

bp = Blueprint("practices", __name__, url_prefix="/practices")

# On the practice list, ?lang= filters practices by their language (SPEC §7).
CONTENT_LANGUAGE_ENDPOINTS.add("practices.index")

PER_PAGE = 20
#: Entries in the Atom feed; rows in one export.
FEED_SIZE = 50
EXPORT_LIMIT = 10_000




@bp.app_template_global()
def practice_url(practice, **kwargs) -> str:
    """The canonical address of a practice, with its slug."""
    return slugged_url("practices.detail", practice.title, practice_id=practice.id, **kwargs)


def practice_external_url(practice) -> str:
    """The absolute canonical address of a practice (feeds, exports, JSON-LD)."""
    return slugged_url("practices.detail", practice.title, external=True,
                       practice_id=practice.id)


@bp.app_template_global()
def terms_label(vocabulary: str, code: str) -> str:
    """A vocabulary term's label in the reader's language."""
    return terms.label(vocabulary, code)


@bp.route("/")
def index():
    """Published practices: search with facets (SPEC §3, parameters of SPEC §7)."""
    filters = listing.clean_filters(request.args)
    page = bounds.page_arg()
    found = listing.find(filters, reader=current_locale_code(), page=page, per_page=PER_PAGE,
                         best_match=True)
    if not found.degraded:
        record_miss(filters, found.total, page)
    status = 200
    if page > found.pages and found.total:
        status = 404  # a page past the end: say so, and offer the last one
    return render_template(
        "practices/index.html", listing=found, filters=filters, filter_args=_filter_args(),
        facet_parameter=listing.FACET_PARAMETER, facet_titles=facet_titles(),
        saved_search_form=_saved_search_form(filters)), status


def record_miss(filters: dict, total: int, page: int) -> None:
    """Keep a practice search that found nothing (without knowing who searched)."""
    from headstart.search import misses

    misses.record(filters.get("q", ""), results=total, language=current_locale_code(),
                  area="practice", page=page,
                  filters={key: filters.get(key) for key in listing.PARAMETERS})


def facet_titles() -> dict[str, str]:
    """Headings of the practice facets, in page order."""
    return {"country": _("Country"), "corridor": _("Corridor"), "phase": _("Phase"),
            "theme": _("Theme"), "target": _("Target group"),
            "gcm": _("Global Compact for Migration objectives"), "language": _("Language"),
            "year": _("Start year"), "org_kind": _("Organisation kind")}


def _saved_search_form(filters: dict):
    from headstart.search.views import saved_search_form

    return saved_search_form(filters)


def _filter_args() -> dict:
    """The list's search parameters as query parameters (for links that keep them)."""
    keep = ("q", *listing.PARAMETERS, "sort", "all_words")
    args = {key: request.args[key] for key in keep if request.args.get(key)}
    # Several objectives may come as repeated parameters: links carry them as one.
    gcm = listing.clean_filters(request.args)["gcm"]
    if gcm:
        args["gcm"] = gcm
    else:
        args.pop("gcm", None)
    return args


def _matching(limit: int, sort: str | None = None) -> tuple[list[Practice], int]:
    filters = listing.clean_filters(request.args)
    if sort:
        filters["sort"] = sort
    found = listing.find(filters, reader=current_locale_code(), page=1, per_page=limit,
                         with_facets=False, with_snippets=False)
    return found.practices, found.total


@bp.route("/feed.atom")
def feed():
    """Newly published practices as Atom, filtered like the list."""
    items, _total = _matching(FEED_SIZE, sort="newest")
    args = _filter_args()
    args.pop("sort", None)
    body = feeds.atom_feed(
        items, title=_("HEADSTART: newly published practices"),
        feed_url=external_url("practices.feed", **args),
        page_url=external_url("practices.index", **args),
        url_of=practice_external_url,
        id_of=lambda p: external_url("practices.detail", practice_id=p.id),
        language=current_locale_code())
    return Response(body, mimetype="application/atom+xml",
                    headers={"Cache-Control": "public, max-age=600",
                             "Vary": "Accept-Language, Cookie"})


def _export_limit() -> str:
    return current_app.config["EXPORT_LIMIT"]


@bp.route("/export.<any(csv, json):fmt>")
@limiter.limit(_export_limit, key_func=get_remote_address)
def export(fmt: str):
    """Every practice matching the filters, as a CSV or JSON download: rendered once per
    filter set, language and content generation, and kept for every worker (unknown
    query parameters do not count, so ``?x=1`` does not render again)."""
    filters = listing.clean_filters(request.args)
    key = (fmt, select_locale(), current_locale_code(), request.url_root,
           sorted(filters.items()))
    handle = file_cache.fetch("exports", page_cache.generation(), key,
                              lambda: _export_document(fmt, filters), suffix=f".{fmt}")
    mimetype = "text/csv" if fmt == "csv" else "application/json"
    return file_cache.send(handle, mimetype=mimetype, as_attachment=True,
                           name=f"headstart-practices-{date.today().isoformat()}.{fmt}")


def _export_document(fmt: str, filters: dict) -> bytes:
    found = listing.find(filters, reader=current_locale_code(), page=1, per_page=EXPORT_LIMIT,
                         with_facets=False, with_snippets=False, with_partners=True)
    if found.degraded:  # listed from the database while the index is rebuilt: not kept
        file_cache.dont_keep()
    items, total = found.practices, found.total
    records = [feeds.record(p, practice_external_url(p)) for p in items]
    if fmt == "csv":
        return feeds.csv_document(records).encode("utf-8")
    shown = {k: v for k, v in filters.items() if v}
    document = {"total": total, "filters": shown,
                "source": external_url("practices.index", **shown),
                "results": records}
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


@bp.route("/<int:practice_id>")
@bp.route("/<int:practice_id>-<slug>")
def detail(practice_id: int, slug: str | None = None):
    """Every section of a practice; drafts only for their author and coordinators."""
    practice = services.get_practice(practice_id, viewer=current_user)
    translations = services.translations_of(practice)
    json_ld = None
    if practice.status == "published":
        json_ld = feeds.json_ld(practice, practice_external_url(practice),
                                [(t.language, practice_external_url(t)) for t in translations])
    actions = services.actions_for(practice, current_user)
    review_form = None
    if {"publish", "return"} & set(actions):
        # Only reviewers get the form: making it makes a CSRF token, which would put a
        # token in a visitor's session and keep the page out of the page cache.
        review_form = ReviewForm()
        review_form.confirmed_criteria.data = (practice.codes("criterion_confirmed")
                                               or practice.codes("criterion"))
    can_translate = (current_user.is_authenticated
                     and services.can_translate(practice, current_user))
    return render_template(
        "practices/detail.html", **_record_context(practice, translations),
        can_edit=services.can_edit(practice, current_user),
        actions=actions,
        is_author=services.is_author(practice, current_user),
        review_form=review_form, criteria=terms.terms("criterion"),
        similar=services.similar_to(practice) if practice.status == "published" else [],
        json_ld=json_ld,
        translate_languages=(services.missing_languages(practice, LOCALES, current_user)
                             if can_translate else []))


def _record_context(practice: Practice, translations: list[Practice]) -> dict:
    return {"practice": practice, "render": render, "terms": terms, "gcm": GCM_OBJECTIVES,
            "translations": translations, "language_name": language_name,
            "human_size": human_size}


@bp.route("/<int:practice_id>/print")
def print_view(practice_id: int):
    """Every section on one plain page for printing or saving as PDF."""
    practice = services.get_practice(practice_id, viewer=current_user)
    return render_template("practices/print.html",
                           **_record_context(practice, services.translations_of(practice)),
                           canonical=practice_external_url(practice))


@bp.route("/<int:practice_id>/attachments/<int:attachment_id>")
@bp.route("/<int:practice_id>/attachments/<int:attachment_id>/<path:name>")
def attachment(practice_id: int, attachment_id: int, name: str | None = None):
    """Download an attachment: always as a file (never shown inline), with the type found
    when it was uploaded, for those who may see the practice."""
    practice = services.get_practice(practice_id, viewer=current_user)
    item = attachments.get(practice, attachment_id)
    path = attachments.path_of(item)
    if not path.is_file():
        raise NotFound(str(_("The file of this attachment is missing.")))
    response = send_file(path, mimetype=item.content_type, as_attachment=True,
                         download_name=item.filename, etag=item.sha256, max_age=0)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    # Never kept by shared caches: a practice can be unpublished or a file removed.
    response.headers["Cache-Control"] = ("private, no-cache" if practice.status == "published"
                                         else "private, no-store")
    return response


def _organisation_choices(form: PracticeForm) -> None:
    organisations = db.session.execute(
        select(Organisation.id, Organisation.name).order_by(func.lower(Organisation.name))).all()
    form.lead_organisation_id.choices = [(0, _("Choose the lead organisation"))] + [
        (row.id, row.name) for row in organisations]
    form.partner_ids.choices = [(row.id, row.name) for row in organisations]
    form.phase.choices = [("", _("Choose a phase"))] + [
        (t.code, t.label) for t in terms.terms("phase", include_retired=True)
        if t.active or t.code == form.phase.data]


def _call_choices(form: PracticeForm, practice: Practice | None) -> None:
    open_calls = calls.open_calls()
    form.call_id.choices = [(0, _("None"))] + [(c.id, c.title) for c in open_calls]
    current = practice.call if practice is not None else None
    if current is not None and current.id not in {c.id for c in open_calls}:
        form.call_id.choices.append((current.id, current.title))


def _fill_from(form: PracticeForm, practice: Practice) -> None:
    """Put a practice's multi-valued fields into the form (GET of edit and translate)."""
    for field, vocabulary in services.TERM_FIELDS.items():
        form[field].data = practice.codes(vocabulary)
    for field, role in services.COUNTRY_FIELDS.items():
        form[field].data = practice.country_codes(role)
    form.partner_ids.data = [p.organisation_id for p in practice.partners]
    form.lead_organisation_id.data = practice.lead_organisation_id or 0
    form.call_id.data = practice.call_id or 0


def _form_page(form: PracticeForm, practice: Practice | None, status: int = 200,
               problems: dict | None = None, translation_of: Practice | None = None):
    for field, message in (problems or {}).items():
        if field in form._fields:
            form[field].errors = [*form[field].errors, message]
    return render_template(
        "practices/form.html", form=form, practice=practice, translation_of=translation_of,
        term_groups={"theme": terms.grouped("theme", form.themes.data),
                     "target": terms.grouped("target", form.target_groups.data)},
        criteria=[t for t in terms.terms("criterion", include_retired=True)
                  if t.active or t.code in (form.criteria.data or ())],
        gcm=GCM_OBJECTIVES,
        accepted=",".join(ACCEPTED_EXTENSIONS),
        max_size=human_size(current_app.config["ATTACHMENT_MAX_BYTES"]),
        max_bytes=current_app.config["ATTACHMENT_MAX_BYTES"],
        human_size=human_size), status


def _save(form: PracticeForm, practice: Practice | None, translation_of: Practice | None = None):
    """Save the draft (always, if the values are sound) with its new and removed
    attachments, then submit when asked. A refused file or wrong value saves nothing and
    shows the form again with everything typed kept."""
    if practice is None and not creation_limits.may_create(current_user, "practice"):
        form.form_errors.append(creation_limits.refusal())
        return _form_page(form, practice, 429, translation_of=translation_of)
    try:
        stored = attachments.receive(request.files.getlist(form.attachments.name),
                                     actor=current_user)
    except UploadRejected as error:
        form.form_errors.append(_("Nothing was saved: a file could not be accepted. "
                                  "Everything you typed is kept below."))
        return _form_page(form, practice, error.status, {"attachments": error.message},
                          translation_of)
    removed: list[str] = []
    created = practice is None
    try:
        if practice is None:
            practice = services.create_practice(form.values(), actor=current_user,
                                                translation_of=translation_of)
        else:
            services.update_practice(practice, form.values(), actor=current_user)
        removed = attachments.detach(practice, form.remove_attachments.data,
                                     actor=current_user)
        attachments.attach(practice, stored, actor=current_user)
    except services.IncompletePractice as error:
        db.session.rollback()
        attachments.discard(stored)
        form.form_errors.append(error.message)
        problems = dict(error.problems)
        if stored:
            problems["attachments"] = _("Please choose your files again: files cannot be "
                                        "kept while the form has errors.")
        return _form_page(form, practice, 422, problems, translation_of)
    except DomainError as error:
        db.session.rollback()
        attachments.discard(stored)
        form.form_errors.append(error.message)
        return _form_page(form, practice, error.status_code,
                          {error.field or "attachments": error.message}, translation_of)
    except BaseException:
        db.session.rollback()
        attachments.discard(stored)
        raise
    try:
        db.session.commit()
    except BaseException:
        attachments.discard(stored)
        raise
    attachments.remove_files(removed)
    if created:
        creation_limits.count(current_user, "practice")
    if request.form.get("action") == "submit":
        try:
            services.transition(practice, "submit", actor=current_user)
        except services.IncompletePractice as error:
            db.session.rollback()
            form.form_errors.append(_("Your draft was saved, but it cannot be submitted yet: "
                                      "please complete the fields marked below."))
            return _form_page(form, practice, 422, error.problems)
        db.session.commit()
        flash(_("Thank you. Your practice was submitted for review."), "success")
    else:
        flash(_("Your draft was saved."), "success")
    return redirect(practice_url(practice))


@bp.route("/new", methods=["GET", "POST"])
@role_required("practitioner")
def create():
    """Submit a new practice (saved as a draft at any time)."""
    form = PracticeForm()
    _organisation_choices(form)
    _call_choices(form, None)
    if request.method == "GET":
        form.language.data = current_locale_code()
        call_id = bounds.id_arg("call")
        call = db.session.get(calls.PracticeCall, call_id) if call_id else None
        if call is not None and call.is_open(calls.today()):
            # Answering a call: start from what it asks about.
            form.call_id.data = call.id
            form.themes.data = list(call.themes)
            form.origin_countries.data = list(call.origin_countries)
            form.destination_countries.data = list(call.destination_countries)
            form.phase.data = call.phase
    if form.validate_on_submit():
        return _save(form, None)
    status = 422 if request.method == "POST" else 200
    return _form_page(form, None, status)


@bp.route("/<int:practice_id>/edit", methods=["GET", "POST"])
@role_required("practitioner")
def edit(practice_id: int):
    """Edit a draft or returned practice (coordinators: any practice not archived)."""
    practice = services.get_practice(practice_id, viewer=current_user)
    if not services.can_edit(practice, current_user):
        abort(403)
    form = PracticeForm(obj=practice if request.method == "GET" else None)
    _organisation_choices(form)
    _call_choices(form, practice)
    if request.method == "GET":
        _fill_from(form, practice)
    if form.validate_on_submit():
        return _save(form, practice)
    status = 422 if request.method == "POST" else 200
    return _form_page(form, practice, status)


@bp.route("/<int:practice_id>/translate", methods=["GET", "POST"])
@role_required("practitioner")
def translate(practice_id: int):
    """Start a version of a practice in another language: a new draft in the same group,
    pre-filled with the original to translate from, reviewed like any practice."""
    source = services.get_practice(practice_id, viewer=current_user)
    if not services.can_translate(source, current_user):
        abort(403)
    languages = services.missing_languages(source, LOCALES, current_user)
    if not languages:
        flash(_("This practice already has a version in every language."), "info")
        return redirect(practice_url(source))
    form = PracticeForm(obj=source if request.method == "GET" else None)
    _organisation_choices(form)
    _call_choices(form, source)
    form.language.choices = [(code, language_name(code)) for code in languages]
    if request.method == "GET":
        _fill_from(form, source)
        form.call_id.data = 0  # a translation is not a new answer to the call
        wanted = request.args.get("language", "")
        form.language.data = wanted if wanted in languages else languages[0]
    if form.validate_on_submit():
        return _save(form, None, translation_of=source)
    status = 422 if request.method == "POST" else 200
    return _form_page(form, None, status, translation_of=source)


@bp.route("/<int:practice_id>/<any(submit, publish, return, archive, restore):action>",
          methods=["POST"])
@role_required("practitioner")
def act(practice_id: int, action: str):
    """Take a workflow action; returning needs comments for the author."""
    practice = services.get_practice(practice_id, viewer=current_user)
    form = ReviewForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        services.transition(practice, action, actor=current_user,
                            comment=form.comment.data or "",
                            confirmed_criteria=(form.confirmed_criteria.data
                                                if action == "publish" else None))
    except services.IncompletePractice as error:
        db.session.rollback()
        flash(error.message, "error")
        return redirect(url_for("practices.edit", practice_id=practice.id))
    except DomainError as error:
        db.session.rollback()
        if error.status_code == 403:
            raise
        flash(error.message, "error")
        return redirect(practice_url(practice))
    db.session.commit()
    messages = {
        "submit": _("The practice was submitted for review."),
        "publish": _("The practice is published."),
        "return": _("The practice was returned to its author with your comments."),
        "archive": _("The practice was archived."),
        "restore": _("The practice is back in the review queue."),
    }
    flash(messages[action], "success")
    if action in {"publish", "return"}:
        return redirect(url_for("practices.review"))
    return redirect(practice_url(practice))


@bp.route("/review")
@role_required("coordinator")
def review():
    """Practices waiting for review."""
    return render_template("practices/review.html", practices=services.review_queue())


@bp.route("/mine")
@role_required("practitioner")
def mine():
    """The signed-in member's practices and their state."""
    return render_template("practices/mine.html", practices=services.authored_by(current_user))


@bp.route("/<int:practice_id>/history")
@role_required("coordinator")
def history(practice_id: int):
    """Every change and state change of a practice: who, when, what."""
    practice = services.get_practice(practice_id, viewer=current_user)
    labels = {name: field.label.text for name, field in PracticeForm(meta={"csrf": False})
              ._fields.items()}
    labels.update({"attachments": _("Attachments"), "translation_of": _("Translation of"),
                   "criteria_confirmed": _("Good-practice criteria confirmed by the reviewer")})
    return render_template("practices/history.html", practice=practice, field_labels=labels)


