"""The diff as HTML: every change with its id, the words changed inline and side by side, tables, escaping."""

from __future__ import annotations

import re
from dataclasses import replace

import lxml.html

from agreements.diff.compare import Wording, compare_agreements
from agreements.diff.html import change_id, diff_html, diff_page
from agreements.diff.html_marks import mark
from agreements.diff.words import DELETE, INSERT, word_diff
from agreements.drafts import load_agreement, parse_agreement
from agreements.examples import example_bytes, example_path
from agreements.index import index_of
from clauses.languages import language
from tests.conftest import mutate

ROUND_1 = load_agreement(str(example_path("round-1")))
ROUND_2 = load_agreement(str(example_path("round-2")))
COMPARISON = compare_agreements(ROUND_1, ROUND_2, notes=True)
PAGE = diff_page(COMPARISON, "HEAD~1:draft.yaml", "round-2.yaml", "en")
TREE = lxml.html.fromstring(PAGE)


def section(tree, key: str):
    """Return the element with an id."""
    [found] = tree.xpath(f'//*[@id="{key}"]')
    return found


def shown(element) -> str:
    """Return the text an element shows: its text without the words said only to screen readers."""
    copy = lxml.html.fromstring(lxml.html.tostring(element, encoding="unicode", with_tail=False))
    for hidden in copy.xpath('.//*[@class="pd-sr"]'):
        hidden.drop_tree()
    return copy.text_content()


def test_every_change_appears_with_its_id_kind_and_report_line():
    ids = [change_id(change) for change in COMPARISON.changes]
    assert len(set(ids)) == len(ids) == 87
    for change in COMPARISON.changes:
        found = section(TREE, change_id(change))
        assert shown(found.xpath('./p[@class="pd-summary"]')[0]) == change.summary
        assert change.node == "meta" or found.xpath('.//code[@class="pd-node"]')[0].text == change.node


def test_the_change_head_names_kind_place_and_node():
    head = section(TREE, "change-parameters-force.artillery").xpath("./h3")[0]
    assert " ".join(head.text_content().split()) == "Parameters paragraph 2 of Article 8 force.artillery #"
    removed = section(TREE, "change-removed-art.interim-measures").xpath("./h3")[0]
    assert " ".join(removed.text_content().split()) == "Removed was Article 23 art.interim-measures #"


def test_articles_are_headed_as_the_text_report_heads_them():
    headings = [heading.text_content() for heading in TREE.xpath('//section[@class="pd-article"]/h2')]
    assert headings[:3] == ["Agreement", "Preamble", "Article 2 — The Agreement and its Parties"]
    assert headings[-1] == "Article 23 (R1) — Interim Measures (removed)"
    links = TREE.xpath('//nav[@class="pd-contents"]//a/@href')
    assert links[:2] == ["#article-agreement", "#article-preamble"] and len(links) == len(headings)


def test_inserted_and_deleted_words_are_those_words_py_gives_in_every_language():
    node_old = index_of(ROUND_1).places["seq.reversibility"].node
    node_new = index_of(ROUND_2).places["seq.reversibility"].node
    found = section(TREE, "change-text-seq.reversibility-text")
    views = found.xpath('.//div[@class="pd-language-diff"]')
    assert len(views) == 3
    for view in views:
        tag = view.xpath('.//p[@class="pd-text"]/@lang')[0]
        code = next(code for code in ("en", "ko", "zh") if language(code).tag == tag)
        old, new = Wording(ROUND_1).text(node_old, code), Wording(ROUND_2).text(node_new, code)
        diff = word_diff(old, new)
        inline = view.xpath('.//div[@class="pd-inline"]')[0]
        assert [shown(mark) for mark in inline.xpath(".//del")] == [text for op, text in diff if op == DELETE]
        assert [shown(mark) for mark in inline.xpath(".//ins")] == [text for op, text in diff if op == INSERT]
        before, after = view.xpath('.//table[@class="pd-side-by-side"]//td')
        assert (shown(before), shown(after)) == (old, new)
        assert before.get("lang") == after.get("lang") == tag


def test_the_chosen_language_comes_first_and_every_text_bears_its_tag():
    korean = lxml.html.fromstring(diff_page(COMPARISON, "a", "b", "ko"))
    heading = section(korean, "change-text-part.relations-heading")
    tags = [view.xpath('.//p[@class="pd-text"]/@lang')[0] for view in heading.xpath('.//div[@class="pd-language-diff"]')]
    assert tags == [language("ko").tag, language("en").tag, language("zh").tag]
    assert korean.get("lang") == language("en").tag
    added = section(korean, "change-added-art.incidents")
    assert {text.get("lang") for text in added.xpath('.//p[@class="pd-text"]')} == {language("ko").tag}


def test_marks_are_said_to_screen_readers_and_not_shown_by_colour_alone():
    inserted = TREE.xpath("//ins")
    assert inserted and all(mark.xpath('./span[@class="pd-sr"]')[0].text == "inserted: " for mark in inserted)
    assert all(mark.xpath('./span[@class="pd-sr"]')[0].text == "deleted: " for mark in TREE.xpath("//del"))
    assert "ins { background: var(--ins); text-decoration: underline; }" in PAGE
    assert "del { background: var(--del); text-decoration: line-through; }" in PAGE


def test_white_space_changed_alone_is_named():
    assert str(mark(INSERT, "\u00a0")) == ('<ins class="pd-invisible" title="no-break space"><span class="pd-sr">'
                                           'inserted: </span>\u00a0</ins><span class="pd-char-name">'
                                           '[no-break space]</span>')


def test_text_changes_can_be_read_inline_or_side_by_side_without_a_script():
    inputs = TREE.xpath('//input[@name="pd-view"]')
    assert [(item.get("id"), item.get("checked") is not None) for item in inputs] == [("pd-view-inline", True),
                                                                                      ("pd-view-sides", False)]
    assert "#pd-view-sides:checked ~ .pd-changes .pd-inline { display: none; }" in PAGE
    assert "#pd-view-inline:checked ~ .pd-changes .pd-side-by-side { display: none; }" in PAGE


def rows(tree, key: str) -> list[list[str]]:
    """Return the body rows of a change's before | after table, as the text of their cells."""
    table = section(tree, key).xpath('.//table[@class="pd-before-after"]')[0]
    return [[" ".join(" ".join(shown(part) for part in (cell.xpath("./p") or [cell])).split()) for cell in row]
            for row in table.xpath("./tbody/tr")]


def test_parameters_are_a_table_of_values_with_their_units():
    assert rows(TREE, "change-parameters-force.artillery") == [["pull-back distance", "10 km", "15 km"]]
    assert rows(TREE, "change-parameters-force.guard-posts") == [
        ["deadline", "90 days after entry into force", "180 days after entry into force"]]
    heads = section(TREE, "change-parameters-force.artillery").xpath(".//thead//th")
    assert [head.text_content() for head in heads] == ["Before (R1)", "After (R2)"]  # the corner cell no header


def test_status_positions_notes_and_places_say_before_and_after():
    assert rows(TREE, "change-status-unc.status") == [["Status", "bracketed", "agreed ad referendum"]]
    assert rows(TREE, "change-moved-art.prisoners-remains") == [["Place", "Article 11 in Part II",
                                                                 "Article 19 in Part V"]]
    assert rows(TREE, "change-renumbered-art.jmc") == [["Number", "Article 10", "Article 11"]]
    assert rows(TREE, "change-notes-economy.cooperation") == [
        ["Drafters' note", "Tabled by the Republic of Korea at the last session; not yet discussed.", "—"]]
    assert rows(TREE, "change-positions-unc.status")[1] == [
        "United States", "opposes The Command should remain, reduced, until denuclearization is well advanced.",
        "supports Ad referendum, subject to consultation with the States that contributed forces to the Command."]


def test_options_tabled_show_their_proposers_and_text():
    [[what, before, after]] = rows(TREE, "change-alternatives-economy.cooperation")
    assert (what, before) == ("Options withdrawn and tabled", "—")
    assert after.startswith("Option B (Democratic People's Republic of Korea) The two sides shall resume")
    assert rows(TREE, "change-alternatives-verify.nuclear") == [
        ["Options withdrawn and tabled", "—", "Option C (China) notice: 72 hours"]]


def test_an_added_article_shows_all_its_text_inserted():
    added = section(TREE, "change-added-art.incidents")
    places = [place.text for place in added.xpath('.//p[@class="pd-place"]')]
    assert places == ["paragraph 1 of Article 10", "paragraph 2 of Article 10"]
    assert shown(added.xpath(".//ins")[0]) == "Prevention of Military Incidents"
    assert not added.xpath(".//del")


def test_draft_text_is_escaped():
    source = example_bytes("round-2").decode("utf-8")
    source = mutate(source, "suspend the step linked to it, and that", "suspend the step <script>alert(1)</script>")
    source = mutate(source, "the figures are under review", "the figures are <img src=x onerror=alert(1)>")
    hostile = parse_agreement(source, "hostile.yaml")
    page = diff_page(compare_agreements(ROUND_1, hostile, notes=True), "<b>old</b>", "new", "en")
    tree = lxml.html.fromstring(page)
    assert not tree.xpath("//script | //img | //b")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;b&gt;old&lt;/b&gt;" in page


def test_the_page_has_no_script_and_no_address_on_the_network():
    assert not TREE.xpath("//script | //link | //img | //iframe")
    assert not re.search(r"https?://|url\(", PAGE)


def test_the_same_versions_give_the_same_bytes():
    again = compare_agreements(load_agreement(str(example_path("round-1"))),
                               load_agreement(str(example_path("round-2"))), notes=True)
    assert diff_page(again, "HEAD~1:draft.yaml", "round-2.yaml", "en") == PAGE


def test_the_header_names_both_versions_and_the_counts():
    header = TREE.xpath('//header[@class="pd-head"]')[0]
    versions = [[cell.text_content() for cell in row] for row in header.xpath(".//table/tbody/tr")]
    assert versions == [["Old", "HEAD~1:draft.yaml", "1", "R1", "12 March 2027"],
                        ["New", "round-2.yaml", "2", "R2", "25 June 2027"]]
    assert header.xpath('./p[@class="pd-counts"]')[0].text == (
        "87 changes: 6 added, 1 removed, 1 moved, 7 renumbered, 15 status, 11 alternatives, 16 positions, "
        "8 notes, 8 parameters, 11 text, 3 meta.")
    assert TREE.xpath("//title")[0].text == ("Changes from R1 to R2 — Agreement on the Establishment of a "
                                             "Permanent Peace Regime on the Korean Peninsula · INTERNAL — with the "
                                             "drafters’ notes; not for other delegations")


def test_no_changes_and_a_non_paper():
    same = lxml.html.fromstring(diff_html(replace(COMPARISON, changes=[]), "a", "b", "en", non_paper=True))
    assert [p.text_content() for p in same.xpath('.//header/p')][0].startswith("Non-paper")
    assert same.xpath('.//p[@class="pd-counts"]')[0].text == "No changes."
    assert not same.xpath(".//input | .//section")
