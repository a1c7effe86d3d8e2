"""Practices: drafts, edits, translations and their attachments, the review workflow,
calls for practices and saved searches."""

from __future__ import annotations

from datetime import date, timedelta

from headstart.practices.models import Practice, PracticeAttachment, PracticeCall, PracticeTerm
from headstart.search.saved import SavedSearch
from tests.conftest import COMPLETE
from tests.security.mass.harness import covers, injected

#: Set by the workflow or the server, never by the author's form.
WORKFLOW = {"status", "author_id", "group_id", "submitted_at", "published_at",
            "review_comment", "created_at", "id"}


def _forged(env, **specific) -> dict:
    """Practice fields no author form has, next to the form's own."""
    return injected(env, confirmed_criteria=["evaluated", "innovative"],
                    criterion_confirmed=["evaluated"], translation_of=str(999999),
                    **specific)


def _form(env, **values) -> dict:
    return {**COMPLETE, "lead_organisation_id": str(env.org("a").id), **values}


def _confirmed(env, practice_id: int) -> list[dict]:
    return env.rows(PracticeTerm, PracticeTerm.practice_id == practice_id,
                    PracticeTerm.vocabulary == "criterion_confirmed")


def _new_practice(env) -> dict:
    (practice,) = env.rows(Practice, Practice.title == COMPLETE["title"])
    return practice


@covers("/practices/new")
def a_new_practice_is_the_authors_draft(env):
    response = env.post("a", "/practices/new", {**_forged(env), **_form(env)})
    assert response.status_code == 302
    practice = _new_practice(env)
    assert (practice["status"], practice["author_id"], practice["group_id"],
            practice["submitted_at"], practice["published_at"], practice["review_comment"]) == (
        "draft", env.user("a").id, practice["id"], None, None, "")
    assert _confirmed(env, practice["id"]) == []


@covers("/practices/new")
def a_new_practice_sent_for_review_is_submitted_not_published(env):
    response = env.post("a", "/practices/new",
                        {**_forged(env), **_form(env), "action": "submit"})
    assert response.status_code == 302
    practice = _new_practice(env)
    assert (practice["status"], practice["author_id"], practice["published_at"]) == (
        "submitted", env.user("a").id, None)


def _attachment(env, practice_id: int) -> int:
    (attachment_id,) = env.add(PracticeAttachment(
        practice_id=practice_id, stored_name=f"stored{practice_id:026d}", filename="a.pdf",
        content_type="application/pdf", size=15, sha256="0" * 64))
    return attachment_id


@covers("/practices/<int:practice_id>/edit")
def an_edit_changes_the_record_not_its_workflow_or_another_practice(env):
    draft = env.make_practice("draft", author=env.user("a"), title="Mine")
    foreign = env.make_practice("draft", author=env.user("other"), title="Theirs")
    foreign_file = _attachment(env, foreign.id)
    before, foreign_before = env.row(Practice, draft.id), env.row(Practice, foreign.id)
    response = env.post("a", f"/practices/{draft.id}/edit", {
        **_forged(env, id=str(foreign.id), practice_id=str(foreign.id)),
        **_form(env, title="Mine, edited"), "remove_attachments": str(foreign_file)})
    assert response.status_code == 302
    changed = env.changed(Practice, draft.id, before)
    assert "title" in changed
    assert not changed & WORKFLOW
    assert env.changed(Practice, foreign.id, foreign_before) == set()
    assert env.row(PracticeAttachment, foreign_file) is not None
    assert _confirmed(env, draft.id) == []


@covers("/practices/<int:practice_id>/translate")
def a_translation_is_the_translators_draft_in_the_sources_group(env):
    source = env.make_practice("published", author=env.user("other"), title="Source")
    foreign = env.make_practice("published", author=env.user("other"), title="Another")
    response = env.post("a", f"/practices/{source.id}/translate", {
        **_forged(env, group_id=str(foreign.id)), **_form(env, language="cs")})
    assert response.status_code == 302
    practice = _new_practice(env)
    assert (practice["status"], practice["author_id"], practice["group_id"],
            practice["language"], practice["published_at"]) == (
        "draft", env.user("a").id, source.group_id, "cs", None)


@covers("/practices/<int:practice_id>/<any(submit, publish, return, archive, restore):action>")
def submitting_makes_it_submitted_whatever_else_is_sent(env):
    draft = env.make_practice("draft", author=env.user("a"))
    before = env.row(Practice, draft.id)
    response = env.post("a", f"/practices/{draft.id}/submit", _forged(env))
    assert response.status_code == 302
    assert env.changed(Practice, draft.id, before) <= {"status", "submitted_at", "updated_at"}
    assert env.row(Practice, draft.id)["status"] == "submitted"
    assert _confirmed(env, draft.id) == []


@covers("/practices/<int:practice_id>/<any(submit, publish, return, archive, restore):action>")
def publishing_changes_the_state_not_the_author_or_the_lead(env):
    submitted = env.make_practice("submitted", author=env.user("a"))
    before = env.row(Practice, submitted.id)
    response = env.post("coordinator", f"/practices/{submitted.id}/publish", {
        **_forged(env, status="archived", title="Forged",
                  lead_organisation_id=str(env.org("b").id)),
        "confirmed_criteria": ["evaluated"]})
    assert response.status_code == 302
    assert env.changed(Practice, submitted.id, before) <= {"status", "published_at",
                                                           "updated_at"}
    assert env.row(Practice, submitted.id)["status"] == "published"
    assert [t["code"] for t in _confirmed(env, submitted.id)] == ["evaluated"]


@covers("/practices/<int:practice_id>/<any(submit, publish, return, archive, restore):action>")
def returning_keeps_the_reviewers_comment_not_a_forged_one(env):
    submitted = env.make_practice("submitted", author=env.user("a"))
    response = env.post("coordinator", f"/practices/{submitted.id}/return", {
        **_forged(env), "comment": "Please add figures."})
    assert response.status_code == 302
    practice = env.row(Practice, submitted.id)
    assert (practice["status"], practice["review_comment"], practice["author_id"]) == (
        "returned", "Please add figures.", env.user("a").id)


CALL_FORM = {"title": "Language training, Western Balkans → Austria",
             "description": "Courses before departure.", "phase": "pre_departure",
             "themes": ["education_language"], "origin_countries": ["XK"],
             "destination_countries": ["AT"]}


@covers("/practices/calls/new")
def a_new_call_is_open_and_the_coordinators(env):
    response = env.post("coordinator", "/practices/calls/new", {
        **injected(env, closed="1"), **CALL_FORM, "deadline": env.soon()})
    assert response.status_code == 302
    (call,) = env.rows(PracticeCall)
    assert (call["closed"], call["created_by_id"]) == (False, env.user("coordinator").id)


@covers("/practices/calls/<int:call_id>/edit")
def an_edited_call_keeps_its_state_and_creator(env):
    (call_id,) = env.add(PracticeCall(title="Old title",
                                      deadline=date.today() + timedelta(days=9)))
    before = env.row(PracticeCall, call_id)
    response = env.post("coordinator", f"/practices/calls/{call_id}/edit", {
        **injected(env, closed="1"), **CALL_FORM, "deadline": env.soon()})
    assert response.status_code == 302
    changed = env.changed(PracticeCall, call_id, before)
    assert "title" in changed
    assert not changed & {"closed", "created_by_id", "created_at", "id"}


@covers("/search/saved")
def a_saved_search_belongs_to_the_member_who_saves_it(env):
    other = env.user("other")
    (theirs,) = env.add(SavedSearch(user_id=other.id, name="Theirs", query="q=care"))
    before = env.row(SavedSearch, theirs)
    response = env.post("a", "/search/saved", {
        **injected(env, id=str(theirs)), "q": "housing", "theme": "housing",
        "name": "Mine", "email": "y"})
    assert response.status_code == 302
    (mine,) = env.rows(SavedSearch, SavedSearch.user_id == env.user("a").id)
    assert (mine["name"], mine["id"] != theirs) == ("Mine", True)
    assert env.changed(SavedSearch, theirs, before) == set()
