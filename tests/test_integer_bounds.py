"""Outside review, finding 13: integers from a request are bounded in one place, so no
route answers a huge id, page or year with a 500.

Every GET route of the access matrix is asked with each integer part of its address
replaced by numbers past 32 and 64 bits, and once with every integer query parameter the
portal reads set past 64 bits; then the practice form gets missing and huge organisations.
The matrix's world is reused (built once per database).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode

import pytest

from headstart.practices.models import Practice
from tests import test_access_matrix as matrix
from tests.conftest import COMPLETE
from tests.helpers import csrf_token
from tests.test_access_matrix import ROUTES, _matches

#: The access matrix's world, built once per database and put back before each test.
world = matrix.world

HUGE = (2**31, 2**63, 99999999999999999999)
#: Every whole-number query parameter a view reads.
QUERY = {name: "99999999999999999999" for name in (
    "page", "per_page", "year", "edition", "quote", "call", "chapter", "a", "b",
    "organisation", "from")}


def _int_spans(rule: str, path: str) -> list[tuple[int, int]] | None:
    """Where ``rule``'s integer parts are in the concrete ``path`` (None: another rule's)."""
    parts = re.split(r"(<[^>]+>)", rule)
    pattern, kinds = "", []
    for part in parts:
        if not part.startswith("<"):
            pattern += re.escape(part)
            continue
        converter = part[1:].split(":")[0] if ":" in part else "default"
        kinds.append(converter.startswith("int"))
        pattern += "(.+)" if converter == "path" else (
            r"(\d+)" if kinds[-1] else "([^/]+?)")
    match = re.fullmatch(pattern, path)
    if match is None:
        return None
    return [match.span(i + 1) for i, is_int in enumerate(kinds) if is_int]


def _addresses(app, ids) -> list[str]:
    """Each GET route with its integer parts made huge, and with huge query integers."""
    addresses = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static":
            continue
        rows = [r.path.format(**ids).partition("?") for r in ROUTES
                if r.method == "GET" and _matches(rule.rule, r.path)]
        rows = [(path, query, spans) for path, _, query in rows
                if (spans := _int_spans(rule.rule, path)) is not None]
        assert rows, f"no row of the access matrix for GET {rule.rule}"
        path, query, spans = rows[0]
        for huge in HUGE if spans else ():
            changed = path
            for start, end in reversed(spans):
                changed = changed[:start] + str(huge) + changed[end:]
            addresses.append(changed)
        addresses.append(f"{path}?{urlencode({**dict(parse_qsl(query)), **QUERY})}")
    return addresses


@pytest.mark.parametrize("role", matrix.ROLES)
def test_huge_integers_in_addresses_are_never_a_server_error(app, login_as, world, role):
    users, ids = world
    client = login_as(None) if role == "visitor" else login_as(user=users[role])
    failures = []
    for address in _addresses(app, ids):
        try:
            response = client.get(address)
            response.close()
        except Exception as error:  # noqa: BLE001 - an escaped exception is the 500
            failures.append(f"{address} → {type(error).__name__}: {error}"[:300])
            continue
        if response.status_code >= 500:
            failures.append(f"{address} → {response.status_code}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(("year", "month", "status"), [
    (9999, 12, 404), (9998, 12, 200), (2026, 0, 404), (2026, 13, 404), (1, 1, 200)])
def test_month_calendar_years_from_1_to_9998(client, year, month, status):
    assert client.get(f"/events/{year:04d}/{month:02d}").status_code == status


@pytest.mark.parametrize(("field", "value"), [
    ("lead_organisation_id", "999999"),
    ("lead_organisation_id", str(2**31)),
    ("lead_organisation_id", "99999999999999999999"),
    ("lead_organisation_id", "-1"),
    ("partner_ids", "999999"),
    ("partner_ids", str(2**63)),
    ("partner_ids", "99999999999999999999"),
])
def test_practice_form_refuses_unknown_or_huge_organisations(app, login_as, make_org, field,
                                                             value):
    lead = make_org("Migrant Centre Chișinău")
    member = login_as("practitioner")
    data = dict(COMPLETE, title="Kept title", lead_organisation_id=str(lead.id),
                partner_ids=[], csrf_token=csrf_token(member, "/practices/new"))
    data[field] = [value] if field == "partner_ids" else value
    response = member.post("/practices/new", data=data)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'value="Kept title"' in page  # the typed text is kept
    if value == "999999":  # a number, but no organisation's
        assert "No such organisation." in page
    with app.app_context():
        from headstart.extensions import db

        assert db.session.query(Practice).count() == 0


#: Every form field that names records by number (choices, positions).
FORM_NUMBERS = ("category_id", "chapter_id", "organisation", "organisation_id", "target",
                "call_id", "lead_organisation_id", "partner_ids", "practice_ids",
                "remove_attachments", "position", "base_revision_id")


@pytest.mark.parametrize("role", ["practitioner_a", "coordinator"])
def test_huge_numbers_in_forms_are_never_a_server_error(app, login_as, world, role):
    users, ids = world
    client = login_as(user=users[role])
    token = csrf_token(client)
    failures = []
    for route in ROUTES:
        if route.method != "POST" or route.path in ("/auth/logout", "/account/delete"):
            continue
        address = route.path.format(**ids)
        data = {"csrf_token": token, **{name: "99999999999999999999" for name in FORM_NUMBERS}}
        try:
            response = client.post(address, data=data)
        except Exception as error:  # noqa: BLE001 - an escaped exception is the 500
            failures.append(f"{address} → {type(error).__name__}: {error}"[:300])
            continue
        if response.status_code >= 500:
            failures.append(f"{address} → {response.status_code}")
    assert not failures, "\n".join(failures)
