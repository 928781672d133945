"""The change summary as a Word report: a table per article of what changed, before, after and who proposed it."""

from __future__ import annotations

from agreements.diff.compare import compare_agreements
from agreements.diff.report import grouped
from agreements.diff.summary import summary_document
from agreements.document.blocks import Run
from agreements.drafts import load_agreement
from agreements.examples import example_path

ROUND_1 = load_agreement(str(example_path("round-1")))
ROUND_2 = load_agreement(str(example_path("round-2")))
COMPARISON = compare_agreements(ROUND_1, ROUND_2, notes=True)
SUMMARY = summary_document(COMPARISON, "r1.yaml", "r2.yaml")


def rows_of(table) -> list[list[list]]:
    """Return a table's rows as cells of inlines (each cell's paragraphs' inlines, joined)."""
    return [[[inline for paragraph in cell.children for inline in paragraph.text("en").inlines]
             for cell in row.children] for row in table.children]


def words(cell: list) -> str:
    """Return the words of a cell."""
    return "".join(inline if isinstance(inline, str) else inline.text for inline in cell)


def test_a_table_per_article_under_its_heading():
    headings = [block.text("en").inlines[0] for block in SUMMARY.blocks if block.type == "section"]
    tables = [block for block in SUMMARY.blocks if block.type == "table"]
    assert headings == [heading for heading, _ in grouped(COMPARISON)]
    assert len(tables) == len(headings)
    assert [words(cell) for cell in rows_of(tables[0])[0]] == ["Provision", "What changed", "Before", "After",
                                                                "Proposed by"]


def test_a_text_change_shows_the_words_changed_in_bold():
    rows = [row for table in SUMMARY.blocks if table.type == "table" for row in rows_of(table)
            if words(row[0]).endswith("seq.reversibility") and words(row[1]) == "Text (English)"]
    [[_, _, before, after, proposers]] = rows
    assert [inline.text for inline in after if isinstance(inline, Run) and inline.bold] == \
           [part for op, part in next(change for change in COMPARISON.changes if change.node == "seq.reversibility"
                                      and change.kind == "text").details["diff"]["en"] if op == 1]
    assert not any(isinstance(inline, Run) and inline.bold for inline in before)
    assert words(proposers) == "United States"


def test_options_name_their_proposers_not_their_ids():
    rows = [row for table in SUMMARY.blocks if table.type == "table" for row in rows_of(table)
            if words(row[0]).endswith("verify.nuclear") and words(row[1]) == "Options withdrawn and tabled"]
    [[_, _, before, after, proposers]] = rows
    assert words(before) == "—"
    assert words(after) == "Option C (China)" and words(proposers) == "China"


def test_the_counts_and_the_versions_open_the_report():
    said = [words(block.text("en").inlines) for block in SUMMARY.blocks[:4]]
    assert said[0] == "Changes from R1 to R2"
    assert said[2] == "r1.yaml (R1, 12 March 2027) → r2.yaml (R2, 25 June 2027)"
    assert said[3].startswith(f"{len(COMPARISON.changes)} changes: ") and "8 notes" in said[3]


def test_a_removed_provision_is_placed_where_it_stood_not_where_another_now_stands():
    rows = [row for table in SUMMARY.blocks if table.type == "table" for row in rows_of(table)
            if words(row[0]).endswith("art.interim-measures")]
    [[provision, what, before, after, _]] = rows
    assert words(provision) == "was Article 23\nart.interim-measures"
    assert (words(what), words(after)) == ("Removed (was Article 23)", "—")
    assert words(before) == "Interim Measures"


def test_parameters_are_given_in_words_not_ids():
    rows = [row for table in SUMMARY.blocks if table.type == "table" for row in rows_of(table)
            if words(row[0]).endswith("unc.status") and words(row[1]) == "effective"]
    [[_, _, before, after, _]] = rows
    assert words(before) == "365 days after entry into force"
    assert words(after) == ("90 days after the completion of the step “Verified dismantlement of the nuclear "
                            "facilities at Yongbyon”")


def test_a_non_paper_summary_has_no_proposed_by_column():
    summary = summary_document(COMPARISON, "round-1.yaml", "round-2.yaml", non_paper=True)
    tables = [block for block in summary.blocks if block.type == "table"]
    assert all([words(cell) for cell in rows_of(table)[0]] == ["Provision", "What changed", "Before", "After"]
               and all(len(row) == 4 for row in rows_of(table)) for table in tables)
    key = next(block for block in summary.blocks if block.key == "key")
    assert "Proposed by" not in words(key.text("en").inlines)
