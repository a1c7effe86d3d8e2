"""An edition as PDF, rendered by WeasyPrint from the ``handbook/pdf.html`` template.

The page CSS gives the cover, the table of contents with page numbers
(``target-counter``) and numbered pages (``@page`` counters). The document fetches
nothing: every style is inline and any other URL is refused, so rendering never reaches
the network (or the file system) whatever a section links to.
"""

from __future__ import annotations

import logging
import warnings

logger = logging.getLogger(__name__)


class _Refused(Exception):
    pass


def _no_fetching(url: str, *args, **kwargs):
    """WeasyPrint's URL fetcher: nothing is fetched (links stay links)."""
    raise _Refused(url)


def to_pdf(html: str) -> bytes:
    """The PDF of an HTML document."""
    with warnings.catch_warnings():
        # Without libharfbuzz-subset WeasyPrint embeds whole fonts (a larger file) and says
        # a future version will need it; the PDF is right either way.
        warnings.filterwarnings("ignore", "HarfBuzz-Subset", DeprecationWarning)
        from weasyprint import HTML

    return HTML(string=html, url_fetcher=_no_fetching, base_url="about:blank").write_pdf()
