"""Security headers, password hashing (argon2id) and password rules."""

from __future__ import annotations

import logging
import math
import time
from functools import cache
from importlib import resources

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from flask import current_app, g

from headstart.core.i18n import _l

logger = logging.getLogger(__name__)

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 1024


#: Seconds a refused client is told to wait when the refusing limit did not say.
DEFAULT_RETRY_AFTER = 60


def note_retry_after(item, *identifiers) -> None:
    """Remember when the limit ``item`` lets ``identifiers`` in again, for the
    ``Retry-After`` of this request's 429 (limits counted by hand, not by a decorator)."""
    from headstart.extensions import limiter

    reset, _remaining = limiter.limiter.get_window_stats(item, *identifiers)
    wait = max(1, math.ceil(reset - time.time()))
    g.retry_after = max(g.get("retry_after", 0), wait)


def add_retry_after(response):
    """Every 429 says when to come back: the breached limit's reset time when known."""
    if response.status_code != 429 or "Retry-After" in response.headers:
        return response
    wait = g.get("retry_after")
    if wait is None:
        from headstart.extensions import limiter

        breached = [limit for limit in limiter.current_limits if limit.breached]
        if breached:
            wait = max(1, math.ceil(max(limit.reset_at for limit in breached) - time.time()))
    response.headers["Retry-After"] = str(wait or DEFAULT_RETRY_AFTER)
    return response


def add_security_headers(response):
    """Set the strict headers every response carries."""
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
    if current_app.config["SESSION_COOKIE_SECURE"]:
        headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    return response


def _hasher() -> PasswordHasher:
    config = current_app.config
    return _cached_hasher(
        config["ARGON2_TIME_COST"], config["ARGON2_MEMORY_KIB"], config["ARGON2_PARALLELISM"]
    )


@cache
def _cached_hasher(time_cost: int, memory_kib: int, parallelism: int) -> PasswordHasher:
    return PasswordHasher(
        time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism, type=Type.ID
    )


def hash_password(password: str) -> str:
    """Hash ``password`` with argon2id at the configured cost."""
    return _hasher().hash(password)


def verify_password(stored_hash: str | None, password: str) -> tuple[bool, bool]:
    """Check ``password``; return ``(matches, needs_rehash)``.

    An empty or unreadable stored hash never matches. ``needs_rehash`` is true when the
    hash was made with weaker parameters than the configured ones.
    """
    hasher = _hasher()
    if not stored_hash:
        return False, False
    try:
        hasher.verify(stored_hash, password)
    except VerifyMismatchError:
        return False, False
    except (VerificationError, InvalidHashError):
        logger.warning("unreadable password hash")
        return False, False
    return True, hasher.check_needs_rehash(stored_hash)


def burn_password_time(password: str) -> None:
    """Spend the time a real check takes, so unknown accounts answer as fast as known ones."""
    verify_password(_dummy_hash(), password)


def _dummy_hash() -> str:
    config = current_app.config
    return _cached_dummy(
        config["ARGON2_TIME_COST"], config["ARGON2_MEMORY_KIB"], config["ARGON2_PARALLELISM"]
    )


@cache
def _cached_dummy(time_cost: int, memory_kib: int, parallelism: int) -> str:
    return _cached_hasher(time_cost, memory_kib, parallelism).hash("not a real password")


@cache
def _common_passwords() -> frozenset[str]:
    text = resources.files("headstart.core").joinpath("common_passwords.txt").read_text("utf-8")
    lines = (line.strip().casefold() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def password_problem(password: str, *, email: str = "") -> str | None:
    """Return why ``password`` is not acceptable, or None when it is."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return str(_l("Use at least %(n)d characters.", n=MIN_PASSWORD_LENGTH))
    if len(password) > MAX_PASSWORD_LENGTH:
        return str(_l("Use at most %(n)d characters.", n=MAX_PASSWORD_LENGTH))
    folded = password.casefold()
    if folded in _common_passwords() or len(set(folded)) <= 3:
        return str(_l("This password is too common or too easy to guess. Please choose another."))
    local_part = email.split("@", 1)[0].casefold()
    if len(local_part) >= 4 and local_part in folded:
        return str(_l("The password must not contain your e-mail address."))
    return None
