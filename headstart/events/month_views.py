"""The month calendar at its own address (``/events/2026/10``). Registered after the other
event routes, so ``/events/<id>/<action>`` addresses are matched first."""

from __future__ import annotations

from flask import request

from headstart.events import listing
from headstart.events.views import _month_page, bp


@bp.route("/<year:year>/<month:month>")
def month(year: int, month: int):
    """The month calendar at its own address (years 1 to 9998, months 01 to 12: the
    converters of ``core.bounds`` answer any other with a 404)."""
    return _month_page(year, month, listing.clean_filters(request.args))
