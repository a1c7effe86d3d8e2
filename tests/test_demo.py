"""``flask demo load``: real-looking demo content, loaded idempotently."""

from sqlalchemy import func, select

from headstart.accounts.models import User
from headstart.demo.data import ACCOUNTS, DEMO_PASSWORD, ORGANISATIONS
from headstart.demo.directory_data import LINKS, PROFILES, PROVIDERS
from headstart.demo.practices_data import NEW_ORGANISATIONS, PRACTICES
from headstart.directory.models import Link, Organisation
from headstart.extensions import db
from tests.helpers import sign_in

ALL_ORGANISATIONS = len(ORGANISATIONS) + len(NEW_ORGANISATIONS) + len(PROVIDERS)


def counts(app):
    with app.app_context():
        return (db.session.scalar(select(func.count(User.id))),
                db.session.scalar(select(func.count(Organisation.id))))


def test_demo_load_is_idempotent_and_demo_accounts_sign_in(app, runner):
    first = runner.invoke(args=["demo", "load"])
    assert first.exit_code == 0, first.output
    assert counts(app) == (len(ACCOUNTS), ALL_ORGANISATIONS)
    second = runner.invoke(args=["demo", "load"])
    assert second.exit_code == 0
    assert "0 users added, 0 organisations added" in second.output
    assert "0 practices added" in second.output
    assert "0 calls added" in second.output
    assert "0 links added" in second.output
    assert counts(app) == (len(ACCOUNTS), ALL_ORGANISATIONS)

    for email, _name, _role, _lang, _orgs in ACCOUNTS:
        client = app.test_client()
        assert sign_in(client, email, DEMO_PASSWORD).status_code == 302, email
    directory = app.test_client().get("/directory/?country=MD").get_data(as_text=True)
    assert "Migrant Resource Centre Chișinău" in directory
    calls = app.test_client().get("/practices/calls/").get_data(as_text=True)
    open_part, past_part = calls.split("Past calls")
    assert "Pre-departure language training: Western Balkans → Austria" in open_part
    assert "Recognising qualifications of people from Ukraine" in past_part


def test_demo_load_if_empty_leaves_a_used_portal_alone(app, runner, make_user):
    make_user()
    result = runner.invoke(args=["demo", "load", "--if-empty"])
    assert result.exit_code == 0
    assert "not loaded" in result.output
    assert counts(app) == (1, 0)


def test_demo_covers_the_corridors_of_the_spec(app, runner):
    runner.invoke(args=["demo", "load"])
    with app.app_context():
        origin = set(db.session.scalars(select(Organisation.country).where(
            Organisation.side.in_(["origin", "both"]))))
        destination = set(db.session.scalars(select(Organisation.country).where(
            Organisation.side.in_(["destination", "both"]))))
    assert {"MD", "XK", "MK", "UA", "VN", "PH"} <= origin
    assert {"IT", "AT", "DE", "CZ"} <= destination


def test_demo_practices_are_published_with_translations(app, runner):
    from headstart.practices.models import Practice

    runner.invoke(args=["demo", "load"])
    with app.app_context():
        published = list(db.session.scalars(select(Practice).where(
            Practice.status == "published")))
    groups = {p.group_id for p in published}
    assert len(groups) == len(PRACTICES) >= 20
    translated = {p.group_id for p in published if p.language != "en"}
    assert len(translated) >= 3
    client = app.test_client()
    czech = client.get("/practices/?country=CZ", headers={"Accept-Language": "cs"})
    assert "Pilotní projekt Integrace cizinců" in czech.get_data(as_text=True)
    english = client.get("/practices/?country=CZ", headers={"Accept-Language": "en"})
    assert "Pilotní projekt Integrace cizinců" not in english.get_data(as_text=True)


def test_demo_synth_is_deterministic(app, runner):
    from headstart.practices.models import Practice

    def titles():
        with app.app_context():
            return [p.title for p in db.session.scalars(select(Practice).order_by(Practice.id))]

    result = runner.invoke(args=["demo", "synth", "--practices", "30", "--seed", "7"])
    assert result.exit_code == 0, result.output
    first = titles()
    assert len(first) == 30
    with app.app_context():
        db.session.execute(Practice.__table__.delete())
        db.session.commit()
    again = runner.invoke(args=["demo", "synth", "--practices", "30", "--seed", "7"])
    assert again.exit_code == 0, again.output
    assert titles() == first
    assert app.test_client().get("/practices/").status_code == 200


def test_demo_directory_has_profiles_and_links_on_the_spec_corridors(app, runner, client):
    runner.invoke(args=["demo", "load"])
    with app.app_context():
        links = db.session.scalars(select(Link)).all()
        assert len(links) == len(LINKS)
        accepted = {link.corridor for link in links if link.status == "accepted"}
        assert {"MD-IT", "XK-AT", "MK-DE", "UA-CZ", "VN-CZ", "PH-IT"} <= accepted
        assert any(link.status == "proposed" for link in links)
        chisinau = db.session.scalar(select(Organisation).where(
            Organisation.name == "Migrant Resource Centre Chișinău"))
        assert chisinau.services == PROFILES[chisinau.name][0]
        assert "MD-IT" in chisinau.corridors
    # The demo counterpart in Prague finds the proposal waiting for her in her notices.
    counterpart = app.test_client()
    sign_in(counterpart, "counterpart@headstart.example", DEMO_PASSWORD)
    notices = counterpart.get("/notifications/?lang=en").get_data(as_text=True)
    assert "Migrant Resource Centre Chișinău proposes a link with Integration Centre Prague" \
        in notices
    # The demo practitioner of the Chișinău centre gets suggestions with reasons.
    sign_in(client, "practitioner@headstart.example", DEMO_PASSWORD)
    page = client.get("/directory/counterparts?lang=en").get_data(as_text=True)
    assert "Suggestions for Migrant Resource Centre Chișinău" in page
    assert "Serves the same corridor: Moldova → Italy." in page


def test_demo_forum_has_topics_with_replies_and_a_members_only_room(app, runner):
    from headstart.demo.forum_data import TOPICS
    from headstart.forum.models import ForumTopic

    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    again = runner.invoke(args=["demo", "load"])
    assert "0 forum topics added" in again.output
    with app.app_context():
        assert db.session.scalar(select(func.count(ForumTopic.id))) == len(TOPICS)
        attached = db.session.scalar(select(ForumTopic).where(
            ForumTopic.subject_kind == "practice"))
        assert attached is not None
        practice_id = attached.subject_id
    visitor = app.test_client()
    forum = visitor.get("/forum/").get_data(as_text=True)
    assert "Moldova → Italy" in forum
    assert "Preparing Moldovan care workers for Italy" in forum
    assert "Coordinators&#39; room" not in forum
    assert "Partnerships in progress" not in forum
    practice = visitor.get(f"/practices/{practice_id}").get_data(as_text=True)
    assert "1 reply" in practice
    member = app.test_client()
    sign_in(member, "practitioner@headstart.example", DEMO_PASSWORD)
    assert "Partnerships in progress" in member.get("/forum/").get_data(as_text=True)
    assert "Coordinators&#39; room" not in member.get("/forum/").get_data(as_text=True)
def test_demo_has_the_headstart_seminar_and_fair_upcoming_events_and_a_sent_newsletter(
        app, runner):
    from headstart.events.models import Event
    from headstart.newsletter.models import Delivery, Issue

    runner.invoke(args=["demo", "load"])
    second = runner.invoke(args=["demo", "load"])
    assert "0 events added, 0 newsletters added" in second.output
    client = app.test_client()
    past = client.get("/events/?when=past").get_data(as_text=True)
    assert "HEADSTART seminar" in past
    assert "HEADSTART fair" in past
    upcoming = client.get("/events/").get_data(as_text=True)
    for corridor in ("MD-IT", "UA-CZ", "XK-AT"):
        assert client.get(f"/events/?corridor={corridor}").get_data(as_text=True).count(
            'class="card"') >= 1, corridor
    assert "Webinar" in client.get("/events/?mode=online").get_data(as_text=True)
    assert "Webinar" in upcoming
    with app.app_context():
        seminar = db.session.scalar(select(Event).where(Event.title.like("HEADSTART seminar%")))
        issue = db.session.scalar(select(Issue))
        deliveries = db.session.scalar(select(func.count(Delivery.id)))
    page = client.get(f"/events/{seminar.id}").get_data(as_text=True)
    assert "Materials" in page
    assert "HEADSTART: Fostering Integration before Departure" in page
    assert issue.status == "sent"
    assert deliveries >= 3
    archive = client.get("/newsletter/").get_data(as_text=True)
    assert issue.subject in archive
    assert "/practices/" in client.get(f"/newsletter/{issue.id}").get_data(as_text=True)
