"""One paragraph read alone: the numbering schemes of real agreements, contents styles, headings and titles."""

from __future__ import annotations

import re

import pytest

from agreements.wordimport.headings import article_line, reads_as_heading, reads_as_title
from agreements.wordimport.patterns import read_paragraph, read_style, read_text, style_kind


@pytest.mark.parametrize("text, kind, number, rest", [
    ("Clause 3", "article", 3, ""),
    ("Clause 8 — Data protection safeguards", "article", 8, "Data protection safeguards"),
    ("SECTION 4. PAYMENT", "article", 4, "PAYMENT"),
    ("Section 2. Term. This Agreement starts today.", "article", 2, "Term. This Agreement starts today."),
    ("§ 5 Geltungsbereich", "article", 5, "Geltungsbereich"),
    ("ARTICLE 3. CONFIDENTIALITY", "article", 3, "CONFIDENTIALITY"),
    ("2.1 Fees are due monthly.", "subclause", 1, "Fees are due monthly."),
    ("2.1.3. Late fees", "subclause", 3, "Late fees"),
    ("제10조의2(특례) 이 법은", "article", 10, "(특례) 이 법은"),
    ("제1조 ①대한민국은 민주공화국이다.", "article", 1, "①대한민국은 민주공화국이다."),
    ("第3条（目的）为了规范合同", "article", 3, "（目的）为了规范合同"),
    ("第十二条　为了", "article", 12, "为了"),
    ("第一节　一般规定", "part", 1, "一般规定"),
    ("제2절 통칙", "part", 2, "통칙"),
    ("Chapter 2 Obligations", "part", 2, "Obligations"),
])
def test_the_numbering_schemes_of_real_agreements_are_read(text, kind, number, rest):
    reading = read_text(text)
    assert (reading.kind, reading.number, reading.text) == (kind, number, rest)


@pytest.mark.parametrize("text", [
    "Article 5 of the Charter applies to the zone.", "Section 2.1 (Fees) applies.", "Clause 7 does not apply;",
    "제1조에 따른 조치는 즉시 시행한다.", "제1조의 규정에 따라", "12.34", "1999 was a year",
])
def test_a_number_that_runs_on_into_a_sentence_opens_nothing(text):
    assert read_text(text).kind == "text"


def test_a_branch_article_and_a_decimal_keep_their_parts():
    branch = read_text("제10조의2 이 조는")
    assert (branch.number, branch.branch) == (10, "2")
    decimal = read_text("2.1.3 Late fees")
    assert (decimal.head, decimal.level, decimal.number) == (2, 1, 3)


@pytest.mark.parametrize("style", [
    "toc 1", "TOC 9", "TOC Heading", "Contents 1", "Contents 10", "Contents Heading", "Index 1", "Index Heading",
    "index 3", "Table of Figures", "Table of Authorities", "TOA Heading", "User Index 4", "Figure Index 1",
    "TOC1", "TOCHeading", "Contents1", "ContentsHeading", "TableofFigures", "Verzeichnis1", "TM2", "TDC1",
    "Sommario1", "Inhopg1", "Inhaltsverzeichnisberschrift", "En-ttedetabledesmatires",
])
def test_every_contents_and_index_style_is_skipped(style):
    assert style_kind(style) == ("skip", None)
    assert read_paragraph(style, "Preamble\t4").kind == "skip"


@pytest.mark.parametrize("style", ["Normal", "Body Text", "Indexed List", "Contentsx", "Heading 1x"])
def test_other_styles_are_read_by_their_text(style):
    assert style_kind(style) is None


def test_heading_styles_give_their_level_and_a_typed_number_its_kind():
    assert style_kind("heading 3") == ("heading", 3) and style_kind("Heading2") == ("heading", 2)
    assert read_paragraph("Heading 2", "Article 4 — Scope").kind == "article"
    numbered = read_paragraph("Heading 1", "1. Definitions")
    assert (numbered.kind, numbered.written, numbered.text, numbered.level) == ("heading", "1", "Definitions", 1)


@pytest.mark.parametrize("text, heading", [
    ("Definitions", True), ("CONFIDENTIALITY", True), ("Definitions.", True), ("Limitation of Liability.", True),
    ("Purpose and scope", True), ("목적", True), ("定义", True), ("Roles and Assurances of the United States", True),
    ("The Parties shall respect the zone.", False), ("대한민국은 민주공화국이다.", False), ("各方应当遵守。", False),
    ("Access and Use.  During the Subscription Period, Customer may use it.", False),
    ("The Parties agree as follows:", False), ("1", False), ("", False), ("Survival of rights and duties.", False),
    (" ".join(["word"] * 21), False),
])
def test_a_heading_is_short_and_not_a_sentence(text, heading):
    assert reads_as_heading(text) is heading


def test_a_heading_style_allows_a_long_heading_but_not_a_sentence():
    long_heading = " ".join(["Word"] * 30)
    assert reads_as_heading(long_heading, styled=True) and not reads_as_heading(long_heading)
    assert not reads_as_heading(long_heading + ".", styled=True)


@pytest.mark.parametrize("text, title", [
    ("Mutual Non-Disclosure Agreement", True), ("AGREEMENT", True), ("대한민국헌법", True), ("和平协定", True),
    ("One", False), ("12.34", False), ("The war is over.", False), ("The Parties,", False),
    ("===PAGE_1_START===", False), ("XXX\tXXX/11111/4", False),
])
def test_a_title_reads_as_one(text, title):
    assert reads_as_title(text) is title


@pytest.mark.parametrize("rest, styled, found", [
    ("— Definitions", False, ("Definitions", "")),
    ("CONFIDENTIALITY", False, ("CONFIDENTIALITY", "")),
    ("(목적) 이 법은 평화를 목적으로 한다.", False, ("목적", "이 법은 평화를 목적으로 한다.")),
    ("（目的）为了规范合同，制定本法。", False, ("目的", "为了规范合同，制定本法。")),
    ("(Definitions)", False, ("Definitions", "")),
    ("대한민국은 민주공화국이다.", False, (None, "대한민국은 민주공화국이다.")),
    ("①대한민국은 민주공화국이다.", False, (None, "①대한민국은 민주공화국이다.")),
    ("(a) the zone shall be cleared.", False, (None, "(a) the zone shall be cleared.")),
    ("The Parties shall respect the zone.", True, (None, "The Parties shall respect the zone.")),
    ("", False, (None, "")),
])
def test_an_article_line_has_a_heading_only_where_the_document_has_one(rest, styled, found):
    assert article_line(rest, styled) == found


@pytest.mark.parametrize("section, message", [
    ({"article": ["Article (?P<number>[0-9]+"]}, "not a regular expression"),
    ({"article": ["Article (?P<number>[0-9]+)"]}, "needs a 'number' and a 'text' group"),
    ({"party": "Party {number}"}, "can only hold {n}, {cn}, {roman}, {roman_lower} or {letter}"),
])
def test_a_language_files_import_section_is_checked_when_read(section, message):
    from pydantic import ValidationError

    from clauses.language_files import ImportPatterns

    with pytest.raises(ValidationError, match=re.escape(message)):
        ImportPatterns.model_validate(section)


@pytest.mark.parametrize("text, number, rest", [
    ("Section 2.1 The Parties shall meet.", "2.1", "The Parties shall meet."),
    ("Clause 3.2.1 Notice is given.", "3.2.1", "Notice is given."),
    ("§ 4.1 Each Party shall act.", "4.1", "Each Party shall act."),
])
def test_a_decimal_subclause_may_carry_the_word_of_its_section(text, number, rest):
    reading = read_text(text)
    assert (reading.kind, reading.written, reading.text) == ("subclause", number, rest)


@pytest.mark.parametrize("text, number", [("7", 7), ("VII", 7), (" 12 ", 12)])
def test_a_heading_that_is_its_number_alone_is_that_number_with_nothing_more(text, number):
    reading = read_style("Heading 2", text)
    assert (reading.number, reading.text) == (number, "")


def test_a_heading_that_is_a_year_is_its_text():
    assert read_style("Heading 1", "2024").text == "2024"
