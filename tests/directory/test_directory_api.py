"""``/api/v1/organisations``: filters, profiles and counterparts (the OpenAPI contract
tests in tests/search/test_api_contract.py cover these operations too)."""

import pytest

from headstart.directory.models import Link
from headstart.extensions import db


@pytest.fixture
def network(app, make_org):
    chisinau = make_org("Migrant Centre Chișinău", side="origin", country="MD",
                        services=["language_training"], languages=["ro"],
                        corridors=["MD-IT"], contact_email="secret@mrc.example.org")
    turin = make_org("Integration Desk Turin", side="destination", country="IT",
                     services=["language_training", "civic_orientation"],
                     languages=["it", "ro"], corridors=["MD-IT"], verified=True)
    prague = make_org("Integration Centre Prague", side="destination", country="CZ",
                      services=["legal_counselling"], corridors=["UA-CZ"])
    return {"chisinau": chisinau, "turin": turin, "prague": prague}


def listed(client, query=""):
    response = client.get(f"/api/v1/organisations{query}")
    assert response.status_code == 200, response.get_json()
    return [o["name"] for o in response.get_json()["results"]]


def test_list_and_filters(client, network):
    assert listed(client) == ["Integration Centre Prague", "Integration Desk Turin",
                              "Migrant Centre Chișinău"]
    assert listed(client, "?country=it") == ["Integration Desk Turin"]
    assert listed(client, "?side=origin") == ["Migrant Centre Chișinău"]
    assert listed(client, "?service=legal_counselling") == ["Integration Centre Prague"]
    assert listed(client, "?corridor=MD-IT") == ["Integration Desk Turin",
                                                 "Migrant Centre Chișinău"]
    assert listed(client, "?corridor=md-it&side=destination") == ["Integration Desk Turin"]
    assert listed(client, "?corridor=MD-MD") == []
    body = client.get("/api/v1/organisations?per_page=1&page=2").get_json()
    assert (body["total"], body["page"], len(body["results"])) == (3, 2, 1)


@pytest.mark.parametrize(("query", "parameter"), [
    ("?corridor=Moldova", "corridor"), ("?corridor=MD>IT", "corridor"),
    ("?service=juggling", "service"), ("?side=left", "side"), ("?country=Italy", "country"),
    ("?per_page=1000", "per_page"), ("?language=klingon", "language")])
def test_bad_parameters_are_400_naming_the_parameter(client, network, query, parameter):
    response = client.get(f"/api/v1/organisations{query}")
    assert response.status_code == 400
    assert f"'{parameter}'" in response.get_json()["error"]["message"]


def test_profile_has_links_and_no_contact_details(app, client, network):
    with app.app_context():
        db.session.add(Link(proposer_id=network["chisinau"].id,
                            partner_id=network["turin"].id, origin="MD", destination="IT",
                            services=["language_training"], status="accepted"))
        db.session.commit()
    response = client.get(f"/api/v1/organisations/{network['chisinau'].id}")
    body = response.get_json()
    assert body["services"] == ["language_training"]
    assert body["corridors"] == ["MD-IT"]
    assert body["links"][0]["organisation"]["name"] == "Integration Desk Turin"
    assert body["links"][0]["corridor"] == "MD-IT"
    assert "secret@mrc.example.org" not in response.get_data(as_text=True)
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    missing = client.get("/api/v1/organisations/999999")
    assert missing.status_code == 404
    assert missing.get_json()["error"]["code"] == 404


def test_counterparts_are_ranked_with_reasons_in_the_readers_language(client, network):
    body = client.get(f"/api/v1/organisations/{network['chisinau'].id}/counterparts"
                      ).get_json()
    first = body["results"][0]
    assert first["organisation"]["name"] == "Integration Desk Turin"
    assert first["corridor"] == "MD-IT"
    assert first["reason_codes"][:2] == ["corridor", "country"]
    assert "Serves the same corridor: Moldova → Italy." in first["reasons"]
    assert "Integration Centre Prague" not in [r["organisation"]["name"]
                                               for r in body["results"]]
    czech = client.get(f"/api/v1/organisations/{network['chisinau'].id}/counterparts",
                       headers={"Accept-Language": "cs"}).get_json()
    assert czech["results"][0]["reasons"] != first["reasons"]
