"""The demo handbook: a first edition with the HEADSTART chapters, Czech translations,
and a newer draft that readers do not see."""

from __future__ import annotations

from headstart.demo.data import DEMO_PASSWORD
from headstart.demo.handbook_data import CHAPTERS
from tests.helpers import sign_in


def test_demo_handbook_is_published_translated_and_has_a_draft(app, runner, client):
    first = runner.invoke(args=["demo", "load"])
    assert first.exit_code == 0, first.output
    sections = sum(len(entries) for _title, entries in CHAPTERS)
    assert f"{sections} handbook sections added" in first.output
    assert "0 handbook sections added" in runner.invoke(args=["demo", "load"]).output

    contents = client.get("/handbook/").text
    for title in ("Standard operating procedures", "Design of a Migrant Information Centre",
                  "Institutional arrangements", "Training", "Competences of staff",
                  "Data collection", "Monitoring and evaluation"):
        assert title in contents
    czech = client.get("/handbook/editions/1/first-contact?lang=cs").text
    assert "První kontakt a zjištění potřeb" in czech
    assert "Standardní operační postupy" in czech  # the chapter, in Czech too
    assert "Předání protějškům" in client.get("/handbook/editions/1/referral?lang=cs").text
    untranslated = client.get("/handbook/editions/1/staff-training?lang=cs").text
    assert "New information officers" in untranslated  # the source, with a notice
    assert 'class="notice"' in untranslated

    published = client.get("/handbook/editions/1/information-materials").text
    assert "Home in the Czech Republic" not in published  # the draft stays unpublished
    editor = app.test_client()
    sign_in(editor, "coordinator@headstart.example", DEMO_PASSWORD)
    overview = editor.get("/handbook/edit/").text
    assert "unpublished changes" in overview
    due = overview.split('id="due-heading"')[1].split("</section>")[0]
    assert "What to record and how to protect it" in due
    assert client.get("/handbook/editions/1.pdf").status_code == 200
