"""The precedents pages: search with matched words marked, a precedent shown, a draft compared, Armistice coverage."""

from __future__ import annotations

import pytest
from lxml import html

from agreements.drafts import load_agreement
from precedents.compare import compare_with_precedents
from precedents.corpus import later_practice_by_function
from precedents.coverage import coverage
from precedents.index import SearchIndex
from precedents.search import find
from precedents.views import comparison_lines
from workbench import precedent_data
from workbench.snippets import marked_parts

UNKNOWN = ("unknown precedent 'nowhere-2000' (known: aden-1989, agreed-framework-1994, amman-1994, armistice-1953, "
           "basic-treaty-1972, cma-2018, denuclearization-declaration-1992, geneva-1954, inter-korean-basic-1991, "
           "october-declaration-2007, panmunjom-2018, paris-1973, pyongyang-2018, sanaa-1990, singapore-2018, "
           "six-party-2005, six-party-initial-actions-2007, six-party-second-phase-2007, stockholm-2018, "
           "two-plus-four-1990, unification-treaty-1990, yemen-unity-1972) [PD-E060]")


@pytest.fixture(scope="module")
def index():
    """Return the library's own search index of the shipped corpus."""
    return SearchIndex.for_folders()


def page(client, address: str, status: int = 200):
    """Return a page's parsed HTML, after checking its status."""
    reply = client.get(address)
    assert reply.status_code == status, reply.text
    return html.fromstring(reply.text)


def bracketed(snippet) -> str:
    """Return a snippet element's text with each <mark> written in brackets, as the library writes its snippets."""
    return (snippet.text or "") + "".join(f"[{mark.text}]{mark.tail or ''}" for mark in snippet)


def hits(tree) -> list[tuple[str, str]]:
    """Return (provision id, snippet with marks in brackets) of each result, in the page's order."""
    return [(item.get("data-provision"), bracketed(item.find_class("snippet")[0]))
            for item in tree.get_element_by_id("precedent-results")]


def test_a_search_shows_the_library_hits_in_order_with_matched_words_marked(served_once, index):
    _, client = served_once
    tree = page(client, "/precedents?q=demilitarized+zone")
    expected = find(index, "demilitarized zone", None, [], 20).hits
    assert hits(tree) == [(hit.match.provision, hit.snippet) for hit in expected]
    first = tree.get_element_by_id("precedent-results")[0]
    assert [mark.text for mark in first.find_class("snippet")[0]] == ["zones", "demilitarized", "buffer"]
    assert first.find_class("snippet")[0].get("lang") == "en-GB"
    assert first.find_class("provision-link")[0].get("href") == "/precedents/geneva-1954.art-1"
    assert first.find_class("cited")[0].text_content().split() == [
        "Geneva", "Agreement", "on", "Viet-Nam", "1954,", "Art.", "1", "[T]"]


def test_each_hit_says_in_words_what_its_text_is_its_basis_and_its_topics(served_once):
    _, client = served_once
    tree = page(client, "/precedents?q=demilitarized+zone")
    first = tree.get_element_by_id("precedent-results")[0]
    said = " ".join(first.find_class("hit-basis")[0].text_content().split())
    assert said == ("Shown: paraphrase of the text, in our own English words (not the treaty's wording). "
                    "Basis: seen in an authentic English text. Topics: the Military Demarcation Line and the "
                    "Demilitarized Zone.")
    assert "demarcation_and_dmz" not in tree.get_element_by_id("precedent-results").text_content()
    for item in tree.get_element_by_id("precedent-results"):
        assert item.find_class("hit-source") and item.find_class("hit-seen")
    note = tree.get_element_by_id("precedent-corpus-note").text_content()
    assert note.startswith("The corpus is in English: each provision is our English paraphrase of its source")
    assert "Korean or Chinese" not in note


def test_a_korean_query_says_how_it_was_matched(served_once):
    _, client = served_once
    tree = page(client, "/precedents?q=비무장지대")
    note = tree.get_element_by_id("precedent-corpus-note").text_content()
    assert "Your query is in Korean or Chinese: it was matched through the terminology base" in note
    assert len(tree.find_class("precedent-corpus-note")) + len(tree.xpath('//*[@id="precedent-corpus-note"]')) == 1


@pytest.mark.parametrize("query", ["비무장지대", "非军事区", "철군"])
def test_a_korean_or_chinese_query_finds_what_the_library_finds(served_once, index, query):
    _, client = served_once
    tree = page(client, f"/precedents?q={query}")
    expected = [(hit.match.provision, hit.snippet) for hit in find(index, query, None, [], 20).hits]
    assert expected and hits(tree) == expected
    assert all(len(snippet.findall("mark")) > 0 for snippet in tree.find_class("snippet"))


def test_a_topic_narrows_the_search_as_the_library_does(served_once, index):
    _, client = served_once
    topic = "foreign_forces"
    tree = page(client, f"/precedents?q=withdrawal&topic={topic}")
    assert [item for item, _ in hits(tree)] == [hit.match.provision for hit in
                                                find(index, "withdrawal", topic, [], 20).hits]
    assert tree.get_element_by_id("precedent-topic").value == topic


def test_a_query_that_matches_nothing_says_so(served_once):
    _, client = served_once
    tree = page(client, "/precedents?q=평화")
    assert tree.get_element_by_id("precedent-none").text_content() == (
        "No results: no provision matches: searched for 평화 (평화: not in the terminology base, and no provision "
        "of the corpus carries Korean or Chinese text).")
    assert tree.get_element_by_id("precedent-results", None) is None


def test_a_query_with_markup_is_shown_as_text(served_once):
    _, client = served_once
    reply = client.get("/precedents?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert reply.status_code == 200
    assert "<script>alert" not in reply.text
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in reply.text


def test_an_empty_query_shows_the_form_only(served_once):
    _, client = served_once
    tree = page(client, "/precedents?q=")
    assert tree.get_element_by_id("precedent-search").get("method") == "get"
    assert [tree.get_element_by_id(key).get("name") for key in ("precedent-query", "precedent-topic")] == ["q", "topic"]
    assert tree.get_element_by_id("precedent-found", None) is None


def test_a_query_of_no_words_is_refused_beside_the_form(served_once):
    _, client = served_once
    tree = page(client, "/precedents?q=...", 400)
    assert tree.get_element_by_id("precedent-error").text_content() == \
        "the query '...' has no words to search for [PD-E061]"
    assert tree.get_element_by_id("precedent-query").value == "..."


def test_an_unknown_topic_is_a_one_line_error(served_once):
    _, client = served_once
    tree = page(client, "/precedents?q=zone&topic=nowhere", 400)
    assert tree.find_class("error")[0].text_content().startswith(
        "unknown topic 'nowhere' (topics: form_and_parties, non_korean_parties_roles,")
    assert tree.find_class("error")[0].text_content().endswith("final_provisions) [PD-E130]")


def test_a_precedent_shows_every_provision_with_its_citation_and_basis(served_once):
    _, client = served_once
    tree = page(client, "/precedents/paris-1973")
    assert tree.get_element_by_id("precedent-heading").text_content() == (
        "Agreement on Ending the War and Restoring Peace in Viet-Nam")
    row = tree.get_element_by_id("paris-1973.art-5")
    assert [cell.text_content().split() for cell in row][:3] == [["Art.", "5"], ["[T]"],
                                                                 ["foreign_forces,", "implementation_sequencing"]]
    assert "period for withdrawing forces: 60 days" in row.text_content()


def test_a_provision_is_shown_alone(served_once):
    _, client = served_once
    tree = page(client, "/precedents/armistice-1953.art-i-1")
    assert tree.get_element_by_id("precedent-heading").text_content() == "Korean Armistice Agreement 1953, Art. I ¶1 [T]"
    assert "pull-back from the line: 2 km" in tree.get_element_by_id("armistice-1953.art-i-1").text_content()


def test_an_unknown_precedent_is_a_one_line_404(served_once):
    _, client = served_once
    tree = page(client, "/precedents/nowhere-2000", 404)
    assert tree.find_class("error")[0].text_content() == UNKNOWN


def test_the_comparison_shows_the_library_comparison_clause_by_clause(served_once, index):
    bench, client = served_once
    tree = page(client, "/precedents/compare/draft.yaml")
    comparison = compare_with_precedents(load_agreement(str(bench.root / "draft.yaml")), index)
    sections = tree.find_class("compared-clause")
    assert [section.get("data-node") for section in sections] == [clause.node for clause in comparison.clauses]
    assert [[item.get("data-provision") for item in section.find_class("precedent")] for section in sections] == \
        [[match.provision for match in clause.matches] for clause in comparison.clauses]
    assert measure_lines(tree) == library_measure_lines(comparison)


def library_measure_lines(comparison) -> list[str]:
    """Return the measure lines of `compare`'s text (indented four spaces; not the Armistice's later practice)."""
    return [line for line in comparison_lines(comparison) if line.startswith("    ")
            and not line.startswith("    later practice")]


def measure_lines(tree) -> list[str]:
    """Return the page's measure rows that have precedents as `compare` writes them ('    label: draft … | …')."""
    lines = []
    for row in tree.find_class("measure-row"):
        pairs = [f"{pair[0].text_content()} {pair[1].text_content()} {pair.find_class('value')[0].text_content()}"
                 for pair in row.find_class("pair")]
        if pairs:
            lines.append(f"    {row[0].text_content()}: draft {row[1].text_content()} | " + " | ".join(pairs))
    return lines


def test_the_comparison_takes_a_precedent_and_a_topic(served_once, index):
    bench, client = served_once
    tree = page(client, "/precedents/compare/draft.yaml?precedent=paris-1973&topic=foreign_forces")
    comparison = compare_with_precedents(load_agreement(str(bench.root / "draft.yaml")), index, ["paris-1973"],
                                         "foreign_forces")
    assert [section.get("data-node") for section in tree.find_class("compared-clause")] == \
        [clause.node for clause in comparison.clauses] == ["foreign-forces.usfk"]
    assert measure_lines(tree) == library_measure_lines(comparison)
    assert [link.get("href") for link in tree.xpath("//nav[@class='draftnav']//a[@aria-current='page']")] == \
        ["/precedents/compare/draft.yaml"]


def test_a_comparison_with_an_unknown_precedent_is_a_404(served_once):
    _, client = served_once
    tree = page(client, "/precedents/compare/draft.yaml?precedent=nowhere-2000", 404)
    assert tree.find_class("error")[0].text_content() == UNKNOWN


def test_the_coverage_table_is_the_library_coverage_of_the_draft(served_once):
    bench, client = served_once
    tree = page(client, "/precedents/coverage?draft=draft.yaml")
    expected = coverage(load_agreement(str(bench.root / "draft.yaml")), later_practice_by_function())
    rows = tree.get_element_by_id("coverage-table").find_class("coverage-row")
    assert [(row.get("data-function"), row.get("data-outcome"), row[1].text_content(),
             [code.text for code in row[2].iter("code")], [item.text_content() for item in row[3].iter("li")])
            for row in rows] == [(item.function, item.outcome, ", ".join(item.paragraphs),
                                  [name for name in (item.clause, item.body) if name], list(item.practice))
                                 for item in expected]


def test_the_coverage_page_without_a_draft_lists_the_armistice_provisions_of_each_function(served_once):
    _, client = served_once
    tree = page(client, "/precedents/coverage")
    remains = tree.xpath("//tr[@data-function='remains']//li/@data-provision")
    assert remains == ["armistice-1953.art-ii-13f"]
    assert tree.get_element_by_id("coverage-draft").xpath("option/@value") == ["", "draft.yaml", "round-1.yaml",
                                                                                "round-2.yaml"]


def test_the_index_is_opened_once_and_kept_outside_the_served_folder(served, monkeypatch):
    bench, client = served
    opened = []
    original = SearchIndex.for_folders

    def counted(*args, **named):
        opened.append(args)
        return original(*args, **named)

    monkeypatch.setattr(precedent_data, "OPENED", {})
    monkeypatch.setattr(SearchIndex, "for_folders", counted)
    for address in ("/precedents?q=zone", "/precedents?q=DMZ", "/precedents/compare/draft.yaml"):
        assert client.get(address).status_code == 200
    assert len(opened) == 1
    assert not precedent_data.library().index.path.resolve().is_relative_to(bench.root)


def test_a_bracket_of_the_corpus_is_text_and_a_bracket_of_the_search_a_mark():
    source = "help each other get information about personnel missing in action [A, quoted in the sheet]"
    assert marked_parts("…missing in [action] [A, quoted…", [source]) == [
        ("…", False), ("missing in ", False), ("action", True), (" [A, quoted", False), ("…", False)]
    assert marked_parts("…in action [[A], quoted…", [source]) == [
        ("…", False), ("in action [", False), ("A", True), (", quoted", False), ("…", False)]
    assert marked_parts("[not] from here", [source]) == [("[not] from here", False)]
    assert marked_parts("…in [action]] [A, quoted…", [source]) == [("…in [action]] [A, quoted…", False)]
