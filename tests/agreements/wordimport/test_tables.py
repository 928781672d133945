"""Tables read as a draft reads them: definitions tables as definitions, other tables row by row, nested in order."""

from __future__ import annotations

import pytest

from agreements.wordimport.safety import open_word
from agreements.wordimport.source import read_body
from agreements.wordimport.tables import definition_text
from clauses.base import MAX_TEXT
from tests.agreements.wordimport.bodies import REAL_DOCX, p, table, word_document

needs_real_docx = pytest.mark.skipif(not REAL_DOCX.is_dir(), reason="../shared/reference/real-docx is missing")
DEFINITIONS = table(["Line", "the military demarcation line fixed by the Armistice Agreement"],
                    ["Zone", "means the demilitarized zone on either side of the Line"],
                    ["Commission", "The Joint Military Commission established by Article 9."],
                    ["“Party”", "“Party” means either Korean party to this Agreement"])


def read(body: str) -> list[tuple[str, str]]:
    """Return the (origin, text) of each paragraph read from a body."""
    return [(found.origin, found.text) for found in read_body(word_document(body)).paragraphs]


def test_a_definitions_table_gives_one_definition_a_row_in_the_definitions_own_words():
    assert read(DEFINITIONS) == [
        ("definition", "“Line” means the military demarcation line fixed by the Armistice Agreement"),
        ("definition", "“Zone” means the demilitarized zone on either side of the Line"),
        ("definition", "“Commission”: The Joint Military Commission established by Article 9."),
        ("definition", "“Party” means either Korean party to this Agreement")]


@pytest.mark.parametrize("term, definition, expected", [
    (["군사분계선"], "정전협정으로 정한 선을 말한다.", "“군사분계선”: 정전협정으로 정한 선을 말한다."),
    (["非军事区"], "指军事分界线两侧的区域。", "“非军事区”: 指军事分界线两侧的区域。"),
    (["Line:"], "shall mean the line", "“Line” shall mean the line"),
    (["Effective Date", "when it starts"], "{effective_date}", "“Effective Date” (when it starts): {effective_date}"),
    (["Zone"], "[ drafting note ] the zone", "“Zone”: [ drafting note ] the zone"),
])
def test_a_definition_is_written_once_in_its_scripts_form(term, definition, expected):
    assert definition_text(term, definition) == expected


def test_a_repeated_header_row_stays_a_row():
    body = table(["Term", "Definition"], ["Line", "the line of demarcation between the forces"],
                 ["Zone", "the zone on either side of the line"], header=True)
    assert read(body) == [("table", "Term | Definition"),
                          ("definition", "“Line” means the line of demarcation between the forces"),
                          ("definition", "“Zone” means the zone on either side of the line")]


def test_a_table_of_other_rows_gives_one_paragraph_a_row_its_cells_joined():
    body = table(["", "Party 1", "", "Party 2"], ["Signature", "", "", ""],
                 ["Print Name", p("First") + p("Line two"), "", "Second"])
    assert read(body) == [("table", "Party 1 | Party 2"), ("table", "Signature"),
                          ("table", "Print Name | First\nLine two | Second")]


def test_two_columns_of_short_values_are_rows_not_definitions():
    body = table(["Effective Date", "{effective_date}"], ["Governing Law", "Delaware"], ["Term", "2 years"])
    assert [origin for origin, _ in read(body)] == ["table"] * 3


def test_a_row_with_one_filled_cell_gives_its_paragraphs_with_their_styles():
    body = table([p("Article 1", "Heading2") + p("The Parties agree.")], ["Key", "Value"])
    found = read_body(word_document(body)).paragraphs
    assert [(item.origin, item.style, item.text) for item in found] == [
        ("table", "heading 2", "Article 1"), ("table", "Normal", "The Parties agree."),
        ("table", "Normal", "Key | Value")]


def test_a_nested_table_is_read_in_its_place_within_the_cell_that_holds_it():
    inner = table(["inner a", "inner b"])
    body = table(["outer", p("cell text") + inner + p("after the table")], ["last", "row"])
    assert read(body) == [("table", "outer"), ("table", "cell text"), ("table", "inner a | inner b"),
                          ("table", "after the table"), ("table", "last | row")]


def test_a_definition_that_holds_a_table_keeps_its_term_with_its_first_paragraph():
    inner = table(["ISO 27001", "SOC 2"])
    body = table(["Security Policy", p("Provider will keep one of:") + inner + p("or another.")],
                 ["Agreement", "the agreement between the parties"], ["Customer", "the one who buys the service"])
    assert read(body)[:3] == [("definition", "“Security Policy”: Provider will keep one of:"),
                              ("table", "ISO 27001 | SOC 2"), ("table", "or another.")]


def test_a_deleted_row_is_left_out():
    body = table(["kept", "row"], ["gone", "row"]).replace(
        "<w:tr><w:tc><w:p><w:r><w:t xml:space=\"preserve\">gone",
        "<w:tr><w:trPr><w:del w:id=\"1\" w:author=\"A\"/></w:trPr><w:tc><w:p><w:r><w:t xml:space=\"preserve\">gone")
    assert read(body) == [("table", "kept | row")]


def test_a_row_too_long_for_one_text_is_read_paragraph_by_paragraph():
    long = "word " * (MAX_TEXT // 5)
    found = read(table(["short", long.strip()]))
    assert found == [("table", "short"), ("table", long.strip())]


@needs_real_docx
def test_the_cover_page_of_the_mutual_nda_reaches_the_paragraphs():
    found = read_body(open_word(str(REAL_DOCX / "openagr--common-paper-mutual-nda.docx"))).paragraphs
    texts = [item.text for item in found if item.origin == "table"]
    assert "Effective Date | {effective_date}" in texts
    assert "Print Name | {party_1_name} | {party_2_name}" in texts
    assert texts[0].startswith("This Mutual Non-Disclosure Agreement (the “MNDA”) consists of:")


@needs_real_docx
def test_the_key_terms_of_the_data_processing_agreement_are_definitions():
    found = read_body(open_word(str(REAL_DOCX / "openagr--common-paper-data-processing-agreement.docx"))).paragraphs
    definitions = [item.text for item in found if item.origin == "definition"]
    assert "“Agreement”: This DPA supplements the {underlying_agreement}." in definitions
    assert "“Provider Security Contact”: {contact_address}" in definitions
    assert len(definitions) == 21
