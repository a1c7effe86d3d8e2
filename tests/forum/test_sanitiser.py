"""Posts go through the portal's one sanitiser: whatever a member types, the page gets no
script, no event handler, no javascript: or data: URL, and links carry
rel="nofollow ugc noopener"."""

from __future__ import annotations

import re

import pytest

from tests.helpers import csrf_token
from tests.xss import PAYLOADS


def _post_html(page: str) -> str:
    """Only what the posts render (the page's own markup has legitimate scripts-free
    attributes)."""
    return "".join(re.findall(r'<div class="prose" dir="auto">(.*?)</div>', page, re.DOTALL))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_renders_harmless(app, login_as, make_category, payload):
    category = make_category()
    member = login_as("practitioner")
    response = member.post(f"/forum/c/{category}/new", data={
        "csrf_token": csrf_token(member, f"/forum/c/{category}/new"), "title": "Attack",
        "body": f"Before\n\n{payload}\n\nAfter [a link](https://example.org/page)",
        "submit": "Post"})
    assert response.status_code == 302
    html = _post_html(login_as(None).get(response.headers["Location"]).get_data(as_text=True))
    assert "Before" in html
    assert not re.search(r"<\s*(script|iframe|img|svg|math|style|form|details|object)", html,
                         re.IGNORECASE)
    assert not re.search(r"<[^>]+\son\w+\s*=", html, re.IGNORECASE)
    assert not re.search(r"""<[^>]*\b(href|src|action)\s*=\s*["']?\s*(javascript|data):""",
                         html, re.IGNORECASE)
    for tag in re.findall(r"<a\s[^>]*>", html):
        rel = re.search(r'rel="([^"]*)"', tag).group(1).split()
        assert {"nofollow", "ugc", "noopener"} <= set(rel), tag


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
