"""Forum category names and descriptions in other languages: a coordinator gives them on
the category's form, readers of that language see them everywhere the category is
named, and readers of a language without one see the main name."""

from __future__ import annotations

from headstart.extensions import db
from tests.helpers import csrf_token

FORM = "/forum/categories/new"


def _save(client, url, data):
    return client.post(url, data={"csrf_token": csrf_token(client, url), **data})


def _category(app):
    from headstart.forum.models import ForumCategory

    with app.app_context():
        return db.session.query(ForumCategory).one()


def test_readers_see_the_name_and_description_in_their_language(app, login_as, make_user,
                                                                 make_topic):
    coordinator = login_as("coordinator")
    response = _save(coordinator, FORM, {
        "name": "Care work in Italy", "description": "Contracts, courses and carers.",
        "name_cs": "Práce v péči v Itálii", "description_cs": "Smlouvy, kurzy a pečovatelé.",
        "name_ar": "العمل في الرعاية في إيطاليا", "description_ar": "",
        "name_xx": "Not a language", "grouping": "theme", "access": "public",
        "position": "0"})
    assert response.status_code == 302
    category = _category(app)
    assert category.names == {"cs": "Práce v péči v Itálii", "ar": "العمل في الرعاية في إيطاليا"}
    assert category.descriptions == {"cs": "Smlouvy, kurzy a pečovatelé."}
    topic_id, _post = make_topic(category.id, make_user("practitioner"),
                                 title="Contracts for carers")

    visitor = login_as(None)
    czech = visitor.get("/forum/?lang=cs").get_data(as_text=True)
    assert "Práce v péči v Itálii" in czech
    assert "Smlouvy, kurzy a pečovatelé." in czech
    assert "Care work in Italy" not in czech
    page = visitor.get(f"/forum/c/{category.id}?lang=cs").get_data(as_text=True)
    assert "<title>Práce v péči v Itálii" in page
    topic = visitor.get(f"/forum/t/{topic_id}?lang=cs").get_data(as_text=True)
    assert "Práce v péči v Itálii" in topic
    # The category's feed is titled in the reader's language too.
    assert "Práce v péči v Itálii" in visitor.get(
        f"/forum/c/{category.id}/feed.atom?lang=cs").get_data(as_text=True)

    # Arabic has a name but no description: the main description is shown.
    arabic = visitor.get("/forum/?lang=ar").get_data(as_text=True)
    assert "العمل في الرعاية في إيطاليا" in arabic
    assert "Contracts, courses and carers." in arabic
    # German has neither: the main name and description.
    german = visitor.get("/forum/?lang=de").get_data(as_text=True)
    assert "Care work in Italy" in german
    assert "Práce v péči v Itálii" not in german


def test_the_form_shows_the_translations_and_emptying_one_removes_it(app, login_as,
                                                                     make_category):
    from headstart.forum.models import ForumCategory

    category_id = make_category("Care work in Italy")
    with app.app_context():
        db.session.get(ForumCategory, category_id).names = {"cs": "Práce v péči"}
        db.session.commit()
    coordinator = login_as("coordinator")
    url = f"/forum/c/{category_id}/edit"
    form = coordinator.get(url).get_data(as_text=True)
    assert ('<input id="name_cs" name="name_cs" lang="cs" dir="auto" maxlength="120" '
            'value="Práce v péči">') in form
    assert 'name="name_en"' not in form  # the main name is the English one
    assert 'lang="ar"' in form
    assert _save(coordinator, url, {
        "name": "Care work in Italy", "description": "", "name_cs": "  ",
        "name_sk": "Práca v starostlivosti", "grouping": "theme", "access": "public",
        "position": "0"}).status_code == 302
    assert _category(app).names == {"sk": "Práca v starostlivosti"}


def test_a_too_long_translation_is_a_clear_error_and_changes_nothing(app, login_as,
                                                                      make_category):
    category_id = make_category("Care work in Italy")
    coordinator = login_as("coordinator")
    url = f"/forum/c/{category_id}/edit"
    response = _save(coordinator, url, {
        "name": "Renamed", "description": "", "name_cs": "x" * 121,
        "grouping": "theme", "access": "public", "position": "0"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "at most 120 characters" in page
    assert "Czech" in page  # the language, named in the reader's language
    assert 'value="' + "x" * 121 + '"' in page  # what was typed is kept on the form
    category = _category(app)
    assert (category.name, category.names) == ("Care work in Italy", {})


def test_only_coordinators_translate_categories(app, login_as, make_category):
    category_id = make_category("Care work in Italy")
    member = login_as("practitioner")
    url = f"/forum/c/{category_id}/edit"
    response = member.post(url, data={
        "csrf_token": csrf_token(member, "/auth/reset"), "name": "Care work in Italy",
        "name_cs": "Vandal", "grouping": "theme", "access": "public", "position": "0"})
    assert response.status_code == 403
    assert _category(app).names == {}
