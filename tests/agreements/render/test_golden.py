"""Golden files: the base draft as text, Markdown, Word (document.xml) and HTML in every language and side by side,
the round-2 example's internal edition as HTML, and the base draft's redline against the next version, compared
with the files kept in golden/.

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
from agreements.document.compose import compose
from agreements.drafts import load_agreement
from agreements.examples import example_path
from agreements.render.docx.render import render_docx
from agreements.render.html import document_html
from agreements.render.text import render_document
from tests.conftest import FIXTURES

GOLDEN = Path(__file__).parent / "golden"
BASE = load_agreement(str(FIXTURES / "base.yaml"))
NEXT = load_agreement(str(FIXTURES / "base-next.yaml"))
ROUND_2 = load_agreement(str(example_path("round-2")))
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


def html_body(agreement, languages: list[str], internal: bool = False) -> str:
    """Return a draft's document as the HTML body fragment (the page's styles are not part of it)."""
    document = compose(agreement, languages, internal=internal)
    return str(document_html(document, document.languages)) + "\n"


@pytest.mark.parametrize("lang", ["en", "parallel"])
def test_html(lang):
    check(f"base.{lang}.html", html_body(BASE, list(BASE.meta.languages) if lang == "parallel" else [lang]))


def test_html_of_the_round_2_example():
    check("round-2.en.internal.html", html_body(ROUND_2, ["en"], internal=True))
