"""Who may open what: every route × {visitor, practitioner of org A, practitioner of org B,
coordinator, admin}. Each area adds its rows to ``ROUTES``.

Expected codes: 200 shown, 302 redirected (visitors to sign-in, or after a POST), 403
refused, 404 hidden. A route missing from this table fails ``test_every_route_is_in_the_matrix``.
"""

from __future__ import annotations

import logging
import secrets
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from headstart.directory.models import Link, Membership
from headstart.extensions import db
from headstart.notifications.models import Notification
from headstart.practices.models import PracticeAttachment, PracticeCall, TaxonomyTerm
from headstart.search.saved import SavedSearch
from tests.helpers import csrf_token

ROLES = ("visitor", "practitioner_a", "practitioner_b", "coordinator", "admin")


@dataclass(frozen=True)
class Route:
    """One row: method, path (with ``{placeholders}``) and the code each role gets."""

    method: str
    path: str
    visitor: int
    practitioner_a: int
    practitioner_b: int
    coordinator: int
    admin: int

    def expected(self, role: str) -> int:
        return getattr(self, role)


ROUTES = [
    Route("GET", "/", 200, 200, 200, 200, 200),
    # The home page's corridor picker: to the finder or the corridor's practices; no
    # corridor, or not a corridor, shows the home page again with a message.
    Route("GET", "/corridor?origin=MD&destination=IT", 302, 302, 302, 302, 302),
    Route("GET", "/corridor?origin=MD&destination=IT&show=practices", 302, 302, 302, 302, 302),
    Route("GET", "/corridor", 422, 422, 422, 422, 422),
    Route("GET", "/corridor?origin=MD&destination=MD", 422, 422, 422, 422, 422),
    Route("GET", "/healthz", 200, 200, 200, 200, 200),
    Route("GET", "/favicon.ico", 301, 301, 301, 301, 301),
    Route("GET", "/auth/login", 200, 302, 302, 302, 302),
    Route("POST", "/auth/login", 422, 302, 302, 302, 302),
    Route("GET", "/auth/register", 200, 302, 302, 302, 302),
    Route("POST", "/auth/register", 422, 302, 302, 302, 302),
    Route("GET", "/auth/confirm/{token}", 200, 200, 200, 200, 200),
    Route("POST", "/auth/confirm/{token}", 400, 400, 400, 400, 400),
    Route("GET", "/auth/reset", 200, 200, 200, 200, 200),
    Route("POST", "/auth/reset", 422, 422, 422, 422, 422),
    Route("GET", "/auth/reset/{token}", 400, 400, 400, 400, 400),
    Route("POST", "/auth/reset/{token}", 400, 400, 400, 400, 400),
    Route("POST", "/auth/logout", 302, 302, 302, 302, 302),
    Route("GET", "/account/", 302, 200, 200, 200, 200),
    Route("POST", "/account/", 302, 302, 302, 302, 302),  # role=… in the POST is ignored
    Route("POST", "/account/password", 302, 422, 422, 422, 422),
    Route("GET", "/account/export", 302, 200, 200, 200, 200),
    Route("POST", "/account/delete", 302, 422, 422, 422, 422),
    Route("GET", "/directory/", 200, 200, 200, 200, 200),
    Route("GET", "/directory/{org_a}", 200, 200, 200, 200, 200),
    Route("GET", "/directory/{org_a}-some-slug", 200, 200, 200, 200, 200),
    Route("GET", "/directory/999999", 404, 404, 404, 404, 404),
    Route("GET", "/directory/new", 302, 200, 200, 200, 200),
    Route("POST", "/directory/new", 302, 422, 422, 422, 422),
    Route("POST", "/directory/{org_a}/join", 302, 302, 302, 302, 302),
    Route("POST", "/directory/{org_a}/leave", 302, 302, 404, 404, 404),
    Route("POST", "/directory/memberships/{pending_a}/approve", 302, 302, 403, 302, 302),
    Route("POST", "/directory/memberships/{pending_a}/decline", 302, 302, 403, 302, 302),
    Route("GET", "/directory/{org_a}/edit", 302, 200, 403, 200, 200),
    Route("POST", "/directory/{org_a}/edit", 302, 422, 403, 422, 422),
    Route("POST", "/directory/{org_a}/verify", 302, 403, 403, 302, 302),
    Route("POST", "/directory/{org_a}/unverify", 302, 403, 403, 302, 302),
    Route("GET", "/directory/{org_a}/merge", 302, 403, 403, 200, 200),
    Route("POST", "/directory/{org_a}/merge", 302, 403, 403, 422, 422),
    Route("GET", "/directory/999999/merge", 302, 403, 403, 404, 404),
    # Proposing needs an organisation of one's own other than the one asked.
    Route("GET", "/directory/{org_a}/link", 302, 403, 200, 403, 403),
    Route("POST", "/directory/{org_a}/link", 302, 403, 422, 403, 403),
    Route("GET", "/directory/links/{link_ba}", 302, 200, 200, 200, 200),
    Route("GET", "/directory/links/999999", 302, 404, 404, 404, 404),
    # Only members of the organisation asked (A) answer; only the proposer (B) withdraws.
    Route("POST", "/directory/links/{link_ba}/accept", 302, 302, 403, 403, 403),
    Route("POST", "/directory/links/{link_ba}/decline", 302, 302, 403, 403, 403),
    Route("POST", "/directory/links/{link_ba}/withdraw", 302, 403, 302, 403, 403),
    Route("POST", "/directory/links/{link_accepted}/end", 302, 302, 302, 403, 403),
    Route("GET", "/directory/counterparts", 200, 200, 200, 200, 200),
    Route("GET", "/directory/counterparts?origin=MD&destination=IT", 200, 200, 200, 200, 200),
    Route("GET", "/directory/corridors", 200, 200, 200, 200, 200),
    Route("GET", "/directory/export/hsds.json", 200, 200, 200, 200, 200),
    Route("GET", "/directory/export/services.csv", 200, 200, 200, 200, 200),
    Route("GET", "/directory/export/hsds.zip", 200, 200, 200, 200, 200),
    Route("GET", "/directory/export/datapackage.json", 200, 200, 200, 200, 200),
    Route("GET", "/api/v1/organisations", 200, 200, 200, 200, 200),
    Route("GET", "/api/v1/organisations/{org_a}", 200, 200, 200, 200, 200),
    Route("GET", "/api/v1/organisations/{org_a}/counterparts", 200, 200, 200, 200, 200),
    Route("GET", "/api/v1/organisations/999999", 404, 404, 404, 404, 404),
    Route("GET", "/language/cs", 302, 302, 302, 302, 302),
    Route("GET", "/language/xx", 404, 404, 404, 404, 404),
    Route("GET", "/practices/", 200, 200, 200, 200, 200),
    Route("GET", "/search", 200, 200, 200, 200, 200),
    Route("GET", "/search/saved", 302, 200, 200, 200, 200),
    Route("GET", "/search/misses", 302, 403, 403, 200, 200),
    Route("GET", "/dashboard/", 302, 403, 403, 200, 200),
    Route("GET", "/dashboard/?from=2025-13", 302, 403, 403, 400, 400),
    Route("GET", "/dashboard/practices.csv", 302, 403, 403, 200, 200),
    Route("GET", "/dashboard/corridors.csv", 302, 403, 403, 200, 200),
    Route("GET", "/dashboard/misses.csv", 302, 403, 403, 200, 200),
    Route("GET", "/dashboard/organisations.csv", 302, 403, 403, 200, 200),
    Route("GET", "/dashboard/forum.csv", 302, 403, 403, 200, 200),
    Route("GET", "/dashboard/forum.csv?from=2025-06&to=2025-01", 302, 403, 403, 400, 400),
    Route("GET", "/dashboard/other.csv", 404, 404, 404, 404, 404),
    Route("GET", "/dashboard/organisations-to-verify", 302, 403, 403, 200, 200),
    Route("POST", "/search/saved", 302, 302, 302, 302, 302),  # saves, back to the list
    Route("POST", "/search/saved/{saved_a}/delete", 302, 302, 404, 404, 404),
    Route("GET", "/notifications/", 302, 200, 200, 200, 200),
    Route("POST", "/notifications/{notice_a}/open", 302, 302, 404, 404, 404),
    Route("POST", "/notifications/read", 302, 302, 302, 302, 302),
    Route("GET", "/notifications/settings", 302, 200, 200, 200, 200),
    Route("POST", "/notifications/settings", 302, 422, 422, 422, 422),
    Route("GET", "/api/v1/practices", 200, 200, 200, 200, 200),
    Route("GET", "/api/v1/practices/{published}", 200, 200, 200, 200, 200),
    Route("GET", "/api/v1/practices/{draft_a}", 404, 404, 404, 404, 404),
    Route("GET", "/api/v1/search?q=care", 200, 200, 200, 200, 200),
    Route("GET", "/api/v1/search?q=care&area=event", 200, 200, 200, 200, 200),
    Route("GET", "/api/v1/openapi.json", 200, 200, 200, 200, 200),
    Route("GET", "/practices/{published}", 200, 200, 200, 200, 200),
    Route("GET", "/practices/{published}-a-slug", 200, 200, 200, 200, 200),
    Route("GET", "/practices/{draft_a}", 404, 200, 404, 200, 200),
    Route("GET", "/practices/new", 302, 200, 200, 200, 200),
    Route("POST", "/practices/new", 302, 422, 422, 422, 422),
    Route("GET", "/practices/mine", 302, 200, 200, 200, 200),
    Route("GET", "/practices/review", 302, 403, 403, 200, 200),
    Route("GET", "/practices/{draft_a}/edit", 302, 200, 404, 200, 200),
    Route("POST", "/practices/{draft_a}/edit", 302, 422, 404, 422, 422),
    Route("GET", "/practices/{published}/edit", 302, 403, 403, 200, 200),
    Route("GET", "/practices/{published}/history", 302, 403, 403, 200, 200),
    Route("POST", "/practices/{draft_a}/submit", 302, 302, 404, 302, 302),
    Route("POST", "/practices/{submitted_a}/publish", 302, 403, 404, 302, 302),
    Route("POST", "/practices/{submitted_a}/return", 302, 403, 404, 302, 302),
    Route("POST", "/practices/{published}/archive", 302, 403, 403, 302, 302),
    Route("POST", "/practices/{published}/restore", 302, 403, 403, 302, 302),
    Route("GET", "/practices/feed.atom", 200, 200, 200, 200, 200),
    Route("GET", "/practices/export.csv", 200, 200, 200, 200, 200),
    Route("GET", "/practices/export.json?theme=employment", 200, 200, 200, 200, 200),
    Route("GET", "/practices/export.xml", 404, 404, 404, 404, 404),
    Route("GET", "/practices/{published}/print", 200, 200, 200, 200, 200),
    Route("GET", "/practices/{draft_a}/print", 404, 200, 404, 200, 200),
    Route("GET", "/practices/{published}/attachments/{file_published}", 200, 200, 200, 200, 200),
    Route("GET", "/practices/{published}/attachments/{file_published}/report.pdf",
          200, 200, 200, 200, 200),
    Route("GET", "/practices/{draft_a}/attachments/{file_draft_a}", 404, 200, 404, 200, 200),
    Route("GET", "/practices/{published}/attachments/{file_draft_a}", 404, 404, 404, 404, 404),
    Route("GET", "/practices/{published}/translate", 302, 200, 200, 200, 200),
    Route("POST", "/practices/{published}/translate", 302, 422, 422, 422, 422),
    Route("GET", "/practices/{draft_a}/translate", 302, 200, 404, 200, 200),
    Route("GET", "/practices/calls/", 200, 200, 200, 200, 200),
    Route("GET", "/practices/calls/{call}", 200, 200, 200, 200, 200),
    Route("GET", "/practices/calls/999999", 404, 404, 404, 404, 404),
    Route("GET", "/practices/calls/new", 302, 403, 403, 200, 200),
    Route("POST", "/practices/calls/new", 302, 403, 403, 422, 422),
    Route("GET", "/practices/calls/{call}/edit", 302, 403, 403, 200, 200),
    Route("POST", "/practices/calls/{call}/edit", 302, 403, 403, 422, 422),
    Route("POST", "/practices/calls/{call}/close", 302, 403, 403, 302, 302),
    Route("POST", "/practices/calls/{call}/reopen", 302, 403, 403, 302, 302),
    Route("GET", "/admin/taxonomy/", 302, 403, 403, 403, 200),
    Route("GET", "/admin/taxonomy/target", 302, 403, 403, 403, 200),
    Route("GET", "/admin/taxonomy/nonsense", 302, 403, 403, 403, 404),
    Route("GET", "/admin/taxonomy/theme/{term}", 302, 403, 403, 403, 200),
    Route("GET", "/admin/taxonomy/phase/{term}", 302, 403, 403, 403, 404),
    Route("POST", "/admin/taxonomy/theme/{term}", 302, 403, 403, 403, 422),
    Route("GET", "/admin/taxonomy/theme/new", 302, 403, 403, 403, 200),
    Route("POST", "/admin/taxonomy/theme/new", 302, 403, 403, 403, 422),
    Route("POST", "/admin/taxonomy/theme/{term}/retire", 302, 403, 403, 403, 302),
    Route("POST", "/admin/taxonomy/theme/{term}/restore", 302, 403, 403, 403, 302),
    Route("GET", "/admin/users", 302, 403, 403, 403, 200),
    Route("POST", "/admin/users/{target}/role", 302, 403, 403, 403, 302),
    Route("POST", "/admin/users/{target}/disable", 302, 403, 403, 403, 302),
    Route("POST", "/admin/users/{target}/enable", 302, 403, 403, 403, 302),
    # --- forum: public, members-only and coordinators-only categories; {post_public} is
    # practitioner A's; hidden routes answer 404 to whoever may not read the category.
    Route("GET", "/forum/", 200, 200, 200, 200, 200),
    Route("GET", "/forum/c/{cat_public}", 200, 200, 200, 200, 200),
    Route("GET", "/forum/c/{cat_members}", 404, 200, 200, 200, 200),
    Route("GET", "/forum/c/{cat_coord}", 404, 404, 404, 200, 200),
    Route("GET", "/forum/c/999999", 404, 404, 404, 404, 404),
    Route("GET", "/forum/c/{cat_public}/feed.atom", 200, 200, 200, 200, 200),
    Route("GET", "/forum/c/{cat_members}/feed.atom", 404, 404, 404, 404, 404),
    Route("GET", "/forum/c/{cat_coord}/feed.atom", 404, 404, 404, 404, 404),
    Route("GET", "/forum/c/{cat_public}?page=9", 404, 404, 404, 404, 404),
    Route("GET", "/forum/c/{cat_public}/new", 302, 200, 200, 200, 200),
    Route("POST", "/forum/c/{cat_public}/new", 302, 422, 422, 422, 422),
    Route("GET", "/forum/c/{cat_members}/new", 302, 200, 200, 200, 200),
    Route("GET", "/forum/c/{cat_coord}/new", 302, 404, 404, 200, 200),
    Route("POST", "/forum/c/{cat_coord}/new", 302, 404, 404, 422, 422),
    Route("POST", "/forum/c/{cat_public}/follow", 302, 302, 302, 302, 302),
    Route("POST", "/forum/c/{cat_public}/unfollow", 302, 302, 302, 302, 302),
    Route("POST", "/forum/c/{cat_coord}/follow", 302, 404, 404, 302, 302),
    Route("GET", "/forum/t/{topic_public}", 200, 200, 200, 200, 200),
    Route("GET", "/forum/t/{topic_members}", 404, 200, 200, 200, 200),
    Route("GET", "/forum/t/{topic_coord}", 404, 404, 404, 200, 200),
    Route("GET", "/forum/t/999999", 404, 404, 404, 404, 404),
    Route("POST", "/forum/t/{topic_public}/reply", 302, 422, 422, 422, 422),
    Route("POST", "/forum/t/{topic_members}/reply", 302, 422, 422, 422, 422),
    Route("POST", "/forum/t/{topic_coord}/reply", 302, 404, 404, 422, 422),
    Route("POST", "/forum/t/{topic_public}/follow", 302, 302, 302, 302, 302),
    Route("POST", "/forum/t/{topic_public}/unfollow", 302, 302, 302, 302, 302),
    Route("POST", "/forum/t/{topic_members}/follow", 302, 302, 302, 302, 302),
    Route("POST", "/forum/t/{topic_coord}/follow", 302, 404, 404, 302, 302),
    Route("GET", "/forum/p/{post_public}", 302, 302, 302, 302, 302),
    Route("GET", "/forum/p/{post_members}", 404, 302, 302, 302, 302),
    Route("GET", "/forum/p/{post_coord}", 404, 404, 404, 302, 302),
    Route("GET", "/forum/p/{post_public}/edit", 302, 200, 403, 200, 200),
    Route("POST", "/forum/p/{post_public}/edit", 302, 422, 403, 422, 422),
    Route("GET", "/forum/p/{post_coord}/edit", 302, 404, 404, 200, 200),
    Route("GET", "/forum/p/{post_public}/history", 200, 200, 200, 200, 200),
    Route("GET", "/forum/p/{post_members}/history", 404, 200, 200, 200, 200),
    Route("GET", "/forum/p/{post_coord}/history", 404, 404, 404, 200, 200),
    Route("GET", "/forum/p/{post_public}/flag", 302, 200, 200, 200, 200),
    Route("POST", "/forum/p/{post_public}/flag", 302, 422, 422, 422, 422),
    Route("GET", "/forum/p/{post_coord}/flag", 302, 404, 404, 200, 200),
    Route("GET", "/forum/settings", 302, 200, 200, 200, 200),
    Route("POST", "/forum/settings", 302, 422, 422, 422, 422),
    Route("GET", "/forum/discuss/practice/{published}", 200, 200, 200, 200, 200),
    Route("POST", "/forum/discuss/practice/{published}", 302, 422, 422, 422, 422),
    Route("GET", "/forum/discuss/practice/{draft_a}", 404, 404, 404, 200, 200),
    Route("GET", "/forum/discuss/practice/999999", 404, 404, 404, 404, 404),
    Route("GET", "/forum/discuss/nonsense/1", 404, 404, 404, 404, 404),
    Route("GET", "/forum/moderation", 302, 403, 403, 200, 200),
    Route("POST", "/forum/p/{post_public}/hide", 302, 403, 403, 302, 302),
    Route("POST", "/forum/p/{post_public}/restore", 302, 403, 403, 302, 302),
    Route("POST", "/forum/p/{post_coord}/hide", 302, 403, 403, 302, 302),
    Route("POST", "/forum/p/{post_public}/approve", 302, 403, 403, 302, 302),
    Route("POST", "/forum/t/{topic_public}/pin", 302, 403, 403, 302, 302),
    Route("POST", "/forum/t/{topic_public}/unpin", 302, 403, 403, 302, 302),
    Route("POST", "/forum/t/{topic_public}/lock", 302, 403, 403, 302, 302),
    Route("POST", "/forum/t/{topic_public}/unlock", 302, 403, 403, 302, 302),
    Route("GET", "/forum/t/{topic_public}/move", 302, 403, 403, 200, 200),
    Route("POST", "/forum/t/{topic_public}/move", 302, 403, 403, 422, 422),
    Route("POST", "/forum/flags/{flag}/dismiss", 302, 403, 403, 302, 302),
    Route("POST", "/forum/flags/999999/dismiss", 302, 403, 403, 404, 404),
    Route("GET", "/forum/categories/new", 302, 403, 403, 200, 200),
    Route("POST", "/forum/categories/new", 302, 403, 403, 422, 422),
    Route("GET", "/forum/c/{cat_public}/edit", 302, 403, 403, 200, 200),
    Route("POST", "/forum/c/{cat_public}/edit", 302, 403, 403, 422, 422),
    # The forum's JSON API shows what a visitor sees, whoever asks.
    Route("GET", "/api/v1/forum/categories", 200, 200, 200, 200, 200),
    Route("GET", "/api/v1/forum/topics", 200, 200, 200, 200, 200),
    Route("GET", "/api/v1/forum/topics?category={cat_public}", 200, 200, 200, 200, 200),
    Route("GET", "/api/v1/forum/topics?category={cat_members}", 404, 404, 404, 404, 404),
    Route("GET", "/api/v1/forum/topics?page=0", 400, 400, 400, 400, 400),
    Route("GET", "/api/v1/forum/topics/{topic_public}", 200, 200, 200, 200, 200),
    Route("GET", "/api/v1/forum/topics/{topic_members}", 404, 404, 404, 404, 404),
    Route("GET", "/api/v1/forum/topics/{topic_coord}", 404, 404, 404, 404, 404),
    Route("GET", "/api/v1/forum/topics/999999", 404, 404, 404, 404, 404),
    # --- handbook: readers see editions; drafts and editing are for coordinators ---
    Route("GET", "/handbook/", 200, 200, 200, 200, 200),
    Route("GET", "/handbook/editions/", 200, 200, 200, 200, 200),
    Route("GET", "/handbook/editions/1", 200, 200, 200, 200, 200),
    Route("GET", "/handbook/editions/99", 404, 404, 404, 404, 404),
    Route("GET", "/handbook/editions/1/first-contact", 200, 200, 200, 200, 200),
    Route("GET", "/handbook/editions/1/unpublished", 404, 404, 404, 404, 404),  # a draft
    Route("GET", "/handbook/editions/1.pdf", 200, 200, 200, 200, 200),
    Route("GET", "/handbook/editions/1/print", 200, 200, 200, 200, 200),
    Route("GET", "/handbook/editions/1/diff/1", 200, 200, 200, 200, 200),
    Route("GET", "/handbook/sections/{hb_section}", 302, 302, 302, 302, 302),
    Route("GET", "/handbook/sections/{hb_draft}", 404, 404, 404, 404, 404),
    Route("GET", "/api/v1/handbook", 200, 200, 200, 200, 200),
    Route("GET", "/api/v1/handbook?edition=99", 404, 404, 404, 404, 404),
    Route("GET", "/handbook/edit/", 302, 403, 403, 200, 200),
    Route("POST", "/handbook/edit/chapters", 302, 403, 403, 302, 302),
    Route("POST", "/handbook/edit/chapters/{hb_chapter}", 302, 403, 403, 302, 302),
    Route("POST", "/handbook/edit/chapters/{hb_chapter}/move", 302, 403, 403, 400, 400),
    Route("POST", "/handbook/edit/chapters/{hb_chapter}/titles", 302, 403, 403, 302, 302),
    Route("GET", "/handbook/edit/sections/new", 302, 403, 403, 200, 200),
    Route("POST", "/handbook/edit/sections/new", 302, 403, 403, 422, 422),
    Route("GET", "/handbook/edit/sections/{hb_draft}", 302, 403, 403, 200, 200),
    Route("GET", "/handbook/edit/sections/{hb_section}", 302, 403, 403, 200, 200),
    Route("POST", "/handbook/edit/sections/{hb_section}", 302, 403, 403, 422, 422),
    Route("GET", "/handbook/edit/sections/999999", 302, 403, 403, 404, 404),
    Route("POST", "/handbook/edit/sections/{hb_section}/move", 302, 403, 403, 400, 400),
    Route("GET", "/handbook/edit/sections/{hb_section}/history", 302, 403, 403, 200, 200),
    Route("GET", "/handbook/edit/sections/{hb_section}/diff?a={hb_revision}&b={hb_revision}",
          302, 403, 403, 200, 200),
    Route("GET", "/handbook/edit/sections/{hb_section}/revisions/{hb_revision}",
          302, 403, 403, 200, 200),
    Route("GET", "/handbook/edit/sections/{hb_draft}/revisions/{hb_revision}",
          302, 403, 403, 404, 404),
    Route("POST", "/handbook/edit/sections/{hb_section}/revisions/{hb_revision}/restore",
          302, 403, 403, 302, 302),
    Route("GET", "/handbook/edit/sections/{hb_section}/translations/cs",
          302, 403, 403, 200, 200),
    Route("POST", "/handbook/edit/sections/{hb_section}/translations/cs",
          302, 403, 403, 422, 422),
    Route("POST", "/handbook/edit/sections/{hb_draft}/retire", 302, 403, 403, 302, 302),
    Route("POST", "/handbook/edit/sections/{hb_draft}/reinstate", 302, 403, 403, 302, 302),
    Route("GET", "/handbook/edit/publish", 302, 403, 403, 200, 200),
    Route("POST", "/handbook/edit/publish", 302, 403, 403, 302, 302),
    # --- end of handbook ---
    # --- events and newsletter ---
    Route("GET", "/events/", 200, 200, 200, 200, 200),
    Route("GET", "/events/?view=month&month=2026-10&tz=Bad/Zone", 200, 200, 200, 200, 200),
    Route("GET", "/events/2026/10", 200, 200, 200, 200, 200),
    Route("GET", "/events/2026/13", 404, 404, 404, 404, 404),
    Route("GET", "/events/{event}", 200, 200, 200, 200, 200),
    Route("GET", "/events/{event}-a-slug", 200, 200, 200, 200, 200),
    Route("GET", "/events/{event_proposed_a}", 404, 200, 404, 200, 200),
    Route("GET", "/events/999999", 404, 404, 404, 404, 404),
    Route("GET", "/events/{event}.ics", 200, 200, 200, 200, 200),
    Route("GET", "/events/{event_proposed_a}.ics", 404, 200, 404, 200, 200),
    Route("GET", "/events/calendar.ics", 200, 200, 200, 200, 200),
    Route("GET", "/events/calendar.ics?corridor=MD-IT&when=past", 200, 200, 200, 200, 200),
    Route("GET", "/events/new", 302, 200, 200, 200, 200),
    Route("POST", "/events/new", 302, 422, 422, 422, 422),
    Route("GET", "/events/{event_proposed_a}/edit", 302, 200, 404, 200, 200),
    Route("POST", "/events/{event_proposed_a}/edit", 302, 422, 404, 422, 422),
    Route("GET", "/events/{event}/edit", 302, 403, 403, 200, 200),
    Route("POST", "/events/{event_proposed_a}/approve", 302, 403, 403, 302, 302),
    Route("POST", "/events/{event_proposed_a}/decline", 302, 403, 403, 302, 302),
    Route("GET", "/events/{event}/materials/{event_file}", 200, 200, 200, 200, 200),
    Route("GET", "/events/{event}/materials/{event_file}/programme.pdf",
          200, 200, 200, 200, 200),
    Route("GET", "/events/{event_proposed_a}/materials/{event_file}", 404, 404, 404, 404, 404),
    Route("GET", "/newsletter/", 200, 200, 200, 200, 200),
    Route("POST", "/newsletter/subscribe", 422, 422, 422, 422, 422),
    Route("GET", "/newsletter/{issue_sent}", 200, 200, 200, 200, 200),
    Route("GET", "/newsletter/{issue_sent}-news", 200, 200, 200, 200, 200),
    Route("GET", "/newsletter/{issue_draft}", 404, 404, 404, 200, 200),
    Route("GET", "/newsletter/999999", 404, 404, 404, 404, 404),
    Route("GET", "/newsletter/confirm/{token}", 400, 400, 400, 400, 400),
    Route("POST", "/newsletter/confirm/{token}", 400, 400, 400, 400, 400),
    Route("GET", "/newsletter/confirm/{confirm_token}", 200, 200, 200, 200, 200),
    Route("GET", "/newsletter/unsubscribe/{token}", 400, 400, 400, 400, 400),
    Route("POST", "/newsletter/unsubscribe/{token}", 400, 400, 400, 400, 400),
    Route("GET", "/newsletter/unsubscribe/{unsubscribe_token}", 200, 200, 200, 200, 200),
    Route("POST", "/newsletter/unsubscribe/{unsubscribe_token}", 200, 200, 200, 200, 200),
    Route("GET", "/newsletter/compose/", 302, 403, 403, 200, 200),
    Route("GET", "/newsletter/compose/new", 302, 403, 403, 200, 200),
    Route("POST", "/newsletter/compose/new", 302, 403, 403, 422, 422),
    Route("GET", "/newsletter/compose/{issue_draft}", 302, 403, 403, 200, 200),
    Route("POST", "/newsletter/compose/{issue_draft}", 302, 403, 403, 422, 422),
    Route("GET", "/newsletter/compose/{issue_sent}", 302, 403, 403, 302, 302),
    Route("GET", "/newsletter/compose/{issue_draft}/translation", 302, 403, 403, 200, 200),
    Route("POST", "/newsletter/compose/{issue_draft}/translation", 302, 403, 403, 422, 422),
    Route("GET", "/newsletter/compose/{issue_draft}/preview", 302, 403, 403, 200, 200),
    Route("GET", "/newsletter/compose/999999/preview", 302, 403, 403, 404, 404),
    Route("GET", "/newsletter/compose/{issue_draft}/preview/mail.html",
          302, 403, 403, 200, 200),
    Route("POST", "/newsletter/compose/{issue_draft}/send", 302, 403, 403, 302, 302),
]

#: Endpoints that need no row: static files and the test-only routes.
NOT_ROUTES = {"static"}


@pytest.fixture
def world(app, make_user, make_org, make_practice):
    """Two organisations with one practitioner each, a coordinator, an admin, a pending
    join request to organisation A and a target user for admin actions.

    Built once per database, then put back before each test from a copy of its rows,
    uploads and search index (building it took a second a test; the matrix has 2,700).
    """
    saved = _WORLDS.get(id(app))
    if saved is None:
        with indexed_once(app):
            made = _world(app, make_user, make_org, make_practice)
        _WORLDS[id(app)] = saved = _save_world(app, made)
    else:
        _put_back(app, saved)
    users, ids = saved["made"]
    with app.app_context():  # seeded rows get new ids when a test changed them
        ids = {**ids, "term": db.session.scalar(db.select(TaxonomyTerm.id).where(
            TaxonomyTerm.vocabulary == "theme", TaxonomyTerm.code == "housing"))}
    return users, ids


_WORLDS: dict[int, dict] = {}


def _folders(app) -> dict[str, Path]:
    return {"uploads": Path(app.config["UPLOAD_DIR"]), "index": Path(app.config["INDEX_DIR"])}


def _save_world(app, made) -> dict:
    """The rows of every table the tests empty, and copies of the upload and index folders."""
    from tests.conftest import SEEDED_TABLES

    rows = {}
    with app.app_context(), db.engine.connect() as connection:
        for table in db.metadata.sorted_tables:
            if table.name not in SEEDED_TABLES:
                rows[table.name] = [dict(row._mapping) for row in
                                    connection.execute(table.select())]
    copies = Path(tempfile.mkdtemp(prefix="matrix-world-"))
    for name, folder in _folders(app).items():
        if folder.exists():
            shutil.copytree(folder, copies / name)
    return {"made": made, "rows": rows, "copies": copies}


def _put_back(app, saved) -> None:
    """Restore the saved world into the emptied tables (same ids) and folders."""
    with app.app_context(), db.engine.begin() as connection:
        postgres = connection.dialect.name == "postgresql"
        # Topics and their last post point at each other: check references at the end.
        connection.exec_driver_sql("SET LOCAL session_replication_role = replica" if postgres
                                   else "PRAGMA defer_foreign_keys = ON")
        for table in db.metadata.sorted_tables:
            if saved["rows"].get(table.name):
                connection.execute(table.insert(), saved["rows"][table.name])
                if postgres and "id" in table.c:  # new rows continue after the restored ids
                    connection.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table.name}), false)")
    for name, folder in _folders(app).items():
        shutil.rmtree(folder, ignore_errors=True)
        if (saved["copies"] / name).exists():
            shutil.copytree(saved["copies"] / name, folder)
    backend = app.extensions.get("search_backend")
    if backend is not None and hasattr(backend, "_reset"):
        backend._reset()


@contextmanager
def indexed_once(app):
    """Build many records with one search-index update at the end instead of one per
    commit (each is a Whoosh commit)."""
    from headstart.search import service

    drain = service._drain_safely
    service._drain_safely = lambda _app: None
    try:
        yield
    finally:
        service._drain_safely = drain
    drain(app)


def _world(app, make_user, make_org, make_practice):
    users = {
        "practitioner_a": make_user("practitioner"),
        "practitioner_b": make_user("practitioner"),
        "coordinator": make_user("coordinator"),
        "admin": make_user("admin"),
    }
    applicant = make_user("practitioner")
    target = make_user("practitioner")
    org_a = make_org("Organisation A", members=[users["practitioner_a"]],
                     corridors=["MD-IT"], services=["language_training"])
    org_b = make_org("Organisation B", members=[users["practitioner_b"]], side="destination",
                     country="IT", corridors=["MD-IT"], services=["language_training"])
    with app.app_context():
        pending = Membership(user_id=applicant.id, organisation_id=org_a.id)
        proposed = Link(proposer_id=org_b.id, partner_id=org_a.id, origin="MD",
                        destination="IT", services=["language_training"])
        accepted = Link(proposer_id=org_a.id, partner_id=org_b.id, origin="MD",
                        destination="CZ", services=["job_matching"], status="accepted")
        db.session.add_all([pending, proposed, accepted])
        db.session.commit()
        ids = {"org_a": org_a.id, "pending_a": pending.id, "target": target.id,
               "token": "not-a-valid-token", "link_ba": proposed.id,
               "link_accepted": accepted.id}
    ids["draft_a"] = make_practice("draft", author=users["practitioner_a"], title="Draft").id
    ids["submitted_a"] = make_practice("submitted", author=users["practitioner_a"],
                                       title="Submitted").id
    ids["published"] = make_practice("published", title="Published").id
    ids["file_draft_a"] = _attach(app, ids["draft_a"])
    ids["file_published"] = _attach(app, ids["published"])
    with app.app_context():
        call = PracticeCall(title="Language training, Western Balkans → Austria",
                            deadline=date.today() + timedelta(days=30))
        db.session.add(call)
        db.session.commit()
        ids["call"] = call.id
        saved = SavedSearch(user_id=users["practitioner_a"].id, name="Mine", query="q=care")
        db.session.add(saved)
        notice = Notification(user_id=users["practitioner_a"].id, kind="saved_search",
                              details={"search": "Mine", "title": "Published"},
                              url="/practices/")
        db.session.add(notice)
        db.session.commit()
        ids["saved_a"], ids["notice_a"] = saved.id, notice.id
        ids["term"] = db.session.scalar(db.select(TaxonomyTerm.id).where(
            TaxonomyTerm.vocabulary == "theme", TaxonomyTerm.code == "housing"))
    ids.update(_forum(app, users))
    ids.update(_handbook(app, users["coordinator"]))
    ids.update(_events_and_newsletter(app, users))
    return users, ids


def _forum(app, users) -> dict:
    """A category of each access level with one topic; practitioner A wrote the public
    topic, practitioner B flagged it."""
    from headstart.forum.models import ForumCategory, ForumFlag, ForumPost, ForumTopic

    ids = {}
    with app.app_context():
        for access in ("public", "members", "coord"):
            category = ForumCategory(name=f"Category {access}",
                                     access="coordinators" if access == "coord" else access)
            topic = ForumTopic(category=category, title=f"Topic {access}",
                               author_id=users["practitioner_a"].id)
            post = ForumPost(topic=topic, author_id=users["practitioner_a"].id, body="Hello")
            db.session.add_all([category, topic, post])
            db.session.flush()
            topic.last_post_id = post.id
            ids.update({f"cat_{access}": category.id, f"topic_{access}": topic.id,
                        f"post_{access}": post.id})
        flag = ForumFlag(post_id=ids["post_public"], user_id=users["practitioner_b"].id,
                         reason="Advertising")
        db.session.add(flag)
        db.session.commit()
        ids["flag"] = flag.id
    return ids


def _handbook(app, coordinator) -> dict:
    """Edition 1 with the section first-contact, and a draft section published nowhere."""
    from headstart.handbook import editions, services

    with app.app_context():
        actor = db.session.get(type(coordinator), coordinator.id)
        chapter = services.create_chapter("Procedures", actor=actor)
        section = services.create_section(chapter, title="First contact", slug="first-contact",
                                          body="Greet the visitor.", actor=actor)
        editions.publish("", actor=actor)
        draft = services.create_section(chapter, title="Unpublished", slug="unpublished",
                                        body="Not yet.", actor=actor)
        db.session.commit()
        return {"hb_chapter": chapter.id, "hb_section": section.id, "hb_draft": draft.id,
                "hb_revision": services.current(section).id}


def _events_and_newsletter(app, users) -> dict:
    """An approved event with a file, one proposed by practitioner A, a draft and a sent
    newsletter, and valid confirm and unsubscribe links of a subscriber."""
    from datetime import UTC, datetime

    from headstart.events.models import Event, EventAttachment
    from headstart.newsletter import subscriptions
    from headstart.newsletter.models import Issue, Subscriber

    when = {"starts_at": datetime(2026, 10, 24, 8, tzinfo=UTC),
            "ends_at": datetime(2026, 10, 24, 15, tzinfo=UTC), "timezone": "Europe/Prague",
            "place": "Prague"}
    with app.app_context(), app.test_request_context("/"):
        event = Event(title="Seminar", status="approved", **when)
        proposed = Event(title="Fair", status="proposed",
                         proposed_by_id=users["practitioner_a"].id, **when)
        draft = Issue(subject="Draft news", body="Soon.", language="en")
        sent = Issue(subject="News", body="Sent.", sent_body="Sent.", language="en",
                     status="sent", sent_at=datetime(2026, 11, 1, tzinfo=UTC),
                     send_started_at=datetime(2026, 11, 1, tzinfo=UTC))
        subscriber = Subscriber(email="reader@example.org", status="pending", key="0" * 16)
        db.session.add_all([event, proposed, draft, sent, subscriber])
        db.session.flush()
        folder = Path(app.config["UPLOAD_DIR"]) / "events"
        folder.mkdir(parents=True, exist_ok=True)
        name = secrets.token_hex(16)
        (folder / name).write_bytes(b"%PDF-1.4\n%%EOF\n")
        attachment = EventAttachment(event_id=event.id, stored_name=name,
                                     filename="programme.pdf", content_type="application/pdf",
                                     size=15, sha256="0" * 64)
        db.session.add(attachment)
        db.session.commit()
        return {"event": event.id, "event_proposed_a": proposed.id, "event_file": attachment.id,
                "issue_draft": draft.id, "issue_sent": sent.id,
                "confirm_token": subscriptions.make_token(
                    subscriptions.CONFIRM, {"s": subscriber.id, "k": subscriber.key}),
                "unsubscribe_token": subscriptions.unsubscribe_token(subscriber)}


def _attach(app, practice_id: int) -> int:
    """A stored PDF attachment on a practice."""
    with app.app_context():
        folder = Path(app.config["UPLOAD_DIR"]) / "practices"
        folder.mkdir(parents=True, exist_ok=True)
        name = secrets.token_hex(16)
        (folder / name).write_bytes(b"%PDF-1.4\n%%EOF\n")
        attachment = PracticeAttachment(practice_id=practice_id, stored_name=name,
                                        filename="report.pdf", content_type="application/pdf",
                                        size=15, sha256="0" * 64)
        db.session.add(attachment)
        db.session.commit()
        return attachment.id


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r.method} {r.path}")
def test_access(app, login_as, world, route, role, caplog):
    users, ids = world
    caplog.set_level(logging.WARNING, logger="headstart.security")
    client = login_as(None) if role == "visitor" else login_as(user=users[role])
    path = route.path.format(**ids)
    if route.method == "GET":
        response = client.get(path)
        response.close()
    else:
        token = csrf_token(client)
        response = client.post(path, data={"csrf_token": token, "role": "coordinator"})
    assert response.status_code == route.expected(role), (
        f"{role} {route.method} {path} → {response.status_code}")
    if role == "visitor" and response.status_code == 302 and route.expected("practitioner_a") \
            in {200, 403}:
        assert "/auth/login" in response.headers["Location"]
    refusals = [r.getMessage() for r in caplog.records if r.name == "headstart.security"]
    if response.status_code == 403:
        who = "user None" if role == "visitor" else f"user {users[role].id} "
        assert any(f"refused {route.method} {path.split('?')[0]} " in m and who in m
                   for m in refusals), f"403 not logged: {refusals}"
    else:
        assert not refusals, f"{response.status_code} logged as a refusal: {refusals}"


def test_every_route_is_in_the_matrix(app):
    missing = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in NOT_ROUTES:
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            if not any(r.method == method and _matches(rule.rule, r.path) for r in ROUTES):
                missing.append(f"{method} {rule.rule}")
    assert not missing, f"routes without a row in the access matrix: {missing}"


def test_state_changing_routes_refuse_get(app):
    """POST-only actions (no form page of their own) do not answer GET."""
    pages = {r.path for r in ROUTES if r.method == "GET"}
    for route in ROUTES:
        if route.method == "POST" and route.path not in pages:
            assert "GET" not in next(
                r.methods for r in app.url_map.iter_rules() if _matches(r.rule, route.path)), \
                route.path


def _matches(rule: str, path: str) -> bool:
    """True when the concrete ``path`` (placeholders filled) is served by URL ``rule``."""
    import re

    parts = re.split(r"(<[^>]+>)", rule)
    pattern = "".join("[^/]+" if part.startswith("<") else re.escape(part) for part in parts)
    concrete = re.sub(r"\{[^}]+\}", "1", path).split("?")[0]
    return re.fullmatch(pattern, concrete) is not None
