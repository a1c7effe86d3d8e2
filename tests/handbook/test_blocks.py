"""The newsletter's "handbook" block: the newest editions with their release notes."""

from headstart.core import blocks


def test_the_handbook_block_lists_the_newest_editions_first(app, handbook, publish):
    publish("First edition for the centres.")
    publish("**Referral** rewritten after the Prague pilot.")
    with app.app_context(), app.test_request_context():
        english = blocks.fetch("handbook", 5, "en")
        czech = blocks.fetch("handbook", 1, "cs")
    assert [item.title for item in english] == ["Handbook, edition 2", "Handbook, edition 1"]
    assert english[0].url.endswith("/handbook/editions/2")
    assert english[0].url.startswith("http")
    assert english[0].summary == "Referral rewritten after the Prague pilot."
    assert len(czech) == 1
    assert czech[0].title != "Handbook, edition 2"
    assert "2" in czech[0].title


def test_the_composer_offers_the_handbook_block(login_as):
    coordinator = login_as("coordinator")
    assert "{{ handbook 5 }}" in coordinator.get("/newsletter/compose/new").get_data(
        as_text=True)
