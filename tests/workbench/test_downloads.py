"""The downloads: Word text per language and side by side, its PDF, the redline of two versions, the package zip."""

from __future__ import annotations

import io
import re
import shutil
import zipfile

import docx
import pytest

from agreements.drafts import decode, parse_agreement
from agreements.package.manifest import MANIFEST, verify
from agreements.render.docx.render import render_docx
from clauses.languages import LANGUAGES
from tests.workbench.conftest import example

WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HAS_SOFFICE = any(shutil.which(program) for program in ("soffice", "libreoffice"))


def round_2():
    """Return round 2, the served draft."""
    return parse_agreement(decode(example("round-2"), "round-2"), "round-2")


def paragraphs(data: bytes) -> list[str]:
    """Return the text of every paragraph of a Word document, tables' cells included, in order."""
    document = docx.Document(io.BytesIO(data))
    texts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return texts


def test_the_word_text_in_a_language_is_what_render_gives(served_once):
    _, client = served_once
    lang = LANGUAGES[1]
    reply = client.get(f"/download/draft.yaml?what=docx&lang={lang}")
    assert reply.status_code == 200
    assert reply.headers["content-type"] == WORD
    assert reply.headers["content-disposition"] == f'attachment; filename="draft.{lang}.docx"'
    expected = render_docx(round_2(), lang)
    assert paragraphs(reply.content) == paragraphs(expected)
    assert len(paragraphs(expected)) > 50
    assert reply.content == expected


def test_the_word_text_side_by_side(served_once):
    _, client = served_once
    reply = client.get("/download/draft.yaml?what=docx&lang=parallel")
    assert reply.status_code == 200
    assert reply.headers["content-disposition"] == 'attachment; filename="draft.parallel.docx"'
    assert paragraphs(reply.content) == paragraphs(render_docx(round_2(), "parallel"))


def test_a_name_in_another_script_is_saved_as_it_is_with_an_ascii_fallback(served):
    bench, client = served
    (bench.root / "초안.yaml").write_bytes(example("round-2"))
    reply = client.get(f"/download/%EC%B4%88%EC%95%88.yaml?what=docx&lang={LANGUAGES[0]}")
    assert reply.status_code == 200
    assert reply.headers["content-disposition"] == (
        f"attachment; filename=\"draft.{LANGUAGES[0]}.docx\"; "
        f"filename*=UTF-8''%EC%B4%88%EC%95%88.{LANGUAGES[0]}.docx")


def test_the_redline_of_two_revisions_tracks_insertions_and_deletions(served_once):
    _, client = served_once
    reply = client.get("/download/draft.yaml?what=redline&old=HEAD~1&new=draft.yaml")
    assert reply.status_code == 200
    assert reply.headers["content-type"] == WORD
    assert reply.headers["content-disposition"] == f'attachment; filename="draft.redline.{LANGUAGES[0]}.docx"'
    body = zipfile.ZipFile(io.BytesIO(reply.content)).read("word/document.xml").decode("utf-8")
    assert re.search(r"<w:ins w:id=", body) and re.search(r"<w:del w:id=", body)


def test_the_redline_of_a_version_against_itself_tracks_nothing(served_once):
    _, client = served_once
    reply = client.get("/download/draft.yaml?what=redline&old=HEAD&new=draft.yaml")
    assert reply.status_code == 200
    body = zipfile.ZipFile(io.BytesIO(reply.content)).read("word/document.xml").decode("utf-8")
    assert "<w:ins " not in body and "<w:del " not in body


def test_a_redline_revision_that_reads_as_an_option_is_refused(served_once):
    _, client = served_once
    reply = client.get("/download/draft.yaml", params={"what": "redline", "old": "--output=/tmp/x"})
    assert reply.status_code == 400
    assert ("&#39;--output=/tmp/x&#39;: not a revision of the draft nor a file of the folder (draft.yaml) "
            "[PD-E125]") in reply.text


def test_an_unknown_download_is_refused(served_once):
    _, client = served_once
    reply = client.get("/download/draft.yaml?what=exe")
    assert reply.status_code == 400
    assert "&#39;exe&#39;: no such download (docx, pdf, redline or package) [PD-E125]" in reply.text


def test_the_package_is_a_zip_its_manifest_verifies(served_once, tmp_path):
    _, client = served_once
    reply = client.get("/download/draft.yaml?what=package&against=HEAD~1")
    assert reply.status_code == 200
    assert reply.headers["content-type"] == "application/zip"
    assert reply.headers["content-disposition"] == 'attachment; filename="draft-package.zip"'
    names = zipfile.ZipFile(io.BytesIO(reply.content)).namelist()
    assert f"draft-package/{MANIFEST}" in names
    assert any(name.startswith("draft-package/redline/") for name in names)
    saved = tmp_path / "draft-package.zip"
    saved.write_bytes(reply.content)
    manifest, discrepancies = verify(str(saved))
    assert discrepancies == []
    assert len(manifest["files"]) == len(names) - 1


def test_a_draft_with_consistency_errors_is_packaged_only_when_allowed(served):
    bench, client = served
    text = example("round-2").decode("utf-8").replace("parties: [rok, dprk, usa, prc]",
                                                      "parties: [rok, dprk, usa, prc, japan]")
    (bench.root / "bad.yaml").write_text(text, encoding="utf-8")
    refused = client.get("/download/bad.yaml?what=package&against=none")
    assert refused.status_code == 422
    assert refused.text.count('<p class="error" role="alert">') == 1
    assert ("bad.yaml: package refused: 1 consistency error (fix them, or add --allow-findings to list them in "
            "the memo) [PD-E070]</p>") in refused.text
    allowed = client.get("/download/bad.yaml?what=package&against=none&allow_findings=yes")
    assert allowed.status_code == 200
    assert "bad-package/manifest.json" in zipfile.ZipFile(io.BytesIO(allowed.content)).namelist()


def test_the_page_offers_each_language_the_redline_and_the_package(served_once):
    _, client = served_once
    page = client.get("/downloads/draft.yaml")
    assert page.status_code == 200
    for lang in (*LANGUAGES, "parallel"):
        assert f'<a id="download-docx-{lang}" href="/download/draft.yaml?what=docx&amp;lang={lang}"' in page.text
        assert (f'id="download-pdf-{lang}"' in page.text) == HAS_SOFFICE
    for key in ("redline-old", "redline-new", "redline-lang", "download-redline", "package-against",
                "package-allow-findings", "download-package"):
        assert f'id="{key}"' in page.text


@pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice (soffice) is not installed: no PDF is offered")
def test_the_pdf_of_a_language(served_once):
    _, client = served_once
    reply = client.get(f"/download/draft.yaml?what=pdf&lang={LANGUAGES[2]}")
    assert reply.status_code == 200
    assert reply.headers["content-type"] == "application/pdf"
    assert reply.headers["content-disposition"] == f'attachment; filename="draft.{LANGUAGES[2]}.pdf"'
    assert reply.content.startswith(b"%PDF-")


def test_the_package_and_redline_compare_with_the_previous_round_by_default(served):
    bench, client = served
    path = bench.root / "draft.yaml"
    path.write_bytes(path.read_bytes().replace(b"version: R2", b"version: R2b", 1))  # today's edit, unsaved
    page = client.get("/downloads/draft.yaml").text
    chosen = re.search(r'<select id="package-against" name="against"[^>]*>(.*?)</select>', page, re.S).group(1)
    assert re.findall(r'<option value="([^"]*)"[^>]* selected>([^<]*)<', chosen) == [
        ("round-1.yaml", "Round 1 (round-1.yaml)")]
    assert "Chosen: Round 1 (round-1.yaml), the previous round of Round 2 with unsaved changes (this file now)." in page
    redline = re.search(r'<select id="redline-old" name="old">(.*?)</select>', page, re.S).group(1)
    assert re.findall(r'<option value="([^"]*)"[^>]* selected>', redline) == ["round-1.yaml"]
    by_default = client.get("/download/draft.yaml?what=redline")
    assert by_default.status_code == 200
    assert by_default.content == client.get("/download/draft.yaml?what=redline&old=round-1.yaml").content
    package = client.get("/download/draft.yaml?what=package")
    assert package.status_code == 200
    assert package.content == client.get("/download/draft.yaml?what=package&against=round-1.yaml").content
    assert package.content != client.get("/download/draft.yaml?what=package&against=HEAD").content


def test_a_first_round_has_no_previous_round_to_package_against(served_once):
    _, client = served_once
    page = client.get("/downloads/round-1.yaml").text
    chosen = re.search(r'<select id="package-against" name="against"[^>]*>(.*?)</select>', page, re.S).group(1)
    assert re.findall(r'<option value="([^"]*)"[^>]* selected>', chosen) == ["none"]
