"""An edition as PDF, rendered by WeasyPrint from the ``handbook/pdf.html`` template.

The PDF is tagged (PDF/UA-1: structure tree, language, metadata). The page CSS gives the
cover, the table of contents with page numbers
(``target-counter``) and numbered pages (``@page`` counters). The document fetches
nothing: every style is inline and any other URL is refused, so rendering never reaches
the network (or the file system) whatever a section links to.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import warnings

logger = logging.getLogger(__name__)


class _Refused(Exception):
    pass


def _no_fetching(url: str, *args, **kwargs):
    """WeasyPrint's URL fetcher: nothing is fetched (links stay links)."""
    raise _Refused(url)


#: Tagged PDF for screen readers and PDF/UA checkers: a structure tree (headings, lists,
#: paragraphs, links), MarkInfo, the document language and XMP metadata with the title.
PDF_VARIANT = "pdf/ua-1"


def to_pdf(html: str) -> bytes:
    """The PDF of an HTML document."""
    with warnings.catch_warnings():
        # Without libharfbuzz-subset WeasyPrint embeds whole fonts (a larger file) and says
        # a future version will need it; the PDF is right either way.
        warnings.filterwarnings("ignore", "HarfBuzz-Subset", DeprecationWarning)
        from weasyprint import HTML

    return HTML(string=html, url_fetcher=_no_fetching, base_url="about:blank").write_pdf(
        pdf_variant=PDF_VARIANT)


#: Raise when the PDF's layout changes in a way the files below do not show.
LAYOUT_VERSION = 2  # 2: tagged (PDF/UA-1)
#: What a PDF is made from besides the edition and the language: its template, the code
#: that renders the sections, and WeasyPrint.
_SOURCES = ("templates/handbook/pdf.html", "headstart/handbook/pdf.py",
            "headstart/handbook/rendering.py", "headstart/core/markdown.py")


@functools.cache
def fingerprint() -> str:
    """A hash of everything a PDF depends on besides its edition and language: kept PDFs
    made from another template or code are not served (and are removed)."""
    from importlib.metadata import PackageNotFoundError, version

    from headstart import ROOT

    digest = hashlib.sha256(f"{LAYOUT_VERSION}".encode())
    for name in ("weasyprint", "headstart"):
        try:
            digest.update(version(name).encode())
        except PackageNotFoundError:
            pass
    for source in _SOURCES:
        try:
            digest.update((ROOT / source).read_bytes())
        except OSError:
            digest.update(source.encode())
    return digest.hexdigest()[:16]
