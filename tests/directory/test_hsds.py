"""The directory as open data in the HSDS shape (JSON and CSV tables)."""

import csv
import io
import json

import pytest


@pytest.fixture
def network(make_org):
    chisinau = make_org("Migrant Centre Chișinău", side="origin", country="MD", city="Chișinău",
                        acronym="MCC", services=["language_training", "civic_orientation"],
                        languages=["ro", "ru"], corridors=["MD-IT"],
                        contact_email="secret@mcc.example.org", contact_phone="+373 000")
    make_org("=HYPERLINK(\"http://evil.example\")", side="destination", country="IT",
             services=["job_matching"])
    return chisinau


def test_json_has_organizations_with_services_and_locations_and_no_contacts(client,
                                                                            network):
    response = client.get("/directory/export/hsds.json")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert "secret@mcc.example.org" not in text
    assert "+373 000" not in text
    document = json.loads(text)
    assert document["specification"] == "HSDS 3.0"
    centre = next(o for o in document["organizations"] if o["name"] == "Migrant Centre Chișinău")
    assert centre["alternate_name"] == "MCC"
    assert [s["name"] for s in centre["services"]] == ["Language training",
                                                       "Civic and cultural orientation"]
    service = centre["services"][0]
    assert service["organization_id"] == centre["id"]
    assert "before departure" in service["description"]
    assert "Moldova → Italy" in service["description"]
    assert [lang["code"] for lang in service["languages"]] == ["ro", "ru"]
    assert service["attributes"][0]["taxonomy_term"]["code"] == "language_training"
    address = centre["locations"][0]["addresses"][0]
    assert (address["city"], address["country"]) == ("Chișinău", "MD")
    # Identifiers are stable from one export to the next.
    again = client.get("/directory/export/hsds.json").get_json()
    assert again["organizations"][0]["id"] == document["organizations"][0]["id"]


def test_json_takes_the_directory_filters(client, network):
    document = client.get("/directory/export/hsds.json?side=origin").get_json()
    assert [o["name"] for o in document["organizations"]] == ["Migrant Centre Chișinău"]


def test_csv_tables_link_by_id_and_are_spreadsheet_safe(client, network):
    tables = {}
    for table in ("organizations", "services", "locations"):
        response = client.get(f"/directory/export/{table}.csv")
        assert response.status_code == 200
        assert response.mimetype == "text/csv"
        tables[table] = list(csv.DictReader(io.StringIO(
            response.get_data(as_text=True).lstrip("\ufeff"))))
    organisation_ids = {row["id"] for row in tables["organizations"]}
    assert len(tables["services"]) == 3
    assert {row["organization_id"] for row in tables["services"]} <= organisation_ids
    assert {row["organization_id"] for row in tables["locations"]} == organisation_ids
    names = [row["name"] for row in tables["organizations"]]
    assert "'=HYPERLINK(\"http://evil.example\")" in names
    assert client.get("/directory/export/people.csv").status_code == 404
