"""open_word reads every valid way of writing a Word package, and refuses what is not one by its real name."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from agreements.wordimport.chunks import embedded_document
from agreements.wordimport.handover import opening_notes
from agreements.wordimport.safety import open_word
from agreements.wordimport.strict import transitional_part
from clauses.errors import InputError
from tests.agreements.wordimport.odd_packages import (CORE, MAIN, RT, alt_chunk, default_declared, edited,
                                                      members_of, renamed_main, strict, with_relationship, write,
                                                      zipped)

REAL = Path(__file__).resolve().parents[4] / "shared" / "reference" / "real-docx"
SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
MACRO = "application/vnd.ms-word.document.macroEnabled.main+xml"
DTD = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>'


def texts(path: Path) -> list[str]:
    """Return the paragraphs' texts of a Word file opened through the checks."""
    return [paragraph.text for paragraph in open_word(str(path)).paragraphs]


def refusal(path: Path) -> tuple[str, str]:
    """Return the message (after the path) and code with which a file is refused."""
    with pytest.raises(InputError) as caught:
        open_word(str(path))
    return str(caught.value).removeprefix(f"{path}: "), caught.value.code


@pytest.mark.parametrize("build", [default_declared, renamed_main, strict], ids=["default", "renamed", "strict"])
def test_a_valid_package_written_another_way_opens(tmp_path, build):
    path = write(tmp_path / "odd.docx", build("제1조 전쟁 상태의 종식", "Article 2"))
    assert texts(path) == ["제1조 전쟁 상태의 종식", "Article 2"]


def test_a_main_part_named_in_other_case_opens(tmp_path):
    members = edited(members_of("text"), "_rels/.rels", 'Target="word/document.xml"', 'Target="/Word/Document.XML"')
    assert texts(write(tmp_path / "case.docx", members)) == ["text"]


def test_a_strict_document_keeps_its_styles(tmp_path):
    members = strict("heading")
    members = edited(members, "word/document.xml", "<w:p>", '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>')
    document = open_word(str(write(tmp_path / "strict.docx", members)))
    assert [paragraph.style.name for paragraph in document.paragraphs] == ["Heading 1"]


@pytest.mark.parametrize(("where", "content_type", "message"), [
    ("default", SPREADSHEET, "not a Word document (a spreadsheet)"),
    ("override", SPREADSHEET, "not a Word document (a spreadsheet)"),
    ("default", MACRO, "a macro-enabled Word document (.docm): save it as .docx"),
    ("override", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
     "not a Word document (a presentation)"),
])
def test_another_office_kind_is_refused_however_it_is_declared(tmp_path, where, content_type, message):
    members = edited(members_of("x"), "[Content_Types].xml", MAIN, content_type) if where == "override" else \
        edited(default_declared("x"), "[Content_Types].xml", f'Extension="xml" ContentType="{MAIN}"',
               f'Extension="xml" ContentType="{content_type}"')
    assert refusal(write(tmp_path / "other.docx", members)) == (message, "PD-E080")


@pytest.mark.parametrize(("data", "message"), [
    (b'<?xml version="1.0"?><?mso-application progid="Word.Document"?><pkg:package xmlns:pkg="http://schemas.'
     b'microsoft.com/office/2006/xmlPackage"><pkg:part/></pkg:package>', "a Flat OPC XML file: save it as .docx"),
    (b'\xef\xbb\xbf<?xml version="1.0"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/'
     b'wordml"/>', "a Word 2003 XML document: save it as .docx"),
    (b"<!DOCTYPE html><html><body>Article 1</body></html>", "an HTML file: save it as .docx"),
    (b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n",
     "a web archive (.mht): save it as .docx"),
    (b'<?xml version="1.0"?><notes/>', "an XML file"),
])
def test_a_file_of_another_format_is_named(tmp_path, data, message):
    path = tmp_path / "other.docx"
    path.write_bytes(data)
    assert refusal(path) == (f"not a Word document ({message})", "PD-E080")


@pytest.mark.parametrize(("mimetype", "message"), [
    (b"application/vnd.oasis.opendocument.text", "an OpenDocument text (.odt): save it as .docx"),
    (b"application/vnd.oasis.opendocument.spreadsheet", "an OpenDocument spreadsheet (.ods)"),
    (b"application/epub+zip", "an EPUB book"),
])
def test_an_opendocument_zip_is_named(tmp_path, mimetype, message):
    path = write(tmp_path / "text.docx", {"mimetype": mimetype, "content.xml": b"<office:document-content/>"})
    assert refusal(path) == (f"not a Word document ({message})", "PD-E080")


def test_two_core_properties_relationships_are_refused(tmp_path):
    members = with_relationship(members_of("x"), "_rels/.rels", "rId9", CORE, "docProps/core.xml")
    assert refusal(write(tmp_path / "two.docx", members)) == (
        "a damaged Word document (_rels/.rels has 2 core-properties relationships; at most one is allowed)", "PD-E080")


def test_relationships_to_missing_parts_are_left_out(tmp_path):
    members = members_of("linked")
    for rel_id, kind, target in [("rIdA", RT + "hyperlink", "#_Toc1"), ("rIdB", RT + "image", "media/gone.png"),
                                 ("rIdC", RT + "footer", "NULL"), ("rIdD", RT + "header", "../../../etc/passwd")]:
        members = with_relationship(members, "word/_rels/document.xml.rels", rel_id, kind, target)
    members = edited(members, "word/document.xml", "<w:r>", '<w:hyperlink w:anchor="nowhere"><w:r>')
    members = edited(members, "word/document.xml", "</w:r>", "</w:r></w:hyperlink>")
    document = open_word(str(write(tmp_path / "dangling.docx", members)))
    assert [paragraph.text for paragraph in document.paragraphs] == ["linked"]
    assert opening_notes(document) == []


def test_a_missing_styles_part_is_noted(tmp_path):
    members = members_of("x")
    del members["word/styles.xml"]
    document = open_word(str(write(tmp_path / "no-styles.docx", members)))
    assert opening_notes(document) == ["the styles part word/styles.xml is missing: styles are known by their ids only"]


def test_a_styles_part_declared_as_plain_xml_is_read_as_styles(tmp_path):
    members = edited(members_of("x"), "[Content_Types].xml",
                     '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
                     'officedocument.wordprocessingml.styles+xml"/>', "")
    document = open_word(str(write(tmp_path / "plain-styles.docx", members)))
    assert document.styles.element.get_by_id("Heading1").name_val == "heading 1"


def test_a_part_without_a_content_type_is_read_as_bytes(tmp_path):
    members = with_relationship(members_of("x"), "word/_rels/document.xml.rels", "rIdE", RT + "image",
                                "media/picture.emf") | {"word/media/picture.emf": b"\x01\x00\x00\x00"}
    assert texts(write(tmp_path / "emf.docx", members)) == ["x"]


def chunked(tmp_path: Path, chunk: bytes, **extra) -> tuple:
    """Return the opened outer document of an altChunk file, and its w:altChunk element."""
    document = open_word(str(write(tmp_path / "chunk.docx", alt_chunk(members_of("outer"), chunk, **extra))))
    return document, next(document.element.body.iter(qn("w:altChunk")))


def test_an_embedded_document_is_read(tmp_path):
    nested, note = embedded_document(*chunked(tmp_path, zipped(members_of("제2조 inside"))))
    assert (note, [paragraph.text for paragraph in nested.paragraphs]) == (None, ["제2조 inside"])


def test_an_embedded_strict_document_is_read(tmp_path):
    nested, note = embedded_document(*chunked(tmp_path, zipped(strict("strict inside"))))
    assert [paragraph.text for paragraph in nested.paragraphs] == ["strict inside"]


@pytest.mark.parametrize(("chunk", "extra", "note"), [
    (b"<html><body><p>Article 1</p></body></html>", {"name": "word/chunk.htm", "content_type": "text/html"},
     "an embedded HTML chunk is not read"),
    (b'<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"/>',
     {"name": "word/chunk.xhtml", "content_type": "application/xhtml+xml"}, "an embedded HTML chunk is not read"),
    (b"{\\rtf1 Article 1}", {"name": "word/chunk.rtf", "content_type": "application/rtf"},
     "an embedded RTF chunk is not read"),
    (b"<html>declared as a Word main part</html>", {}, "an embedded HTML chunk is not read"),
])
def test_an_embedded_chunk_that_is_not_a_docx_is_skipped_with_a_note(tmp_path, chunk, extra, note):
    assert embedded_document(*chunked(tmp_path, chunk, **extra)) == (None, note)


def test_a_chunk_inside_an_embedded_document_is_not_read(tmp_path):
    inner = zipped(alt_chunk(members_of("middle"), zipped(members_of("innermost"))))
    nested, note = embedded_document(*chunked(tmp_path, inner))
    assert [paragraph.text for paragraph in nested.paragraphs] == ["middle"]
    assert embedded_document(nested, next(nested.element.body.iter(qn("w:altChunk")))) == (
        None, "an embedded document inside an embedded document is not read")


def test_an_embedded_spreadsheet_is_skipped(tmp_path):
    sheet = zipped(edited(members_of("x"), "[Content_Types].xml", MAIN, SPREADSHEET))
    assert embedded_document(*chunked(tmp_path, sheet)) == (
        None, "an embedded package is not read: not a Word document (a spreadsheet)")


def test_an_unsafe_embedded_document_refuses_the_file(tmp_path):
    inner = zipped(edited(members_of("x"), "word/styles.xml", "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>",
                          DTD))
    path = write(tmp_path / "chunk.docx", alt_chunk(members_of("outer"), inner))
    assert refusal(path) == ("word/afchunk.dat (an embedded document): word/styles.xml declares a DTD or entities "
                             "(<!DOCTYPE, <!ENTITY): refused", "PD-E084")


def test_an_embedded_document_counts_into_the_files_limits(tmp_path, monkeypatch):
    monkeypatch.setattr("agreements.wordimport.safety.MAX_MEMBERS", 30)
    members = members_of("outer")
    inner = zipped(members_of("inner"))
    path = write(tmp_path / "chunk.docx", alt_chunk(members, inner))
    assert refusal(path) == ("word/afchunk.dat (an embedded document): the zip and the documents embedded in it have "
                             "35 members; the limit is 30", "PD-E083")


def test_the_strict_mapping_keeps_a_relationship_target(tmp_path):
    rels = (b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
            b'Id="r" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/hyperlink" '
            b'Target="http://purl.oclc.org/ooxml/wordprocessingml/main" TargetMode="External"/></Relationships>')
    assert transitional_part("word/_rels/document.xml.rels", rels) == rels.replace(
        b"http://purl.oclc.org/ooxml/officeDocument/relationships/hyperlink",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink")


def test_a_utf16_strict_part_is_mapped():
    text = '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"/>'
    mapped = transitional_part("word/document.xml", b"\xff\xfe" + text.encode("utf-16-le"))
    assert mapped[2:].decode("utf-16-le") == text.replace("http://purl.oclc.org/ooxml/wordprocessingml/main",
                                                          "http://schemas.openxmlformats.org/wordprocessingml/2006/main")


needs_real = pytest.mark.skipif(not REAL.is_dir(), reason=f"the real Word files folder {REAL} is missing")


@needs_real
def test_every_real_file_opens():
    names = sorted(path.name for path in REAL.glob("*.docx"))
    assert len(names) == 34
    assert [name for name in names if not open_word(str(REAL / name)).paragraphs] == []


@needs_real
def test_the_real_altchunk_file_embeds_its_inserted_document():
    document = open_word(str(REAL / "oxpt--CA009-altChunk.docx"))
    nested, note = embedded_document(document, next(document.element.body.iter(qn("w:altChunk"))))
    assert [paragraph.text for paragraph in nested.paragraphs] == [
        "Inserted Content Heading", "This is the first paragraph in inserted content.",
        "Document: TestInsertedContent.docx"]


@needs_real
def test_the_real_strict_file_reads_as_libreoffice_shows_it():
    assert texts(REAL / "oxsdk--O14ISOStrict-paperSrc.docx") == ["First page", "", "Second page"]


@needs_real
def test_the_largest_real_file_opens_in_well_under_a_second():
    largest = max(REAL.glob("*.docx"), key=lambda path: path.stat().st_size)
    start = time.process_time()
    open_word(str(largest))
    assert time.process_time() - start < 1.0
