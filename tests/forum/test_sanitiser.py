"""Posts go through the portal's one sanitiser: whatever a member types, the page gets no
script, no event handler, no javascript: or data: URL, and links carry
rel="nofollow ugc noopener"."""

from __future__ import annotations

import re

from tests.helpers import csrf_token
from tests.xss import PAYLOADS


def _post_html(page: str) -> str:
    """Only what the posts render (the page's own markup has legitimate scripts-free
    attributes)."""
    return "".join(re.findall(r'<div class="prose" dir="auto">(.*?)</div>', page, re.DOTALL))


def _harm(html: str) -> str | None:
    """What in a post's HTML could run, or None."""
    if "Before" not in html:
        return "the post's own text is missing"
    if re.search(r"<\s*(script|iframe|img|svg|math|style|form|details|object)", html,
                 re.IGNORECASE):
        return "an active element"
    if re.search(r"<[^>]+\son\w+\s*=", html, re.IGNORECASE):
        return "an event handler"
    if re.search(r"""<[^>]*\b(href|src|action)\s*=\s*["']?\s*(javascript|data):""", html,
                 re.IGNORECASE):
        return "a javascript: or data: address"
    for tag in re.findall(r"<a\s[^>]*>", html):
        rel = re.search(r'rel="([^"]*)"', tag).group(1).split()
        if not {"nofollow", "ugc", "noopener"} <= set(rel):
            return f"a link without nofollow ugc noopener: {tag}"
    return None


def test_every_payload_renders_harmless(app, login_as, make_category):
    """The whole corpus, one topic each (in one test: the per-test reset would cost more
    than the posts)."""
    category = make_category()
    visitor = login_as(None)
    harmful = []
    for number, payload in enumerate(PAYLOADS):
        if number % 10 == 0:  # a new member before the posting limit (10 in 10 minutes)
            member = login_as("practitioner")
            token = csrf_token(member, f"/forum/c/{category}/new")
        response = member.post(f"/forum/c/{category}/new", data={
            "csrf_token": token, "title": f"Attack {number}",
            "body": f"Before\n\n{payload}\n\nAfter [a link](https://example.org/page)",
            "submit": "Post"})
        assert response.status_code == 302, payload
        html = _post_html(visitor.get(response.headers["Location"]).get_data(as_text=True))
        if (harm := _harm(html)) is not None:
            harmful.append(f"{payload!r}: {harm}")
    assert not harmful, "\n".join(harmful)


def test_preview_is_sanitised_too(app, login_as, make_category):
    category = make_category()
    member = login_as("practitioner")
    response = member.post(f"/forum/c/{category}/new", data={
        "csrf_token": csrf_token(member, f"/forum/c/{category}/new"), "title": "Attack",
        "body": "<script>alert(1)</script> [x](javascript:alert(1))", "preview": "Preview"})
    preview = _post_html(response.get_data(as_text=True))
    assert "&lt;script&gt;" in preview  # shown as text
    assert "<script" not in preview
    assert "href" not in preview
