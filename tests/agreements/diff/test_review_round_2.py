"""What a lawyer reviewing round 1 → round 2 reads: brackets settled on an option, positions cleared on agreement,
the text a parameter gives, footnotes, the internal mark of a report with the drafters' notes, and the page's
dates, removed articles, moves between parts and positions in words."""

from __future__ import annotations

import lxml.html

from agreements.diff.compare import compare_agreements
from agreements.diff.html import diff_page
from agreements.diff.report import text_report
from agreements.diff.summary import summary_document
from agreements.drafts import load_agreement, parse_agreement
from agreements.examples import example_bytes, example_path
from cli import main
from tests.conftest import mutate

ROUND_1 = load_agreement(str(example_path("round-1")))
ROUND_2 = load_agreement(str(example_path("round-2")))
COMPARISON = compare_agreements(ROUND_1, ROUND_2, notes=True)
TREE = lxml.html.fromstring(diff_page(COMPARISON, "r1.yaml", "r2.yaml", "en"))
INTERNAL = "INTERNAL — with the drafters’ notes; not for other delegations"


def found(kind: str, node: str) -> list:
    """Return the changes of one kind on one node between the shipped rounds."""
    return [change for change in COMPARISON.changes if change.kind == kind and change.node == node]


def cells(key: str) -> list[list[str]]:
    """Return the rows of the before | after table of a change on the page, each cell's words."""
    [change] = TREE.xpath(f'//*[@id="{key}"]')
    return [[" ".join(cell.text_content().split()) for cell in row] for row in change.xpath(".//tbody/tr")]


def test_a_settled_bracket_names_the_option_adopted_and_those_dropped():
    [change] = found("alternatives", "crossings.regime")
    assert change.summary == ("crossings.regime: bracket settled: Option B (Democratic People's Republic of Korea) "
                              "adopted; Option A (Republic of Korea) dropped")
    assert {key: change.details[key] for key in ("settled", "adopted", "dropped", "withdrawn")} == {
        "settled": True, "adopted": "crossings.regime.alt-lists", "dropped": ["crossings.regime"], "withdrawn": []}
    assert [row[0] for row in cells("change-alternatives-crossings.regime")] == ["Bracket", "Option adopted",
                                                                                "Options dropped"]
    [parameters] = found("parameters", "crossings.regime")  # the change that follows from it is still listed
    assert parameters.summary == "crossings.regime: people: permit → pre registered list"


def test_the_base_text_adopted_and_a_compromise_are_told_apart():
    [final] = found("alternatives", "final.provisions")
    assert final.summary == ("final.provisions: bracket settled: Option A (Republic of Korea, United States) adopted; "
                             "Option B (Democratic People's Republic of Korea) dropped")
    [unc] = found("alternatives", "unc.status")
    assert unc.summary.startswith("unc.status: bracket settled: none of the options adopted as tabled (Option A")
    [usfk] = found("alternatives", "foreign-forces.usfk")  # still bracketed: withdrawn, not settled
    assert usfk.summary == "foreign-forces.usfk: options: Option B (Democratic People's Republic of Korea) withdrawn"


def test_positions_cleared_on_agreement_are_said_once():
    [change] = found("positions", "final.provisions")
    assert change.summary == "final.provisions: positions cleared: the text is agreed"
    assert change.details["cleared"] is True
    assert cells("change-positions-final.provisions")[0][2] == "cleared: the text is agreed"


def test_a_position_withdrawn_while_the_node_stays_open_keeps_its_line():
    text = example_bytes("round-2").decode("utf-8")
    changed = mutate(text, "              prc: {stance: reserve, note: \"Suggests treating the cases under separated "
                           "families.\"}\n", "")  # prisoners.repatriation, bracketed
    comparison = compare_agreements(ROUND_2, parse_agreement(changed, "r2b.yaml"))
    [change] = [change for change in comparison.changes if change.kind == "positions"]
    assert change.summary.endswith("China position withdrawn (was reserve)")


def test_a_parameter_that_changes_the_text_shows_the_words_changed():
    [change] = found("text", "unc.status")
    assert change.summary.startswith("unc.status: text changed (en +39 −21 words")
    assert [-1, "365"] in change.details["diff"]["en"] and [1, "90"] in change.details["diff"]["en"]
    [artillery] = found("text", "force.artillery")
    assert artillery.summary.endswith(": − “10”; + “15”")
    assert TREE.xpath('//*[@id="change-text-unc.status-text"]//del')


def test_a_footnote_in_an_added_annex_is_reported():
    [change] = found("text", "annex.demining.hand-over")
    assert change.details["field"] == "footnote"
    assert change.summary.startswith("annex.demining.hand-over: footnote added (en +18 −0 words")
    assert TREE.xpath('//*[@id="change-text-annex.demining.hand-over-footnote"]//ins')


def test_a_report_with_the_drafters_notes_carries_the_internal_mark():
    lines = text_report(COMPARISON, "r1.yaml", "r2.yaml", lambda text, **_: text)
    assert lines[0].endswith(f"87 changes · {INTERNAL}")
    assert TREE.xpath('//header/p[contains(@class, "pd-internal")]')[0].text_content() == INTERNAL
    assert INTERNAL in summary_document(COMPARISON, "r1.yaml", "r2.yaml").settings["header"]
    without = compare_agreements(ROUND_1, ROUND_2)
    assert INTERNAL not in text_report(without, "r1.yaml", "r2.yaml", lambda text, **_: text)[0]
    assert INTERNAL not in diff_page(without, "r1.yaml", "r2.yaml", "en")


def test_no_notes_leaves_the_mark_out(runner):
    old, new = str(example_path("round-1")), str(example_path("round-2"))
    marked = runner.invoke(main, ["diff", old, new, "--format", "html"]).stdout
    plain = runner.invoke(main, ["diff", old, new, "--format", "html", "--no-notes"]).stdout
    assert INTERNAL in marked and INTERNAL not in plain and "Drafters' note" not in plain
    assert INTERNAL not in runner.invoke(main, ["diff", old, new, "--non-paper"]).stdout


def test_the_page_words_dates_removed_articles_moves_and_positions_as_the_document_does():
    assert cells("change-meta-meta-date") == [["Date", "12 March 2027", "25 June 2027"]]
    contents = [" ".join(item.text_content().split()) for item in TREE.xpath("//nav//li")]
    assert contents[-1] == "Article 23 (R1) — Interim Measures (removed) (1)"
    assert cells("change-moved-art.prisoners-remains") == [["Place", "Article 11 in Part II", "Article 19 in Part V"]]
    rows = cells("change-positions-crossings.regime")
    assert rows[-1] == ["China", "reserves its position", "supports"]
