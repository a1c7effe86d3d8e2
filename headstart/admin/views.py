"""Admin pages: users (roles, disabling accounts) and the practice vocabularies."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import or_, select

from headstart.accounts import services as accounts
from headstart.accounts.models import User
from headstart.core import bounds
from headstart.core.auth import ROLE_LABELS, ROLES, role_required
from headstart.core.errors import DomainError
from headstart.core.forms import ActionForm
from headstart.core.i18n import _, _l, language_name, other_locales
from headstart.extensions import db
from headstart.practices import terms
from headstart.practices.forms import TermForm
from headstart.practices.models import TaxonomyTerm

bp = Blueprint("admin", __name__, url_prefix="/admin")

PER_PAGE = 50


@bp.route("/users")
@role_required("admin")
def users():
    """Users, searchable by name or e-mail, filterable by role."""
    query = select(User).order_by(User.created_at.desc())
    q = request.args.get("q", "").strip()
    if q:
        pattern = f"%{q.lower()}%"
        query = query.where(or_(User.email.like(pattern), User.display_name.ilike(pattern)))
    role = request.args.get("role")
    if role in ROLES:
        query = query.where(User.role == role)
    number = min(bounds.page_arg(), 100_000)
    page = db.paginate(query, page=number, per_page=PER_PAGE, error_out=False)
    return render_template("admin/users.html", page=page, roles=ROLES, q=q, role=role,
                           action_form=ActionForm())


@bp.route("/users/<int:user_id>/role", methods=["POST"])
@role_required("admin")
def set_role(user_id: int):
    """Give a user another role."""
    if not ActionForm().validate_on_submit():
        abort(400)
    user = accounts.get_user(user_id)
    try:
        accounts.set_role(user, request.form.get("role", ""), actor=current_user)
    except DomainError as error:
        db.session.rollback()
        flash(error.message, "error")
    else:
        db.session.commit()
        flash(_("%(name)s is now %(role)s.", name=user.display_name,
                role=ROLE_LABELS[user.role]), "success")
    return redirect(url_for("admin.users"))


@bp.route("/users/<int:user_id>/<any(disable, enable):action>", methods=["POST"])
@role_required("admin")
def set_disabled(user_id: int, action: str):
    """Disable an account (signing it out everywhere) or enable it again."""
    if not ActionForm().validate_on_submit():
        abort(400)
    user = accounts.get_user(user_id)
    try:
        accounts.set_disabled(user, action == "disable", actor=current_user)
    except DomainError as error:
        db.session.rollback()
        flash(error.message, "error")
    else:
        db.session.commit()
        flash(_("The account was disabled.") if action == "disable"
              else _("The account was enabled."), "success")
    return redirect(url_for("admin.users"))


VOCABULARY_TITLES = {
    "phase": _l("Phases"),
    "theme": _l("Themes"),
    "target": _l("Target groups"),
    "criterion": _l("Good-practice criteria"),
}


def _vocabulary_or_404(vocabulary: str) -> str:
    if vocabulary not in terms.MANAGED:
        abort(404)
    return vocabulary


def _term_or_404(vocabulary: str, term_id: int) -> TaxonomyTerm:
    term = db.session.get(TaxonomyTerm, term_id)
    if term is None or term.vocabulary != vocabulary:
        abort(404)
    return term


@bp.route("/taxonomy/")
@bp.route("/taxonomy/<vocabulary>")
@role_required("admin")
def taxonomy(vocabulary: str = "theme"):
    """The terms of one vocabulary, with a form to add one."""
    vocabulary = _vocabulary_or_404(vocabulary)
    form = TermForm()
    form.group.choices = terms.group_choices(vocabulary)
    return render_template("admin/taxonomy.html", vocabulary=vocabulary, form=form,
                           titles=VOCABULARY_TITLES, rows=terms.rows(vocabulary),
                           label_of=terms.label, group_label=terms.group_label,
                           action_form=ActionForm())


def _term_page(vocabulary: str, form: TermForm, term: TaxonomyTerm | None, status: int = 200):
    return render_template("admin/term.html", vocabulary=vocabulary, form=form, term=term,
                           titles=VOCABULARY_TITLES, locales=other_locales(),
                           values=request.form if request.method == "POST" else
                           {f"label_{k}": v for k, v in ((term.labels or {}) if term else {})
                            .items()},
                           language_name=language_name), status


@bp.route("/taxonomy/<vocabulary>/new", methods=["GET", "POST"])
@bp.route("/taxonomy/<vocabulary>/<int:term_id>", methods=["GET", "POST"])
@role_required("admin")
def term(vocabulary: str, term_id: int | None = None):
    """Add a term, or change a term's labels, group and position."""
    vocabulary = _vocabulary_or_404(vocabulary)
    existing = _term_or_404(vocabulary, term_id) if term_id is not None else None
    form = TermForm(obj=existing if request.method == "GET" else None)
    form.group.choices = terms.group_choices(vocabulary)
    if request.method == "GET":
        return _term_page(vocabulary, form, existing)
    if not form.validate_on_submit():
        return _term_page(vocabulary, form, existing, 422)
    values = {**request.form.to_dict(), **form.data}
    try:
        saved = terms.save_term(vocabulary, values, term=existing, locales=other_locales())
    except terms.InvalidTerm as error:
        db.session.rollback()
        for field, message in error.problems.items():
            if field in form._fields:
                form[field].errors = [*form[field].errors, message]
        return _term_page(vocabulary, form, existing, 422)
    db.session.commit()
    flash(_("“%(label)s” was saved.", label=saved.label), "success")
    return redirect(url_for("admin.taxonomy", vocabulary=vocabulary))


@bp.route("/taxonomy/<vocabulary>/<int:term_id>/<any(retire, restore):action>",
          methods=["POST"])
@role_required("admin")
def term_state(vocabulary: str, term_id: int, action: str):
    """Retire a term (practices keep it; it is no longer offered) or offer it again."""
    vocabulary = _vocabulary_or_404(vocabulary)
    if not ActionForm().validate_on_submit():
        abort(400)
    existing = _term_or_404(vocabulary, term_id)
    terms.set_active(existing, action == "restore")
    db.session.commit()
    flash(_("The term is no longer offered.") if action == "retire"
          else _("The term is offered again."), "success")
    return redirect(url_for("admin.taxonomy", vocabulary=vocabulary))
