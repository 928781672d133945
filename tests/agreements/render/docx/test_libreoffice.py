"""The real client: LibreOffice opens every rendered variant and prints it to PDF with its Korean and Chinese glyphs,
in serif faces throughout, and the contents with the pages their headings are on.

CI installs LibreOffice and sets PEACEDRAFT_REQUIRE_LIBREOFFICE=1, so there this test cannot be skipped.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import uuid

import pytest

from agreements.render.docx.house_style import libreoffice_environment
from agreements.render.docx.render import render_docx
from agreements.drafts import load_agreement
from agreements.examples import example_path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
REQUIRED = bool(os.environ.get("PEACEDRAFT_REQUIRE_LIBREOFFICE"))
PAGES = {"en": (8, 40), "ko": (6, 40), "zh": (5, 40), "parallel": (15, 120)}
SCRIPT = {"ko": "제1조", "zh": "第一条"}
ENTRY = re.compile(r"^\s*(Article [0-9]+ — .*?)\.{3,}\s*([0-9]+)$")  # a contents line: the heading, dots, its page


def pdf_pages(path) -> int:
    """Return the page count of a PDF."""
    output = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in output.splitlines() if line.startswith("Pages:")))


def require_libreoffice() -> None:
    """Fail where LibreOffice is required (CI), else skip, when it is not installed."""
    if SOFFICE is None:
        if REQUIRED:
            pytest.fail("LibreOffice (soffice) is required here but not installed")
        pytest.skip("LibreOffice is not installed (CI installs it)")


def convert(folder, sources: list, target: str = "pdf", timeout: int = 600) -> None:
    """Convert files into folder with one headless LibreOffice run and a fresh, afterwards removed, profile."""
    profile = folder / f"profile-{uuid.uuid4().hex}"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                    "--outdir", str(folder), *map(str, sources)], capture_output=True, timeout=timeout, check=True,
                   env=libreoffice_environment())
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """Render both shipped rounds in every variant and convert them all with one LibreOffice run."""
    require_libreoffice()
    folder = tmp_path_factory.mktemp("word")
    sources = []
    for name in ("round-1", "round-2"):
        agreement = load_agreement(str(example_path(name)))
        for lang in PAGES:
            path = folder / f"{name}-{lang}.docx"
            path.write_bytes(render_docx(agreement, lang))
            sources.append(path)
    convert(folder, sources)
    return folder


@pytest.mark.parametrize("name", ["round-1", "round-2"])
@pytest.mark.parametrize("lang", list(PAGES))
def test_libreoffice_prints_every_variant(pdfs, name, lang):
    pdf = pdfs / f"{name}-{lang}.pdf"
    assert pdf.exists(), f"LibreOffice did not convert {name}-{lang}.docx"
    low, high = PAGES[lang]
    assert low <= pdf_pages(pdf) <= high
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    if lang in SCRIPT:
        assert SCRIPT[lang] in text.replace(" ", "")
    fonts = [line.split()[0].split("+")[-1] for line in subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]]
    assert all(face.startswith(("LiberationSerif", "NotoSerifCJK")) for face in fonts), fonts
    assert any(face.startswith("NotoSerifCJK") for face in fonts) == (lang != "en")


def page_texts(pdf) -> list[str]:
    """Return the text of each page of a PDF, laid out."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


@pytest.mark.parametrize("name", ["round-1", "round-2"])
def test_the_contents_give_the_pages_the_articles_begin_on(pdfs, name):
    pages = page_texts(pdfs / f"{name}-en.pdf")
    entries = [ENTRY.match(line).groups() for line in pages[1].splitlines() if ENTRY.match(line)]
    assert len(entries) > 10
    for heading, page in entries:
        starts = [number for number, text in enumerate(pages[2:], 3)
                  if heading in [line.strip() for line in text.splitlines()]]
        assert starts[:1] == [int(page)], heading
