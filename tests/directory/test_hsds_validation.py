"""The HSDS export checked against the official HSDS 3.0 schemas and tabular package
(vendored in ``tests/directory/hsds-3.0``, see its README), not against our own idea of it."""

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

OFFICIAL = Path(__file__).with_name("hsds-3.0")
BASE = "https://hsds.invalid/schema/"

#: Fields HSDS requires in addresses.csv that the directory does not collect (it records
#: only city and country): exported empty, documented in docs/interoperability.md.
NOT_COLLECTED = {("addresses", "address_1"), ("addresses", "state_province"),
                 ("addresses", "postal_code")}

#: RFC 3986: a scheme, then only unreserved, reserved and percent-encoded characters.
#: (jsonschema checks "uri" only with the rfc3987 package, which the project does not have.)
URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")

formats = FormatChecker()


@formats.checks("uri")
def is_uri(value) -> bool:
    return not isinstance(value, str) or URI.fullmatch(value) is not None


def official_json(name: str) -> dict:
    return json.loads((OFFICIAL / name).read_text(encoding="utf-8"))


def lax_validator() -> Draft202012Validator:
    """``schema/organization.json`` under draft 2020-12, its ``$ref``s (relative file names)
    resolved from the vendored folder: no network."""
    registry = Registry().with_resources(
        (BASE + path.name, Resource.from_contents(json.loads(path.read_text("utf-8")),
                                                  default_specification=DRAFT202012))
        for path in (OFFICIAL / "schema").glob("*.json"))
    schema = {"$ref": BASE + "organization.json"}
    return Draft202012Validator(schema, registry=registry, format_checker=formats)


def strict_validator() -> Draft202012Validator:
    return Draft202012Validator(official_json("org_strict.json"), format_checker=formats)


@pytest.fixture
def directory(app, runner, make_org):
    """The demo directory, plus an organisation with a non-ASCII website host, no acronym,
    no description, no city, corridors and languages."""
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    make_org("Bücherhalle Köln", side="destination", country="DE", acronym="",
             website="https://bücherhalle-köln.example/über uns?q=ä", verified=False,
             services=["language_training", "housing_information"], languages=["de", "ar"],
             corridors=["SY-DE", "AF-DE"])


def export_json(client) -> list[dict]:
    response = client.get("/directory/export/hsds.json")
    assert response.status_code == 200
    return response.get_json()["organizations"]


def messages(validator, organisation) -> list[str]:
    return [f"{organisation['name']}: {'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(organisation)]


@pytest.mark.parametrize("validator", [lax_validator, strict_validator],
                         ids=["organization.json", "org_strict.json"])
def test_every_exported_organization_validates_against_the_official_schema(
        client, directory, validator):
    organisations = export_json(client)
    assert len(organisations) > 60
    check = validator()
    errors = [m for o in organisations for m in messages(check, o)]
    assert errors == []


def test_project_data_travels_as_hsds_attributes_and_languages(client, directory):
    organisations = {o["name"]: o for o in export_json(client)}
    books = organisations["Bücherhalle Köln"]
    assert books["website"] == ("https://xn--bcherhalle-kln-6pb8f.example/%C3%BCber%20uns"
                                "?q=%C3%A4")
    assert "alternate_name" not in books
    values = {(a["taxonomy_term"]["code"], a["value"]) for a in books["attributes"]}
    assert values == {("verified", "false"), ("corridor", "SY-DE"), ("corridor", "AF-DE")}
    assert all(a["link_id"] == books["id"] for a in books["attributes"])
    assert [lang["code"] for lang in books["services"][0]["languages"]] == ["de", "ar"]
    assert books["locations"][0]["addresses"] == []
    verified = [o for o in organisations.values()
                if ("verified", "true") in {(a["taxonomy_term"]["code"], a.get("value"))
                                            for a in o["attributes"]}]
    assert verified


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_export_is_the_official_tabular_package(client, directory):
    response = client.get("/directory/export/hsds.zip")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    package = json.loads(archive.read("datapackage.json"))
    assert package == client.get("/directory/export/datapackage.json").get_json()
    official = {r["name"]: r for r in official_json("datapackage.json")["resources"]}
    listed = {r["path"] for r in package["resources"]}
    assert set(archive.namelist()) == listed | {"datapackage.json"}
    assert {"organizations.csv", "services.csv", "locations.csv", "addresses.csv",
            "languages.csv", "attributes.csv", "taxonomy_terms.csv"} <= listed

    tables = {}
    for resource in package["resources"]:
        reference = official[resource["name"]]
        assert resource["path"] == reference["path"]
        names = [f["name"] for f in reference["schema"]["fields"]]
        header, *body = read_csv(archive.read(resource["path"]))
        assert header == names, resource["path"]
        table = resource["path"].removesuffix(".csv")
        tables[resource["name"]] = [dict(zip(header, row, strict=True)) for row in body]
        for field in reference["schema"]["fields"]:
            if (field.get("constraints", {}).get("required")
                    and (table, field["name"]) not in NOT_COLLECTED):
                empty = [row["id"] for row in tables[resource["name"]]
                         if not row[field["name"]]]
                assert empty == [], f"{resource['path']}: {field['name']} empty"
            if "enum" in field.get("constraints", {}):
                assert {row[field["name"]] for row in tables[resource["name"]]} <= set(
                    field["constraints"]["enum"]) | {""}

    for resource in package["resources"]:
        ids = [row["id"] for row in tables[resource["name"]]]
        assert len(ids) == len(set(ids)), resource["path"]
        for key in resource["schema"].get("foreignKeys", []):
            assert key["reference"]["resource"] in tables
            targets = {row[key["reference"]["fields"]]
                       for row in tables[key["reference"]["resource"]]}
            dangling = {row[key["fields"]] for row in tables[resource["name"]]} - targets - {""}
            assert dangling == set(), f"{resource['path']}: {key['fields']}"
    # Links the official package leaves implicit: every row belongs to something exported.
    organisations = {row["id"] for row in tables["organization"]}
    assert {row["organization_id"] for row in tables["service"]} <= organisations
    assert {row["organization_id"] for row in tables["location"]} == organisations
    linked = organisations | {row["id"] for row in tables["service"]}
    assert {row["link_id"] for row in tables["attribute"]} <= linked
    assert {row["taxonomy_id"] for row in tables["taxonomy_term"]} <= {
        row["id"] for row in tables["taxonomy"]}
    assert len(tables["organization"]) > 60


def test_the_directory_page_offers_the_whole_tabular_package(client, directory):
    """A service-map maintainer finds the package (with its datapackage.json) on the page,
    filtered like the page."""
    from html import unescape

    html = client.get("/directory/?country=MD").get_data(as_text=True)
    link = re.search(r'<a href="([^"]*/export/hsds\.zip[^"]*)" download>', html)
    assert link is not None
    assert "country=MD" in unescape(link.group(1))
    response = client.get(unescape(link.group(1)))
    assert response.status_code == 200
    assert "datapackage.json" in zipfile.ZipFile(io.BytesIO(response.data)).namelist()
