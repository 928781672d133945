"""The body in reading order: content controls, wrappers, fields, text boxes, notes, comments, deleted marks."""

from __future__ import annotations

import pytest

from agreements.wordimport.safety import open_word
from agreements.wordimport.source import read_body
from tests.agreements.wordimport.bodies import REAL_DOCX, deleted, p, r, table, word_document

needs_real_docx = pytest.mark.skipif(not REAL_DOCX.is_dir(), reason="../shared/reference/real-docx is missing")


def texts(body: str, **parts) -> list[tuple[str, str]]:
    """Return the (origin, text) of each paragraph read from a body."""
    return [(found.origin, found.text) for found in read_body(word_document(body, **parts)).paragraphs]


def test_paragraphs_are_numbered_in_reading_order_with_their_style():
    found = read_body(word_document(p("Agreement", "Title") + table(["a", "b"]) + p("After"))).paragraphs
    assert [(item.index, item.style, item.text) for item in found] == [
        (1, "Title", "Agreement"), (2, "Normal", "a | b"), (3, "Normal", "After")]


def test_content_controls_and_wrappers_are_read_in_place():
    body = (p("One") + f"<w:sdt><w:sdtPr><w:alias w:val='x'/></w:sdtPr><w:sdtContent>{p('Two')}{p('Three')}"
            f"</w:sdtContent></w:sdt>" + f"<w:customXml w:element='clause'>{p('Four')}</w:customXml>"
            + f"<w:p><w:smartTag w:uri='u' w:element='place'>{r('Five')}</w:smartTag></w:p>"
            + f"<w:p><w:sdt><w:sdtContent>{r('Six')}</w:sdtContent></w:sdt>{r(' and seven')}</w:p>")
    assert [text for _, text in texts(body)] == ["One", "Two", "Three", "Four", "Five", "Six and seven"]


def test_a_field_code_is_not_text_and_its_result_is():
    field = ('<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
             '<w:r><w:instrText> REF _Ref1 \\h </w:instrText></w:r><w:r><w:t>CODE</w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Article 7</w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> below.</w:t></w:r></w:p>')
    simple = '<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>'
    assert [text for _, text in texts(field + simple)] == ["See Article 7 below.", "3"]


def test_a_text_box_is_read_once_after_its_paragraph():
    box = f"<w:txbxContent>{p('Boxed one')}{p('Boxed two')}</w:txbxContent>"
    body = (f"<w:p>{r('Before the box, ')}<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing>"
            f"<wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}"
            f"</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>{r('after it.')}</w:p>"
            + p("Next"))
    assert texts(body) == [("body", "Before the box, after it."), ("textbox", "Boxed one"),
                           ("textbox", "Boxed two"), ("body", "Next")]


def test_tracked_changes_read_as_accepted():
    body = f"<w:p>{r('Keep ')}{deleted('gone ')}<w:ins w:id='5' w:author='A'>{r('added')}</w:ins></w:p>"
    assert texts(body) == [("body", "Keep added")]


def test_a_deleted_paragraph_mark_joins_its_paragraph_to_the_next_with_the_first_ones_style():
    body = p("First half, ", "Heading1", mark="del") + p("second half.") + p("Alone.")
    found = read_body(word_document(body)).paragraphs
    assert [(item.style, item.text) for item in found] == [("heading 1", "First half, second half."),
                                                          ("Normal", "Alone.")]


def test_marks_deleted_in_a_row_join_three_paragraphs():
    body = p("a", mark="del") + p("b", mark="del") + p("c") + p("d")
    assert [text for _, text in texts(body)] == ["abc", "d"]


def test_a_paragraph_deleted_whole_is_gone_and_the_next_keeps_its_own_style():
    gone = ('<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr>'
            f"{deleted('Old')}</w:p>")
    found = read_body(word_document(gone + p("Kept"))).paragraphs
    assert [(item.style, item.text) for item in found] == [("Normal", "Kept")]


def test_an_inserted_mark_and_a_deleted_mark_before_a_table_join_nothing():
    body = p("Inserted", mark="ins") + p("Next") + p("Before the table", mark="del") + table(["x", "y"])
    assert [text for _, text in texts(body)] == ["Inserted", "Next", "Before the table", "x | y"]


def test_footnotes_and_endnotes_go_with_the_paragraph_that_refers_to_them():
    body = ('<w:p><w:r><w:t xml:space="preserve">Text</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
            '<w:r><w:endnoteReference w:id="2"/></w:r><w:r><w:footnoteReference w:id="3"/></w:r></w:p>' + p("Plain"))
    found = read_body(word_document(body, footnotes={"1": "First note.", "3": "Third note."},
                                    endnotes={"2": "An endnote."})).paragraphs
    assert [(item.text, item.footnotes) for item in found] == [("Text", ["First note.", "Third note.", "An endnote."]),
                                                             ("Plain", [])]


def test_a_comment_goes_once_with_the_paragraph_where_it_starts_as_author_and_text():
    body = ('<w:p><w:commentRangeStart w:id="0"/>' + r("Spans") + "</w:p>"
            + '<w:p>' + r("two") + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
            + '<w:r><w:commentReference w:id="1"/></w:r></w:p>')
    found = read_body(word_document(body, comments={"0": ("Alice", "spans both"), "1": ("", "no author")})).paragraphs
    assert [item.comments for item in found] == [["Alice: spans both"], ["no author"]]


def test_a_comment_peacedraft_wrote_is_left_out():
    body = ('<w:p><w:commentRangeStart w:id="0"/><w:commentRangeStart w:id="1"/>' + r("Text")
            + '<w:r><w:commentReference w:id="0"/></w:r><w:r><w:commentReference w:id="1"/></w:r></w:p>')
    comments = {"0": ("peacedraft", "Positions: Republic of Korea: supports", "PD\u200b"), "1": ("Bob", "mine", "B")}
    assert read_body(word_document(body, comments=comments)).paragraphs[0].comments == ["Bob: mine"]


@needs_real_docx
def test_the_deleted_paragraph_mark_gives_the_paragraphs_word_gives_on_accepting_it():
    def read(name: str) -> list[tuple[str, str]]:
        return [(item.style, item.text) for item in read_body(open_word(str(REAL_DOCX / name))).paragraphs]

    tracked = read("oxpt--RP005-Deleted-Paragraph-Mark.docx")
    assert tracked == read("oxpt--RP005-Deleted-Paragraph-Mark-Accepted.docx")
    assert len(tracked) == 1 and len(read("oxpt--RP005-Deleted-Paragraph-Mark-Rejected.docx")) == 2


@needs_real_docx
def test_the_footnote_of_a_real_file_is_read_and_its_separators_are_not():
    found = read_body(open_word(str(REAL_DOCX / "oxpt--WC034-Footnotes-Before.docx"))).paragraphs
    assert [(item.text, item.footnotes) for item in found] == [
        ("Video provides a powerful way to help you prove your point.", ["This is the footnote."])]


@needs_real_docx
def test_dense_comments_each_go_once_to_their_paragraph():
    found = read_body(open_word(str(REAL_DOCX / "docxodus--DD002-DenseComments.docx"))).paragraphs
    comments = [comment for item in found for comment in item.comments]
    assert len(comments) == len(set(comments)) == 10
    assert found[1].comments == ["Alice: scope of the recitals", "Bob: confirm the parties list"]
    assert found[3].comments == ["Erin: this obligation spans the clause"] and found[4].comments == []


@needs_real_docx
def test_an_embedded_document_is_read_in_its_place():
    found = read_body(open_word(str(REAL_DOCX / "oxpt--CA009-altChunk.docx"))).paragraphs
    assert [(item.origin, item.text) for item in found] == [
        ("body", "Test Heading"), ("body", "This is the first paragraph."), ("body", "Document: Test.docx"),
        ("chunk", "Inserted Content Heading"), ("chunk", "This is the first paragraph in inserted content."),
        ("chunk", "Document: TestInsertedContent.docx")]
    assert found[-1].comments == ["Eric White (DPE): Comment in TestInsertedContent.docx"]
