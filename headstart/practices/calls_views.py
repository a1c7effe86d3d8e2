"""Pages of calls for practices: the list, a call with what came in, opening and editing
(coordinators)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from headstart.core.auth import has_role, role_required
from headstart.core.forms import ActionForm
from headstart.core.i18n import _
from headstart.core.markdown import plain_text, render
from headstart.extensions import db
from headstart.practices import calls, terms
from headstart.practices.forms import CallForm

bp = Blueprint("calls", __name__, url_prefix="/practices/calls")


@bp.route("/")
def index():
    """Open calls first, then past ones."""
    return render_template("practices/calls/index.html", open_calls=calls.open_calls(),
                           past_calls=calls.past_calls(), plain_text=plain_text)


@bp.route("/<int:call_id>")
def detail(call_id: int):
    """What the call asks for, its deadline, and the practices that answered it."""
    call = calls.get_call(call_id)
    return render_template("practices/calls/detail.html", call=call, render=render,
                           answers=calls.answers(call, current_user),
                           is_open=call.is_open(calls.today()), action_form=ActionForm(),
                           is_coordinator=has_role(current_user, "coordinator"))


def _choices(form: CallForm) -> None:
    form.phase.choices = [("", _("Any phase"))] + [(t.code, t.label)
                                                   for t in terms.terms("phase")]
    form.themes.choices = [(t.code, t.label) for t in terms.terms("theme")]


def _form_page(form: CallForm, call, status: int = 200):
    return render_template("practices/calls/form.html", form=form, call=call), status


@bp.route("/new", methods=["GET", "POST"])
@bp.route("/<int:call_id>/edit", methods=["GET", "POST"])
@role_required("coordinator")
def edit(call_id: int | None = None):
    """Open a call or change it."""
    call = calls.get_call(call_id) if call_id is not None else None
    form = CallForm(obj=call if request.method == "GET" else None)
    _choices(form)
    if not form.validate_on_submit():
        return _form_page(form, call, 422 if request.method == "POST" else 200)
    try:
        saved = calls.save_call(form.values(), actor=current_user, call=call)
    except calls.InvalidCall as error:
        db.session.rollback()
        form.form_errors.append(error.message)
        for field, message in error.problems.items():
            form[field].errors = [*form[field].errors, message]
        return _form_page(form, call, 422)
    db.session.commit()
    flash(_("The call for practices was saved."), "success")
    return redirect(url_for("calls.detail", call_id=saved.id))


@bp.route("/<int:call_id>/<any(close, reopen):action>", methods=["POST"])
@role_required("coordinator")
def set_closed(call_id: int, action: str):
    """Stop accepting answers before the deadline, or accept them again."""
    if not ActionForm().validate_on_submit():
        abort(400)
    call = calls.get_call(call_id)
    if action == "reopen" and call.deadline < calls.today():
        flash(_("The deadline has passed: set a new deadline to open the call again."),
              "error")
        return redirect(url_for("calls.edit", call_id=call.id))
    calls.set_closed(call, action == "close", actor=current_user)
    db.session.commit()
    flash(_("The call is closed.") if action == "close" else _("The call is open again."),
          "success")
    return redirect(url_for("calls.detail", call_id=call.id))
