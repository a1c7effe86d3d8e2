"""Admins manage the vocabularies as data: add a term with labels in other languages,
relabel, reorder, retire (kept on practices, no longer offered)."""

from headstart.extensions import db
from headstart.practices.models import TaxonomyTerm
from tests.helpers import post_form


def _term(app, vocabulary, code) -> TaxonomyTerm:
    with app.app_context():
        term = db.session.scalars(db.select(TaxonomyTerm).where(
            TaxonomyTerm.vocabulary == vocabulary, TaxonomyTerm.code == code)).one()
        db.session.expunge(term)
        return term


def test_an_admin_adds_a_theme_with_a_czech_label_and_it_is_offered(app, login_as):
    admin = login_as("admin")
    response = post_form(admin, "/admin/taxonomy/theme/new", {
        "label": "Digital skills", "group": "education", "label_cs": "Digitální dovednosti"},
        page="/admin/taxonomy/theme")
    assert response.status_code == 302
    term = _term(app, "theme", "digital_skills")
    assert (term.group, term.labels) == ("education", {"cs": "Digitální dovednosti"})
    practitioner = login_as("practitioner")
    assert "Digital skills" in practitioner.get("/practices/new").get_data(as_text=True)
    czech = practitioner.get("/practices/new?lang=cs").get_data(as_text=True)
    assert "Digitální dovednosti" in czech


def test_a_relabelled_builtin_term_shows_the_new_label(app, login_as, make_practice):
    make_practice("published", themes=["housing"])
    term = _term(app, "theme", "housing")
    admin = login_as("admin")
    response = post_form(admin, f"/admin/taxonomy/theme/{term.id}", {
        "label": "Housing and accommodation", "group": "social", "position": "2"},
        page="/admin/taxonomy/theme")
    assert response.status_code == 302
    assert "Housing and accommodation" in login_as(None).get("/practices/").get_data(
        as_text=True)
    assert _term(app, "theme", "housing").position == 2


def test_a_retired_term_stays_on_practices_but_is_no_longer_offered(
        app, login_as, make_practice):
    practice = make_practice("published", themes=["health"])
    term = _term(app, "theme", "health")
    admin = login_as("admin")
    assert post_form(admin, f"/admin/taxonomy/theme/{term.id}/retire", {},
                     page="/admin/taxonomy/theme").status_code == 302
    practitioner = login_as("practitioner")
    assert 'value="health"' not in practitioner.get("/practices/new").get_data(as_text=True)
    assert "Health" in practitioner.get(f"/practices/{practice.id}").get_data(as_text=True)
    assert post_form(admin, f"/admin/taxonomy/theme/{term.id}/restore", {},
                     page="/admin/taxonomy/theme").status_code == 302
    assert 'value="health"' in practitioner.get("/practices/new").get_data(as_text=True)


def test_bad_term_values_get_messages_not_errors(login_as):
    admin = login_as("admin")
    cases = [
        ({"label": ""}, "Give the term a label in English."),
        ({"label": "Employment", "code": "employment", "group": "economic"},
         "This code is already used in this vocabulary."),
        ({"label": "X", "code": "bad code!", "group": "economic"},
         "Use lower-case letters, digits and _ only."),
        ({"label": "X", "group": "nonsense"}, "Choose one of the offered groups."),
    ]
    for data, message in cases:
        response = post_form(admin, "/admin/taxonomy/theme/new", data,
                             page="/admin/taxonomy/theme")
        assert response.status_code == 422, data
        assert message in response.get_data(as_text=True), data


def test_a_term_of_another_vocabulary_is_not_found_under_this_one(app, login_as):
    term = _term(app, "theme", "housing")
    assert login_as("admin").get(f"/admin/taxonomy/target/{term.id}").status_code == 404


def test_editing_a_practice_keeps_its_retired_terms(app, login_as, make_user, make_practice):
    from headstart.practices.models import Practice
    from tests.conftest import COMPLETE

    author = make_user("practitioner")
    practice = make_practice("draft", author=author, themes=["health", "employment"])
    admin = login_as("admin")
    post_form(admin, f"/admin/taxonomy/theme/{_term(app, 'theme', 'health').id}/retire", {},
              page="/admin/taxonomy/theme")
    client = login_as(user=author)
    form = client.get(f"/practices/{practice.id}/edit").get_data(as_text=True)
    assert 'value="health" checked' in form
    data = dict(COMPLETE, themes=["health", "employment"], action="save",
                lead_organisation_id=str(practice.lead_organisation_id))
    response = post_form(client, f"/practices/{practice.id}/edit", data,
                         page=f"/practices/{practice.id}/edit")
    assert response.status_code == 302
    with app.app_context():
        assert set(db.session.get(Practice, practice.id).codes("theme")) == {"health",
                                                                            "employment"}


def test_a_position_that_is_not_a_plain_number_is_refused(app, login_as):
    term = _term(app, "theme", "housing")
    response = post_form(login_as("admin"), f"/admin/taxonomy/theme/{term.id}",
                         {"label": "Housing", "group": "social", "position": "²"},
                         page="/admin/taxonomy/theme")
    assert response.status_code == 422
