"""Real agreements written by others read as a lawyer reads them: sections as articles, subclauses as paragraphs."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from agreements.wordimport.importer import import_word

REAL = Path(__file__).resolve().parents[4] / "shared" / "reference" / "real-docx"
pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/reference/real-docx is not beside this checkout")
COMMON_PAPER = {  # file: (title, articles, first article's heading, last article's heading)
    "cloud-service-agreement": ("Cloud Service Agreement", 13, "Service", "Definitions."),
    "csa-with-ai": ("Cloud Service Agreement", 17, "Service", "Definitions"),
    "csa-with-sla": ("Cloud Service Agreement", 18, "Service", "Definitions"),
    "csa-without-sla": ("Cloud Service Agreement", 13, "Service", "Definitions."),
    "data-processing-agreement": ("Data Processing Agreement", 11, "Processor and Subprocessor Relationships",
                                  "Definitions."),
    "professional-services-agreement": ("Professional Services Agreement", 13, "Services", "Definitions"),
}


def articles_of(agreement) -> list:
    """Return the articles of an agreement's body, in order."""
    return [article for top in agreement.body for article in (top.children if top.kind == "part" else [top])]


@pytest.mark.parametrize("name", sorted(COMMON_PAPER))
def test_common_paper_sections_are_articles_and_their_subclauses_paragraphs(name):
    agreement, _ = import_word(str(REAL / f"openagr--common-paper-{name}.docx"))
    title, count, first, last = COMMON_PAPER[name]
    articles = articles_of(agreement)
    assert agreement.meta.title == {"en": title}
    assert (len(articles), articles[0].heading["en"], articles[-1].heading["en"]) == (count, first, last)
    assert all(article.heading and len(article.heading["en"].split()) <= 6 for article in articles)
    definitions = next(article for article in articles if article.heading["en"].startswith("Definitions")).children
    assert sum(" means " in definition.text["en"] for definition in definitions) > 10
    assert not any(recital.text["en"].startswith(("Access and Use", "Provider as Processor"))
                   for recital in agreement.preamble)


def test_numbered_text_before_any_article_is_a_recital_keeping_its_number():
    agreement, report = import_word(str(REAL / "oxpt--WC055-French.docx"))
    assert [recital.text["fr" if "fr" in recital.text else "en"][:8] for recital in agreement.preamble] == ["a)\tque, "]
    assert agreement.body == [] and report.unplaced == []


@pytest.mark.parametrize("name", ["oxpt--WC027-Twenty-Paras-Before.docx", "oxpt--WC001-Digits.docx",
                                  "oxpt--WC055-French.docx", "oxpt--RP038-Inserted-Paras-at-End.docx"])
def test_a_first_line_that_is_no_title_stays_in_the_text(name):
    agreement, _ = import_word(str(REAL / name))
    assert agreement.meta.title == {"en": "Imported agreement"}


def test_three_thousand_five_hundred_headings_import_within_two_seconds():
    start = time.perf_counter()
    agreement, _ = import_word(str(REAL / "oxpt--LIR014-en-US-01.docx"))
    assert time.perf_counter() - start <= 2.0
    assert len(articles_of(agreement)) == 3500
