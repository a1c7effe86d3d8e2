"""Signed, expiring tokens for e-mail confirmation and password reset."""

from __future__ import annotations

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

CONFIRM = "confirm-email"
RESET = "reset-password"


class TokenError(Exception):
    """The token is malformed, forged, or expired (``expired`` tells which)."""

    def __init__(self, expired: bool = False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"headstart-{purpose}")


def make_token(purpose: str, payload: dict) -> str:
    """Sign ``payload`` for ``purpose``."""
    return _serializer(purpose).dumps(payload)


def read_token(purpose: str, token: str, max_age: int) -> dict:
    """Return the payload of a valid token, or raise :class:`TokenError`."""
    try:
        payload = _serializer(purpose).loads(token, max_age=max_age)
    except SignatureExpired as error:
        raise TokenError(expired=True) from error
    except BadSignature as error:
        raise TokenError() from error
    if not isinstance(payload, dict):
        raise TokenError()
    return payload
