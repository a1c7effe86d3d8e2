"""The counterpart finder's rules and ranking, on a hand-made set of organisations."""

from types import SimpleNamespace

import pytest

from headstart.directory import pairing


def org(id_, name, side, country, services=(), languages=(), corridors=(), verified=False):
    return SimpleNamespace(id=id_, name=name, side=side, country=country,
                           services=list(services), languages=list(languages),
                           corridors=list(corridors), verified=verified)


CHISINAU = org(1, "Migrant Resource Centre Chișinău", "origin", "MD",
               ["language_training", "labour_market_information"], ["ro", "ru", "it"],
               ["MD-IT"])
TURIN = org(2, "Integration Desk Turin", "destination", "IT",
            ["language_training", "civic_orientation"], ["it", "ro"], ["MD-IT"], verified=True)
BOLOGNA = org(3, "Care Cooperative Bologna", "destination", "IT",
              ["job_matching", "skills_recognition"], ["it"], ["MD-IT"])
ROME_NO_CORRIDOR = org(4, "Housing Office Rome", "destination", "IT", ["housing_information"])
PRAGUE = org(5, "Integration Centre Prague", "destination", "CZ", ["language_training"],
             ["cs", "ro"], ["MD-CZ"], verified=True)
SKOPJE = org(6, "Employment Office Skopje", "origin", "MK", ["language_training"], ["mk"],
             ["MK-IT"])
EVERYONE = [CHISINAU, TURIN, BOLOGNA, ROME_NO_CORRIDOR, PRAGUE, SKOPJE]


@pytest.fixture
def app_context(app):
    with app.test_request_context("/"):
        yield


def test_the_rules_file_reads_and_pairs_language_courses_and_labour_market_information():
    rules = pairing.rules()
    same, complementary = rules.after("language_training")
    assert same == {"language_training"}
    assert {"civic_orientation", "information_centre"} <= complementary
    same, complementary = rules.after("labour_market_information")
    assert {"job_matching", "skills_recognition"} <= complementary
    # Read backwards for a destination organisation looking for origin providers.
    same, complementary = rules.before("job_matching")
    assert "labour_market_information" in complementary


def test_rules_with_unknown_services_or_missing_weights_are_refused():
    weights = ("[weights]\ncorridor = 4\ncountry = 2\nsame_service = 3\n"
               "complementary_service = 2\nshared_language = 1\nmax_languages = 3\n"
               "verified = 1\n")
    with pytest.raises(ValueError, match="unknown services"):
        pairing.parse_rules(weights + '[[rule]]\nbefore = "juggling"\nsame = ["juggling"]\n')
    with pytest.raises(ValueError, match="lack weights"):
        pairing.parse_rules('[weights]\ncorridor = 4\n')


def test_ranking_puts_the_matching_counterpart_first_and_says_why(app_context):
    needs = pairing.need_of(CHISINAU, exclude=set())
    assert [n.looking_for for n in needs] == ["destination"]
    ranked = pairing.rank(EVERYONE, needs[0])
    names = [s.organisation.name for s in ranked]
    # Turin: same corridor, based in Italy, the same language course and orientation that
    # follows it, shared languages, verified; Bologna: same corridor, complementary job
    # services; Rome: in Italy only.
    assert names == ["Integration Desk Turin", "Care Cooperative Bologna",
                     "Housing Office Rome"]
    turin = ranked[0]
    assert turin.codes == ["corridor", "country", "same_service", "complementary_service",
                           "shared_language", "verified"]
    assert "Serves the same corridor: Moldova → Italy." in turin.reasons
    assert any("Language training" in r for r in turin.reasons)
    assert any("Italian, Romanian" in r for r in turin.reasons)
    assert turin.services == ["language_training", "civic_orientation"]
    bologna = ranked[1]
    assert "complementary_service" in bologna.codes
    assert any("Job matching" in r and "Recognition of qualifications" in r
               for r in bologna.reasons)
    rome = ranked[2]
    assert rome.codes == ["country"]
    assert rome.reasons == ["Works in Italy, at the other end of the Moldova → Italy corridor."]


def test_the_organisation_itself_its_side_and_other_corridors_are_left_out(app_context):
    ranked = pairing.rank(EVERYONE, pairing.need_of(CHISINAU, exclude=set())[0])
    ids = {s.organisation.id for s in ranked}
    assert CHISINAU.id not in ids  # itself
    assert SKOPJE.id not in ids  # same side
    assert PRAGUE.id not in ids  # another corridor (MD-CZ), not based in Italy


def test_existing_links_are_excluded(app_context):
    ranked = pairing.rank(EVERYONE, pairing.need_of(CHISINAU, exclude={TURIN.id})[0])
    assert TURIN.id not in {s.organisation.id for s in ranked}


def test_a_destination_organisation_looks_for_origin_providers(app_context):
    bologna_needs = pairing.need_of(BOLOGNA, exclude=set())
    assert [n.looking_for for n in bologna_needs] == ["origin"]
    ranked = pairing.rank(EVERYONE, bologna_needs[0])
    assert [s.organisation.name for s in ranked] == ["Migrant Resource Centre Chișinău"]
    assert any("prepare for yours" in r and "Labour-market information" in r
               for r in ranked[0].reasons)


def test_a_visitor_corridor_and_service(app_context):
    need = pairing.Need("destination", (("MD", "IT"),), frozenset({"language_training"}))
    ranked = pairing.rank(EVERYONE, need)
    assert ranked[0].organisation is TURIN
    assert ranked[0].corridor == "MD-IT"
    # Without a corridor of its own, an organisation's country stands for one end.
    lonely = org(9, "New Centre Chișinău", "origin", "MD", ["language_training"])
    need = pairing.need_of(lonely, exclude=set())[0]
    names = [s.organisation.name for s in pairing.rank(EVERYONE, need)]
    assert names[:2] == ["Integration Desk Turin", "Integration Centre Prague"]


def test_of_several_shared_corridors_the_one_where_the_candidate_is_based_counts(app_context):
    two_corridors = org(10, "Centre Chișinău", "origin", "MD", corridors=["MD-IT", "MD-CZ"])
    prague = org(11, "Prague desk", "destination", "CZ", corridors=["MD-IT", "MD-CZ"])
    suggestion = pairing.judge(prague, pairing.need_of(two_corridors, exclude=set())[0])
    assert suggestion.corridor == "MD-CZ"
    assert suggestion.codes == ["corridor", "country"]
