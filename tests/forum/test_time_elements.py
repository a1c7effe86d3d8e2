"""Every ``<time datetime>`` of the forum is a value HTML allows (Nu Html Checker, issue
21): whole seconds in UTC, never Python's microseconds."""

from __future__ import annotations

from tests.test_page_metadata import MACHINE_VALUE, _read


def test_forum_times_carry_whole_seconds_in_utc(app, login_as, make_category, make_topic,
                                               add_reply, make_user):
    member = login_as("practitioner")
    category = make_category()
    topic, _post = make_topic(category, member.user, title="Contracts for carers")
    add_reply(topic, make_user(name="Marco"), "Ask for a written contract.")
    for path in ("/forum/", f"/forum/c/{category}", f"/forum/t/{topic}",
                 "/notifications/"):
        times = _read(member, path).times
        assert times, path
        for value in times:
            assert MACHINE_VALUE.fullmatch(value), (path, value)
