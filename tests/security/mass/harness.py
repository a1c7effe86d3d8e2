"""What the mass-assignment cases share: the registry of cases by URL rule, the routes
allowed to have none (with the reason), the fields every case injects, and :class:`Env`,
which makes the accounts, organisations and records a case needs only when it asks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy import inspect

from headstart.extensions import db
from tests.helpers import csrf_token

#: URL rule (as Flask spells it) → the cases that post to it.
CASES: dict[str, list[Callable]] = {}

#: POST rules that take no record fields, and why they need no case. Who may post to
#: them at all is proven by the access matrix (tests/test_access_matrix.py).
ACTION = ("action button: the form is ActionForm (the CSRF token only), the record is the "
          "one in the address and no other form field is read")
ALLOW_LISTED: dict[str, str] = {
    "/auth/logout": "signs the session out; no record field is read",
    "/admin/taxonomy/<vocabulary>/<int:term_id>/<any(retire, restore):action>": ACTION,
    "/admin/users/<int:user_id>/<any(disable, enable):action>": ACTION,
    "/forum/c/<int:category_id>/<any(follow, unfollow):action>":
        "follows for the signed-in member only: " + ACTION,
    "/forum/t/<int:topic_id>/<any(follow, unfollow):action>":
        "follows for the signed-in member only: " + ACTION,
    "/handbook/edit/chapters/<int:chapter_id>/move":
        "reads only direction=up|down (anything else is 400)",
    "/handbook/edit/sections/<int:section_id>/move":
        "reads only direction=up|down (anything else is 400)",
    "/handbook/edit/sections/<int:section_id>/retire": ACTION,
    "/handbook/edit/sections/<int:section_id>/reinstate": ACTION,
    "/newsletter/compose/<int:issue_id>/send": ACTION,
    "/notifications/<int:notification_id>/open":
        "reads only next= (a safe local address): " + ACTION,
    "/notifications/read": "marks the signed-in member's notifications read: " + ACTION,
    "/practices/calls/<int:call_id>/<any(close, reopen):action>": ACTION,
    "/search/saved/<int:saved_id>/delete":
        "deletes one of the signed-in member's own saved searches: " + ACTION,
}

LONG_AGO = "2000-01-01T00:00:00"


def covers(rule: str):
    """Register the decorated function as a mass-assignment case of ``rule``."""

    def register(function: Callable) -> Callable:
        CASES.setdefault(rule, []).append(function)
        return function

    return register


def injected(env: Env, **specific) -> dict:
    """Fields no form offers, aimed at another user, organisation and record, for any
    model: a POST carries them next to the legitimate fields (which win on a name clash)."""
    other = env.user("other")
    fields = {
        "role": "admin", "is_admin": "1", "admin": "1", "status": "published",
        "organisation_id": str(env.org("b").id), "owner_id": str(other.id),
        "author_id": str(other.id), "user_id": str(other.id), "created_by_id": str(other.id),
        "proposed_by_id": str(other.id), "decided_by_id": str(other.id),
        "verified_by_id": str(other.id), "published_by_id": str(other.id),
        "uploaded_by_id": str(other.id), "editor_id": str(other.id),
        "id": "999999", "verified": "1", "confirmed": "1", "approved": "1", "pinned": "1",
        "locked": "1", "hidden": "0", "held": "0", "disabled": "1", "active": "0",
        "created_at": LONG_AGO, "updated_at": LONG_AGO, "confirmed_at": LONG_AGO,
        "published_at": LONG_AGO, "submitted_at": LONG_AGO, "decided_at": LONG_AGO,
        "email_confirmed": "1", "password_hash": "$argon2id$forged", "reset_nonce": "forged",
        "number": "99", "revision": "99", "sequence": "99", "merged_into_id": "999999",
        "group_id": "999999", "review_comment": "Forged", "reply_count": "99",
    }
    fields.update(specific)
    return fields


class Env:
    """Accounts (``a`` and ``b`` are practitioners of organisations A and B, ``other`` a
    bystander; ``coordinator``, ``admin``), signed-in clients and database reads."""

    def __init__(self, app, make_user, make_org, make_practice, login_as):
        self.app, self._make_user, self._make_org = app, make_user, make_org
        self.make_practice, self._login_as = make_practice, login_as
        self._users, self._orgs, self._clients, self._tokens = {}, {}, {}, {}

    def user(self, name: str):
        """The account ``name`` (made on first use)."""
        if name not in self._users:
            role = name if name in {"coordinator", "admin"} else "practitioner"
            self._users[name] = self._make_user(role, name=f"User {name}")
            if name in {"a", "b"} and name not in self._orgs:
                self.org(name)
        return self._users[name]

    def org(self, name: str):
        """Organisation ``name`` (``a`` and ``b`` with their practitioner as member)."""
        if name not in self._orgs:
            self._orgs[name] = None  # user(name) below must not make it a second time
            members = [self.user(name)] if name in {"a", "b"} else []
            self._orgs[name] = self._make_org(
                f"Organisation {name.upper()}", members=members,
                side="destination" if name == "b" else "origin",
                country="IT" if name == "b" else "MD", corridors=["MD-IT"],
                services=["language_training"])
        return self._orgs[name]

    def client(self, name: str | None):
        """A client signed in as ``name`` (``None``: a visitor)."""
        if name not in self._clients:
            self._clients[name] = (self._login_as(None) if name is None
                                   else self._login_as(user=self.user(name)))
        return self._clients[name]

    def post(self, name: str | None, url: str, data: dict, **kwargs):
        """POST ``data`` to ``url`` as ``name`` with a valid CSRF token."""
        client = self.client(name)
        if name not in self._tokens:
            self._tokens[name] = csrf_token(client)
        return client.post(url, data={"csrf_token": self._tokens[name], **data}, **kwargs)

    def row(self, model, object_id) -> dict | None:
        """The columns of one row as a dict (None when there is none)."""
        with self.app.app_context():
            found = db.session.get(model, object_id)
            return _columns(found) if found is not None else None

    def rows(self, model, *criteria, order_by=None) -> list[dict]:
        """Every matching row as dicts, by id."""
        with self.app.app_context():
            query = db.select(model).where(*criteria).order_by(
                order_by if order_by is not None else model.id)
            return [_columns(found) for found in db.session.scalars(query)]

    def changed(self, model, object_id, before: dict) -> set[str]:
        """Names of the columns of ``model`` row ``object_id`` that differ from ``before``."""
        after = self.row(model, object_id)
        assert after is not None, f"{model.__name__} {object_id} is gone"
        return {key for key, value in after.items() if before[key] != value}

    def password_is(self, user_id: int, password: str) -> bool:
        """Whether ``password`` is the account's password now."""
        from headstart.accounts.models import User
        from headstart.core.security import verify_password

        with self.app.app_context():
            return verify_password(db.session.get(User, user_id).password_hash, password)[0]

    def make_user(self, role: str = "practitioner", **kwargs):
        """Another account, outside the named ones."""
        return self._make_user(role, **kwargs)

    def add(self, *objects):
        """Insert rows directly (set-up only); returns their ids."""
        with self.app.app_context():
            db.session.add_all(objects)
            db.session.commit()
            return [o.id for o in objects]

    def in_app(self, function: Callable):
        """Run ``function()`` in an application and request context and commit."""
        with self.app.app_context(), self.app.test_request_context("/"):
            result = function()
            db.session.commit()
            return result

    @staticmethod
    def soon(days: int = 30) -> str:
        return (date.today() + timedelta(days=days)).isoformat()


def _columns(found) -> dict:
    return {attribute.key: getattr(found, attribute.key)
            for attribute in inspect(found).mapper.column_attrs}
