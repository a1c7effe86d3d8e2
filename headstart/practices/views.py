"""Practice pages: list, detail, submission and editing, review, history."""

from __future__ import annotations

import math
import re
import unicodedata

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, select

from headstart.core.auth import role_required
from headstart.core.errors import DomainError
from headstart.core.i18n import (
    CONTENT_LANGUAGE_ENDPOINTS,
    _,
    country_choices,
    current_locale_code,
    language_name,
)
from headstart.core.markdown import plain_text, render
from headstart.directory.models import Organisation
from headstart.extensions import db
from headstart.practices import services, terms
from headstart.practices.forms import PracticeForm, ReviewForm
from headstart.practices.models import Practice
from headstart.practices.taxonomy import GCM_OBJECTIVES

bp = Blueprint("practices", __name__, url_prefix="/practices")

# On the practice list, ?lang= filters practices by their language (SPEC §7).
CONTENT_LANGUAGE_ENDPOINTS.add("practices.index")

PER_PAGE = 20


def slugify(text: str) -> str:
    """A short ASCII slug for URLs (``12-path-to-progress``)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:60].rstrip("-")


@bp.app_template_global()
def practice_url(practice, **kwargs) -> str:
    """The canonical address of a practice, with its slug."""
    slug = slugify(practice.title)
    if slug:
        return url_for("practices.detail", practice_id=practice.id, slug=slug, **kwargs)
    return url_for("practices.detail", practice_id=practice.id, **kwargs)


@bp.app_template_global()
def terms_label(vocabulary: str, code: str) -> str:
    """A vocabulary term's label in the reader's language."""
    return terms.label(vocabulary, code)


@bp.app_template_filter()
def reject_key(mapping: dict, key: str) -> dict:
    """``mapping`` without ``key`` (for page links that keep the other filters)."""
    return {k: v for k, v in mapping.items() if k != key}


def _filters() -> dict:
    args = request.args
    year = args.get("year", "")
    return {
        "q": args.get("q", "").strip()[:200],
        "country": args.get("country", "").strip().upper()[:2],
        "phase": args.get("phase", "").strip()[:40],
        "theme": args.get("theme", "").strip()[:40],
        "target": args.get("target", "").strip()[:40],
        "lang": args.get("lang", "").strip()[:8],
        "year": int(year) if year.isdigit() and 1900 <= int(year) <= 2100 else None,
        "sort": args.get("sort") if args.get("sort") in services.SORTS else "newest",
    }


@bp.route("/")
def index():
    """Published practices, filterable (SPEC §7 parameters)."""
    filters = _filters()
    page = min(max(request.args.get("page", 1, type=int), 1), 10_000)
    items, total = services.list_published(**filters, reader_language=current_locale_code(),
                                           page=page, per_page=PER_PAGE)
    return render_template(
        "practices/index.html", practices=items, total=total, page=page,
        pages=max(1, math.ceil(total / PER_PAGE)), filters=filters,
        countries=country_choices(), phases=terms.terms("phase"),
        themes=terms.terms("theme"), targets=terms.terms("target"), plain_text=plain_text)


@bp.route("/<int:practice_id>")
@bp.route("/<int:practice_id>-<slug>")
def detail(practice_id: int, slug: str | None = None):
    """Every section of a practice; drafts only for their author and coordinators."""
    practice = services.get_practice(practice_id, viewer=current_user)
    return render_template(
        "practices/detail.html", practice=practice, render=render, terms=terms,
        gcm=GCM_OBJECTIVES, translations=services.translations_of(practice),
        can_edit=services.can_edit(practice, current_user),
        actions=services.actions_for(practice, current_user),
        is_author=services.is_author(practice, current_user),
        review_form=ReviewForm(), language_name=language_name)


def _organisation_choices(form: PracticeForm) -> None:
    organisations = db.session.execute(
        select(Organisation.id, Organisation.name).order_by(func.lower(Organisation.name))).all()
    form.lead_organisation_id.choices = [(0, _("Choose the lead organisation"))] + [
        (row.id, row.name) for row in organisations]
    form.partner_ids.choices = [(row.id, row.name) for row in organisations]
    form.phase.choices = [("", _("Choose a phase"))] + [
        (t.code, t.label) for t in terms.terms("phase")]


def _form_page(form: PracticeForm, practice: Practice | None, status: int = 200,
               problems: dict | None = None):
    for field, message in (problems or {}).items():
        if field in form._fields:
            form[field].errors = [*form[field].errors, message]
    return render_template(
        "practices/form.html", form=form, practice=practice,
        term_groups={"theme": terms.grouped("theme"), "target": terms.grouped("target")},
        criteria=terms.terms("criterion"), gcm=GCM_OBJECTIVES), status


def _save(form: PracticeForm, practice: Practice | None):
    """Save the draft (always, if the values are sound), then submit when asked."""
    try:
        if practice is None:
            practice = services.create_practice(form.values(), actor=current_user)
        else:
            services.update_practice(practice, form.values(), actor=current_user)
    except services.IncompletePractice as error:
        db.session.rollback()
        form.form_errors.append(error.message)
        return _form_page(form, practice, 422, error.problems)
    db.session.commit()
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
    if request.method == "GET":
        form.language.data = current_locale_code()
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
    if request.method == "GET":
        for field, vocabulary in services.TERM_FIELDS.items():
            form[field].data = practice.codes(vocabulary)
        for field, role in services.COUNTRY_FIELDS.items():
            form[field].data = practice.country_codes(role)
        form.partner_ids.data = [p.organisation_id for p in practice.partners]
        form.lead_organisation_id.data = practice.lead_organisation_id or 0
    if form.validate_on_submit():
        return _save(form, practice)
    status = 422 if request.method == "POST" else 200
    return _form_page(form, practice, status)


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
                            comment=form.comment.data or "")
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
    return render_template("practices/history.html", practice=practice)


