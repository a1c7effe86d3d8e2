"""Issue 18, part 5: a misspelt word finds the records with the word that was meant
(one edit for words of 5–8 letters, two from 9), ranked below exact matches, and "did
you mean" still names the correction; short words, first letters, known words, phrases
and exclusions are taken as typed."""

from headstart.search import analysis


def titles(client, q, area="practice"):
    body = client.get(f"/api/v1/search?q={q}&area={area}").get_json()
    return [result["title"] for result in body["results"]]


def test_misspelt_english_words_find_the_records_with_the_right_word(
        client, make_practice, search_backend):
    make_practice(title="Counselling for young migrants", summary="Advice on papers.")
    make_practice(title="Evening classes", summary="A second language for parents.")
    make_practice(title="Harvest jobs", summary="Farm work in spring.")
    # Two letters swapped, one letter wrong.
    assert titles(client, "migrnats") == ["Counselling for young migrants"]
    assert titles(client, "lenguage") == ["Evening classes"]
    # Two edits away is too far for a word of eight letters.
    assert titles(client, "lenguoge") == []


def test_misspelt_czech_and_romanian_words_find_their_records(client, make_practice,
                                                               search_backend):
    make_practice(title="Jazykové kurzy pro cizince", language="cs",
                  summary="Kurzy češtiny v Brně.")
    make_practice(title="Sprijin pentru lucrătorii sezonieri", language="ro",
                  summary="Informații despre contracte.")
    assert titles(client, "jazikové") == ["Jazykové kurzy pro cizince"]
    assert titles(client, "lucratorri") == ["Sprijin pentru lucrătorii sezonieri"]
    # A word of nine letters and more may be two edits away.
    assert titles(client, "infromatti") == ["Sprijin pentru lucrătorii sezonieri"]


def test_the_first_letter_and_short_words_are_never_corrected(client, make_practice,
                                                              search_backend):
    make_practice(title="Mentoring for nurses", summary="Peers meet every week.")
    assert titles(client, "mentorign") == ["Mentoring for nurses"]
    assert titles(client, "nentoring") == []
    # "peers" has five letters, "peer" four: only the longer one is corrected.
    assert titles(client, "peerz") == ["Mentoring for nurses"]
    assert titles(client, "pers") == []


def test_a_word_of_the_vocabulary_is_taken_as_typed(client, make_practice, search_backend):
    make_practice(title="Marlin fishing cooperative", summary="Boats for newcomers.")
    make_practice(title="Merlin theatre group", summary="Plays for newcomers.")
    assert titles(client, "marlin") == ["Marlin fishing cooperative"]
    assert titles(client, "merlin") == ["Merlin theatre group"]


def test_an_exact_word_ranks_above_a_corrected_one(client, make_practice, search_backend):
    # The corrected word occurs more often, and its record is older: only its lower
    # weight puts it below.
    make_practice(title="Language workshops", summary="Language for language clubs.")
    make_practice(title="Pottery workshops", summary="Clay.")
    assert titles(client, "pottery+OR+lenguage") == ["Pottery workshops",
                                                    "Language workshops"]
    assert titles(client, "lenguage+OR+pottery") == ["Pottery workshops",
                                                    "Language workshops"]


def test_phrases_and_exclusions_are_not_corrected(client, make_practice, search_backend):
    make_practice(title="Seasonal workers in Italy", summary="Contracts explained.")
    make_practice(title="Language courses", summary="For seasonal workers too.")
    assert titles(client, '"seasonal wokers"') == []
    assert sorted(titles(client, "seasonal+-lenguage")) == ["Language courses",
                                                            "Seasonal workers in Italy"]
    assert titles(client, "seasonal+-language") == ["Seasonal workers in Italy"]


def test_the_corrected_word_is_marked_and_offered_as_did_you_mean(client, make_practice,
                                                                  search_backend):
    make_practice(title="Evening classes", summary="A second language for parents.")
    body = client.get("/api/v1/search?q=lenguage&area=practice").get_json()
    assert body["results"][0]["snippet"] == "A second <mark>language</mark> for parents."
    assert body["suggestion"] == "language"
    page = client.get("/practices/?q=lenguage").get_data(as_text=True)
    assert "<mark>language</mark>" in page
    assert "Evening classes" in page


def test_swapped_neighbours_are_one_edit():
    assert analysis.edit_distance("migrnats", "migrants") == 1
    assert analysis.edit_distance("abcd", "badc") == 2
    assert analysis.edit_distance("kitten", "sitting", 3) == 3
