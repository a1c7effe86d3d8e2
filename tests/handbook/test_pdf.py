"""The PDF of an edition: a real PDF with a cover, contents with page numbers, and
numbered pages (text extracted with pypdf)."""

from __future__ import annotations

import io

from pypdf import PdfReader


def _pages(response) -> list[str]:
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    return [page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages]


def test_edition_pdf_has_cover_contents_sections_and_page_numbers(client, handbook, publish):
    publish("Notes of the first edition")
    pages = _pages(client.get("/handbook/editions/1.pdf"))
    assert "Handbook for Migrant Information Centres" in " ".join(pages[0].split())
    assert "Edition 1" in pages[0]
    contents = pages[1]
    assert "Contents" in contents
    # Each entry ends in the page its section starts on.
    referral_page = next(n for n, text in enumerate(pages, start=1)
                         if "Refer to a counterpart." in text)
    assert any(line.startswith("Referral") and line.rstrip().endswith(str(referral_page))
               for line in contents.splitlines())
    assert "Greet the visitor." in "".join(pages)
    # Pages after the cover carry their number at the foot.
    assert pages[1].rstrip().endswith("2")
    assert pages[-1].rstrip().endswith(str(len(pages)))


def test_pdf_renders_czech_and_arabic_text(app, client, handbook, edit, publish):
    edit(handbook["referral"], "Doporučte protějšek — žluťoučký kůň.", title="Doporučení",
         language="cs")
    edit(handbook["induction"], "التدريب على الاستقبال", title="الاستقبال", language="ar")
    publish()
    czech = "".join(_pages(client.get("/handbook/editions/1.pdf?lang=cs")))
    assert "Doporučte protějšek — žluťoučký kůň." in czech
    arabic = "".join(_pages(client.get("/handbook/editions/1.pdf?lang=ar")))
    assert "الاستقبال" in arabic


def test_pdf_of_a_missing_edition_is_404(client, handbook):
    assert client.get("/handbook/editions/1.pdf").status_code == 404


def test_a_pdf_is_rendered_once_per_edition_and_language(app, client, handbook, publish,
                                                         monkeypatch):
    """Outside review, December 2026, finding 2: every request rendered the PDF again
    (``?x=n`` got past proxies); now it is kept on disk for every worker."""
    from headstart.handbook import pdf

    rendered = []
    original = pdf.to_pdf
    monkeypatch.setattr(pdf, "to_pdf", lambda html: rendered.append(1) or original(html))
    publish("First")
    first = client.get("/handbook/editions/1.pdf?x=1")
    second = client.get("/handbook/editions/1.pdf?x=2")
    assert first.status_code == second.status_code == 200
    assert first.data == second.data
    assert "Greet the visitor." in "".join(_pages(second))
    assert second.headers["Cache-Control"] == "public, max-age=86400"
    assert second.headers["Content-Disposition"].startswith("inline;")
    assert len(rendered) == 1
    client.get("/handbook/editions/1.pdf?lang=cs").close()
    client.get("/handbook/editions/1.pdf?lang=cs&x=3").close()
    assert len(rendered) == 2  # one more for Czech
    publish("Second")  # another edition: its own PDF; the first one stays kept
    assert _pages(client.get("/handbook/editions/2.pdf"))
    client.get("/handbook/editions/1.pdf").close()
    assert len(rendered) == 3
    first.close()
    second.close()


def test_pdfs_beyond_the_limit_get_429_with_retry_after(app, client, handbook, publish,
                                                        monkeypatch):
    monkeypatch.setitem(app.config, "PDF_LIMIT", "2 per minute")
    publish()
    for query in ("?x=1", "?x=2"):
        response = client.get("/handbook/editions/1.pdf" + query)
        assert response.status_code == 200
        response.close()
    refused = client.get("/handbook/editions/1.pdf?x=3")
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) >= 1


def _structure(reader) -> tuple[list[str], dict]:
    """The structure types of the tagged PDF's tree, in order, and the catalogue."""
    root = reader.trailer["/Root"]
    types: list[str] = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                walk(child)
            return
        if hasattr(node, "get") and "/S" in node:
            types.append(str(node["/S"]))
        if hasattr(node, "get") and "/K" in node:
            walk(node["/K"])

    if "/StructTreeRoot" in root:
        walk(root["/StructTreeRoot"])
    return types, root


def test_the_pdf_is_tagged_for_screen_readers_in_each_language(client, handbook, edit,
                                                              publish):
    edit(handbook["induction"], "التدريب على الاستقبال", title="الاستقبال", language="ar")
    publish()
    for lang, title in (("en", "Handbook for Migrant Information Centres"),
                        ("ar", None)):
        response = client.get(f"/handbook/editions/1.pdf?lang={lang}")
        reader = PdfReader(io.BytesIO(response.data))
        types, root = _structure(reader)
        assert bool(root["/MarkInfo"]["/Marked"])
        assert root["/Lang"] == lang
        assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
        assert "/Metadata" in root  # XMP
        assert {"/H1", "/H2", "/P"} <= set(types), types
        assert "/L" in types or "/LI" in types  # the contents list
        assert "/Link" in types  # the contents' entries lead to their sections
        if title:
            assert title in reader.metadata.title
        assert reader.outline  # bookmarks kept
