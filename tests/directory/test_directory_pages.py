"""The directory list and its filters, profiles with services and corridors, editing,
verification, merging duplicates, the counterpart finder page and the corridor matrix."""

import re

import pytest

from headstart.directory.models import Link, Membership, Organisation
from headstart.extensions import db
from headstart.practices.models import Practice
from tests.forms_html import FormPage
from tests.helpers import post_form

ORG_FORM = {"name": "Employment Office Skopje", "acronym": "EOS", "kind": "employment_service",
            "side": "origin", "country": "MK", "city": "Skopje",
            "services": ["labour_market_information", "job_matching"],
            "languages": ["mk", "sq"], "corridors": "MK-DE, mk → at",
            "description": "Jobs and counselling."}


def names(body: str) -> list[str]:
    return re.findall(r'<h2><a href="/directory/\d+[^"]*">([^<]+)</a>', body)


@pytest.fixture
def network(make_org, make_user):
    member = make_user(name="Ion")
    return {
        "member": member,
        "chisinau": make_org("Migrant Centre Chișinău", side="origin", country="MD",
                             services=["language_training", "civic_orientation"],
                             languages=["ro", "ru"], corridors=["MD-IT"], members=[member]),
        "turin": make_org("Integration Desk Turin", side="destination", country="IT",
                          services=["language_training"], languages=["it", "ro"],
                          corridors=["MD-IT"], verified=True),
        "prague": make_org("Integration Centre Prague", side="destination", country="CZ",
                           kind="public_authority", services=["legal_counselling"],
                           languages=["cs"], corridors=["UA-CZ"]),
        "iom": make_org("IOM Regional Office", side="both", country="HU",
                        kind="international", services=["information_centre"]),
    }


def test_filters_by_service_language_side_kind_country_and_corridor(client, network):
    def listed(query):
        return names(client.get(f"/directory/?{query}").get_data(as_text=True))

    assert listed("service=language_training") == ["Integration Desk Turin",
                                                   "Migrant Centre Chișinău"]
    assert listed("language=ro&side=destination") == ["Integration Desk Turin"]
    assert listed("side=destination") == ["Integration Centre Prague",
                                          "Integration Desk Turin", "IOM Regional Office"]
    assert listed("kind=public_authority") == ["Integration Centre Prague"]
    assert listed("country=cz") == ["Integration Centre Prague"]
    assert listed("corridor=MD-IT") == ["Integration Desk Turin", "Migrant Centre Chișinău"]
    # Unknown values are dropped rather than breaking the page.
    body = client.get("/directory/?service=juggling&corridor=XX&language=zz").get_data(
        as_text=True)
    assert len(names(body)) == 4


def test_corridor_filter_includes_organisations_linked_on_it(app, client, network, make_org):
    elsewhere = make_org("Care Cooperative Bologna", side="destination", country="IT")
    with app.app_context():
        db.session.add(Link(proposer_id=network["chisinau"].id, partner_id=elsewhere.id,
                            origin="MD", destination="IT", services=["job_matching"],
                            status="accepted"))
        db.session.commit()
    body = client.get("/directory/?corridor=MD-IT").get_data(as_text=True)
    assert "Care Cooperative Bologna" in names(body)


def test_search_words_use_the_search_index(client, network):
    body = client.get("/directory/?q=Turin").get_data(as_text=True)
    assert names(body) == ["Integration Desk Turin"]
    # Services are searchable by their names, and words combine with filters.
    body = client.get("/directory/?q=legal+counselling").get_data(as_text=True)
    assert names(body) == ["Integration Centre Prague"]
    body = client.get("/directory/?q=integration&country=IT").get_data(as_text=True)
    assert names(body) == ["Integration Desk Turin"]
    odd = client.get('/directory/?q="unbalanced -(')
    assert odd.status_code == 200
    assert "No organisation matches" in odd.get_data(as_text=True)


def test_profile_shows_services_corridors_languages_and_practices(client, network,
                                                                    make_practice, app):
    practice = make_practice("published", title="Italian before departure")
    with app.app_context():
        db.session.get(Practice, practice.id).lead_organisation_id = network["chisinau"].id
        db.session.commit()
    body = client.get(f"/directory/{network['chisinau'].id}").get_data(as_text=True)
    for text in ("Language training", "Civic and cultural orientation", "Moldova → Italy",
                 "Romanian", "Russian", "Italian before departure"):
        assert text in body, text


def test_a_practitioner_adds_an_organisation_with_services_and_corridors(app, login_as):
    client = login_as("practitioner")
    response = post_form(client, "/directory/new", ORG_FORM, page="/directory/new")
    assert response.status_code == 302
    with app.app_context():
        organisation = db.session.scalars(db.select(Organisation)).one()
        assert organisation.services == ["labour_market_information", "job_matching"]
        assert organisation.languages == ["mk", "sq"]
        assert organisation.corridors == ["MK-DE", "MK-AT"]


def test_a_bad_typed_corridor_is_explained_and_the_good_ones_stay_chosen(app, login_as):
    """Old clients may still post corridors as text; the page shows the chosen ones."""
    client = login_as("practitioner")
    response = post_form(client, "/directory/new", dict(ORG_FORM, corridors="MK-DE, Skopje"),
                         page="/directory/new")
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "“Skopje” is not a corridor" in body
    page = FormPage(body)
    assert page.values("corridors-origin")[0] == "MK"
    assert page.values("corridors-destination")[0] == "DE"
    assert 'value="job_matching" checked' in body
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Organisation.id))) == 0


def test_members_and_coordinators_edit_the_profile_others_cannot(app, network, login_as):
    chisinau = network["chisinau"]
    member = login_as(user=network["member"])
    form = member.get(f"/directory/{chisinau.id}/edit").get_data(as_text=True)
    assert FormPage(form).values("corridors-origin")[:2] == ["MD", ""]
    assert FormPage(form).values("corridors-destination")[:2] == ["IT", ""]
    assert 'value="language_training" checked' in form
    changed = dict({k: v for k, v in ORG_FORM.items() if k != "corridors"},
                   name="Migrant Centre Chișinău", country="MD", side="origin",
                   services=["language_training"],
                   **{"corridors-origin": ["MD", "MD", ""],
                      "corridors-destination": ["IT", "CZ", ""]})
    response = post_form(member, f"/directory/{chisinau.id}/edit", changed,
                         page=f"/directory/{chisinau.id}/edit")
    assert response.status_code == 302
    with app.app_context():
        organisation = db.session.get(Organisation, chisinau.id)
        assert organisation.corridors == ["MD-IT", "MD-CZ"]
        assert organisation.services == ["language_training"]
    outsider = login_as("practitioner")
    assert outsider.get(f"/directory/{chisinau.id}/edit").status_code == 403
    refused = post_form(outsider, f"/directory/{chisinau.id}/edit",
                        dict(changed, name="Hijacked"))
    assert refused.status_code == 403
    coordinator = login_as("coordinator")
    assert coordinator.get(f"/directory/{chisinau.id}/edit").status_code == 200
    with app.app_context():
        assert db.session.get(Organisation, chisinau.id).name == "Migrant Centre Chișinău"


def test_a_coordinator_verifies_and_the_badge_shows(app, client, network, login_as):
    prague = network["prague"]
    coordinator = login_as("coordinator")
    assert post_form(coordinator, f"/directory/{prague.id}/verify").status_code == 302
    assert "Verified by the network coordinators" in client.get(
        f"/directory/{prague.id}").get_data(as_text=True)
    assert post_form(login_as(user=network["member"]),
                     f"/directory/{prague.id}/unverify").status_code == 403
    assert post_form(coordinator, f"/directory/{prague.id}/unverify").status_code == 302
    with app.app_context():
        assert db.session.get(Organisation, prague.id).verified is False


def test_merging_a_duplicate_moves_members_practices_links_and_redirects(
        app, client, network, login_as, make_user, make_org, make_practice):
    keep = network["chisinau"]
    other_member = make_user(name="Ana")
    duplicate = make_org("MRC Chisinau (duplicate)", side="origin", country="MD",
                         members=[other_member, network["member"]],
                         services=["legal_counselling"], corridors=["MD-CZ"],
                         website="https://mrc.example.org")
    practice = make_practice("published", title="Orientation week")
    with app.app_context():
        db.session.get(Practice, practice.id).lead_organisation_id = duplicate.id
        db.session.add(Link(proposer_id=duplicate.id, partner_id=network["turin"].id,
                            origin="MD", destination="IT", services=["language_training"],
                            status="accepted"))
        db.session.commit()
    coordinator = login_as("coordinator")
    page = coordinator.get(f"/directory/{duplicate.id}/merge")
    assert page.status_code == 200
    response = post_form(coordinator, f"/directory/{duplicate.id}/merge",
                         {"target": str(keep.id)}, page=f"/directory/{duplicate.id}/merge")
    assert response.status_code == 302
    with app.app_context():
        kept = db.session.get(Organisation, keep.id)
        assert kept.services == ["language_training", "civic_orientation",
                                 "legal_counselling"]
        assert kept.corridors == ["MD-IT", "MD-CZ"]
        assert kept.website == "https://mrc.example.org"
        members = dict(db.session.execute(db.select(Membership.user_id, Membership.status)
                                          .where(Membership.organisation_id == keep.id)).all())
        # Membership of a duplicate proves nothing: it becomes a request to join.
        assert members == {network["member"].id: "active", other_member.id: "pending"}
        assert db.session.get(Practice, practice.id).lead_organisation_id == keep.id
        assert db.session.scalars(db.select(Link)).one().proposer_id == keep.id
    moved = client.get(f"/directory/{duplicate.id}")
    assert moved.status_code == 301
    assert moved.headers["Location"].endswith(f"/directory/{keep.id}-migrant-centre-chisinau")
    assert "MRC Chisinau (duplicate)" not in client.get("/directory/").get_data(as_text=True)
    assert "Orientation week" in client.get(f"/directory/{keep.id}").get_data(as_text=True)
    # Only coordinators merge.
    assert login_as(user=network["member"]).get(f"/directory/{keep.id}/merge").status_code \
        == 403


def test_merging_into_itself_is_refused(network, login_as):
    coordinator = login_as("coordinator")
    chisinau = network["chisinau"]
    response = post_form(coordinator, f"/directory/{chisinau.id}/merge",
                         {"target": str(chisinau.id)}, page=f"/directory/{chisinau.id}/merge")
    assert response.status_code == 422


def test_finder_page_for_a_member_and_for_a_visitor(client, network, login_as):
    member = login_as(user=network["member"])
    body = member.get("/directory/counterparts").get_data(as_text=True)
    assert "Suggestions for Migrant Centre Chișinău" in body
    assert "Integration Desk Turin" in body
    assert "Serves the same corridor: Moldova → Italy." in body
    assert "Propose a link" in body
    body = client.get("/directory/counterparts?origin=MD&destination=IT"
                      "&service=language_training").get_data(as_text=True)
    assert "Integration Desk Turin" in body
    assert "Propose a link" not in body
    bad = client.get("/directory/counterparts?origin=IT&destination=IT")
    assert bad.status_code == 422
    assert "Choose two different countries" in bad.get_data(as_text=True)


def test_matrix_counts_linked_providers_and_practices(app, client, network, make_practice,
                                                      make_org):
    bologna = make_org("Care Cooperative Bologna", side="destination", country="IT")
    with app.app_context():
        for partner in (network["turin"], bologna):
            db.session.add(Link(proposer_id=network["chisinau"].id, partner_id=partner.id,
                                origin="MD", destination="IT", services=["job_matching"],
                                status="accepted"))
        db.session.add(Link(proposer_id=network["chisinau"].id,
                            partner_id=network["prague"].id, origin="MD", destination="CZ",
                            services=["job_matching"], status="proposed"))
        db.session.commit()
    # COMPLETE (the practice fixture) is Moldova → Italy; a translation counts once.
    first = make_practice("published", title="One")
    make_practice("published", title="Uno", language="it", group_of=first)
    make_practice("draft", title="Draft")
    make_practice("published", title="Other corridor", origin_countries=["UA"],
                  destination_countries=["CZ"])
    from headstart.directory.matrix import corridor_matrix

    with app.test_request_context("/"):
        matrix = corridor_matrix()
        assert matrix.cell("MD", "IT") == (3, 1)
        assert matrix.cell("UA", "CZ") == (0, 1)
        assert matrix.cell("MD", "CZ") == (0, 0)  # only proposed: not covered
    body = client.get("/directory/corridors").get_data(as_text=True)
    assert "<svg" in body
    assert "<title>Moldova → Italy: 3 linked providers, 1 published practice</title>" in body
    assert 'href="/directory/?corridor=MD-IT"' in body
    table = body.split('id="matrix-table"')[1]
    # The link's name starts with the numbers it shows, then says what they are.
    assert ("3 · 1<span class=\"visually-hidden\"> — Moldova → Italy: 3 linked providers, "
            "1 published practice</span>") in table


def test_a_merged_look_alike_does_not_make_its_creator_a_member(app, network, login_as,
                                                               make_org):
    """Someone creates a copy of a real organisation and is its member at once; merging
    the copy away must not hand them the real one's links."""
    from headstart.directory.models import Link

    intruder = login_as("practitioner")
    created = post_form(intruder, "/directory/new",
                        dict(ORG_FORM, name="Migrant Centre Chisinau", country="MD"),
                        page="/directory/new")
    copy_id = int(created.headers["Location"].rsplit("/", 1)[1].split("-")[0])
    with app.app_context():
        link = Link(proposer_id=network["chisinau"].id, partner_id=network["turin"].id,
                    origin="MD", destination="IT", services=["language_training"],
                    status="accepted")
        db.session.add(link)
        db.session.commit()
        link_id = link.id
    coordinator = login_as("coordinator")
    post_form(coordinator, f"/directory/{copy_id}/merge",
              {"target": str(network["chisinau"].id)}, page=f"/directory/{copy_id}/merge")
    ended = post_form(intruder, f"/directory/links/{link_id}/end")
    assert ended.status_code == 404
    with app.app_context():
        assert db.session.get(Link, link_id).status == "accepted"
    # The request waits for the real members (or a coordinator) to decide.
    page = login_as(user=network["member"]).get(f"/directory/{network['chisinau'].id}")
    assert "Requests to join" in page.get_data(as_text=True)


def test_merging_closes_links_that_would_repeat_or_loop_with_a_history_step(
        app, network, login_as, make_org):
    from headstart.directory.models import Link

    keep, turin = network["chisinau"], network["turin"]
    duplicate = make_org("Chisinau centre (copy)", side="origin", country="MD")
    with app.app_context():
        kept_link = Link(proposer_id=keep.id, partner_id=turin.id, origin="MD",
                         destination="IT", services=["language_training"],
                         status="accepted")
        twin = Link(proposer_id=duplicate.id, partner_id=turin.id, origin="MD",
                    destination="IT", services=["language_training"], status="accepted")
        loop = Link(proposer_id=duplicate.id, partner_id=keep.id, origin="MD",
                    destination="IT", services=["language_training"], status="proposed")
        db.session.add_all([kept_link, twin, loop])
        db.session.commit()
        ids = kept_link.id, twin.id, loop.id
    coordinator = login_as("coordinator")
    post_form(coordinator, f"/directory/{duplicate.id}/merge", {"target": str(keep.id)},
              page=f"/directory/{duplicate.id}/merge")
    with app.app_context():
        kept_link, twin, loop = (db.session.get(Link, i) for i in ids)
        assert kept_link.status == "accepted"
        assert (twin.status, twin.proposer_id) == ("ended", keep.id)
        assert loop.status == "withdrawn"
        assert [e.action for e in twin.events] == ["ended"]
        assert "was merged into Migrant Centre Chișinău" in twin.events[0].note


def test_a_member_renaming_a_verified_organisation_loses_the_badge(app, network, login_as):
    turin = network["turin"]
    member = login_as("practitioner")
    with app.app_context():
        db.session.add(Membership(user_id=member.user.id, organisation_id=turin.id,
                                  status="active"))
        db.session.commit()
    same_identity = dict(ORG_FORM, name="Integration Desk Turin", country="IT",
                         side="destination", services=["language_training"],
                         corridors="MD-IT", description="Now with evening courses.")
    post_form(member, f"/directory/{turin.id}/edit", same_identity,
              page=f"/directory/{turin.id}/edit")
    with app.app_context():
        assert db.session.get(Organisation, turin.id).verified is True
    post_form(member, f"/directory/{turin.id}/edit", dict(same_identity, name="Turin Desk"),
              page=f"/directory/{turin.id}/edit")
    with app.app_context():
        assert db.session.get(Organisation, turin.id).verified is False


def test_members_using_the_corridor_form_do_not_get_themselves_or_their_partners(
        app, network, login_as):
    member = login_as(user=network["member"])
    body = member.get("/directory/counterparts?origin=MD&destination=IT&looking_for=origin"
                      ).get_data(as_text=True)
    assert "Migrant Centre Chișinău" not in body.split('id="results-heading"')[1]
    with app.app_context():
        db.session.add(Link(proposer_id=network["chisinau"].id,
                            partner_id=network["turin"].id, origin="MD", destination="IT",
                            services=["language_training"], status="proposed"))
        db.session.commit()
    body = member.get("/directory/counterparts?origin=MD&destination=IT").get_data(
        as_text=True)
    assert "Integration Desk Turin" not in body.split('id="results-heading"')[1]


def test_an_organisation_without_services_has_no_stray_separator(client, make_org):
    make_org("Quiet Office Milan", side="destination", country="IT", city="Milan",
             corridors=["MD-IT"])
    body = client.get("/directory/counterparts?origin=MD&destination=IT").get_data(as_text=True)
    line = next(part for part in body.split("<p class=\"meta\">")[1:] if "Milan" in part)
    assert line.split("</p>")[0].strip().endswith("Milan")
