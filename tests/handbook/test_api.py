"""``GET /api/v1/handbook``."""

from __future__ import annotations


def test_api_returns_the_latest_edition_with_html_and_markdown(client, handbook, publish,
                                                              edit):
    assert client.get("/api/v1/handbook").status_code == 404  # nothing published yet
    publish("First")
    edit(handbook["referral"], "Refer to a **trusted** counterpart.")
    publish("Second")
    data = client.get("/api/v1/handbook").get_json()
    assert data["edition"] == 2
    assert data["latest"] is True
    assert [c["title"] for c in data["chapters"]] == ["Procedures", "Training"]
    referral = data["chapters"][0]["sections"][1]
    assert referral["title"] == "Referral"
    assert referral["markdown"] == "Refer to a **trusted** counterpart."
    assert "<strong>trusted</strong>" in referral["html"]
    assert referral["url"].endswith("/handbook/editions/2/referral")
    first = data["chapters"][0]["sections"][0]
    assert 'id="first-contact--what-to-ask"' in first["html"]


def test_api_gives_an_older_edition_and_refuses_bad_ones(client, handbook, publish, edit):
    publish("First")
    edit(handbook["referral"], "Changed.")
    publish("Second")
    old = client.get("/api/v1/handbook?edition=1").get_json()
    assert old["edition"] == 1
    assert old["latest"] is False
    assert old["chapters"][0]["sections"][1]["markdown"] == "Refer to a counterpart."
    latest = client.get("/api/v1/handbook?edition=").get_json()  # empty: as left out
    assert latest["edition"] == 2
    missing = client.get("/api/v1/handbook?edition=7")
    assert missing.status_code == 404
    assert missing.get_json()["error"]["code"] == 404
    bad = client.get("/api/v1/handbook?edition=two")
    assert bad.status_code == 400
    assert "edition" in bad.get_json()["error"]["message"]


def test_api_gives_the_readers_translation(client, handbook, publish, edit):
    edit(handbook["referral"], "Doporučte protějšek.", title="Doporučení", language="cs")
    publish()
    data = client.get("/api/v1/handbook", headers={"Accept-Language": "cs"}).get_json()
    sections = data["chapters"][0]["sections"]
    assert sections[1]["title"] == "Doporučení"
    assert sections[1]["language"] == "cs"
    assert sections[1]["translated"] is True
    assert sections[0]["language"] == "en"
    assert sections[0]["translated"] is False
    assert sections[1]["languages"] == ["cs", "en"]
