"""The XSS corpus (``tests/xss.py``) through every Markdown and plain-text field of every
area, saved through the real forms, then every page that shows the field checked with an
HTML parser: no script but the portal's own, no event handler, no javascript:/vbscript:/
data: address, no frame, object or foreign form (OWASP ASVS 5.3.3).

The payloads of a field share a record (as many records as the field's length needs);
a failure names the page, the field and the payload.
"""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from urllib.parse import quote

from headstart.extensions import db
from tests.conftest import COMPLETE
from tests.helpers import csrf_token
from tests.xss import LINE_PAYLOADS, TINY_PAYLOADS, URL_PAYLOADS, Corpus

FILE_NAME_PAYLOADS = [
    "'><img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<img src=x onerror=alert(1)",
    "' autofocus onfocus='alert(1)", "&lt;svg onload=alert(1)&gt;", "<!--><svg onload=1>",
    "javascript:alert(1)",
]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def post(client, url, data, *, page=None, files=None):
    """POST a form like a browser, with the client's CSRF token (read once from ``page``,
    default ``url``: the token belongs to the session, not to one form)."""
    if not hasattr(client, "xss_csrf"):
        client.xss_csrf = csrf_token(client, page or url)
    payload = {"csrf_token": client.xss_csrf, **data}
    if files:
        payload["attachments"] = [(io.BytesIO(content), name) for name, content in files]
        return client.post(url, data=payload, content_type="multipart/form-data")
    return client.post(url, data=payload)


def records(fields: dict[str, list[str]]) -> list[dict[str, str]]:
    """Spread each field's values over as many records as the longest needs (fields with
    fewer values repeat their first)."""
    count = max(len(values) for values in fields.values())
    return [{name: values[n] if n < len(values) else values[0]
             for name, values in fields.items()} for n in range(count)]


def created_id(response) -> int:
    """The id at the end of a redirect to a created resource (``/area/12-slug``)."""
    assert response.status_code == 302, (response.status_code, re.findall(
        r'class="error[^"]*"[^>]*>([^<]*)', response.get_data(as_text=True)))
    last = response.headers["Location"].rstrip("/").rsplit("/", 1)[1]
    return int(last.split("-", 1)[0])


def check_reflected(corpus: Corpus, client, url_template: str) -> None:
    """A search query is echoed back escaped, whatever it is: all the one-line payloads in
    one query (each after its marker), then the first few on their own."""
    values = corpus.field(f"query of {url_template}", limit=2000)
    for value in [*values, *LINE_PAYLOADS[:4]]:
        response = client.get(url_template.format(quote(value)))
        assert response.status_code == 200, value
        corpus.check_html(f"{url_template} with q={value!r}", response.get_data(as_text=True))


def check_url_field(corpus: Corpus, client, url, data, field, *, page=None):
    """Each address payload is refused (the form comes back, with the value escaped) or
    stored and shown harmlessly."""
    for value in URL_PAYLOADS:
        response = post(client, url, {**data, field: value}, page=page)
        assert response.status_code in {302, 422}, (field, value, response.status_code)
        if response.status_code == 302:
            target = response.headers["Location"]
            corpus.check_html(f"{target} with {field}={value!r}",
                              client.get(target).get_data(as_text=True))
        else:
            corpus.check_html(f"{url} refusing {field}={value!r}",
                              response.get_data(as_text=True))


# --- practices ----------------------------------------------------------------------

def test_practices_fields_render_harmless(app, login_as, make_user, make_org):
    corpus = Corpus()
    markdown = {name: corpus.field(f"practice {name}", limit=limit, markdown=True)
                for name, limit in (("summary", 3000), ("challenge", 20000),
                                    ("approach", 20000), ("results", 20000),
                                    ("evaluation", 20000), ("beneficiaries", 20000),
                                    ("funding", 20000))}
    lines = {name: corpus.field(f"practice {name}", limit=limit)
             for name, limit in (("title", 300), ("city_region", 200),
                                 ("contact_name", 200), ("contact_role", 200))}
    # One file per payload; a browser sends a name without its folders, and a test
    # client's multipart encoding cannot carry a double quote.
    files = corpus.field("attachment file name", limit=40, payloads=FILE_NAME_PAYLOADS)
    call_fields = {"title": corpus.field("call title", limit=300),
                   "description": corpus.field("call description", limit=10000, markdown=True)}
    comments = corpus.field("review comment", limit=5000, markdown=True)

    author = make_user("practitioner")
    lead = make_org("Lead organisation", members=[author])
    partner = make_org("Partner organisation", side="destination", country="IT")
    writer = login_as(user=author)
    coordinator = login_as("coordinator")
    visitor = login_as(None)

    deadline = (date.today() + timedelta(days=30)).isoformat()
    call_ids = [created_id(post(coordinator, "/practices/calls/new", {
        **values, "deadline": deadline, "themes": ["employment"], "phase": "pre_departure",
        "origin_countries": ["MD"], "destination_countries": ["IT"]}))
        for values in records(call_fields)]

    base = dict(COMPLETE, lead_organisation_id=str(lead.id), partner_ids=[str(partner.id)],
                call_id=str(call_ids[0]), action="submit")
    practice_ids = []
    for n, values in enumerate(records({**markdown, **lines})):
        names = [(f"{part}.pdf", PDF) for part in files] if n == 0 else None
        practice_ids.append(created_id(post(writer, "/practices/new", {**base, **values},
                                            page="/practices/new", files=names)))
    # Waiting for review: the queue and the author's own list.
    corpus.check(coordinator, "/practices/review")
    corpus.check(writer, "/practices/mine")
    for practice_id in practice_ids:
        corpus.check(coordinator, f"/practices/{practice_id}/edit")
        assert post(coordinator, f"/practices/{practice_id}/publish",
                    {"confirmed_criteria": ["evaluated"]},
                    page=f"/practices/{practice_id}").status_code == 302
    # A translation made from the first, and returned versions carrying the comments.
    first = practice_ids[0]
    translation = created_id(post(writer, f"/practices/{first}/translate",
                                  {**base, **records({**markdown, **lines})[0],
                                   "language": "cs", "call_id": "0"}))
    assert post(coordinator, f"/practices/{translation}/publish", {},
                page=f"/practices/{translation}").status_code == 302
    returned = []
    for comment in comments:
        practice_id = created_id(post(writer, "/practices/new",
                                      {**base, **records({**markdown, **lines})[0]},
                                      page="/practices/new"))
        assert post(coordinator, f"/practices/{practice_id}/return", {"comment": comment},
                    page=f"/practices/{practice_id}").status_code == 302
        returned.append(practice_id)

    for client in (writer, coordinator):
        corpus.check(client, f"/practices/{first}")
    for practice_id in practice_ids:
        corpus.check(visitor, f"/practices/{practice_id}")
        corpus.check(visitor, f"/practices/{practice_id}/print")
        corpus.check(coordinator, f"/practices/{practice_id}/history")
    corpus.check(visitor, f"/practices/{translation}")
    for practice_id in returned:
        corpus.check(writer, f"/practices/{practice_id}")
        corpus.check(writer, f"/practices/{practice_id}/edit")
        corpus.check(coordinator, f"/practices/{practice_id}/history")
    for call_id in call_ids:
        corpus.check(visitor, f"/practices/calls/{call_id}")
        corpus.check(coordinator, f"/practices/calls/{call_id}/edit")
    corpus.check(visitor, "/practices/calls/")
    corpus.check(visitor, "/practices/")
    corpus.check(visitor, "/practices/?q=alert")
    corpus.check(visitor, "/search?q=alert")
    corpus.check(visitor, "/practices/feed.atom")
    corpus.check(visitor, "/practices/feed.atom?q=alert")
    corpus.check(visitor, "/", shows=False)
    check_url_field(corpus, writer, "/practices/new", {**base, "title": "Safe", "action": "save"},
                    "website")
    check_reflected(corpus, visitor, "/practices/?q={}")
    check_reflected(corpus, visitor, "/search?q={}")
    corpus.assert_clean()


def only_id(app, model, **where):
    """The id of the newest ``model`` row matching ``where``."""
    with app.app_context():
        query = db.select(model.id).filter_by(**where).order_by(model.id.desc())
        return db.session.scalars(query).first()


# --- accounts and forum -------------------------------------------------------------

def test_forum_and_display_names_render_harmless(app, login_as, make_user, monkeypatch):
    from headstart.forum.models import ForumPost

    monkeypatch.setitem(app.config, "FORUM_HOLD_FIRST_POSTS", 0)
    corpus = Corpus()
    names = corpus.field("display name", limit=120, payloads=TINY_PAYLOADS + LINE_PAYLOADS)
    categories = records({
        "name": corpus.field("category name", limit=120),
        "description": corpus.field("category description", limit=2000, markdown=True)})
    titles = corpus.field("topic title", limit=200)
    bodies = corpus.field("post body", limit=20000, markdown=True)
    replies = corpus.field("reply body", limit=20000, markdown=True)
    edits = corpus.field("edited post body", limit=20000, markdown=True)
    reasons = corpus.field("flag reason", limit=500)

    coordinator = login_as("coordinator")
    writer = login_as("practitioner")
    visitor = login_as(None)
    for name in names[:1]:
        assert post(writer, "/account/", {"display_name": name, "preferred_language": "en"}
                    ).status_code == 302
    corpus.check(writer, "/account/")
    category_ids = [created_id(post(coordinator, "/forum/categories/new", {
        **values, "grouping": "theme", "access": "public", "position": "0"}))
        for values in categories]
    for category_id in category_ids:
        corpus.check(coordinator, f"/forum/c/{category_id}/edit")
    category = category_ids[0]
    preview = post(writer, f"/forum/c/{category}/new",
                   {"title": titles[0], "body": bodies[0], "preview": "Preview"})
    corpus.check_html("topic preview", preview.get_data(as_text=True))
    topic_ids = [created_id(post(writer, f"/forum/c/{category}/new",
                                 {"title": title, "body": bodies[0], "submit": "Post"}))
                 for title in titles]
    topic = topic_ids[0]
    for body in replies:
        assert post(writer, f"/forum/t/{topic}/reply", {"body": body, "submit": "Post"}
                    ).status_code == 302
    opening = min(only_id(app, ForumPost, topic_id=t) for t in topic_ids[:1])
    assert post(writer, f"/forum/p/{opening}/edit",
                {"title": titles[0], "body": edits[0], "submit": "Save changes"}
                ).status_code == 302
    flagger = login_as("practitioner")
    for reason in reasons:
        assert post(flagger, f"/forum/p/{opening}/flag", {"reason": reason}).status_code == 302

    corpus.check(visitor, "/forum/")
    for category_id in category_ids:
        corpus.check(visitor, f"/forum/c/{category_id}")
        corpus.check(visitor, f"/forum/c/{category_id}/feed.atom", shows=False)
    corpus.check(visitor, f"/forum/c/{category}/feed.atom")
    for topic_id in topic_ids:
        corpus.check(visitor, f"/forum/t/{topic_id}")
    corpus.check(writer, f"/forum/t/{topic}")
    corpus.check(writer, f"/forum/p/{opening}/edit")
    corpus.check(visitor, f"/forum/p/{opening}/history")
    corpus.check(coordinator, "/forum/moderation")
    corpus.check(visitor, "/search?q=alert")
    check_reflected(corpus, visitor, "/search?area=forum&q={}")
    for name in names[1:]:
        assert post(writer, "/account/", {"display_name": name, "preferred_language": "en"}
                    ).status_code == 302
        corpus.check(visitor, f"/forum/t/{topic}")
        corpus.check(writer, "/account/")
    corpus.assert_clean()


# --- directory ----------------------------------------------------------------------

ORGANISATION = {"kind": "ngo", "side": "origin", "country": "MK", "corridors": "MK-DE",
                "services": ["job_matching"], "languages": ["mk"],
                "website": "https://eos.example.org", "contact_email": "info@eos.example.org"}


def test_directory_fields_render_harmless(app, login_as, make_user):
    from headstart.directory.models import Link

    corpus = Corpus()
    fields = {
        "name": corpus.field("organisation name", limit=200),
        "acronym": corpus.field("acronym", limit=40, payloads=TINY_PAYLOADS),
        "city": corpus.field("city", limit=120),
        "contact_phone": corpus.field("contact phone", limit=40, payloads=TINY_PAYLOADS),
        "description": corpus.field("organisation description", limit=5000, markdown=True)}
    notes = corpus.field("link note", limit=2000, markdown=True)
    answers = corpus.field("link answer note", limit=2000, markdown=True)
    joiner_names = corpus.field("joining member's name", limit=120)

    member = login_as("practitioner")
    visitor = login_as(None)
    org_ids = [created_id(post(member, "/directory/new", {**ORGANISATION, **values}))
               for values in records(fields)]
    other = login_as("practitioner")
    partner = created_id(post(other, "/directory/new", {
        **ORGANISATION, "name": "Partner", "side": "destination", "country": "DE"}))
    assert len(notes) <= len(org_ids)
    for organisation_id, note in zip(org_ids, notes, strict=False):
        assert post(member, f"/directory/{partner}/link", {
            "organisation": str(organisation_id), "corridor": "MK-DE",
            "services": ["job_matching"], "note": note}).status_code == 302
    link_ids = []
    with app.app_context():
        link_ids = list(db.session.scalars(db.select(Link.id).order_by(Link.id)))
    for link_id, note in zip(link_ids, answers * len(link_ids), strict=False):
        assert post(other, f"/directory/links/{link_id}/accept", {"note": note},
                    page=f"/directory/links/{link_id}").status_code == 302
    joiner = login_as("practitioner")
    assert post(joiner, "/account/", {"display_name": joiner_names[0],
                                      "preferred_language": "en"}).status_code == 302
    assert post(joiner, f"/directory/{org_ids[0]}/join", {},
                page=f"/directory/{org_ids[0]}").status_code == 302

    for organisation_id in org_ids:
        corpus.check(visitor, f"/directory/{organisation_id}")
        corpus.check(member, f"/directory/{organisation_id}")
        corpus.check(member, f"/directory/{organisation_id}/edit")
    corpus.check(other, f"/directory/{partner}")
    for link_id in link_ids:
        corpus.check(member, f"/directory/links/{link_id}")
    corpus.check(visitor, "/directory/")
    corpus.check(visitor, "/directory/?q=alert")
    corpus.check(visitor, f"/directory/counterparts?organisation={partner}", shows=False)
    corpus.check(visitor, "/search?q=alert")
    check_reflected(corpus, visitor, "/directory/?q={}")
    check_url_field(corpus, member, "/directory/new", {**ORGANISATION, "name": "Safe"},
                    "website")
    corpus.assert_clean()


# --- handbook -----------------------------------------------------------------------

def test_handbook_fields_render_harmless(app, login_as):
    from headstart.handbook.models import Chapter, Revision, Section

    corpus = Corpus()
    chapter_titles = corpus.field("chapter title", limit=200)
    chapter_translations = corpus.field("chapter title translation", limit=200)
    sections = records({
        "title": corpus.field("section title", limit=300),
        "body": corpus.field("section body", limit=100_000, markdown=True),
        "summary": corpus.field("revision summary", limit=300)})
    edited = corpus.field("edited section body", limit=100_000, markdown=True)
    translations = records({
        "title": corpus.field("section translation title", limit=300),
        "body": corpus.field("section translation body", limit=100_000, markdown=True)})
    notes = corpus.field("release notes", limit=20_000, markdown=True)

    editor = login_as("coordinator")
    visitor = login_as(None)
    for title in chapter_titles:
        assert post(editor, "/handbook/edit/chapters", {"title": title},
                    page="/handbook/edit/").status_code == 302
    chapter = only_id(app, Chapter)
    for title in chapter_translations:
        assert post(editor, f"/handbook/edit/chapters/{chapter}/titles",
                    {"language": "cs", "title": title}, page="/handbook/edit/"
                    ).status_code == 302
    preview = post(editor, "/handbook/edit/sections/new", {
        **sections[0], "chapter_id": str(chapter), "slug": "preview", "language": "en",
        "preview": "Preview"}, page="/handbook/edit/sections/new")
    corpus.check_html("section preview", preview.get_data(as_text=True))
    section_ids = []
    for n, values in enumerate(sections):
        assert post(editor, "/handbook/edit/sections/new", {
            **values, "chapter_id": str(chapter), "slug": f"section-{n}", "language": "en",
            "save": "Save revision"}, page="/handbook/edit/sections/new").status_code == 302
        section_ids.append(only_id(app, Section, slug=f"section-{n}"))
    first = section_ids[0]
    url = f"/handbook/edit/sections/{first}"
    base = only_id(app, Revision, section_id=first)
    assert post(editor, url, {**sections[0], "body": edited[0], "base_revision": str(base),
                              "chapter_id": str(chapter), "save": "Save revision"}
                ).status_code == 302
    for values in translations:
        latest = only_id(app, Revision, section_id=first, language="cs")
        assert post(editor, f"{url}/translations/cs", {
            **values, "base_revision": str(latest or ""), "save": "Save translation"},
            page=f"{url}/translations/cs").status_code == 302
    for notes_part in notes:
        assert post(editor, "/handbook/edit/publish", {"release_notes": notes_part}
                    ).status_code == 302
    newest = only_id(app, Revision, section_id=first, language="en")
    revisions = sorted({base, newest})

    corpus.check(editor, "/handbook/edit/")
    for section_id in section_ids:
        corpus.check(editor, f"/handbook/edit/sections/{section_id}")
        corpus.check(editor, f"/handbook/edit/sections/{section_id}/history")
    corpus.check(editor, f"{url}/translations/cs")
    corpus.check(editor, f"{url}/revisions/{base}")
    corpus.check(editor, f"{url}/diff?a={revisions[0]}&b={revisions[-1]}")
    corpus.check(editor, f"{url}/diff?a={revisions[0]}&b={revisions[-1]}&view=inline")
    corpus.check(visitor, "/handbook/")
    corpus.check(visitor, "/handbook/?lang=cs")
    corpus.check(visitor, "/handbook/editions/", shows=False)
    last = len(notes)
    corpus.check(visitor, f"/handbook/editions/{last}")
    corpus.check(visitor, f"/handbook/editions/{last}/print")
    for n in range(len(section_ids)):
        corpus.check(visitor, f"/handbook/editions/{last}/section-{n}")
    corpus.check(visitor, f"/handbook/editions/{last}/section-0?lang=cs")
    if last > 1:
        corpus.check(visitor, f"/handbook/editions/1/diff/{last}", shows=False)
    corpus.check(visitor, "/search?q=alert")
    corpus.assert_clean()


# --- events -------------------------------------------------------------------------

SOON = date.today() + timedelta(days=3)
EVENT = {"starts": f"{SOON}T14:00", "ends": f"{SOON}T18:00",
         "timezone": "Europe/Prague", "online_url": "", "corridors": "UA-CZ",
         "languages": ["uk", "cs"], "themes": ["employment"], "organisation_id": "0"}


def test_events_fields_render_harmless(app, login_as):
    corpus = Corpus()
    fields = {
        "title": corpus.field("event title", limit=300),
        "place": corpus.field("event place", limit=300),
        "description": corpus.field("event description", limit=20000, markdown=True),
        "materials": corpus.field("event materials", limit=20000, markdown=True)}
    member = login_as("practitioner")
    coordinator = login_as("coordinator")
    visitor = login_as(None)
    event_ids = [created_id(post(member, "/events/new", {**EVENT, **values}))
                 for values in records(fields)]
    for event_id in event_ids:
        corpus.check(coordinator, f"/events/{event_id}")
        corpus.check(coordinator, f"/events/{event_id}/edit")
        assert post(coordinator, f"/events/{event_id}/approve", {},
                    page=f"/events/{event_id}").status_code == 302
        corpus.check(visitor, f"/events/{event_id}")
    corpus.check(visitor, "/events/")
    corpus.check(visitor, f"/events/{SOON:%Y/%m}")
    corpus.check(visitor, "/search?q=alert", shows=False)
    check_url_field(corpus, member, "/events/new", {**EVENT, "title": "Safe", "place": "P"},
                    "online_url")
    corpus.assert_clean()


# --- newsletter and saved searches ---------------------------------------------------

def test_newsletter_and_saved_searches_render_harmless(app, login_as, make_practice,
                                                        outbox):
    from headstart.newsletter.models import Issue, Subscriber

    corpus = Corpus()
    subjects = corpus.field("newsletter subject", limit=200)
    bodies = corpus.field("newsletter body", limit=50000, markdown=True)
    translated = records({
        "subject": corpus.field("newsletter translation subject", limit=200),
        "body": corpus.field("newsletter translation body", limit=50000, markdown=True)})
    practice_titles = corpus.field("practice title in a newsletter block", limit=190)
    saved_names = corpus.field("saved search name", limit=200)
    for title in practice_titles:
        make_practice("published", title=title)

    coordinator = login_as("coordinator")
    visitor = login_as(None)
    with app.app_context():
        db.session.add(Subscriber(email="reader@example.org", language="cs",
                                  status="confirmed", key="k" * 16))
        db.session.commit()
    issue_ids = []
    for n, subject in enumerate(subjects):
        body = f"{bodies[n % len(bodies)]}\n\n{{{{ practices 5 }}}}\n"
        assert post(coordinator, "/newsletter/compose/new",
                    {"subject": subject, "language": "en", "body": body}
                    ).status_code == 302
        issue_ids.append(only_id(app, Issue))
    first = issue_ids[0]
    assert post(coordinator, f"/newsletter/compose/{first}/translation",
                {**translated[0], "language": "cs"}).status_code == 302
    corpus.check(coordinator, "/newsletter/compose/")
    corpus.check(coordinator, f"/newsletter/compose/{first}")
    corpus.check(coordinator, f"/newsletter/compose/{first}/translation")
    for language in ("en", "cs"):
        corpus.check(coordinator, f"/newsletter/compose/{first}/preview?language={language}")
        corpus.check(coordinator,
                     f"/newsletter/compose/{first}/preview/mail.html?language={language}")
    for issue_id in issue_ids:
        assert post(coordinator, f"/newsletter/compose/{issue_id}/send", {},
                    page="/newsletter/compose/").status_code == 302
        corpus.check(visitor, f"/newsletter/{issue_id}")
    corpus.check(visitor, f"/newsletter/{first}?language=cs")
    corpus.check(visitor, "/newsletter/")
    for message in outbox.messages("reader@example.org"):
        html = message.get_body(preferencelist=("html",))
        corpus.check_html(f"mail {message['Subject']!r}", html.get_content())

    member = login_as("practitioner")
    for name in saved_names:
        assert post(member, "/search/saved", {"q": "alert", "name": name, "email": "y"},
                    page="/practices/?q=alert").status_code == 302
        corpus.check(member, "/search/saved")
    corpus.assert_clean()
