"""Issue 18, part 4: a query word of a label of a tag (country, theme, target group,
service…) in any interface language finds the records tagged with it, whatever language
they are written in; the concept tokens behind it never reach people; relabelling a term
changes what its words find."""

from headstart.extensions import db
from headstart.practices import terms
from headstart.practices.models import TaxonomyTerm
from headstart.search import vocabulary


def titles(client, q, area="practice"):
    body = client.get(f"/api/v1/search?q={q}&area={area}").get_json()
    return [result["title"] for result in body["results"]]


def test_a_label_in_another_language_finds_the_tagged_record(client, make_practice,
                                                             search_backend):
    make_practice(title="Care work preparation", summary="Three days before the journey.",
                  implementation_countries=["MD"], origin_countries=["MD"],
                  destination_countries=["IT"], themes=["vocational_training"],
                  target_groups=["women"])
    make_practice(title="Harvest jobs", summary="Farm work in spring.",
                  implementation_countries=["PL"], origin_countries=["UA"],
                  destination_countries=["PL"], themes=["housing"],
                  target_groups=["students"])
    # Czech, Russian and Italian words for what the English record is tagged with.
    assert titles(client, "Moldavsko") == ["Care work preparation"]
    assert titles(client, "Молдова") == ["Care work preparation"]
    assert titles(client, "formazione professionale") == ["Care work preparation"]
    assert titles(client, "Polsko") == ["Harvest jobs"]
    # A misspelt label word finds the concept of the word meant.
    assert titles(client, "Малдова") == ["Care work preparation"]


def test_concept_tokens_never_reach_the_reader(client, make_practice, search_backend):
    make_practice(title="Care work preparation", summary="Three days before the journey.",
                  implementation_countries=["MD"], origin_countries=["MD"],
                  destination_countries=["IT"])
    body = client.get("/api/v1/search?q=Moldavsko+zebraxyz&area=practice").get_json()
    assert [r["title"] for r in body["results"]] == ["Care work preparation"]
    assert body["results"][0]["missing"] == ["zebraxyz"]
    page = client.get("/search?q=Moldavsko+zebraxyz").get_data(as_text=True)
    assert "Care work preparation" in page
    assert vocabulary.CONCEPT_PREFIX + "country" not in page
    assert "#country" not in str(body)
    # "Did you mean" reads the words of the index, never a token.
    body = client.get("/api/v1/search?q=Moldavskoo&area=practice").get_json()
    assert "#" not in str(body.get("suggestion") or "")


def test_relabelling_a_term_changes_what_its_words_find(app, client, make_practice,
                                                        search_backend):
    make_practice(title="Flats for families", summary="Rooms near the school.",
                  themes=["housing"])
    assert titles(client, "Wohnungsbau") == []
    with app.app_context():
        term = db.session.scalars(db.select(TaxonomyTerm).filter_by(
            vocabulary="theme", code="housing")).one()
        terms.save_term("theme", {"label": "Housing", "group": term.group,
                                  "label_de": "Wohnungsbau"}, term=term, locales=("de",))
        db.session.commit()
    assert titles(client, "Wohnungsbau") == ["Flats for families"]
