"""Accounts and admin: registering, confirming, signing in, resetting and changing the
password, the profile, deleting one's account, roles and the vocabularies."""

from __future__ import annotations

from headstart.accounts import services, tokens
from headstart.accounts.models import User
from headstart.practices.models import TaxonomyTerm
from tests.helpers import PASSWORD
from tests.security.mass.harness import LONG_AGO, covers, injected

NEW_PASSWORD = "another long passphrase 77"


@covers("/auth/register")
def register_makes_an_unconfirmed_practitioner(env):
    response = env.post(None, "/auth/register", {
        **injected(env), "display_name": "Newcomer", "email": "newcomer@example.org",
        "password": PASSWORD, "password_again": PASSWORD, "language": "en"})
    assert response.status_code == 200  # "check your inbox"
    (user,) = env.rows(User, User.email == "newcomer@example.org")
    assert (user["role"], user["confirmed_at"], user["disabled"], user["reset_nonce"]) == (
        "practitioner", None, False, None)
    assert env.password_is(user["id"], PASSWORD)
    assert user["id"] != 999999
    assert user["created_at"].year > 2000


@covers("/auth/confirm/<token>")
def confirming_sets_only_confirmed_at(env):
    user = env.make_user(confirmed=False)
    other = env.user("other")
    with env.app.app_context():
        token = tokens.make_token(tokens.CONFIRM, {"uid": user.id, "email": user.email})
    before = env.row(User, user.id)
    response = env.post(None, f"/auth/confirm/{token}",
                        injected(env, email=other.email, uid=str(other.id)))
    assert response.status_code == 302
    assert env.changed(User, user.id, before) <= {"confirmed_at", "updated_at"}
    assert env.row(User, user.id)["confirmed_at"].year > 2000
    assert env.row(User, other.id)["role"] == "practitioner"


@covers("/auth/login")
def signing_in_changes_nothing_but_the_login_time(env):
    user = env.user("other")
    before = env.row(User, user.id)
    response = env.post(None, "/auth/login", {
        **injected(env, user_id=str(env.user("a").id)), "email": user.email,
        "password": PASSWORD})
    assert response.status_code == 302
    assert env.changed(User, user.id, before) <= {"last_login_at", "updated_at"}


@covers("/auth/reset")
def asking_for_a_reset_sets_a_fresh_nonce_of_that_account_only(env):
    user, bystander = env.user("a"), env.user("other")
    before, bystander_before = env.row(User, user.id), env.row(User, bystander.id)
    response = env.post(None, "/auth/reset", {**injected(env), "email": user.email})
    assert response.status_code == 200
    assert env.changed(User, user.id, before) <= {"reset_nonce", "updated_at"}
    assert env.row(User, user.id)["reset_nonce"] not in {None, "forged"}
    assert env.changed(User, bystander.id, bystander_before) == set()


@covers("/auth/reset/<token>")
def resetting_changes_the_password_only(env):
    user = env.user("a")
    env.in_app(lambda: services.request_password_reset(user.email))
    before = env.row(User, user.id)
    with env.app.app_context():
        token = tokens.make_token(tokens.RESET, {"uid": user.id, "nonce": before["reset_nonce"],
                                                 "email": user.email})
    response = env.post(None, f"/auth/reset/{token}", {
        **injected(env, email="forged@example.org"), "password": NEW_PASSWORD,
        "password_again": NEW_PASSWORD})
    assert response.status_code == 302
    assert env.changed(User, user.id, before) <= {"password_hash", "reset_nonce", "updated_at"}
    assert env.password_is(user.id, NEW_PASSWORD)


@covers("/account/")
def the_profile_changes_name_and_language_only(env):
    user, other = env.client("a").user, env.user("other")
    before, other_before = env.row(User, user.id), env.row(User, other.id)
    response = env.post("a", "/account/", {
        **injected(env, id=str(other.id), email="forged@example.org"),
        "display_name": "Renamed", "preferred_language": "de"})
    assert response.status_code == 302
    assert env.changed(User, user.id, before) == {"display_name", "preferred_language",
                                                  "updated_at"}
    assert env.changed(User, other.id, other_before) == set()


@covers("/account/password")
def changing_the_password_changes_only_ones_own(env):
    user, other = env.client("a").user, env.user("other")
    before, other_before = env.row(User, user.id), env.row(User, other.id)
    response = env.post("a", "/account/password", {
        **injected(env, id=str(other.id), email="forged@example.org"),
        "current_password": PASSWORD, "password": NEW_PASSWORD, "password_again": NEW_PASSWORD})
    assert response.status_code == 302
    assert env.changed(User, user.id, before) <= {"password_hash", "updated_at"}
    assert env.password_is(user.id, NEW_PASSWORD)
    assert env.changed(User, other.id, other_before) == set()


@covers("/account/delete")
def deleting_an_account_deletes_only_ones_own(env):
    leaver, other = env.user("leaver"), env.user("other")
    other_before = env.row(User, other.id)
    response = env.post("leaver", "/account/delete", {
        **injected(env, id=str(other.id)), "password": PASSWORD, "understood": "y"})
    assert response.status_code == 302
    assert env.row(User, leaver.id) is None
    assert env.changed(User, other.id, other_before) == set()


@covers("/admin/users/<int:user_id>/role")
def an_admin_changes_the_role_and_nothing_else(env):
    target, other = env.user("a"), env.user("other")
    before, other_before = env.row(User, target.id), env.row(User, other.id)
    response = env.post("admin", f"/admin/users/{target.id}/role", {
        **injected(env, id=str(other.id), email="forged@example.org"),
        "role": "coordinator"})
    assert response.status_code == 302
    assert env.changed(User, target.id, before) <= {"role", "updated_at"}
    assert env.row(User, target.id)["role"] == "coordinator"
    assert env.changed(User, other.id, other_before) == set()


def _theme(env, code: str) -> dict:
    (term,) = env.rows(TaxonomyTerm, TaxonomyTerm.vocabulary == "theme",
                       TaxonomyTerm.code == code)
    return term


@covers("/admin/taxonomy/<vocabulary>/new")
def a_new_term_joins_the_vocabulary_of_the_address_and_is_offered(env):
    other = _theme(env, "housing")
    response = env.post("admin", "/admin/taxonomy/theme/new", {
        **injected(env, id=str(other["id"]), vocabulary="phase", labels="{}",
                   created_at=LONG_AGO),
        "label": "Digital skills", "group": "education", "label_cs": "Digitální dovednosti"})
    assert response.status_code == 302
    term = _theme(env, "digital_skills")
    assert (term["vocabulary"], term["active"], term["labels"]) == (
        "theme", True, {"cs": "Digitální dovednosti"})
    assert env.changed(TaxonomyTerm, other["id"], other) == set()


@covers("/admin/taxonomy/<vocabulary>/<int:term_id>")
def editing_a_term_keeps_its_code_vocabulary_and_state(env):
    term, other = _theme(env, "housing"), _theme(env, "health")
    response = env.post("admin", f"/admin/taxonomy/theme/{term['id']}", {
        **injected(env, id=str(other["id"]), vocabulary="phase", code="renamed"),
        "label": "Housing and accommodation", "group": "social", "position": "2"})
    assert response.status_code == 302
    assert env.changed(TaxonomyTerm, term["id"], term) == {"label", "position"}
    assert env.changed(TaxonomyTerm, other["id"], other) == set()
