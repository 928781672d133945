"""render to PDF: the Word document printed by LibreOffice, in each language and side by side, dated like the draft."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from agreements.drafts import load_agreement
from agreements.examples import example_path
from agreements.render.text import render_document
from cli import main
from tests.agreements.render.docx.test_libreoffice import require_libreoffice

ROOT = Path(__file__).resolve().parents[1]
ROUND_2 = str(example_path("round-2"))
ARTICLE_HEADING = re.compile(r"(Article \d+|제\d+조|第.+条)\s")
VARIANTS = {"en": ["--lang", "en"], "ko": ["--lang", "ko"], "zh": ["--lang", "zh"],
            "parallel": ["--lang", "parallel"], "dprk-ko": ["--lang", "ko", "--copy-for", "dprk"]}
NO_LIBREOFFICE = ("peacedraft: soffice not found on the PATH: a PDF is converted by LibreOffice "
                  "(install LibreOffice Writer) [PD-E054]\n")


def pdf_text(path: Path) -> str:
    """Return the text of a PDF as pdftotext reads it, every run of white space removed."""
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return squeeze(text)


def squeeze(text: str) -> str:
    """Return text without white space (pdftotext breaks lines and spaces CJK text its own way)."""
    return re.sub(r"\s+", "", text)


def headings_and_first_article(text: str) -> list[str]:
    """Return the lines of a text rendering that a PDF must hold: every article heading, and Article 1 whole."""
    lines = [line for line in text.splitlines() if line.strip()]
    headings = [line for line in lines if ARTICLE_HEADING.match(line)]
    return headings + lines[lines.index(headings[0]):lines.index(headings[1])]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> Path:
    """Return a folder with round 2 rendered to PDF (-o FILE.pdf, no --format) in every variant."""
    require_libreoffice()
    folder = tmp_path_factory.mktemp("pdf")
    for name, options in VARIANTS.items():
        target = folder / f"{name}.pdf"
        result = CliRunner().invoke(main, ["render", ROUND_2, "-o", str(target), *options])
        assert (result.exit_code, result.stderr) == (0, f"wrote {target}\n"), result.output
    return folder


@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_pdf_holds_every_article_heading_and_the_first_article_in_its_language(pdfs, lang):
    path = pdfs / f"{lang}.pdf"
    assert path.read_bytes().startswith(b"%PDF-1.")
    text = pdf_text(path)
    expected = headings_and_first_article(render_document(load_agreement(ROUND_2), lang, False))
    assert len(expected) == 24 + 8
    assert [line for line in expected if squeeze(line) not in text] == []


@pytest.mark.parametrize("lang", ["ko", "zh"])
def test_korean_and_chinese_pdfs_embed_cjk_fonts(pdfs, lang):
    fonts = subprocess.run(["pdffonts", str(pdfs / f"{lang}.pdf")], capture_output=True, text=True,
                           check=True).stdout
    assert "CJK" in fonts


def test_parallel_pdf_holds_the_three_languages_side_by_side(pdfs):
    text = pdf_text(pdfs / "parallel.pdf")
    agreement = load_agreement(ROUND_2)
    for lang in ("en", "ko", "zh"):
        first_heading = headings_and_first_article(render_document(agreement, lang, False))[0]
        assert squeeze(first_heading) in text


def test_a_partys_copy_in_pdf_names_it_first_in_its_variant(pdfs):
    text = pdf_text(pdfs / "dprk-ko.pdf")
    copy = render_document(load_agreement(ROUND_2), "ko", False, None, "dprk").splitlines()
    title, parties = copy[0], next(line for line in copy if line.startswith("조선민주주의인민공화국, 대한민국"))
    assert title.startswith("조선반도") and squeeze(title) in text and squeeze(parties) in text


def test_pdf_is_dated_like_the_draft_and_the_same_bytes_each_time(pdfs, runner, tmp_path):
    again = tmp_path / "again.pdf"
    assert runner.invoke(main, ["render", ROUND_2, "--format", "pdf", "-o", str(again)]).exit_code == 0
    assert again.read_bytes() == (pdfs / "en.pdf").read_bytes()
    info = subprocess.run(["pdfinfo", "-isodates", str(again)], capture_output=True, text=True, check=True).stdout
    assert "CreationDate:    2027-06-25T00:00:00Z" in info


def test_pdf_takes_its_date_from_source_date_epoch(pdfs, runner, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    target = tmp_path / "dated.pdf"
    assert runner.invoke(main, ["render", ROUND_2, "-o", str(target)]).exit_code == 0
    info = subprocess.run(["pdfinfo", "-isodates", str(target)], capture_output=True, text=True, check=True).stdout
    assert "CreationDate:    2027-01-15T08:00:00Z" in info


def test_pdf_without_libreoffice_is_one_line_and_exit_2(tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    target = tmp_path / "x.pdf"
    done = subprocess.run([sys.executable, "-c", "from cli import main; main()", "render", ROUND_2, "-o", str(target)],
                          capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PATH": str(empty), "PYTHONPATH": str(ROOT)})
    assert (done.returncode, done.stdout, done.stderr) == (2, "", NO_LIBREOFFICE)
    assert list(tmp_path.iterdir()) == [empty]


def test_pdf_needs_an_output_file(runner):
    result = runner.invoke(main, ["render", ROUND_2, "--format", "pdf"])
    assert result.exit_code == 2 and result.stderr.splitlines()[-1] == "Error: a PDF needs -o FILE.pdf [PD-E001]"
