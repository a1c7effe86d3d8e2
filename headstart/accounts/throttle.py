"""Sign-in throttling: failed attempts counted per account and per client address.

Counts live in the limiter's storage (``HEADSTART_RATELIMIT_STORAGE``), so with Redis the
limit is shared by every worker and host.
"""

from __future__ import annotations

from flask import current_app
from limits import parse

from headstart.core.security import note_retry_after
from headstart.extensions import limiter


def _limits():
    config = current_app.config
    return (
        (parse(config["LOGIN_LIMIT_PER_ACCOUNT"]), "login-account"),
        (parse(config["LOGIN_LIMIT_PER_ADDRESS"]), "login-address"),
    )


def _keys(email: str, address: str | None):
    prefix = current_app.config["RATELIMIT_KEY_PREFIX"]
    (account, account_scope), (per_address, address_scope) = _limits()
    return ((account, f"{prefix}:{account_scope}", email),
            (per_address, f"{prefix}:{address_scope}", address or "-"))


def is_blocked(email: str, address: str | None) -> bool:
    """True when this account or this address has used up its failed attempts."""
    strategy = limiter.limiter
    blocked = False
    for item, scope, key in _keys(email, address):
        if not strategy.test(item, scope, key):
            note_retry_after(item, scope, key)
            blocked = True
    return blocked


def clear_account(email: str) -> None:
    """Forget an account's failed attempts (after it proved its owner by a reset link)."""
    item, scope, key = _keys(email, None)[0]
    limiter.limiter.clear(item, scope, key)


def allow_confirmation_resend(email: str) -> bool:
    """Count one re-sent confirmation mail; False once the hourly allowance is used."""
    prefix = current_app.config["RATELIMIT_KEY_PREFIX"]
    item = parse(current_app.config["CONFIRMATION_RESEND_LIMIT"])
    allowed = limiter.limiter.hit(item, f"{prefix}:confirm-resend", email)
    if not allowed:
        note_retry_after(item, f"{prefix}:confirm-resend", email)
    return allowed


def record_failure(email: str, address: str | None) -> None:
    """Count one failed sign-in against the account and the address."""
    strategy = limiter.limiter
    for item, scope, key in _keys(email, address):
        strategy.hit(item, scope, key)
