"""The global search page ``/search?q=`` (SPEC §3, §7)."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask_login import current_user

from headstart.core.i18n import current_locale_code
from headstart.search import everywhere

bp = Blueprint("search", __name__)

PER_PAGE = 20


def audiences_of(user) -> tuple[str, ...]:
    """Audiences whose documents ``user`` may find."""
    if getattr(user, "is_authenticated", False):
        return ("public", "members")
    return ("public",)


@bp.route("/search")
def page():
    """One search box over every area, narrowed to one area with ``area=``."""
    q = request.args.get("q", "").strip()
    area = request.args.get("area") or None
    number = request.args.get("page", 1, type=int) or 1
    found = everywhere.search(q, area=area, page=number, per_page=PER_PAGE,
                              reader=current_locale_code(),
                              audiences=audiences_of(current_user))
    status = 404 if found.total and number > found.pages else 200
    args = {k: v for k, v in (("q", q), ("area", found.area)) if v}
    return render_template("search/page.html", found=found, q=q, args=args,
                           area_names=everywhere.areas()), status
