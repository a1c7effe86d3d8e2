"""Language analysis on both backends: a record is analysed in its own language, so another
form of a word finds it (the languages simplemma lemmatises: Czech, Slovak, Ukrainian,
Albanian, Macedonian, Armenian); a language left folded still finds its exact words;
stems stay apart from folded words."""

import pytest

from headstart.search import analysis, service
from headstart.search.base import SearchRequest
from headstart.search.query import parse


def found(app, q):
    with app.app_context():
        result = service.search(SearchRequest(query=parse(q), area="practice"))
        return [hit.object_id for hit in result.hits]


#: (language, the record's words, another form of one of them typed by the reader)
INFLECTED = [
    ("cs", "Poradna pro pracovníky z Ukrajiny", "pracovníkům"),
    ("cs", "Kurzy češtiny pro cizince", "cizincům"),
    ("sk", "Poradenstvo pre migrantov zo Ukrajiny", "migranti"),
    ("uk", "Консультації для мігрантів у Чехії", "мігранти"),
    ("uk", "Консультації для мігрантів у Чехії", "мігрантам"),
    ("sq", "Këshilla për punëtorët sezonalë", "punëtorëve"),
    ("mk", "Совети за работниците во странство", "работници"),
    ("hy", "Խորհրդատվություն կանանց համար", "կանայք"),
]


@pytest.fixture
def records(app, make_practice, search_backend):
    made = {}
    for language, title, _query in INFLECTED:
        if (language, title) not in made:
            made[language, title] = make_practice(
                "published", title=title, language=language,
                summary="Nothing else in common with the other records.",
                # Not the factory's "women": "կանայք" (women) would find every record
                # tagged with that target group (search.vocabulary).
                target_groups=["students"]).id
    return made


@pytest.mark.parametrize(("language", "title", "query"), INFLECTED,
                         ids=[f"{lang}-{q}" for lang, _t, q in INFLECTED])
def test_another_form_of_a_word_finds_the_record(app, records, language, title, query):
    assert found(app, query) == [records[language, title]]


def test_quotes_keep_the_exact_form(app, records):
    """Stems are indexed apart from folded words (prefixed): a quoted phrase is matched as
    typed, never through its lemmas."""
    record = records["uk", "Консультації для мігрантів у Чехії"]
    assert found(app, '"для мігрантів"') == [record]
    assert found(app, '"для мігрантам"') == []
    assert found(app, "для мігрантам") == [record]


@pytest.mark.parametrize(("language", "title", "exact", "other_form"), [
    ("vi", "Tư vấn cho người lao động di cư", "lao động", "laodong"),
    ("mn", "Цагаачдад зориулсан зөвлөгөө", "цагаачдад", "цагаач"),
])
def test_a_language_left_folded_finds_its_exact_words(app, make_practice, search_backend,
                                                       language, title, exact, other_form):
    record = make_practice("published", title=title, language=language).id
    assert found(app, exact) == [record]
    assert found(app, exact.upper()) == [record]  # folded: case and marks
    assert found(app, other_form) == []


def test_stems_never_collide_with_folded_words():
    for language in ("cs", "sk", "uk", "sq", "mk", "hy", "en"):
        folded, stems = analysis.index_terms("pracovníků мігрантів punëtorët կանայք", language)
        assert all(s.startswith(analysis.STEM_PREFIX) for s in stems)
        assert not any(f.startswith(analysis.STEM_PREFIX) for f in folded)
    assert analysis.index_terms("Người lao động", "vi") == (["nguoi", "lao", "dong"], [])


def test_the_word_caches_keep_the_lemmas():
    analysis._FORMS.clear()
    first = analysis.index_terms("мігрантів мігрантам", "uk")
    assert analysis._FORMS["uk"]["мігрантам"] == ("мігрантам", "~мігрант")
    assert analysis.index_terms("мігрантів мігрантам", "uk") == first
    folded, stems = analysis.query_forms("Мігрантам")
    assert folded == "мігрантам"
    assert "~мігрант" in stems
