"""The same behaviour on both backends: words, stems, accents, phrases, OR and exclusion;
facets consistent with hits; ordering and pages; the index following the database; odd
queries; rebuilding."""

import pytest
from sqlalchemy import func, select

from headstart.extensions import db
from headstart.practices import services
from headstart.practices.models import Practice
from headstart.search import service
from headstart.search.base import SearchRequest
from headstart.search.models import SearchQueue
from headstart.search.query import parse

FACETS = ("country", "corridor", "phase", "theme", "target", "language", "year", "org_kind")

def run(app, q="", **options):
    with app.app_context():
        request = SearchRequest(query=parse(q), area="practice", facets=FACETS, **options)
        return service.search(request)

def ids(result):
    return [hit.object_id for hit in result.hits]



def test_words_are_required_and_drafts_never_found(app, corpus):
    assert ids(run(app, "information centre")) == [corpus["brasov"]]
    assert corpus["draft"] not in ids(run(app, "secret information"))
    assert run(app, "information nonsenseword").total == 0

def test_accents_are_folded_both_ways(app, corpus):
    assert ids(run(app, "Brasov")) == [corpus["brasov"]]
    assert ids(run(app, "BRAȘOV")) == [corpus["brasov"]]

def test_stemming_finds_other_forms_of_a_word(app, corpus):
    assert corpus["training"] in ids(run(app, "training"))
    assert corpus["training"] in ids(run(app, "trained"))
    assert corpus["brasov"] in ids(run(app, "centre"))

def test_phrases_or_and_exclusion(app, corpus):
    assert ids(run(app, '"information centres"')) == [corpus["brasov"]]
    assert run(app, '"centres information"').total == 0
    both = set(ids(run(app, "Brasov OR Vienna")))
    assert both == {corpus["brasov"], corpus["language"]}
    employment = set(ids(run(app, "employ")))
    assert corpus["roma"] in employment
    assert corpus["roma"] not in ids(run(app, "employ -seasonal"))
    everything_else = ids(run(app, "-seasonal -Brasov"))
    assert set(everything_else) == {corpus["training"], corpus["language"]}

def test_facets_count_the_hits_and_filters_combine(app, corpus):
    everything = run(app)
    assert everything.total == 4
    themes = dict(everything.facets["theme"])
    assert themes["employment"] == 2
    assert dict(everything.facets["corridor"])["XK-AT"] == 1
    employment = run(app, filters={"theme": "employment"})
    assert set(ids(employment)) == {corpus["training"], corpus["roma"]}
    assert dict(employment.facets["theme"]) == {"employment": 2, "vocational_training": 1,
                                               "social_inclusion": 1}
    assert sum(n for _v, n in employment.facets["language"]) == employment.total
    both = run(app, filters={"theme": "employment", "country": "PL"})
    assert ids(both) == [corpus["roma"]]
    with_words = run(app, "trained", filters={"theme": "employment"})
    assert ids(with_words) == [corpus["training"]]
    assert dict(with_words.facets["year"]) == {"2023": 1}

def test_newest_first_and_pages(app, corpus):
    newest = run(app, sort="newest")
    assert ids(newest) == [corpus["roma"], corpus["language"], corpus["training"],
                           corpus["brasov"]]
    first = run(app, sort="newest", per_page=3, page=1)
    second = run(app, sort="newest", per_page=3, page=2)
    assert (first.total, second.total) == (4, 4)
    assert ids(first) + ids(second) == ids(newest)
    assert run(app, per_page=3, page=9).hits == []

def test_the_index_follows_edits_unpublishing_and_rollback(app, corpus):
    with app.app_context():
        practice = db.session.get(Practice, corpus["language"])
        reviewer = type("R", (), {"id": None, "role": "coordinator",
                                  "is_authenticated": True})()
        services.update_practice(practice, {"title": "Deutschkurse vor der Abreise"},
                                 actor=reviewer)
        db.session.commit()
    assert ids(run(app, "Deutschkurse")) == [corpus["language"]]
    with app.app_context():
        practice = db.session.get(Practice, corpus["language"])
        services.update_practice(practice, {"title": "Rolled back title"}, actor=reviewer)
        db.session.flush()
        db.session.rollback()
        assert db.session.scalar(select(func.count(SearchQueue.id))) == 0
    assert run(app, "rolled").total == 0
    with app.app_context():
        practice = db.session.get(Practice, corpus["language"])
        services.transition(practice, "archive", actor=reviewer)
        db.session.commit()
    assert run(app, "Deutschkurse").total == 0
    assert run(app).total == 3

@pytest.mark.parametrize("q", ['"', '"""', "OR", "OR OR AND", "-", "--", "-\"\"", "(((",
                               "*", "?", "a:b", "title:x", "\\", "'", "'; DROP TABLE x; --",
                               "\x00", "é" * 600, "word " * 200, "💡", "<script>",
                               "&", "|", "!", "<->", ":*", "a & b | !c"])
def test_odd_queries_never_fail(app, corpus, q):
    result = run(app, q)
    assert result.total >= 0

def test_a_rebuild_restores_the_index_from_the_database(app, corpus, search_backend):
    with app.app_context():
        search_backend.clear()
    assert run(app).total == 0
    with app.app_context():
        # four published practices and their five lead organisations (one leads the draft)
        assert service.rebuild() == 4 + 5
    assert run(app).total == 4
    assert ids(run(app, "Brasov")) == [corpus["brasov"]]


def test_did_you_mean_candidates_come_from_the_indexed_words(app, corpus, search_backend):
    with app.app_context():
        near = dict(search_backend.vocabulary_near("infromation"))
    assert "information" in near

def _facets_match_filtered_totals(app):
    everything = run(app)
    for name, counts in everything.facets.items():
        for value, count in counts:
            assert run(app, filters={name: value}).total == count, (name, value)
    return everything

def test_facet_counts_equal_filtered_totals_after_edits_and_removals(app, corpus):
    _facets_match_filtered_totals(app)
    reviewer = type("R", (), {"id": None, "role": "coordinator", "is_authenticated": True})()
    with app.app_context():
        practice = db.session.get(Practice, corpus["training"])
        services.update_practice(practice, {"title": "Pflegekurse for carers"}, actor=reviewer)
        db.session.commit()
        practice = db.session.get(Practice, corpus["roma"])
        services.transition(practice, "archive", actor=reviewer)
        db.session.commit()
    everything = _facets_match_filtered_totals(app)
    assert everything.total == 3
    assert dict(everything.facets["theme"])["employment"] == 1
    assert "social_inclusion" not in dict(everything.facets["theme"])
    assert ids(run(app, "Pflegekurse")) == [corpus["training"]]

def test_searches_see_each_change_of_the_index(app, corpus, make_practice):
    before = run(app)  # reads and keeps what the searches need
    assert run(app, "Ljubljana").total == 0
    added = make_practice("published", title="Welcome desk in Ljubljana",
                          themes=["housing"], implementation_countries=["SI"])
    after = run(app)
    assert after.total == before.total + 1
    assert ids(run(app, "Ljubljana")) == [added.id]
    assert dict(after.facets["country"])["SI"] == 1
    assert run(app, filters={"country": "SI"}).total == 1

def test_a_rebuild_gives_the_same_results_as_the_index_kept_up_to_date(app, corpus):
    queries = [("", {}), ("information", {}), ("employ -seasonal", {}),
               ('"information centres"', {}), ("", {"theme": "employment"}),
               ("Brasov OR Vienna", {})]

    def results():
        found = []
        for q, filters in queries:
            for sort in ("relevance", "newest"):
                result = run(app, q, filters=filters, sort=sort)
                found.append((result.total, ids(result), result.facets))
        return found

    kept = results()
    with app.app_context():
        assert service.rebuild() == 4 + 5  # practices and their lead organisations
    assert results() == kept
