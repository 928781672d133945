"""A reviewer's search: English stems, abbreviations and Korean and Chinese terms, snippets, reasons, empty results."""

from __future__ import annotations

import pytest

from precedents.corpus import SHIPPED
from precedents.index import SearchIndex
from precedents.query import read_query
from precedents.search import find, found_lines


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    """Return an index of the shipped corpus built in a fresh cache."""
    return SearchIndex.for_folders(folder=tmp_path_factory.mktemp("cache"))


def ids(index, query: str, limit: int = 10, **filters) -> list[str]:
    """Return the ids of the provisions a query finds."""
    return [hit.match.provision for hit in find(index, query, limit=limit, **filters).hits]


@pytest.mark.parametrize(("one", "other"), [("withdraw", "withdrawal"), ("mine", "mines"),
                                            ("inspection", "inspections"), ("repatriate", "repatriation")])
def test_english_words_are_found_by_their_stems(index, one, other):
    assert set(ids(index, one, 50)) & set(ids(index, other, 50))
    assert "paris-1973.art-3a" in ids(index, "withdraws", 50)  # its text says 'withdrawal'


@pytest.mark.parametrize(("abbreviation", "spelled"), [
    ("DMZ", "Demilitarized Zone"), ("MAC", "Military Armistice Commission"),
    ("NNSC", "Neutral Nations Supervisory Commission"), ("MDL", "Military Demarcation Line")])
def test_an_abbreviation_finds_what_the_spelled_out_name_finds(index, abbreviation, spelled):
    short, long = ids(index, abbreviation, 20), ids(index, spelled, 20)
    assert len(short) >= 5 and set(short[:5]) & set(long[:5])


@pytest.mark.parametrize(("query", "concept", "expected"), [
    ("비무장지대", "demilitarized_zone", "armistice-1953.art-i-1"), ("非军事区", "demilitarized_zone", "armistice-1953.art-i-1"),
    ("撤军", "withdrawal_of_forces", "armistice-1953.art-iv-60"), ("중립국감독위원회", "neutral_nations_supervisory_commission",
                                                               "armistice-1953.art-ii-36"),
    ("군사분계선을", "military_demarcation_line", "armistice-1953.art-i-1"),
])
def test_korean_and_chinese_queries_find_the_concept_they_name(index, query, concept, expected):
    assert [group.concept for group in read_query(query).groups] == [concept]  # a particle written on is no word
    found = find(index, query)
    assert expected in [hit.match.provision for hit in found.hits]
    assert all(hit.reasons[0].startswith(f"{query.rstrip('을')} = ") for hit in found.hits)


def test_every_hit_has_a_snippet_with_what_matched_and_says_why(index):
    found = find(index, "DMZ demining", limit=5)
    first = found.hits[0]
    assert first.match.provision == "armistice-1953.art-ii-13a"
    assert "[DMZ]" in first.snippet and "[minefields]" in first.snippet
    assert first.reasons == ('DMZ = Demilitarized Zone (terminology base): "DMZ"',
                             'demining (terminology base): "minefields", "hazards", "removed"')
    assert all(hit.snippet.count("[") >= 1 and hit.reasons for hit in found.hits)
    stem = find(index, "withdrawals", limit=1).hits[0]
    assert stem.reasons[0].startswith('withdrawals (same stem): "withdraw')


def test_a_phrase_finds_more_than_its_exact_words(index):
    found = ids(index, "withdrawal of troops", 20)
    assert len(found) >= 10 and {"paris-1973.art-5", "armistice-1953.art-iv-60"} <= set(found)


def test_an_empty_result_says_what_was_searched_for(index):
    assert found_lines(find(index, "xyzzy plugh")) == ["no provision matches: searched for xyzzy; plugh"]
    [line] = found_lines(find(index, "停火线 xyzzy"))
    assert line == ("no provision matches: searched for 停火线; xyzzy (停火线: not in the terminology base, and no "
                    "provision of the corpus carries Korean or Chinese text)")
    [line] = found_lines(find(index, "NNSC xyzzy", agreements=["aden-1989"]))
    assert line.startswith("no provision matches: searched for NNSC (Neutral Nations Supervisory Commission, NNSC, "
                           "중립국감독위원회, 中立国监察委员会); xyzzy")


@pytest.fixture(scope="module")
def korean_corpus(tmp_path_factory):
    """Return an index of the shipped corpus and a folder of one agreement whose provisions carry Korean and Chinese."""
    mine = tmp_path_factory.mktemp("mine")
    text = (SHIPPED / "yemen-unity-1972.yaml").read_text(encoding="utf-8").replace("yemen-unity-1972", "mine-1972")
    text = text.replace("paraphrase: ", "paraphrase: 비무장지대 공동경비구역 철수와 停火线 ", 1)
    text = text.replace("paraphrase: ", "paraphrase: 판문점 ", 2).replace("paraphrase: 판문점 비무장지대", "paraphrase: 비무장지대")
    (mine / "mine.yaml").write_text(text, encoding="utf-8")
    return SearchIndex.for_folders([str(mine)], tmp_path_factory.mktemp("cache"))


def test_korean_and_chinese_text_is_searched_directly_with_trigrams(korean_corpus):
    first = [hit.match.provision for hit in find(korean_corpus, "停火线").hits]
    assert first and all(key.startswith("mine-1972.") for key in first)
    hit = find(korean_corpus, "판문점", agreements=["mine-1972"]).hits[0]
    assert hit.snippet.startswith("[판문점]") and hit.reasons == ('판문점: "판문점"',)
    two = find(korean_corpus, "철수", agreements=["mine-1972"]).hits  # two syllables: shorter than a trigram
    assert two and '"철수"' in two[0].reasons[0]
    assert find(korean_corpus, "停火线", topic="foreign_forces").hits == []


def test_provisions_and_rankings_read_once_are_given_again_the_same(index):
    first = index.matches(["paris-1973.art-5", "geneva-1954.art-1"])
    again = index.matches(["geneva-1954.art-1", "paris-1973.art-5", "geneva-1954.art-1"])
    assert [match.provision for match in again] == ["geneva-1954.art-1", "paris-1973.art-5", "geneva-1954.art-1"]
    assert again[1] is first[0] and again[0].citation == "Art. 1"
    ranked = index.search("withdrawal forces", topic="foreign_forces", limit=5, any_word=True)
    assert ranked and index.search("withdrawal forces", topic="foreign_forces", limit=5, any_word=True) == ranked
    assert index.search("withdrawal forces", topic="foreign_forces", limit=2, any_word=True) == ranked[:2]


@pytest.mark.parametrize("query", ["U.N.C.", "u.n.c.", "UNC"])
def test_an_abbreviation_written_with_full_stops_is_the_abbreviation(query):
    groups = read_query(query).groups
    assert len(groups) == 1 and groups[0].concept == read_query("United Nations Command").groups[0].concept
