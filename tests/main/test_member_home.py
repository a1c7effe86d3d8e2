"""The home page of a signed-in member: what waits for them (link proposals to answer,
practices returned with comments, join requests to decide, unread notifications,
followed topics with new posts), each with a count and links, or "nothing waits"; their
organisations' corridors with suggested counterparts. Never kept for, nor shown to,
anyone else."""

from __future__ import annotations

import re

import pytest

from headstart.directory.models import Link, Membership
from headstart.extensions import db
from headstart.notifications.models import Notification
from tests.main.test_home import html, text

NOTHING = "Nothing waits for you at the moment."


def waiting(page: str) -> str:
    """The "What waits for me" section."""
    match = re.search(r'<section aria-labelledby="waiting-heading".*?</section>', page, re.S)
    assert match, "no member block on the page"
    return match.group(0)


def corridors(page: str) -> str:
    """The "My organisation's corridors" section."""
    match = re.search(r'<section aria-labelledby="my-corridors-heading".*?</section>', page,
                      re.S)
    assert match, "no corridors block on the page"
    return match.group(0)


@pytest.fixture
def member(login_as, make_user, make_org):
    """A signed-in member of a Moldovan provider serving Moldova → Italy."""
    user = make_user(name="Ion Rusu")
    organisation = make_org("Centre Chișinău", side="origin", country="MD",
                            services=["language_training"], languages=["ro", "it"],
                            corridors=["MD-IT"], members=[user])
    client = login_as(user=user)
    client.organisation = organisation
    return client


def test_nothing_waits_for_a_new_member(member):
    block = waiting(html(member))
    assert NOTHING in block
    assert "<h3>" not in block


def test_a_link_proposal_to_answer_links_to_the_link(app, member, make_org):
    other = make_org("Accoglienza Torino", side="destination", country="IT")
    with app.app_context():
        link = Link(proposer_id=other.id, partner_id=member.organisation.id, origin="MD",
                    destination="IT", services=[], status="proposed")
        answered = Link(proposer_id=other.id, partner_id=member.organisation.id, origin="MD",
                        destination="IT", services=[], status="accepted")
        db.session.add_all([link, answered])
        db.session.commit()
        link_id = link.id
    block = waiting(html(member))
    assert "1 link proposal to answer" in block
    assert f'href="/directory/links/{link_id}"' in block
    assert ("Accoglienza Torino proposes a link with Centre Chișinău on the Moldova → Italy "
            "corridor.") in text(block)
    assert "Proposed, waiting for an answer" in html(member, f"/directory/links/{link_id}")
    assert NOTHING not in block


def test_a_link_the_member_proposed_is_not_theirs_to_answer(app, member, make_org):
    other = make_org("Accoglienza Torino", side="destination", country="IT")
    with app.app_context():
        db.session.add(Link(proposer_id=member.organisation.id, partner_id=other.id,
                            origin="MD", destination="IT", services=[], status="proposed"))
        db.session.commit()
    assert NOTHING in waiting(html(member))


def test_a_returned_practice_shows_with_its_comments(member, make_practice):
    returned = make_practice("returned", author=member.user, title="Orientation in Bălți")
    make_practice("submitted", author=member.user, title="Still in review")
    block = waiting(html(member))
    assert "1 practice returned to you with comments" in block
    assert f'href="/practices/{returned.id}-orientation-in-balti"' in block
    assert "Please add figures." in block
    assert "Still in review" not in block
    assert "Please add figures." in html(member, f"/practices/{returned.id}")


def test_someone_elses_returned_practice_is_not_shown(member, make_practice):
    make_practice("returned", title="Orientation in Bălți")
    assert NOTHING in waiting(html(member))


def test_a_join_request_to_the_members_organisation(app, member, make_user, make_org):
    asking = make_user(name="Maria Popescu")
    elsewhere = make_org("Another centre")
    with app.app_context():
        db.session.add_all([
            Membership(user_id=asking.id, organisation_id=member.organisation.id),
            Membership(user_id=asking.id, organisation_id=elsewhere.id)])
        db.session.commit()
    block = waiting(html(member))
    assert "1 request to join to decide" in block
    assert "Maria Popescu asks to join Centre Chișinău." in text(block)
    assert "Another centre" not in block
    target = re.search(r'href="(/directory/\d+[^"#]*)#requests-heading"', block).group(1)
    assert "Maria Popescu" in html(member, target)


def test_a_coordinator_decides_requests_for_any_organisation(app, login_as, make_user,
                                                             make_org):
    asking = make_user(name="Maria Popescu")
    nobody = make_org("Memberless centre")
    with app.app_context():
        db.session.add(Membership(user_id=asking.id, organisation_id=nobody.id))
        db.session.commit()
    block = waiting(html(login_as("coordinator")))
    assert "Maria Popescu asks to join Memberless centre." in text(block)


def test_unread_notifications_are_counted_and_link_to_the_list(app, member):
    with app.app_context():
        for n in range(3):
            db.session.add(Notification(user_id=member.user.id, kind="event_proposed",
                                        details={"title": f"E{n}"}, url="/events/",
                                        read_at=None))
        db.session.add(Notification(user_id=member.user.id, kind="event_proposed",
                                    details={"title": "Old"}, url="/events/",
                                    read_at=db.func.now()))
        db.session.commit()
    block = waiting(html(member))
    assert re.search(r'<a href="/notifications/">3 unread notifications</a>', block)


def test_a_followed_topic_with_new_posts(app, member, make_user, make_category, make_topic,
                                         add_reply):
    category = make_category()
    topic_id, _post = make_topic(category, member.user, title="Preparing care workers")
    assert NOTHING in waiting(html(member))  # their own first post is not news
    add_reply(topic_id, make_user(), "I have a question about contracts.")
    block = waiting(html(member))
    assert "1 followed topic with new posts" in block
    assert f'href="/forum/t/{topic_id}"' in block
    assert '<a href="/notifications/">1 unread notification</a>' in block  # the reply's
    html(member, f"/forum/t/{topic_id}")  # reading it
    block = waiting(html(member))
    assert "followed topic" not in block
    assert f'href="/forum/t/{topic_id}"' not in block


def test_the_members_corridors_with_suggested_counterparts(member, make_org):
    make_org("Accoglienza Torino", side="destination", country="IT",
             services=["language_training"], corridors=["MD-IT"])
    make_org("Willkommen Berlin", side="destination", country="DE")
    block = corridors(html(member))
    assert "Centre Chișinău" in block
    assert 'href="/practices/?corridor=MD-IT"' in block
    assert "Accoglienza Torino" in block
    assert "Serves the same corridor: Moldova → Italy." in block
    assert "Willkommen Berlin" not in block
    assert f'href="/directory/counterparts?organisation={member.organisation.id}"' in block


def test_an_organisation_without_corridors_is_asked_for_them(login_as, make_user, make_org):
    user = make_user()
    organisation = make_org("Young centre", members=[user])
    block = corridors(html(login_as(user=user)))
    assert "No corridor is listed for this organisation yet." in block
    assert f'href="/directory/{organisation.id}/edit"' in block


def test_a_member_of_no_organisation_is_pointed_to_the_directory(login_as):
    block = corridors(html(login_as("practitioner")))
    assert "You are not a member of an organisation yet." in block
    assert 'href="/directory/"' in block


# --- never cached, never shown to anyone else ---------------------------------------------


def test_a_visitor_after_a_member_gets_no_member_block(app, client, member, make_practice,
                                                       kept):
    make_practice("returned", author=member.user, title="Orientation in Bălți")
    assert "Orientation in Bălți" in waiting(html(member))
    response = member.get("/")
    assert "no-store" in response.headers["Cache-Control"]
    visitor = html(client)
    assert "What waits for me" not in visitor
    assert "Orientation in Bălți" not in visitor
    assert len(kept) == 1  # the visitor's page, not the member's


def test_a_member_after_a_visitor_gets_their_own_block(client, member, kept):
    html(client)
    assert len(kept) == 1
    assert NOTHING in waiting(html(member))


def test_two_members_see_their_own(login_as, make_user, make_practice, kept):
    first, second = make_user(), make_user()
    make_practice("returned", author=first, title="First member's practice")
    make_practice("returned", author=second, title="Second member's practice")
    one, two = login_as(user=first), login_as(user=second)
    for _round in range(2):
        mine, theirs = waiting(html(one)), waiting(html(two))
        assert "First member&#39;s practice" in mine
        assert "Second member" not in mine
        assert "Second member&#39;s practice" in theirs
        assert "First member" not in theirs
