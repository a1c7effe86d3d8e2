"""Account operations. Views call these; they flush, the view commits."""

from __future__ import annotations

import logging
import secrets
from datetime import timedelta

from flask import current_app
from sqlalchemy import func, select

from headstart.accounts import tokens
from headstart.accounts.models import User, UserSession
from headstart.core import jobs
from headstart.core.auth import ROLES
from headstart.core.errors import Conflict, DomainError, NotFound
from headstart.core.i18n import LOCALES as LOCALES_ANY
from headstart.core.i18n import _l, is_supported
from headstart.core.mail import send_mail
from headstart.core.models import as_utc, utcnow
from headstart.core.security import (
    burn_password_time,
    hash_password,
    password_problem,
    verify_password,
)
from headstart.extensions import db

logger = logging.getLogger(__name__)


class SignInFailed(DomainError):
    """Wrong e-mail or password; deliberately says nothing about which."""

    status_code = 401


class NotConfirmed(DomainError):
    """The password was right but the e-mail address is not confirmed yet."""

    status_code = 403


def normalise_email(email: str) -> str:
    """Trim and lower-case an e-mail address."""
    return (email or "").strip().lower()


def find_by_email(email: str) -> User | None:
    """The account with this address, if any."""
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def create_user(email: str, password: str, *, display_name: str = "", role: str = "practitioner",
                language: str = "en", confirmed: bool = False) -> User:
    """Create an account directly (CLI, demo content, tests). Raises on a taken address."""
    email = normalise_email(email)
    if role not in ROLES:
        raise DomainError(str(_l("Unknown role %(role)s.", role=role)), field="role")
    if find_by_email(email):
        raise Conflict(str(_l("An account with this e-mail address already exists.")),
                       field="email")
    problem = password_problem(password, email=email)
    if problem:
        raise DomainError(problem, field="password")
    user = User(
        email=email,
        display_name=display_name.strip() or email.split("@", 1)[0],
        password_hash=hash_password(password),
        role=role,
        preferred_language=language if language in LOCALES_ANY else "en",
        confirmed_at=utcnow() if confirmed else None,
    )
    db.session.add(user)
    db.session.flush()
    logger.info("created user %s with role %s", user.id, role)
    return user


def register(email: str, password: str, *, display_name: str, language: str) -> User | None:
    """Register a new practitioner and e-mail a confirmation link.

    If the address is taken, nothing is created and the owner is told by e-mail instead, so
    the form answers the same either way (no account enumeration). Returns the new user or None.
    """
    email = normalise_email(email)
    existing = find_by_email(email)
    if existing:
        burn_password_time(password)  # as long as hashing a new password: no timing oracle
        send_mail(
            existing.email, _l("Someone tried to register with your address"), "account_exists",
            locale=existing.preferred_language, user=existing,
        )
        return None
    user = create_user(email, password, display_name=display_name, language=language)
    send_confirmation(user)
    return user


def send_confirmation(user: User) -> None:
    """E-mail ``user`` a link that confirms their address."""
    token = tokens.make_token(tokens.CONFIRM, {"uid": user.id, "email": user.email})
    send_mail(user.email, _l("Confirm your HEADSTART account"), "confirm",
              locale=user.preferred_language, user=user, token=token)


def confirm_email(token: str) -> User:
    """Confirm the address carried by ``token``; idempotent for an already confirmed account."""
    payload = tokens.read_token(tokens.CONFIRM, token, current_app.config["CONFIRM_TOKEN_MAX_AGE"])
    user = db.session.get(User, payload.get("uid"))
    if user is None or user.email != payload.get("email"):
        raise tokens.TokenError()
    if user.confirmed_at is None:
        user.confirmed_at = utcnow()
        logger.info("user %s confirmed their e-mail address", user.id)
    return user


def authenticate(email: str, password: str) -> User:
    """Return the user for these credentials or raise :class:`SignInFailed`.

    Unknown addresses cost the same time as known ones. A correct password for an
    unconfirmed account raises :class:`NotConfirmed`. Old hashes are upgraded.
    """
    user = find_by_email(email)
    if user is None:
        burn_password_time(password)
        raise SignInFailed(str(_l("The e-mail address or password is not correct.")))
    matches, needs_rehash = verify_password(user.password_hash, password)
    if not matches or user.disabled:
        raise SignInFailed(str(_l("The e-mail address or password is not correct.")))
    if not user.is_confirmed:
        error = NotConfirmed(str(_l("Please confirm your e-mail address first. "
                                    "We have sent you a new confirmation link.")))
        error.user = user
        raise error
    if needs_rehash:
        user.password_hash = hash_password(password)
        logger.info("upgraded the password hash of user %s", user.id)
    return user


def open_session(user: User, user_agent: str = "") -> str:
    """Record a new signed-in browser for ``user`` and return its secret key."""
    key = secrets.token_urlsafe(32)
    db.session.add(UserSession(user=user, key_hash=UserSession.hash_key(key),
                               user_agent=(user_agent or "")[:200]))
    user.last_login_at = utcnow()
    db.session.flush()
    return key


def session_user(user_id: int, key: str | None) -> User | None:
    """The user of a live session, or None when the session was revoked or never existed."""
    if not key:
        return None
    row = db.session.scalar(
        select(UserSession).where(
            UserSession.user_id == user_id,
            UserSession.key_hash == UserSession.hash_key(key),
            UserSession.revoked_at.is_(None),
        )
    )
    if row is None or row.user.disabled:
        return None
    lifetime = timedelta(seconds=current_app.config["PERMANENT_SESSION_LIFETIME_SECONDS"])
    if as_utc(row.created_at) + lifetime < utcnow():
        return None  # signed in too long ago: sign in again
    return row.user


def close_session(key: str | None) -> None:
    """Revoke the session whose key is ``key`` (signing out)."""
    if not key:
        return
    row = db.session.scalar(select(UserSession).where(UserSession.key_hash ==
                                                      UserSession.hash_key(key)))
    if row is not None and row.revoked_at is None:
        row.revoked_at = utcnow()


def revoke_sessions(user: User, *, keep_key: str | None = None) -> int:
    """Revoke every live session of ``user`` except the one with ``keep_key``."""
    keep = UserSession.hash_key(keep_key) if keep_key else None
    count = 0
    for row in user.sessions:
        if row.revoked_at is None and row.key_hash != keep:
            row.revoked_at = utcnow()
            count += 1
    return count


def request_password_reset(email: str) -> None:
    """Queue the reset of ``email``'s password: the request does the same work whether the
    account exists or not (its answer and its time tell nothing); the link is mailed after
    the response, by :func:`send_password_reset`."""
    jobs.enqueue("password_reset", email=email)


def send_password_reset(email: str) -> None:
    """E-mail a reset link if the account exists; say nothing either way (a job).

    Issuing a new link kills any older one (only the newest nonce is accepted).
    """
    user = find_by_email(email)
    if user is None or user.disabled:
        logger.info("password reset asked for an unknown or disabled address")
        return
    user.reset_nonce = secrets.token_urlsafe(16)
    token = tokens.make_token(tokens.RESET, {"uid": user.id, "nonce": user.reset_nonce,
                                             "email": user.email})
    send_mail(user.email, _l("Reset your HEADSTART password"), "reset",
              locale=user.preferred_language, user=user, token=token)


def user_for_reset_token(token: str) -> User:
    """The user a live reset token belongs to, or :class:`tokens.TokenError`."""
    payload = tokens.read_token(tokens.RESET, token, current_app.config["RESET_TOKEN_MAX_AGE"])
    user = db.session.get(User, payload.get("uid"))
    if (user is None or user.disabled or not user.reset_nonce
            or not secrets.compare_digest(user.reset_nonce, str(payload.get("nonce")))
            or user.email != payload.get("email")):
        raise tokens.TokenError()
    return user


def reset_password(token: str, new_password: str) -> User:
    """Set a new password through a reset token, which is then used up."""
    user = user_for_reset_token(token)
    _set_password(user, new_password)
    user.reset_nonce = None
    if user.confirmed_at is None:  # the link proves the address works
        user.confirmed_at = utcnow()
    revoke_sessions(user)
    logger.info("user %s reset their password", user.id)
    return user


def change_password(user: User, current_password: str, new_password: str, *,
                    keep_key: str | None) -> None:
    """Change the password after checking the current one; other sessions are signed out."""
    matches, _rehash = verify_password(user.password_hash, current_password)
    if not matches:
        raise DomainError(str(_l("The current password is not correct.")), field="current_password")
    _set_password(user, new_password)
    user.reset_nonce = None
    revoke_sessions(user, keep_key=keep_key)
    logger.info("user %s changed their password", user.id)


def _set_password(user: User, password: str) -> None:
    problem = password_problem(password, email=user.email)
    if problem:
        raise DomainError(problem, field="password")
    user.password_hash = hash_password(password)


def update_profile(user: User, *, display_name: str, preferred_language: str) -> None:
    """Change the display name and preferred language."""
    if not is_supported(preferred_language):
        raise DomainError(str(_l("Choose one of the offered languages.")),
                          field="preferred_language")
    name = display_name.strip()
    if not name:
        raise DomainError(str(_l("Please enter a display name.")), field="display_name")
    user.display_name = name[:120]
    user.preferred_language = preferred_language


def set_role(user: User, role: str, *, actor: User) -> None:
    """Give ``user`` a new role (admins only; checked by the view)."""
    if role not in ROLES:
        raise DomainError(str(_l("Unknown role %(role)s.", role=role)), field="role")
    if user.id == actor.id and role != "admin":
        raise DomainError(str(_l("You cannot remove your own administrator role.")))
    logger.info("user %s changed the role of user %s from %s to %s", actor.id, user.id,
                user.role, role)
    user.role = role


def set_disabled(user: User, disabled: bool, *, actor: User) -> None:
    """Disable (and sign out everywhere) or re-enable an account."""
    if user.id == actor.id:
        raise DomainError(str(_l("You cannot disable your own account.")))
    user.disabled = disabled
    if disabled:
        revoke_sessions(user)
    logger.info("user %s %s user %s", actor.id, "disabled" if disabled else "enabled", user.id)


def get_user(user_id: int) -> User:
    """The user with ``user_id`` or :class:`NotFound`."""
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound(str(_l("No such user.")))
    return user


def count_users() -> int:
    """How many accounts exist."""
    return db.session.scalar(select(func.count(User.id))) or 0


def export_data(user: User) -> dict:
    """Everything the portal holds about ``user``, for the JSON download."""
    from headstart.core.signals import collect_export

    def iso(value):
        value = as_utc(value)
        return value.isoformat() if value else None

    data = {
        "format": "headstart-account-export/1",
        "exported_at": utcnow().isoformat(),
        "account": {
            "id": user.id,
            "email": user.email,
            "display_name": user.display_name,
            "role": user.role,
            "preferred_language": user.preferred_language,
            "created_at": iso(user.created_at),
            "confirmed_at": iso(user.confirmed_at),
            "last_login_at": iso(user.last_login_at),
        },
        "sessions": [
            {"created_at": iso(s.created_at), "revoked_at": iso(s.revoked_at),
             "user_agent": s.user_agent}
            for s in user.sessions
        ],
    }
    data.update(collect_export(user))
    return data


def delete_account(user: User, password: str) -> None:
    """Delete ``user`` after checking their password; their posts stay, unattributed."""
    matches, _rehash = verify_password(user.password_hash, password)
    if not matches:
        raise DomainError(str(_l("The password is not correct.")), field="password")
    logger.info("user %s deleted their account", user.id)
    db.session.delete(user)
    db.session.flush()
