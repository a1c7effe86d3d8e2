"""Editing: revisions, no-op saves, conflicts, restoring, ordering, publishing, translations."""

from __future__ import annotations

import re

from headstart.extensions import db
from headstart.handbook import services
from headstart.handbook.models import Revision, Section
from tests.helpers import csrf_token


def _revisions(app, section_id, language="en"):
    with app.app_context():
        return [r.body for r in db.session.scalars(
            db.select(Revision).where(Revision.section_id == section_id,
                                      Revision.language == language).order_by(Revision.id))]


def _base(client, url):
    page = client.get(url).text
    return re.search(r'name="base_revision" type="hidden" value="(\d+)"', page).group(1)


def _save(client, section_id, body, base, title="First contact", **extra):
    return client.post(f"/handbook/edit/sections/{section_id}", data={
        "csrf_token": csrf_token(client, "/handbook/edit/"), "title": title, "body": body,
        "summary": "clearer", "base_revision": base, "save": "Save revision", **extra})


def test_every_save_is_a_revision_with_author_and_summary(app, login_as, coordinator,
                                                          handbook):
    client = login_as(user=coordinator)
    section_id = handbook["first-contact"]
    url = f"/handbook/edit/sections/{section_id}"
    response = _save(client, section_id, "Greet the visitor warmly.", _base(client, url))
    assert response.status_code == 302
    assert _revisions(app, section_id)[-1] == "Greet the visitor warmly."
    history = client.get(f"{url}/history").text
    assert "clearer" in history
    assert coordinator.display_name in history


def test_a_save_that_changes_nothing_adds_no_revision(app, login_as, coordinator, handbook):
    client = login_as(user=coordinator)
    section_id = handbook["referral"]
    url = f"/handbook/edit/sections/{section_id}"
    response = _save(client, section_id, "Refer to a counterpart.", _base(client, url),
                     title="Referral")
    assert response.status_code == 302
    assert len(_revisions(app, section_id)) == 1
    assert "Nothing changed" in client.get(url).text


def test_saving_over_a_newer_revision_is_refused_with_the_diff(app, login_as, coordinator,
                                                               make_user, handbook):
    first = login_as(user=coordinator)
    second = login_as("coordinator")
    section_id = handbook["first-contact"]
    url = f"/handbook/edit/sections/{section_id}"
    base_first, base_second = _base(first, url), _base(second, url)
    assert _save(second, section_id, "Their version of the text.", base_second).status_code \
        == 302
    response = _save(first, section_id, "My own <b>version</b>.", base_first)
    assert response.status_code == 409
    page = response.text
    assert "Someone else saved this section" in page
    assert "Their version of the text." in page  # the diff shows theirs…
    assert "My own &lt;b&gt;version&lt;/b&gt;." in page  # …and keeps mine, escaped
    assert _revisions(app, section_id)[-1] == "Their version of the text."  # not overwritten
    # The form now carries the newer base: saving again, deliberately, succeeds.
    new_base = re.search(r'name="base_revision" type="hidden" value="(\d+)"', page).group(1)
    assert _save(first, section_id, "My own version.", new_base).status_code == 302
    assert _revisions(app, section_id)[-1] == "My own version."


def test_preview_renders_without_saving(app, login_as, coordinator, handbook):
    client = login_as(user=coordinator)
    section_id = handbook["induction"]
    url = f"/handbook/edit/sections/{section_id}"
    response = client.post(url, data={
        "csrf_token": csrf_token(client, url), "title": "Induction",
        "body": "**Three** weeks <script>x</script>", "base_revision": _base(client, url),
        "preview": "Preview"})
    assert response.status_code == 200
    assert "<strong>Three</strong> weeks" in response.text
    assert "<script>x" not in response.text
    assert len(_revisions(app, section_id)) == 1


def test_restore_brings_an_old_text_back_as_a_new_revision(app, login_as, coordinator,
                                                           handbook, edit):
    section_id = handbook["referral"]
    edit(section_id, "A worse text.")
    with app.app_context():
        first_id = db.session.scalars(db.select(Revision.id).where(
            Revision.section_id == section_id).order_by(Revision.id)).first()
    client = login_as(user=coordinator)
    url = f"/handbook/edit/sections/{section_id}/revisions/{first_id}/restore"
    assert client.post(url, data={"csrf_token": csrf_token(client, "/handbook/edit/")}) \
        .status_code == 302
    assert _revisions(app, section_id) == ["Refer to a counterpart.", "A worse text.",
                                           "Refer to a counterpart."]


def test_diff_between_two_revisions(app, login_as, coordinator, handbook, edit):
    section_id = handbook["referral"]
    second = edit(section_id, "Refer to a trusted counterpart.")
    with app.app_context():
        first = db.session.scalars(db.select(Revision.id).where(
            Revision.section_id == section_id).order_by(Revision.id)).first()
    client = login_as(user=coordinator)
    page = client.get(f"/handbook/edit/sections/{section_id}/diff?a={first}&b={second}").text
    assert "<ins>trusted </ins>" in page
    inline = client.get(f"/handbook/edit/sections/{section_id}/diff?a={first}&b={second}"
                        "&view=inline").text
    assert "<ins>trusted </ins>" in inline
    assert client.get(f"/handbook/edit/sections/{section_id}/diff?a={first}").status_code == 400
    assert client.get(f"/handbook/edit/sections/{section_id}/diff?a={first}&b=999999") \
        .status_code == 404


def test_chapters_and_sections_reorder(app, login_as, coordinator, handbook, publish):
    client = login_as(user=coordinator)
    with app.app_context():
        training = db.session.get(Section, handbook["induction"]).chapter_id
    token = csrf_token(client, "/handbook/edit/")
    assert client.post(f"/handbook/edit/chapters/{training}/move",
                       data={"csrf_token": token, "direction": "up"}).status_code == 302
    assert client.post(f"/handbook/edit/sections/{handbook['referral']}/move",
                       data={"csrf_token": token, "direction": "up"}).status_code == 302
    assert client.post(f"/handbook/edit/sections/{handbook['referral']}/move",
                       data={"csrf_token": token, "direction": "sideways"}).status_code == 400
    publish()
    page = client.get("/handbook/").text
    assert page.index("Induction") < page.index("Referral") < page.index("First contact")


def test_new_section_checks_its_address(app, login_as, coordinator, handbook):
    client = login_as(user=coordinator)
    with app.app_context():
        chapter = db.session.get(Section, handbook["referral"]).chapter_id
    data = {"csrf_token": csrf_token(client, "/handbook/edit/sections/new"),
            "chapter_id": chapter, "title": "Intake", "language": "en", "body": "Text",
            "save": "Save revision"}
    taken = client.post("/handbook/edit/sections/new", data={**data, "slug": "referral"})
    assert taken.status_code == 422
    assert "already has this address" in taken.text
    bad = client.post("/handbook/edit/sections/new", data={**data, "slug": "Not a slug!"})
    assert bad.status_code == 422
    assert client.post("/handbook/edit/sections/new",
                       data={**data, "slug": "intake"}).status_code == 302


def test_publishing_freezes_sections_into_a_numbered_edition(app, login_as, coordinator,
                                                             handbook):
    client = login_as(user=coordinator)
    token = csrf_token(client, "/handbook/edit/publish")
    response = client.post("/handbook/edit/publish",
                           data={"csrf_token": token, "release_notes": "First **edition**"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/handbook/editions/1")
    page = client.get("/handbook/editions/1").text
    assert "First <strong>edition</strong>" in page


def test_publishing_an_empty_handbook_is_refused(app, login_as, coordinator):
    client = login_as(user=coordinator)
    response = client.post("/handbook/edit/publish",
                           data={"csrf_token": csrf_token(client, "/handbook/edit/publish")})
    assert response.status_code == 422
    assert "no sections to publish" in response.text


def test_translation_is_outdated_once_the_source_changes(app, login_as, coordinator,
                                                         handbook, edit):
    section_id = handbook["referral"]
    edit(section_id, "Doporučte protějšek.", title="Doporučení", language="cs")
    with app.app_context():
        section = db.session.get(Section, section_id)
        assert services.translation_state(section, "cs")["outdated"] is False
    source_before = _revisions(app, section_id)
    edit(section_id, "Refer to a counterpart you know.")
    client = login_as(user=coordinator)
    page = client.get(f"/handbook/edit/sections/{section_id}/translations/cs").text
    assert "This translation is outdated" in page
    with app.app_context():
        section = db.session.get(Section, section_id)
        state = services.translation_state(section, "cs")
    assert state["outdated"] is True
    link = (f"/handbook/edit/sections/{section_id}/diff?a={state['since']}"
            f"&amp;b={state['source'].id}")
    assert link in page
    assert len(source_before) == 1
    diff_page = client.get(link.replace("&amp;", "&")).text
    assert "<ins>counterpart you know.</ins>" in diff_page


def test_translation_form_refuses_unknown_language(login_as, coordinator, handbook):
    client = login_as(user=coordinator)
    section_id = handbook["referral"]
    assert client.get(f"/handbook/edit/sections/{section_id}/translations/xx").status_code \
        == 404
    assert client.get(f"/handbook/edit/sections/{section_id}/translations/en").status_code \
        == 404


def test_readers_get_their_language_only_from_an_up_to_date_translation(
        app, client, handbook, edit, publish):
    section_id = handbook["referral"]
    edit(section_id, "Doporučte protějšek.", title="Doporučení", language="cs")
    publish()
    czech = client.get("/handbook/editions/1/referral?lang=cs").text
    assert "Doporučte protějšek." in czech
    edit(section_id, "Refer to a counterpart you know.")
    publish()
    outdated = client.get("/handbook/editions/2/referral?lang=cs").text
    assert "Refer to a counterpart you know." in outdated  # the source, with a notice
    assert "Doporučte" not in outdated
    # Edition 1 keeps the translation it froze.
    assert "Doporučte protějšek." in client.get("/handbook/editions/1/referral?lang=cs").text


def test_sections_due_for_review_are_listed_for_coordinators(app, login_as, coordinator,
                                                             handbook):
    from datetime import date, timedelta

    with app.app_context():
        section = db.session.get(Section, handbook["induction"])
        section.review_by = date.today() - timedelta(days=1)
        db.session.get(Section, handbook["referral"]).review_by = date.today() + \
            timedelta(days=200)
        db.session.commit()
    page = login_as(user=coordinator).get("/handbook/edit/").text
    due = page.split('id="due-heading"')[1].split("</section>")[0]
    assert "Induction" in due
    assert "overdue" in due
    assert "Referral" not in due


def test_publishing_the_same_number_twice_at_once_is_a_conflict(app, login_as, coordinator,
                                                                handbook, monkeypatch):
    import sqlalchemy

    from headstart.handbook import editions

    class NoEditionsYet:
        """What a second request saw before the first one committed."""

        @staticmethod
        def max(_column):
            return sqlalchemy.literal(0)

    client = login_as(user=coordinator)
    token = csrf_token(client, "/handbook/edit/publish")
    assert client.post("/handbook/edit/publish", data={"csrf_token": token}).status_code == 302
    monkeypatch.setattr(editions, "latest", lambda: None)
    monkeypatch.setattr(editions, "func", NoEditionsYet)
    response = client.post("/handbook/edit/publish", data={"csrf_token": token})
    assert response.status_code == 409
    assert "Another edition was published a moment ago" in response.text
    monkeypatch.undo()
    assert client.get("/handbook/editions/2").status_code == 404  # nothing half-published


def test_a_members_revisions_are_in_their_data_export(login_as, coordinator, handbook, edit):
    edit(handbook["referral"], "Refer to a counterpart you trust.")
    data = login_as(user=coordinator).get("/account/export").get_json()
    revisions = data["handbook_revisions"]
    assert [r["section"] for r in revisions] == ["first-contact", "referral", "induction",
                                                 "referral"]
    assert revisions[-1]["summary"] == "edit"


def test_a_retired_section_leaves_the_next_edition_only(app, client, login_as, coordinator,
                                                        handbook, publish):
    publish()
    editor = login_as(user=coordinator)
    url = f"/handbook/edit/sections/{handbook['referral']}"
    token = csrf_token(editor, url)
    assert editor.post(f"{url}/retire", data={"csrf_token": token}).status_code == 302
    assert "retired" in editor.get("/handbook/edit/").text
    assert "left out" in editor.get("/handbook/edit/publish").text
    publish()
    assert client.get("/handbook/editions/2/referral").status_code == 404
    assert client.get("/handbook/editions/1/referral").status_code == 200
    assert client.get("/handbook/editions/2/first-contact").text.count('rel="next"') == 1
    assert 'rel="next" href="/handbook/editions/2/induction"' in client.get(
        "/handbook/editions/2/first-contact").text
    assert editor.post(f"{url}/reinstate", data={"csrf_token": token}).status_code == 302
    publish()
    assert client.get("/handbook/editions/3/referral").status_code == 200


def test_a_section_moves_to_another_chapter(app, client, login_as, coordinator, handbook,
                                            publish):
    editor = login_as(user=coordinator)
    with app.app_context():
        training = db.session.get(Section, handbook["induction"]).chapter_id
    url = f"/handbook/edit/sections/{handbook['first-contact']}"
    page = editor.get(url).text
    base = re.search(r'name="base_revision" type="hidden" value="(\d+)"', page).group(1)
    response = editor.post(url, data={
        "csrf_token": csrf_token(editor, url), "title": "First contact",
        "body": "Greet the visitor.\n\n# What to ask\n\n- Where are you going?\n- When?",
        "base_revision": base, "chapter_id": training, "save": "Save revision"})
    assert response.status_code == 302
    publish()
    page = client.get("/handbook/").text
    assert page.index("Referral") < page.index("Training") < page.index("Induction") \
        < page.index("First contact")


def test_chapter_titles_in_other_languages_reach_readers_with_the_next_edition(
        app, client, login_as, coordinator, handbook, publish):
    publish()
    editor = login_as(user=coordinator)
    with app.app_context():
        chapter = db.session.get(Section, handbook["referral"]).chapter_id
    page = editor.get("/handbook/edit/").text
    assert 'id="csrf_token"' not in page.split('id="new-chapter"')[0]  # one id per page
    response = editor.post(f"/handbook/edit/chapters/{chapter}/titles", data={
        "csrf_token": csrf_token(editor, "/handbook/edit/"), "language": "cs",
        "title": "Postupy"})
    assert response.status_code == 302
    assert "Postupy" not in client.get("/handbook/editions/1?lang=cs").text  # frozen
    publish()
    czech = client.get("/handbook/editions/2?lang=cs").text
    assert '<span class="toc-chapter" dir="auto" lang="cs">Postupy</span>' in czech
    assert "Postupy" in client.get("/handbook/editions/2/referral?lang=cs").text
    assert "Procedures" in client.get("/handbook/editions/2?lang=en").text
    bad = editor.post(f"/handbook/edit/chapters/{chapter}/titles", data={
        "csrf_token": csrf_token(editor, "/handbook/edit/"), "language": "xx", "title": "?"})
    assert bad.status_code == 302
    assert "Choose one of the portal" in editor.get("/handbook/edit/").text
