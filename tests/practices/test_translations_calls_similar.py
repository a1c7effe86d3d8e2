"""Translating a practice from its page, calls for practices, similar practices and the
criteria a reviewer confirms."""

from datetime import date, timedelta

from headstart.extensions import db
from headstart.practices.models import Practice, PracticeCall
from tests.helpers import post_form


def test_a_member_translates_a_published_practice_into_a_new_version_of_its_group(
        app, login_as, make_practice):
    original = make_practice("published", title="Orientation days")
    client = login_as("practitioner")
    page = client.get(f"/practices/{original.id}").get_data(as_text=True)
    assert "Translate this practice" in page
    form_page = client.get(f"/practices/{original.id}/translate?language=cs")
    assert form_page.status_code == 200
    body = form_page.get_data(as_text=True)
    assert 'value="Orientation days"' in body  # starts from the original
    assert '<option selected value="cs">' in body
    assert 'value="en"' not in body  # the original's language is not offered again
    data = {"title": "Orientační dny", "language": "cs", "summary": "Dva dny přípravy.",
            "themes": ["employment"], "action": "save"}
    response = post_form(client, f"/practices/{original.id}/translate", data,
                         page=f"/practices/{original.id}/translate")
    assert response.status_code == 302
    with app.app_context():
        version = db.session.scalars(db.select(Practice).where(
            Practice.language == "cs")).one()
        assert version.group_id == original.group_id
        assert version.status == "draft"
        assert version.events[0].changes == {"translation_of": [None, original.id]}


def test_a_language_already_in_the_group_is_refused(app, login_as, make_practice):
    original = make_practice("published", title="Orientation days")
    make_practice("published", title="Orientační dny", language="cs", group_of=original)
    client = login_as("practitioner")
    response = post_form(client, f"/practices/{original.id}/translate",
                         {"title": "Jiný překlad", "language": "cs", "action": "save"},
                         page=f"/practices/{original.id}/translate")
    assert response.status_code == 422
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Practice.id))) == 2


def test_the_list_shows_one_version_per_group_in_the_readers_language(
        client, make_practice):
    original = make_practice("published", title="Orientation days")
    make_practice("published", title="Orientační dny", language="cs", group_of=original)
    english = client.get("/practices/").get_data(as_text=True)
    czech = client.get("/practices/", headers={"Accept-Language": "cs"}).get_data(as_text=True)
    assert "Orientation days" in english
    assert "Orientační dny" not in english
    assert "Orientační dny" in czech
    assert "Orientation days" not in czech
    detail = client.get(f"/practices/{original.id}").get_data(as_text=True)
    assert 'hreflang="cs"' in detail


def test_similar_practices_share_themes_or_corridor_and_exclude_other_versions(
        client, make_practice):
    practice = make_practice("published", title="Care workers to Italy")
    make_practice("published", title="Same corridor", themes=["health"],
                  target_groups=["men"])
    make_practice("published", title="Nothing in common", themes=["housing"],
                  target_groups=["men"], implementation_countries=["JP"],
                  origin_countries=["PH"], destination_countries=["JP"], phase="post_arrival")
    make_practice("draft", title="Unpublished twin")
    make_practice("published", title="Pracovnice v péči", language="cs", group_of=practice)
    page = client.get(f"/practices/{practice.id}").get_data(as_text=True)
    section = page.split("Similar practices", 1)[1].split("</section>", 1)[0]
    assert "Same corridor" in section
    assert "Nothing in common" not in section
    assert "Unpublished twin" not in section
    assert "Pracovnice v péči" not in section


def test_kept_similar_practices_never_show_one_that_was_unpublished(
        app, client, make_practice):
    from headstart.practices import services
    from headstart.practices.services import _similar_seen

    practice = make_practice("published", title="Care workers to Italy")
    other = make_practice("published", title="Same corridor")
    app.config["SIMILAR_CACHE_SECONDS"] = 600
    _similar_seen.clear()
    try:
        def similar():
            page = client.get(f"/practices/{practice.id}").get_data(as_text=True)
            return page.split("Similar practices", 1)[-1].split("</section>", 1)[0]

        assert "Same corridor" in similar()
        make_practice("published", title="Also the same corridor")
        assert "Also the same corridor" not in similar()  # kept answer, for a while
        with app.app_context():
            row = db.session.get(type(other), other.id)
            services.transition(row, "archive", actor=_Coordinator())
            db.session.commit()
        assert "Same corridor" not in similar()  # but never an unpublished one
    finally:
        app.config["SIMILAR_CACHE_SECONDS"] = 0
        _similar_seen.clear()


class _Coordinator:
    id = None
    role = "coordinator"
    is_authenticated = True


def _call(app, **fields) -> int:
    with app.app_context():
        call = PracticeCall(**{"title": "Language training, Western Balkans → Austria",
                               "deadline": date.today() + timedelta(days=14),
                               "themes": ["education_language"], "origin_countries": ["MK"],
                               "destination_countries": ["AT"], **fields})
        db.session.add(call)
        db.session.commit()
        return call.id


def test_a_coordinator_opens_a_call_with_a_deadline(app, login_as):
    client = login_as("coordinator")
    deadline = (date.today() + timedelta(days=30)).isoformat()
    response = post_form(client, "/practices/calls/new", {
        "title": "Pre-departure language training, Western Balkans → Austria",
        "description": "We look for **courses** that continue after arrival.",
        "deadline": deadline, "themes": ["education_language"], "phase": "pre_departure",
        "origin_countries": ["MK", "XK"], "destination_countries": ["AT"]},
        page="/practices/calls/new")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "<strong>courses</strong>" in page
    assert "Answer this call" in page
    listing = login_as(None).get("/practices/calls/").get_data(as_text=True)
    assert "Western Balkans → Austria" in listing


def test_a_call_deadline_in_the_past_or_missing_is_refused(login_as):
    client = login_as("coordinator")
    for deadline, message in (("", "Give the call a deadline."),
                              ("2001-01-01", "The deadline cannot be in the past.")):
        response = post_form(client, "/practices/calls/new",
                             {"title": "A call", "deadline": deadline},
                             page="/practices/calls/new")
        assert response.status_code == 422
        assert message in response.get_data(as_text=True)


def test_answering_a_call_prefills_the_form_and_the_call_lists_what_came_in(
        app, login_as, practice_form):
    call_id = _call(app)
    author = login_as("practitioner")
    form = author.get(f"/practices/new?call={call_id}").get_data(as_text=True)
    assert f'<option selected value="{call_id}">' in form
    assert 'value="education_language" checked' in form
    response = post_form(author, "/practices/new",
                         dict(practice_form, call_id=str(call_id), action="submit"),
                         page="/practices/new")
    assert response.status_code == 302
    visitor_view = login_as(None).get(f"/practices/calls/{call_id}").get_data(as_text=True)
    assert "Pre-departure orientation for care workers" not in visitor_view  # not published
    coordinator_view = login_as("coordinator").get(
        f"/practices/calls/{call_id}").get_data(as_text=True)
    assert "Pre-departure orientation for care workers" in coordinator_view
    assert "Waiting for review" in coordinator_view


def test_a_closed_call_cannot_be_answered(app, login_as, practice_form):
    call_id = _call(app, closed=True)
    response = post_form(login_as("practitioner"), "/practices/new",
                         dict(practice_form, call_id=str(call_id), action="save"),
                         page="/practices/new")
    assert response.status_code == 422
    assert "This call for practices is closed." in response.get_data(as_text=True)


def test_the_reviewer_confirms_criteria_when_publishing(app, login_as, make_practice):
    practice = make_practice("submitted")
    reviewer = login_as("coordinator")
    page = reviewer.get(f"/practices/{practice.id}").get_data(as_text=True)
    assert 'name="confirmed_criteria" value="evaluated" checked' in page
    response = post_form(reviewer, f"/practices/{practice.id}/publish",
                         {"confirmed_criteria": ["evaluated", "transferable"]},
                         page=f"/practices/{practice.id}")
    assert response.status_code == 302
    with app.app_context():
        stored = db.session.get(Practice, practice.id)
        assert stored.codes("criterion_confirmed") == ["evaluated", "transferable"]
        assert stored.events[-1].changes == {
            "criteria_confirmed": [[], ["evaluated", "transferable"]]}
    public = login_as(None).get(f"/practices/{practice.id}").get_data(as_text=True)
    assert "Good-practice criteria confirmed by the reviewer" in public
    assert "Further criteria claimed by the submitter" in public  # clear_objectives


def test_someone_elses_forgotten_draft_does_not_block_a_language(app, login_as,
                                                                 make_practice, make_user):
    original = make_practice("published", title="Orientation days")
    stranger = make_user("practitioner")
    make_practice("draft", title="Nedokončený překlad", language="cs", group_of=original,
                  author=stranger)
    author = login_as("practitioner")
    page = author.get(f"/practices/{original.id}/translate").get_data(as_text=True)
    assert 'value="cs"' in page


def test_huge_or_odd_numbers_get_4xx_not_500(app, login_as, practice_form):
    client = login_as("practitioner")
    assert client.get("/practices/new?call=99999999999999999999").status_code == 200
    response = post_form(client, "/practices/new",
                         dict(practice_form, call_id="99999999999999999999", action="save"),
                         page="/practices/new")
    assert response.status_code == 422
    assert login_as(None).get("/practices/feed.atom?year=²").status_code == 200
    assert login_as(None).get("/practices/export.csv?year=²").status_code == 200


def test_a_call_past_its_deadline_is_not_reopened_without_a_new_deadline(app, login_as):
    call_id = _call(app, closed=True, deadline=date.today() - timedelta(days=1))
    client = login_as("coordinator")
    response = post_form(client, f"/practices/calls/{call_id}/reopen", {},
                         page=f"/practices/calls/{call_id}")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/practices/calls/{call_id}/edit")
    with app.app_context():
        assert db.session.get(PracticeCall, call_id).closed is True
