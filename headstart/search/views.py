"""The global search page ``/search?q=`` (SPEC §3, §7) and saved searches."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField
from wtforms.validators import Length, Optional

from headstart.core import bounds
from headstart.core.auth import has_role, role_required
from headstart.core.errors import DomainError
from headstart.core.forms import ActionForm, single_line
from headstart.core.i18n import _, _l, current_locale_code
from headstart.extensions import db
from headstart.search import everywhere, misses, saved

bp = Blueprint("search", __name__)

PER_PAGE = 20
MISSES_PER_PAGE = 50


def audiences_of(user) -> tuple[str, ...]:
    """Audiences whose documents ``user`` may find (the forum's coordinators' categories
    have their own)."""
    if getattr(user, "is_authenticated", False):
        if has_role(user, "coordinator"):
            return ("public", "members", "coordinators")
        return ("public", "members")
    return ("public",)


@bp.route("/search")
def page():
    """One search box over every area, narrowed to one area with ``area=``."""
    q = request.args.get("q", "").strip()
    area = request.args.get("area") or None
    number = bounds.page_arg()
    all_words = request.args.get("all_words", "").strip().lower() in {"1", "true", "on", "yes"}
    found = everywhere.search(q, area=area, page=number, per_page=PER_PAGE,
                              reader=current_locale_code(),
                              audiences=audiences_of(current_user), all_words=all_words)
    if not found.unavailable:
        misses.record(q, results=found.total, language=current_locale_code(),
                      area=found.area, page=number)
    status = 404 if found.total and number > found.pages else 200
    args = {k: v for k, v in (("q", q), ("area", found.area),
                              ("all_words", "1" if all_words else "")) if v}
    return render_template("search/page.html", found=found, q=q, args=args,
                           area_names=everywhere.areas()), status


class SavedSearchForm(FlaskForm):
    """Save the current practice search (its parameters come as hidden fields)."""

    name = StringField(_l("Name of this search"), filters=[single_line],
                       validators=[Optional(), Length(max=200)])
    email = BooleanField(_l("Also tell me by e-mail"), default=True)


def saved_search_form(filters: dict) -> SavedSearchForm | None:
    """The "save this search" form for the practice list, for signed-in members."""
    if not current_user.is_authenticated:
        return None
    form = SavedSearchForm()
    form.name.render_kw = {"placeholder": saved.describe(filters)}
    return form


@bp.route("/search/saved", methods=["GET", "POST"])
@login_required
def saved_searches():
    """The member's saved searches; POST saves the practice search sent with the form."""
    from headstart.practices import listing

    form = SavedSearchForm()
    if request.method == "POST":
        filters = listing.clean_filters(request.form)
        back = url_for("practices.index", **{k: v for k, v in filters.items() if v})
        if not form.validate_on_submit():
            flash(_("The search could not be saved: %(problem)s",
                    problem="; ".join(str(e) for errors in form.errors.values()
                                      for e in errors)), "error")
            return redirect(back)
        try:
            kept = saved.save(current_user, filters, name=form.name.data or "",
                              email=bool(form.email.data))
        except DomainError as error:
            db.session.rollback()
            flash(error.message, "error")
            return redirect(back)
        db.session.commit()
        flash(_("Search saved as “%(name)s”. You will be told when a new practice matches it.",
                name=kept.name), "success")
        return redirect(back)
    items = [(s, url_for("practices.index", **saved.filters_without_blanks(s)))
             for s in saved.of(current_user)]
    return render_template("search/saved.html", items=items, delete_form=ActionForm())


@bp.route("/search/saved/<int:saved_id>/delete", methods=["POST"])
@login_required
def delete_saved(saved_id: int):
    """Stop a saved search (its notifications stay)."""
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    saved.delete(current_user, saved_id)
    db.session.commit()
    flash(_("The saved search was deleted."), "success")
    return redirect(url_for("search.saved_searches"))


@bp.route("/search/misses")
@role_required("coordinator")
def misses_page():
    """Searches of the last 90 days that found nothing, grouped by query (coordinators)."""
    sort = request.args.get("sort", "frequent")
    if sort not in misses.SORTS:
        sort = "frequent"
    number = min(bounds.page_arg(), 100_000)
    found = misses.grouped(sort=sort, page=number, per_page=MISSES_PER_PAGE)
    status = 404 if found.total and number > found.pages else 200
    return render_template("search/misses.html", found=found, sort=sort,
                           days=misses.keep_days(), area_names=everywhere.areas(),
                           args={"sort": sort} if sort != "frequent" else {}), status
