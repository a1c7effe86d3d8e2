"""Per-member limits on creating things: new practices (drafts, translations included;
``PRACTICE_CREATE_LIMIT``, e.g. "20 per day") and event proposals
(``EVENT_PROPOSAL_LIMIT``, e.g. "5 per day", each of which notifies every coordinator).

Counted in the limiter's storage, so every worker shares them, like the forum's posting
limit (``forum.throttle``). A view asks :func:`may_create` before saving and answers 429
with the form kept when the member has none left, and calls :func:`count` after the
commit. Coordinators and admins are not limited.
"""

from __future__ import annotations

from flask import current_app
from limits import parse

from headstart.core.auth import has_role
from headstart.core.i18n import _
from headstart.extensions import limiter

#: What is limited, and the setting holding its rate.
SETTINGS = {"practice": "PRACTICE_CREATE_LIMIT", "event": "EVENT_PROPOSAL_LIMIT"}


def _item(what: str):
    return parse(current_app.config[SETTINGS[what]])


def _scope(what: str) -> str:
    return f"{current_app.config['RATELIMIT_KEY_PREFIX']}:create-{what}"


def may_create(user, what: str) -> bool:
    """Whether ``user`` may create one more ``what`` ("practice" or "event") now."""
    if has_role(user, "coordinator"):
        return True
    return limiter.limiter.test(_item(what), _scope(what), str(user.id))


def count(user, what: str) -> None:
    """Count one saved ``what`` of ``user``."""
    if not has_role(user, "coordinator"):
        limiter.limiter.hit(_item(what), _scope(what), str(user.id))


def refusal() -> str:
    """The message of a refused form (429)."""
    return _("You have created a lot in a short time. Please try again later: your text "
             "is kept below.")
