"""Golden files: the base draft as text, Markdown and Word (document.xml) in every language and side by side,
and its redline against the next version, compared with the files kept in golden/.

A change to how peacedraft writes any of these shows here as a diff to review. After reviewing it, refresh
every golden file with one command (docs/architecture.md, "Golden files"):

    PEACEDRAFT_UPDATE_GOLDEN=1 python -m pytest tests/agreements/render/test_golden.py
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from agreements.diff.compare import compare_agreements
from agreements.diff.redline import redline_docx
from agreements.drafts import load_agreement
from agreements.render.docx.render import render_docx
from agreements.render.text import render_document
from tests.conftest import FIXTURES

GOLDEN = Path(__file__).parent / "golden"
BASE = load_agreement(str(FIXTURES / "base.yaml"))
NEXT = load_agreement(str(FIXTURES / "base-next.yaml"))
UPDATE = bool(os.environ.get("PEACEDRAFT_UPDATE_GOLDEN"))


@pytest.fixture(autouse=True)
def dated_by_the_drafts(monkeypatch):
    """Date the documents by the drafts, whatever SOURCE_DATE_EPOCH the shell has."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def document_xml(data: bytes) -> str:
    """Return a Word file's word/document.xml, normalised: parsed and pretty-printed."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    return etree.tostring(root, pretty_print=True, encoding="unicode")


def check(name: str, text: str) -> None:
    """Compare text with its golden file (or write the file, when refreshing)."""
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {name}: refresh with PEACEDRAFT_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_text_and_markdown(lang):
    check(f"base.{lang}.txt", render_document(BASE, lang))
    check(f"base.{lang}.md", render_document(BASE, lang, markdown=True))


@pytest.mark.parametrize("lang", ["en", "ko", "zh", "parallel"])
def test_word(lang):
    check(f"base.{lang}.document.xml", document_xml(render_docx(BASE, lang)))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_redline(lang):
    comparison = compare_agreements(BASE, NEXT)
    check(f"redline.{lang}.document.xml", document_xml(redline_docx(BASE, NEXT, comparison, lang, "Reviewer")))
