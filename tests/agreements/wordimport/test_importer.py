"""The date of an imported draft: the Word file's core properties, else SOURCE_DATE_EPOCH, else today — said so."""

from __future__ import annotations

import datetime
import io
import re
import zipfile

import pytest

from agreements.drafts import load_agreement
from agreements.render.docx.render import render_docx
from agreements.wordimport.importer import import_word
from cli import main
from tests.conftest import BASE_DRAFT
from tests.agreements.wordimport.bodies import p, r, table, word_bytes

CREATED = re.compile(rb"<dcterms:created [^>]*>[^<]*</dcterms:created>")
MODIFIED = re.compile(rb"<dcterms:modified [^>]*>[^<]*</dcterms:modified>")
CORE_RELATIONSHIP = re.compile(rb"<Relationship [^>]*Target=\"docProps/core.xml\"/>")


def rewritten(word: bytes, edit) -> bytes:
    """Return a Word file with each member's bytes passed through edit(name, data) (None: member left out)."""
    source = zipfile.ZipFile(io.BytesIO(word))
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = edit(info.filename, source.read(info.filename))
            if data is not None:
                archive.writestr(info.filename, data)
    return target.getvalue()


def without_dates(name: str, data: bytes) -> bytes:
    """Return a member with the core properties' creation and modification dates taken out."""
    return MODIFIED.sub(b"", CREATED.sub(b"", data)) if name == "docProps/core.xml" else data


def without_core_part(name: str, data: bytes) -> bytes | None:
    """Return a member of a package that has no core properties at all."""
    if name == "docProps/core.xml":
        return None
    return CORE_RELATIONSHIP.sub(b"", data) if name == "_rels/.rels" else data


def only_modified(name: str, data: bytes) -> bytes:
    """Return a member with the core properties' creation date taken out and the modification on 3 March 2026."""
    if name != "docProps/core.xml":
        return data
    return MODIFIED.sub(b'<dcterms:modified xsi:type="dcterms:W3CDTF">2026-03-03T10:00:00Z</dcterms:modified>',
                        CREATED.sub(b"", data))


@pytest.fixture(scope="module")
def word() -> bytes:
    """Return the base draft rendered to Word (its properties dated like the draft)."""
    return render_docx(load_agreement(str(BASE_DRAFT)), "en")


@pytest.mark.parametrize("edit", [without_dates, without_core_part])
def test_an_undated_document_takes_the_day_of_source_date_epoch(word, tmp_path, monkeypatch, edit):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    path = tmp_path / "undated.docx"
    path.write_bytes(rewritten(word, edit))
    agreement, report = import_word(str(path))
    assert agreement.meta.date == datetime.date(2027, 1, 15)
    assert "the document carries no date: 2027-01-15 written (from SOURCE_DATE_EPOCH)" in report.notes


@pytest.mark.parametrize("edit", [without_dates, without_core_part])
def test_an_undated_document_without_source_date_epoch_takes_today(word, tmp_path, monkeypatch, edit):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    path = tmp_path / "undated.docx"
    path.write_bytes(rewritten(word, edit))
    agreement, report = import_word(str(path))
    today = datetime.date.today()
    assert agreement.meta.date == today
    assert f"the document carries no date: {today} written (today's date)" in report.notes


def test_a_document_with_only_a_modification_date_takes_it(word, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    path = tmp_path / "modified.docx"
    path.write_bytes(rewritten(word, only_modified))
    agreement, report = import_word(str(path))
    assert agreement.meta.date == datetime.date(2026, 3, 3)
    assert not any("carries no date" in note for note in report.notes)


def test_import_says_where_the_date_came_from(word, tmp_path, monkeypatch, runner):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    path = tmp_path / "undated.docx"
    path.write_bytes(rewritten(word, without_dates))
    target = tmp_path / "undated.yaml"
    result = runner.invoke(main, ["import", str(path), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert f"{path}: note: the document carries no date: 2027-01-15 written (from SOURCE_DATE_EPOCH)" in (
        result.stderr.splitlines())
    assert "  date: 2027-01-15\n" in target.read_text(encoding="utf-8")


def import_body(tmp_path, body: str, **parts):
    """Return the agreement and report of importing a Word file with the given body."""
    path = tmp_path / "body.docx"
    path.write_bytes(word_bytes(body, **parts))
    return import_word(str(path), "en")


def test_a_tables_rows_and_definitions_reach_the_draft_and_the_share_says_so(tmp_path):
    body = (p("Agreement on the Zone", "Title") + p("Article 1 — Definitions")
            + table(["Line", "the line of demarcation between the forces"], ["Zone", "the zone on either side of it"])
            + p("Article 2 — Parties") + table(["Party", "Signature", "Date"]))
    agreement, report = import_body(tmp_path, body)
    texts = [child.text["en"] for article in agreement.body for child in article.children]
    assert texts == ["“Line” means the line of demarcation between the forces", "“Zone” means the zone on either side of it",
                     "Party | Signature | Date"]
    assert (report.coverage.share, report.coverage.missing) == (1.0, {})
    assert not any("table" in line for line in report.unplaced)


def test_a_comment_on_a_contents_heading_is_text_not_placed(tmp_path):
    body = ('<w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr><w:commentRangeStart w:id="0"/>' + r("Contents")
            + '<w:r><w:commentReference w:id="0"/></w:r></w:p>' + p("Article 1") + p("The state of war is ended."))
    _, report = import_body(tmp_path, body, comments={"0": ("Alice", "update the contents before the round")})
    coverage = report.coverage
    assert (coverage.read, coverage.placed, coverage.missing) == (13, 6, {"comments": 7})
    assert coverage.missing_line() == "7 words in comments"


def test_an_embedded_chunk_that_is_not_read_is_noted(tmp_path):
    path = tmp_path / "chunk.docx"
    path.write_bytes(with_html_chunk(word_bytes(p("Before") + '<w:altChunk r:id="rIdChunk"/>' + p("After"))))
    _, report = import_word(str(path), "en")
    assert "an embedded HTML chunk is not read" in report.notes
    assert report.texts == ["Before", "After"]


def with_html_chunk(word: bytes) -> bytes:
    """Return a Word file whose main part relates rIdChunk to an HTML chunk (word/chunk.html)."""
    def edit(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            return data.replace(b"</Types>", b'<Default Extension="html" ContentType="text/html"/></Types>')
        if name == "word/_rels/document.xml.rels":
            return data.replace(b"</Relationships>", b'<Relationship Id="rIdChunk" Target="chunk.html" Type="http://'
                                b'schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"/></Relationships>')
        return data

    rewritten_word = rewritten(word, edit)
    source = zipfile.ZipFile(io.BytesIO(rewritten_word))
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, source.read(info.filename))
        archive.writestr("word/chunk.html", "<html><body><p>Embedded</p></body></html>")
    return target.getvalue()
