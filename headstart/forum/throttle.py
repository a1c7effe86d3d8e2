"""The per-member posting limit (``FORUM_POST_LIMIT``, e.g. "10 per 10 minutes"), counted
in the limiter's storage so that every worker shares it."""

from __future__ import annotations

from flask import current_app
from limits import parse

from headstart.core.security import note_retry_after
from headstart.extensions import limiter

SCOPE = "forum-post"


def _item():
    return parse(current_app.config.get("FORUM_POST_LIMIT", "10 per 10 minutes"))


def _scope() -> str:
    return f"{current_app.config['RATELIMIT_KEY_PREFIX']}:{SCOPE}"


def may_post(user) -> bool:
    """Whether ``user`` has posts left in the current window."""
    allowed = limiter.limiter.test(_item(), _scope(), str(user.id))
    if not allowed:
        note_retry_after(_item(), _scope(), str(user.id))
    return allowed


def count_post(user) -> None:
    """Count one saved post of ``user``."""
    limiter.limiter.hit(_item(), _scope(), str(user.id))
