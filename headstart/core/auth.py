"""Roles, the ``role_required`` decorator and safe ``next`` redirects."""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

from flask import abort
from flask_login import current_user

from headstart.core.i18n import _l
from headstart.extensions import login_manager

#: Roles of signed-in users, weakest first. A visitor is anyone not signed in.
ROLES = ("practitioner", "coordinator", "admin")
VISITOR = "visitor"
_RANK = {VISITOR: 0, "practitioner": 1, "coordinator": 2, "admin": 3}
ROLE_LABELS = {
    VISITOR: _l("Visitor"),
    "practitioner": _l("Practitioner"),
    "coordinator": _l("Coordinator"),
    "admin": _l("Administrator"),
}


def has_role(user, role: str) -> bool:
    """True when ``user`` holds ``role`` or a stronger one."""
    if user is None or not getattr(user, "is_authenticated", False):
        return _RANK[role] == 0
    return _RANK.get(user.role, 0) >= _RANK[role]


def role_required(role: str):
    """Decorate a view so that only ``role`` and stronger roles reach it.

    Visitors are sent to the sign-in page (302); signed-in users without the role get 403,
    and the refusal is logged (``errors.log_refusal``).
    """
    if role not in _RANK:
        raise ValueError(f"unknown role {role!r}")

    def decorator(view):
        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not has_role(current_user, role):
                abort(403, description=f"needs role {role}")
            return view(*args, **kwargs)

        return wrapped

    return decorator


def safe_next(target: str | None, default: str = "/") -> str:
    """Return ``target`` when it is a path on this site, else ``default``.

    Refuses absolute and scheme-relative URLs (``//evil``, ``/\\evil``), any scheme
    (``javascript:``), and control characters that browsers strip before parsing.
    """
    if not target:
        return default
    if any(ord(ch) < 32 or ch == "\x7f" for ch in target):
        return default
    normalised = target.replace("\\", "/")
    if not normalised.startswith("/") or normalised.startswith("//"):
        return default
    parts = urlsplit(normalised)
    if parts.scheme or parts.netloc:
        return default
    return target
