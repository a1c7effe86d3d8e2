"""Rendered pages kept for visitors, on both search backends: a second visitor gets the
kept page, and every change a visitor could see shows on the next request; members and
pages with a message are never kept."""

import pytest
from sqlalchemy import select, text

from headstart.core import page_cache
from headstart.core.page_cache import PageGeneration
from headstart.directory.models import Organisation
from headstart.extensions import db
from headstart.practices import services
from headstart.practices.models import Practice, TaxonomyTerm


class _Coordinator:
    """A stand-in reviewer (no account row needed)."""

    id = None
    role = "coordinator"
    is_authenticated = True


@pytest.fixture
def kept(app):
    """The page cache switched on for one test."""
    app.config["PAGE_CACHE_BYTES"] = 8 * 1024 * 1024
    store = page_cache.store(app)
    store.clear()
    yield store
    app.config["PAGE_CACHE_BYTES"] = 0
    store.clear()


def html(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


def _retitle_behind_the_portals_back(app, practice_id, title):
    """Change a title without the session noticing (as no portal code does): only a kept
    page still shows the old one."""
    with app.app_context():
        db.session.execute(text("UPDATE practices SET title = :t WHERE id = :i"),
                           {"t": title, "i": practice_id})
        db.session.commit()


def _change(app, practice_id, change):
    with app.app_context():
        practice = db.session.get(Practice, practice_id)
        change(practice)
        db.session.commit()


URLS = ["/practices/?q=leaving", "/practices/{id}"]


@pytest.mark.parametrize("url", URLS)
def test_a_second_visitor_gets_the_kept_page(app, client, login_as, corpus, kept, url):
    url = url.format(id=corpus["training"])
    assert "Vocational trainings for care workers" in html(client, url)
    _retitle_behind_the_portals_back(app, corpus["training"], "Changed unseen")
    second = login_as(None)
    assert "Vocational trainings for care workers" in html(second, url)
    assert len(kept) == 1


@pytest.mark.parametrize("url", URLS)
def test_an_edited_practice_shows_on_the_next_request(app, client, corpus, kept, url):
    url = url.format(id=corpus["training"])
    html(client, url)
    summary = "Care workers learn Italian law before leaving."
    _change(app, corpus["training"], lambda p: setattr(p, "summary", summary))
    assert "Care workers learn Italian law" in html(client, url)


def test_publishing_and_unpublishing_show_on_the_next_request(app, client, corpus, kept):
    url = "/practices/?q=Chisinau"
    assert "Secret information draft" not in html(client, url)
    for action in ("submit", "publish"):
        _change(app, corpus["draft"],
                lambda p, a=action: services.transition(p, a, actor=_Coordinator()))
    assert "Secret information draft" in html(client, url)
    assert "Secret information draft" in html(client, f"/practices/{corpus['draft']}")
    _change(app, corpus["draft"],
            lambda p: services.transition(p, "archive", actor=_Coordinator()))
    assert "Secret information draft" not in html(client, url)
    assert client.get(f"/practices/{corpus['draft']}").status_code == 404


def test_a_renamed_organisation_shows_on_the_next_request(app, client, corpus, kept):
    url = f"/practices/{corpus['training']}"
    before = html(client, url)
    with app.app_context():
        practice = db.session.get(Practice, corpus["training"])
        old_name = practice.lead_organisation.name
        practice.lead_organisation.name = "Renamed Care Network"
        db.session.commit()
    assert old_name in before
    after = html(client, url)
    assert "Renamed Care Network" in after
    assert old_name not in after


@pytest.mark.parametrize("url", ["/practices/?q=leaving", "/practices/{id}"])
def test_a_relabelled_theme_shows_on_the_next_request(app, client, corpus, kept, url):
    url = url.format(id=corpus["training"])
    assert "Vocational training" in html(client, url)
    with app.app_context():
        term = db.session.scalars(select(TaxonomyTerm).where(
            TaxonomyTerm.vocabulary == "theme",
            TaxonomyTerm.code == "vocational_training")).one()
        term.label = "Skills for work"
        db.session.commit()
    assert "Skills for work" in html(client, url)


def test_a_new_translation_shows_on_the_next_request(app, client, make_practice, corpus, kept):
    url = f"/practices/{corpus['training']}"
    assert "Also available in" not in html(client, url)
    with app.app_context():
        original = db.session.get(Practice, corpus["training"])
        db.session.expunge(original)
    make_practice("published", title="Odborná příprava pečovatelek", language="cs",
                  group_of=original)
    assert "Also available in" in html(client, url)


def test_members_never_get_or_make_a_kept_page(app, login_as, corpus, kept):
    url = f"/practices/{corpus['training']}"
    member = login_as("practitioner")
    assert "Sign out" in html(member, url)
    assert len(kept) == 0
    html(login_as(None), url)
    assert len(kept) == 1
    _retitle_behind_the_portals_back(app, corpus["training"], "Changed unseen")
    page = html(member, url)
    assert "Changed unseen" in page
    assert "Sign out" in page


def test_a_page_with_a_message_is_not_kept(app, client, corpus, kept):
    with client.session_transaction() as session:
        session["_flashes"] = [("success", "Your search was saved.")]
    assert "Your search was saved." in html(client, "/practices/")
    assert len(kept) == 0
    assert "Your search was saved." not in html(client, "/practices/")
    assert len(kept) == 1  # the next page, with the message gone, is kept


def test_each_language_gets_its_own_page(client, corpus, kept):
    url = f"/practices/{corpus['training']}"
    english = html(client, url, **{"Accept-Language": "en"})
    czech = html(client, url, **{"Accept-Language": "cs"})
    assert '<html lang="en"' in english
    assert '<html lang="cs"' in czech
    assert english != czech
    assert html(client, url, **{"Accept-Language": "en"}) == english
    assert html(client, url, **{"Accept-Language": "cs"}) == czech
    assert len(kept) == 2


def test_a_kept_page_carries_the_security_headers(client, corpus, kept):
    url = f"/practices/{corpus['training']}"
    first = client.get(url)
    second = client.get(url)
    assert len(kept) == 1
    for name in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options",
                 "Referrer-Policy", "Cross-Origin-Opener-Policy", "Permissions-Policy"):
        assert second.headers[name] == first.headers[name], name
    assert {"Accept-Language", "Cookie"} <= set(second.headers["Vary"].split(", "))
    assert "Set-Cookie" not in second.headers


def _content_generation(app) -> int:
    with app.app_context():
        return db.session.scalar(select(PageGeneration.value).where(
            PageGeneration.name == "content")) or 0


def test_signing_in_is_not_a_content_change(app, make_user, login_as, search_backend):
    user = make_user("practitioner")
    before = _content_generation(app)
    login_as(user=user)
    assert _content_generation(app) == before
    with app.app_context():
        db.session.get(Organisation, 1)  # a read changes nothing either
        db.session.commit()
    assert _content_generation(app) == before
