"""Replies written at the same moment by several workers: every one is counted."""

from __future__ import annotations

import threading

from headstart.extensions import db

WRITERS = 4
EACH = 3


def test_simultaneous_replies_are_all_counted(app, make_user, make_category, make_topic):
    from headstart.accounts.models import User
    from headstart.forum import services
    from headstart.forum.models import ForumTopic

    topic_id, _ = make_topic(make_category(), make_user())
    authors = [make_user() for _ in range(WRITERS)]
    start = threading.Barrier(WRITERS)
    errors = []

    def write(author_id):
        try:
            with app.test_request_context("/", method="POST"):
                start.wait()
                for n in range(EACH):
                    services.reply(db.session.get(ForumTopic, topic_id), f"Reply {n}",
                                   actor=db.session.get(User, author_id))
                    db.session.commit()
                db.session.remove()
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(a.id,)) for a in authors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    with app.app_context():
        topic = db.session.get(ForumTopic, topic_id)
        assert topic.reply_count == WRITERS * EACH
        assert topic.last_post_id == max(p.id for p in topic.posts)
