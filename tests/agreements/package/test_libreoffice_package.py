"""The real client: LibreOffice prints every Word document of the shipped example's package.

CI installs LibreOffice and sets PEACEDRAFT_REQUIRE_LIBREOFFICE=1, so there this test cannot be skipped.
"""

from __future__ import annotations

import subprocess

import pytest

from agreements.package.build import build_package, shipped_example
from tests.agreements.render.docx.test_libreoffice import convert, pdf_pages, require_libreoffice

PAGES = {"cover-memo": (2, 8), "positions-matrix": (2, 10), "precedent-annex": (3, 40), "redline.ko": (6, 40),
         "agreement.parallel": (15, 120)}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """Build the package and convert its Word documents with one LibreOffice run."""
    require_libreoffice()
    folder = tmp_path_factory.mktemp("package-pdf")
    built = build_package(*shipped_example())
    sources = []
    for name, data in built.files.items():
        if name.endswith(".docx"):
            path = folder / name.rsplit("/", 1)[-1]
            path.write_bytes(data)
            sources.append(path)
    convert(folder, sources)
    return folder


@pytest.mark.parametrize("name", list(PAGES))
def test_libreoffice_prints_the_package_documents(pdfs, name):
    pdf = pdfs / f"{name}.pdf"
    assert pdf.exists(), f"LibreOffice did not convert {name}.docx"
    low, high = PAGES[name]
    assert low <= pdf_pages(pdf) <= high


def test_the_memo_shows_its_chart_and_the_matrix_its_parties(pdfs):
    memo = subprocess.run(["pdftotext", str(pdfs / "cover-memo.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Implementation timeline" in memo and "What changed since R1" in memo
    images = subprocess.run(["pdfimages", "-list", str(pdfs / "cover-memo.pdf")], capture_output=True, text=True,
                            check=True).stdout
    assert len(images.strip().splitlines()) >= 3  # two header lines, then one line per image
    matrix = subprocess.run(["pdftotext", "-layout", str(pdfs / "positions-matrix.pdf"), "-"], capture_output=True,
                            text=True, check=True).stdout
    assert "United States" in matrix and "China" in matrix and "Provision" in matrix
