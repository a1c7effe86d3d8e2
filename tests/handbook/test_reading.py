"""Reading the handbook: editions stay as published, drafts stay hidden."""

from __future__ import annotations

import pytest


def test_no_edition_yet_says_so(client, handbook):
    response = client.get("/handbook/")
    assert response.status_code == 200
    assert "No edition of the handbook has been published yet" in response.text
    assert "First contact" not in response.text  # drafts are never shown to visitors


def test_latest_edition_lists_chapters_and_sections_in_order(client, handbook, publish):
    publish("First release")
    page = client.get("/handbook/").text
    assert page.index("Procedures") < page.index("First contact") < page.index("Referral") \
        < page.index("Training") < page.index("Induction")
    assert "First release" in page


def test_published_edition_does_not_change_when_drafts_change(client, handbook, publish, edit):
    publish()
    edit(handbook["first-contact"], "A draft nobody may read yet.")
    page = client.get("/handbook/editions/1/first-contact").text
    assert "Greet the visitor." in page
    assert "A draft nobody may read yet." not in page


def test_older_edition_stays_readable_after_a_new_one(client, handbook, publish, edit):
    publish()
    edit(handbook["first-contact"], "Welcome the visitor by name.")
    assert publish() == 2
    old = client.get("/handbook/editions/1/first-contact")
    new = client.get("/handbook/editions/2/first-contact")
    assert "Greet the visitor." in old.text
    assert "older edition" in old.text
    assert "Welcome the visitor by name." in new.text
    assert "Edition 2" in client.get("/handbook/").text


def test_section_page_has_previous_next_and_heading_anchors(client, handbook, publish):
    publish()
    page = client.get("/handbook/editions/1/referral").text
    assert 'rel="prev" href="/handbook/editions/1/first-contact"' in page
    assert 'rel="next" href="/handbook/editions/1/induction"' in page
    first = client.get("/handbook/editions/1/first-contact").text
    assert '<h2 id="first-contact--what-to-ask">What to ask</h2>' in first
    assert 'href="#first-contact--what-to-ask"' in first


@pytest.mark.parametrize("path", ["/handbook/editions/3", "/handbook/editions/1/nope",
                                  "/handbook/editions/3.pdf", "/handbook/editions/3/print",
                                  "/handbook/editions/1/diff/3", "/handbook/sections/999"])
def test_missing_things_are_404(client, handbook, publish, path):
    publish()
    assert client.get(path).status_code == 404


def test_section_latest_redirects_to_newest_edition(client, handbook, publish):
    publish()
    publish()
    response = client.get(f"/handbook/sections/{handbook['referral']}")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/handbook/editions/2/referral")


def test_edition_diff_shows_changed_sections_escaped(client, handbook, publish, edit):
    publish()
    edit(handbook["referral"], "Refer to a <script>counterpart</script>.")
    publish()
    page = client.get("/handbook/editions/1/diff/2").text
    assert "Referral" in page
    assert "Changed section" in page
    assert "<script>counterpart" not in page
    assert "&lt;script&gt;" in page
    assert "Induction" not in page.split("<main")[1]  # unchanged sections are left out


def test_print_page_has_every_section(client, handbook, publish):
    publish()
    page = client.get("/handbook/editions/1/print").text
    for title in ("First contact", "Referral", "Induction", "Procedures", "Training"):
        assert title in page
    assert 'href="#referral"' in page
