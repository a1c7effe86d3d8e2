"""Forum dates are written for the reader's language: British English (the interface's
English), not the US short form, and each other language its own way."""

import re
from datetime import UTC, datetime

from headstart.extensions import db


def _shown_dates(html):
    return re.findall(r'<time datetime="[^"]+">([^<]+)</time>', html)


def test_topic_dates_in_british_english_and_in_each_language(app, client, make_user,
                                                              make_category, make_topic):
    author = make_user("practitioner")
    category = make_category()
    topic_id, _post = make_topic(category, author, title="Contracts for carers")
    with app.app_context():
        from headstart.forum.models import ForumTopic

        db.session.get(ForumTopic, topic_id).last_post_at = datetime(2026, 3, 9, 16, 5,
                                                                     tzinfo=UTC)
        db.session.commit()
    english = _shown_dates(client.get(f"/forum/c/{category}?lang=en").get_data(as_text=True))
    assert english
    assert "09/03/2026" in english[0]  # day first, four-digit year
    assert "PM" not in english[0]
    czech = _shown_dates(client.get(f"/forum/c/{category}?lang=cs").get_data(as_text=True))
    assert czech[0].startswith("09.03.26")
    # European Portuguese, and the Portuguese catalogue is still the one used.
    page = client.get(f"/forum/c/{category}?lang=pt").get_data(as_text=True)
    assert _shown_dates(page)[0].startswith("09/03/26")
    assert '<html lang="pt"' in page
