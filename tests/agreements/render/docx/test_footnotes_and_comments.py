"""Word: footnotes in a footnotes part, referenced from their paragraphs; annexes numbered by lists of their own; the
drafters' notes as comments in an internal edition and nowhere in a clean one; LibreOffice shows the footnote."""

from __future__ import annotations

import io
import subprocess
import zipfile

import pytest
from lxml import etree

from agreements.drafts import load_agreement
from agreements.examples import example_path
from agreements.render.docx.render import render_docx
from tests.agreements.render.docx.test_libreoffice import convert, require_libreoffice
from tests.agreements.render.test_footnotes_and_notes import ANNEX_NOTE, ARTICLE_NOTE, NOTED, NOTES, POINT_NOTE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
ROUND_2 = load_agreement(str(example_path("round-2")))
IMAS = {"en": "1 The edition of the International Mine Action Standards", "ko": "1 이 협정 서명일 현재 시행 중인",
        "zh": "1 指本协定签署之日有效的"}  # the footnote, after its number, at the foot of the page
ANNEX_HEADING = {"en": "Annex — Procedures for Demining", "ko": "부속서 비무장지대 지뢰 제거 절차", "zh": "非军事区排雷程序"}


def parts(data: bytes) -> dict[str, bytes]:
    """Return every part of a Word package by name."""
    package = zipfile.ZipFile(io.BytesIO(data))
    return {name: package.read(name) for name in package.namelist()}


def xml(data: bytes, name: str) -> etree._Element:
    """Return one XML part of a Word package."""
    return etree.fromstring(parts(data)[name])


def paragraph_text(paragraph: etree._Element) -> str:
    """Return the text of a w:p."""
    return "".join(paragraph.itertext())


@pytest.mark.parametrize("lang", ["en", "ko", "zh", "parallel"])
def test_footnotes_are_in_the_footnotes_part_and_referenced_where_their_text_ends(lang):
    data = render_docx(NOTED, lang)
    footnotes = xml(data, "word/footnotes.xml")
    own = [note for note in footnotes.iter(f"{W}footnote") if note.get(f"{W}type") is None]
    separators = [(note.get(f"{W}id"), note.get(f"{W}type")) for note in footnotes.iter(f"{W}footnote")][:2]
    assert separators == [("-1", "separator"), ("0", "continuationSeparator")]
    count = 6 if lang == "parallel" else 2  # the parallel edition has each language's footnotes
    assert [note.get(f"{W}id") for note in own] == [str(number) for number in range(1, count + 1)]
    assert all(note.find(f".//{W}footnoteRef") is not None for note in own)
    document = xml(data, "word/document.xml")
    references = document.findall(f".//{W}footnoteReference")
    assert [reference.get(f"{W}id") for reference in references] == [note.get(f"{W}id") for note in own]
    first = references[0].getparent()
    assert first.find(f"{W}rPr/{W}vertAlign").get(f"{W}val") == "superscript"
    assert first.getnext() is None or first.getnext().tag != f"{W}r" or not paragraph_text(first.getnext())
    if lang == "en":
        assert [paragraph_text(note).strip() for note in own] == ["As measured on the ground.", "See Annex I."]
    package = parts(data)
    assert FOOTNOTES_TYPE.encode() in package["[Content_Types].xml"] and b"footnotes.xml" in \
        package["word/_rels/document.xml.rels"]
    settings = xml(data, "word/settings.xml")
    assert [node.get(f"{W}id") for node in settings.iterfind(f"{W}footnotePr/{W}footnote")] == ["-1", "0"]


def test_a_draft_without_footnotes_has_no_footnotes_part():
    assert "word/footnotes.xml" not in parts(render_docx(load_agreement(str(example_path("round-1"))), "en"))


def test_footnotes_are_reproducible():
    assert render_docx(NOTED, "ko") == render_docx(NOTED, "ko")


@pytest.mark.parametrize("lang", ["en", "ko", "zh", "parallel"])
def test_a_clean_word_document_holds_no_drafters_note(lang):
    data = render_docx(NOTED, lang)
    for name, content in parts(data).items():
        if name.endswith(".xml"):
            assert not [note for note in NOTES if note.encode() in content], name


@pytest.mark.parametrize(("lang", "author"), [("en", "Drafters"), ("ko", "작성자"), ("zh", "起草方")])
def test_the_internal_edition_comments_each_note_on_its_paragraph(lang, author):
    data = render_docx(NOTED, lang, internal=True)
    comments = xml(data, "word/comments.xml")
    noted = {paragraph_text(comment): comment for comment in comments.iter(f"{W}comment")
             if paragraph_text(comment) in NOTES}
    assert sorted(noted) == sorted(NOTES)
    assert {(comment.get(f"{W}author"), comment.get(f"{W}date")) for comment in noted.values()} == {
        (author, "2027-01-15T00:00:00Z")}
    document = xml(data, "word/document.xml")
    for note, words in ((POINT_NOTE, "매년" if lang == "ko" else "审查" if lang == "zh" else "annually"),
                        (ANNEX_NOTE, {"en": "Annex I", "ko": "부속서 1", "zh": "附件一"}[lang])):
        comment_id = noted[note].get(f"{W}id")
        start = document.find(f".//{W}commentRangeStart[@{W}id='{comment_id}']")
        assert words in paragraph_text(start.getparent())


def test_the_drafting_side_signs_the_notes_when_the_draft_names_it():
    from agreements.drafts import parse_agreement
    from tests.agreements.render.test_footnotes_and_notes import noted_text

    agreement = parse_agreement(noted_text().replace("  date: 2027-01-15\n", "  date: 2027-01-15\n  drafted_by: rok\n"),
                                "rok.yaml")
    comments = xml(render_docx(agreement, "en", internal=True), "word/comments.xml")
    assert {comment.get(f"{W}author") for comment in comments.iter(f"{W}comment")
            if paragraph_text(comment) in NOTES} == {"Republic of Korea"}


@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_annex_paragraphs_are_numbered_by_lists_of_their_own_from_one(lang):
    document = xml(render_docx(NOTED, lang), "word/document.xml")
    paragraphs = list(document.iter(f"{W}p"))
    heading = next(index for index, paragraph in enumerate(paragraphs)
                   if paragraph.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Heading1"
                   and paragraph_text(paragraph).startswith({"en": "Annex II", "ko": "부속서 2", "zh": "附件二"}[lang]))
    assert paragraphs[heading].find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val") == "0"  # its number is its text
    article = paragraphs[heading + 1]
    body_list = {node.get(f"{W}val") for node in document.iterfind(f".//{W}numPr/{W}numId")}
    own = article.find(f"{W}pPr/{W}numPr")
    assert (own.find(f"{W}ilvl").get(f"{W}val"), own.find(f"{W}numId").get(f"{W}val") in body_list) == ("0", True)
    previous = paragraphs[heading - 1].find(f"{W}pPr/{W}numPr/{W}numId")
    assert previous is not None and previous.get(f"{W}val") != own.find(f"{W}numId").get(f"{W}val")
    assert paragraphs[heading - 1].find(f".//{W}br[@{W}type='page']") is not None  # each annex begins a page


def test_libreoffice_shows_the_footnote_at_the_foot_of_the_annex_page(tmp_path):
    require_libreoffice()
    sources = []
    for lang in ("en", "ko", "zh"):
        path = tmp_path / f"round-2-{lang}.docx"
        path.write_bytes(render_docx(ROUND_2, lang))
        sources.append(path)
    convert(tmp_path, sources)
    for lang in ("en", "ko", "zh"):
        pages = subprocess.run(["pdftotext", "-layout", str(tmp_path / f"round-2-{lang}.pdf"), "-"],
                               capture_output=True, text=True, check=True).stdout.split("\f")
        annex = [page for page in pages if ANNEX_HEADING[lang] in page][-1]  # the contents list it too
        lines = [line.strip() for line in annex.splitlines() if line.strip()]
        footnote = next(index for index, line in enumerate(lines) if IMAS[lang] in line)
        assert footnote == len(lines) - 2  # then only the page number
        assert any(line.endswith(("。1", ". 1", ".1")) for line in lines[:footnote])  # its mark, in the text


def test_the_internal_edition_s_header_says_it_is_internal_and_the_clean_one_s_does_not():
    internal = xml(render_docx(NOTED, "en", internal=True), "word/header1.xml")
    clean = xml(render_docx(NOTED, "en"), "word/header1.xml")
    said = ["".join(node.itertext()) for node in (internal, clean)]
    assert said[0].endswith("DRAFT — for negotiation · INTERNAL — with the drafters’ notes; not for other delegations")
    assert said[1].endswith("DRAFT — for negotiation")


def test_a_partys_note_in_a_comment_is_a_run_in_the_notes_own_language():
    comments = xml(render_docx(ROUND_2, "zh"), "word/comments.xml")
    runs = {"".join(run.itertext()): run.find(f"{W}rPr/{W}lang") for run in comments.iter(f"{W}r")}
    note = runs["Required for domestic approval."]
    assert (note.get(f"{W}val"), note.get(f"{W}eastAsia")) == ("en-GB", None)
    assert {lang.get(f"{W}eastAsia") for text, lang in runs.items() if text.endswith("（")} == {"zh-CN"}
    texts = [paragraph_text(paragraph) for paragraph in comments.iter(f"{W}p")]
    assert any("大韩民国：支持（Required for domestic approval.）；" in text for text in texts)
