"""Handbook (coordinators): chapters and their titles, sections, revisions, translations,
restoring and publishing editions. Revisions are the editor's, numbered editions follow
each other, and a translation records the source revision it was made from."""

from __future__ import annotations

from headstart.handbook import services
from headstart.handbook.models import Chapter, Edition, Revision, Section
from tests.security.mass.harness import LONG_AGO, covers, injected


def _handbook(env) -> dict:
    """A chapter with one section (one revision), written by the coordinator."""
    from headstart.accounts.models import User
    from headstart.extensions import db

    coordinator = env.user("coordinator")

    def make():
        actor = db.session.get(User, coordinator.id)
        chapter = services.create_chapter("Procedures", actor=actor)
        section = services.create_section(chapter, title="First contact",
                                          slug="first-contact", body="Greet the visitor.",
                                          actor=actor)
        db.session.flush()
        return {"chapter": chapter.id, "section": section.id,
                "revision": services.current(section).id}

    return env.in_app(make)


def _forged(env, ids, **specific) -> dict:
    fields = {"position": "99", "titles": '{"cs": "Forged"}', "slug": "forged",
              "language": "de", "retired_at": LONG_AGO, "section_id": "999999",
              "source_revision_id": str(ids["revision"]),
              "restored_from_id": str(ids["revision"]), "chapter_title": "Forged"}
    return injected(env, **{**fields, **specific})


def _revisions(env, section_id: int) -> list[dict]:
    return env.rows(Revision, Revision.section_id == section_id)


@covers("/handbook/edit/chapters")
def a_new_chapter_comes_last_and_leaves_the_others_alone(env):
    ids = _handbook(env)
    before = env.row(Chapter, ids["chapter"])
    response = env.post("coordinator", "/handbook/edit/chapters", {
        **_forged(env, ids, id=str(ids["chapter"])), "title": "Training"})
    assert response.status_code == 302
    (created,) = env.rows(Chapter, Chapter.title == "Training")
    assert (created["position"], created["titles"]) == (before["position"] + 1, {})
    assert env.changed(Chapter, ids["chapter"], before) == set()


@covers("/handbook/edit/chapters/<int:chapter_id>")
def renaming_a_chapter_changes_its_title_only(env):
    ids = _handbook(env)
    before = env.row(Chapter, ids["chapter"])
    response = env.post("coordinator", f"/handbook/edit/chapters/{ids['chapter']}", {
        **_forged(env, ids), "title": "Standard procedures"})
    assert response.status_code == 302
    assert env.changed(Chapter, ids["chapter"], before) == {"title"}


@covers("/handbook/edit/chapters/<int:chapter_id>/titles")
def a_chapter_title_in_another_language_changes_that_title_only(env):
    ids = _handbook(env)
    before = env.row(Chapter, ids["chapter"])
    response = env.post("coordinator", f"/handbook/edit/chapters/{ids['chapter']}/titles", {
        **_forged(env, ids), "language": "cs", "title": "Postupy"})
    assert response.status_code == 302
    assert env.changed(Chapter, ids["chapter"], before) == {"titles"}
    assert env.row(Chapter, ids["chapter"])["titles"] == {"cs": "Postupy"}


@covers("/handbook/edit/sections/new")
def a_new_section_is_a_draft_at_the_end_with_the_editors_revision(env):
    ids = _handbook(env)
    response = env.post("coordinator", "/handbook/edit/sections/new", {
        **_forged(env, ids, language="en"), "chapter_id": str(ids["chapter"]),
        "title": "Referral", "slug": "referral", "body": "Refer to a counterpart.",
        "summary": "New", "save": "Save revision"})
    assert response.status_code == 302
    (section,) = env.rows(Section, Section.slug == "referral")
    assert (section["chapter_id"], section["position"], section["retired_at"]) == (
        ids["chapter"], 2, None)
    (revision,) = _revisions(env, section["id"])
    assert (revision["author_id"], revision["source_revision_id"],
            revision["restored_from_id"]) == (env.user("coordinator").id, None, None)


@covers("/handbook/edit/sections/<int:section_id>")
def a_revision_is_the_editors_and_the_section_keeps_its_address(env):
    ids = _handbook(env)
    before = env.row(Section, ids["section"])
    response = env.post("coordinator", f"/handbook/edit/sections/{ids['section']}", {
        **_forged(env, ids), "title": "First contact", "body": "Greet every visitor.",
        "summary": "Wording", "base_revision": str(ids["revision"]),
        "chapter_id": str(ids["chapter"]), "save": "Save revision"})
    assert response.status_code == 302
    assert env.changed(Section, ids["section"], before) == set()
    new = _revisions(env, ids["section"])[-1]
    assert (new["body"], new["language"], new["author_id"], new["source_revision_id"],
            new["restored_from_id"]) == ("Greet every visitor.", "en",
                                         env.user("coordinator").id, None, None)


@covers("/handbook/edit/sections/<int:section_id>/translations/<lang>")
def a_translation_is_in_the_language_of_the_address_from_the_current_source(env):
    ids = _handbook(env)
    response = env.post(
        "coordinator", f"/handbook/edit/sections/{ids['section']}/translations/cs", {
            **_forged(env, ids, source_revision_id="999999"), "title": "První kontakt",
            "body": "Pozdravte návštěvníka.", "summary": "Překlad", "base_revision": "",
            "save": "Save translation"})
    assert response.status_code == 302
    new = _revisions(env, ids["section"])[-1]
    assert (new["language"], new["source_revision_id"], new["author_id"]) == (
        "cs", ids["revision"], env.user("coordinator").id)


@covers("/handbook/edit/sections/<int:section_id>/revisions/<int:revision_id>/restore")
def a_restore_brings_back_the_old_text_as_the_editors_revision(env):
    ids = _handbook(env)
    env.post("coordinator", f"/handbook/edit/sections/{ids['section']}", {
        "title": "First contact", "body": "Changed.", "base_revision": str(ids["revision"]),
        "chapter_id": str(ids["chapter"]), "save": "Save revision"})
    response = env.post(
        "coordinator",
        f"/handbook/edit/sections/{ids['section']}/revisions/{ids['revision']}/restore",
        _forged(env, ids, title="Forged", body="Forged"))
    assert response.status_code == 302
    restored = _revisions(env, ids["section"])[-1]
    assert (restored["title"], restored["body"], restored["restored_from_id"],
            restored["author_id"]) == ("First contact", "Greet the visitor.", ids["revision"],
                                       env.user("coordinator").id)


@covers("/handbook/edit/publish")
def an_edition_gets_the_next_number_in_the_publishers_name(env):
    _handbook(env)
    response = env.post("coordinator", "/handbook/edit/publish", {
        **injected(env), "release_notes": "First edition."})
    assert response.status_code == 302
    (edition,) = env.rows(Edition)
    assert (edition["number"], edition["published_by_id"], edition["superseded_at"]) == (
        1, env.user("coordinator").id, None)
    assert edition["published_at"].year > 2000
