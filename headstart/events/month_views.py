"""The month calendar at its own address (``/events/2026/10``). Registered after the other
event routes, so ``/events/<id>/<action>`` addresses are matched first."""

from __future__ import annotations

from flask import request

from headstart.core.errors import NotFound
from headstart.core.i18n import _
from headstart.events import listing
from headstart.events.views import _month_page, bp


@bp.route("/<int(fixed_digits=4):year>/<int(fixed_digits=2):month>")
def month(year: int, month: int):
    """The month calendar at its own address."""
    if not (1 <= month <= 12):
        raise NotFound(str(_("There is no such month.")))
    return _month_page(year, month, listing.clean_filters(request.args))
