"""Admin pages: the list of users, roles, and disabling accounts."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import or_, select

from headstart.accounts import services as accounts
from headstart.accounts.models import User
from headstart.core.auth import ROLE_LABELS, ROLES, role_required
from headstart.core.errors import DomainError
from headstart.core.forms import ActionForm
from headstart.core.i18n import _
from headstart.extensions import db

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
    number = min(max(request.args.get("page", 1, type=int), 1), 100_000)
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
