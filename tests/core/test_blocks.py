"""The newsletter's block registry: features register blocks, the composer finds them."""

from headstart.core import blocks


def test_registered_blocks_are_listed_and_fetched_within_the_cap(monkeypatch):
    monkeypatch.setattr(blocks, "_blocks", {})
    asked = []

    def fetch(limit, language):
        asked.append((limit, language))
        return [blocks.BlockItem(f"Item {i}", f"https://example.org/{i}") for i in range(100)]

    blocks.register("handbook", "Handbook editions", fetch)
    blocks.register("events", "Upcoming events", lambda limit, language: [])
    assert [b.name for b in blocks.registered()] == ["events", "handbook"]
    items = blocks.fetch("handbook", 500, "cs")
    assert asked == [(blocks.MAX_ITEMS, "cs")]
    assert len(items) == blocks.MAX_ITEMS
    assert blocks.fetch("nothing", 3, "en") == []
    assert blocks.get("nothing") is None


def test_practices_and_events_register_their_blocks(app):
    assert {"practices", "events"} <= {b.name for b in blocks.registered()}
