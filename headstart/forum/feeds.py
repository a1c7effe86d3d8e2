"""Atom feeds of public categories: their newest posts. A feed reader has no session, so
only public categories have a feed (any other answers 404, whoever asks)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from flask import Response
from sqlalchemy import select

from headstart.core.i18n import _, current_locale_code
from headstart.core.mail import external_url
from headstart.core.markdown import plain_text
from headstart.core.models import as_utc, utcnow
from headstart.extensions import db
from headstart.forum.models import ForumPost, ForumTopic

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEED_SIZE = 30
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
ET.register_namespace("", ATOM)


def _text(value: str) -> str:
    return _XML_INVALID.sub("", value or "")


def _iso(moment) -> str:
    return as_utc(moment or utcnow()).isoformat(timespec="seconds").replace("+00:00", "Z")


def newest_posts(category) -> list[ForumPost]:
    """The category's newest posts anyone may read."""
    return list(db.session.scalars(
        select(ForumPost).join(ForumTopic).where(
            ForumTopic.category_id == category.id, ForumTopic.held.is_(False),
            ForumPost.hidden.is_(False), ForumPost.held.is_(False))
        .order_by(ForumPost.id.desc()).limit(FEED_SIZE)))


def category_feed(category) -> Response:
    """The Atom 1.0 document (RFC 4287) of a public category's newest posts."""
    posts = newest_posts(category)
    feed_url = external_url("forum.category_feed", category_id=category.id)
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: current_locale_code()})
    ET.SubElement(feed, f"{{{ATOM}}}title").text = _text(
        _("HEADSTART forum: %(category)s", category=category.shown_name))
    ET.SubElement(feed, f"{{{ATOM}}}id").text = feed_url
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml",
                  href=feed_url)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html",
                  href=external_url("forum.category", category_id=category.id))
    ET.SubElement(feed, f"{{{ATOM}}}generator").text = "HEADSTART"
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _iso(
        max((p.edited_at or p.created_at for p in posts), default=None))
    for post in posts:
        url = external_url("forum.post", post_id=post.id)
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry", {XML_LANG: post.topic.language})
        ET.SubElement(entry, f"{{{ATOM}}}title").text = _text(post.topic.title)
        ET.SubElement(entry, f"{{{ATOM}}}id").text = url
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=url)
        ET.SubElement(entry, f"{{{ATOM}}}published").text = _iso(post.created_at)
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _iso(post.edited_at or post.created_at)
        author = ET.SubElement(entry, f"{{{ATOM}}}author")
        ET.SubElement(author, f"{{{ATOM}}}name").text = _text(
            post.author.display_name if post.author else _("a former member"))
        summary = ET.SubElement(entry, f"{{{ATOM}}}summary", type="text")
        summary.text = _text(plain_text(post.body, 1000))
    body = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return Response(body, mimetype="application/atom+xml",
                    headers={"Cache-Control": "public, max-age=600",
                             "Vary": "Accept-Language"})
