"""Generated Word documents in each numbering scheme of real agreements, in English, Korean and Chinese.

Each document is written with python-docx in plain paragraphs (no peacedraft styles), or with its title, parts
and articles in Word's Title and Heading styles; it has random parts, articles (their headings written or not,
inline, in brackets or on the next line), paragraphs and points. Import must give the articles with their
numbers, headings exactly where they were written, and every paragraph's words in order.
"""

from __future__ import annotations

import datetime
import functools
import io
from dataclasses import dataclass, field
from typing import Callable

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agreements.model import Agreement
from agreements.wordimport.reader import build_tree
from agreements.wordimport.source import paragraphs
from clauses.numerals import chinese_numeral, roman
from tests.agreements.wordimport.test_reader import outline

DAY = datetime.date(2027, 1, 1)
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
HANGUL_POINTS = "가나다라마"


@dataclass(frozen=True)
class Words:
    """A language's words for generated documents: titles, headings, sentences, recitals, labels."""

    title: str
    headings: tuple[str, ...]
    subjects: tuple[str, ...]
    predicates: tuple[str, ...]
    recital: str
    part: Callable[[int, str], str]
    paragraph: Callable[[int], str]  # a numbered paragraph's label
    point: Callable[[int], str]


EN = Words("AGREEMENT ON PEACE", ("Definitions", "Scope", "Purpose and scope", "Entry into Force",
                                  "CONFIDENTIALITY", "Settlement of Disputes", "Joint Commission"),
           ("The Parties", "Each side", "The Commission", "Neither party"),
           ("shall respect the zone", "shall clear all mines", "may review the line", "shall notify the other side"),
           "Recalling the armistice,", lambda n, heading: f"Part {n} — {heading}", lambda n: f"{n}. ",
           lambda n: f"({chr(96 + n)}) ")
KO = Words("평화협정", ("정의", "목적", "적용 범위", "비무장지대", "공동위원회"), ("당사자는", "양측은", "위원회는"),
           ("비무장지대를 유지한다", "군사분계선을 존중한다", "지뢰를 제거한다"), "평화를 희망하며,",
           lambda n, heading: f"제{n}장 {heading}", lambda n: CIRCLED[n - 1], lambda n: f"{HANGUL_POINTS[n - 1]}. ")
ZH = Words("和平协定", ("目的", "定义", "适用范围", "非军事区", "联合委员会"), ("双方", "各方", "委员会"),
           ("应当遵守本协定", "应当维护非军事区", "应当清除地雷"), "希望和平，",
           lambda n, heading: f"第{chinese_numeral(n)}章　{heading}", lambda n: f"{chinese_numeral(n)}、",
           lambda n: f"（{chinese_numeral(n)}）")


@dataclass(frozen=True)
class Scheme:
    """How a scheme numbers articles, where it writes their headings, and how its paragraphs are numbered."""

    name: str
    lang: str
    words: Words
    marker: Callable[[int], str]  # the article's number as typed
    forms: tuple[str, ...]  # where a heading is written: 'inline' (after a separator), 'bracket', 'apart'
    separators: tuple[str, ...] = (" — ", ". ", ": ", " ")
    decimal: bool = False  # paragraphs 'N.M', points 'N.M.K' ('1. Definitions' sections)
    parts: bool = True
    branch: bool = False  # '제N조의2' articles follow some articles


SCHEMES = [
    Scheme("Article N", "en", EN, lambda n: f"Article {n}", ("inline", "apart")),
    Scheme("ARTICLE N", "en", EN, lambda n: f"ARTICLE {n}", ("inline", "apart")),
    Scheme("ARTICLE roman", "en", EN, lambda n: f"ARTICLE {roman(n)}", ("inline", "apart"), (" — ", ". ", ": ")),
    Scheme("Art. N", "en", EN, lambda n: f"Art. {n}", ("inline",)),
    Scheme("Clause N", "en", EN, lambda n: f"Clause {n}", ("inline", "apart")),
    Scheme("Section N", "en", EN, lambda n: f"Section {n}", ("inline", "apart")),
    Scheme("SECTION N", "en", EN, lambda n: f"SECTION {n}.", ("inline", "apart"), (" ",)),
    Scheme("§ N", "en", EN, lambda n: f"§ {n}", ("inline", "apart")),
    Scheme("N. sections", "en", EN, lambda n: f"{n}.", ("inline",), (" ",), decimal=True, parts=False),
    Scheme("제N조", "ko", KO, lambda n: f"제{n}조", ("inline", "apart"), (" ",), branch=True),
    Scheme("제N조(제목)", "ko", KO, lambda n: f"제{n}조", ("bracket",), branch=True),
    Scheme("第N条 in numerals", "zh", ZH, lambda n: f"第{chinese_numeral(n)}条", ("inline",), ("　", " ")),
    Scheme("第N条 in digits", "zh", ZH, lambda n: f"第{n}条", ("inline", "apart"), ("　",)),
    Scheme("第N条（…）", "zh", ZH, lambda n: f"第{chinese_numeral(n)}条", ("bracket",)),
]


@dataclass
class Document:
    """A generated document: the lines written, with their styles, and the tree they must import as."""

    lines: list[tuple[str, str]] = field(default_factory=list)
    expected: list[tuple] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)  # each article's number, in order


@st.composite
def sentences(draw, words: Words) -> str:
    """Return a sentence of the language (it ends as a sentence ends, so it never reads as a heading)."""
    subject, predicate = draw(st.sampled_from(words.subjects)), draw(st.sampled_from(words.predicates))
    if words is EN:
        return f"{subject} {predicate}{draw(st.sampled_from(['.', ';']))}"
    return f"{subject} {predicate}." if words is KO else f"{subject}{predicate}。"


@st.composite
def documents(draw, scheme: Scheme, styled: bool) -> tuple[Document, str | None]:
    """Return a document in a scheme and its title (None when it has none)."""
    words, document = scheme.words, Document()
    title = words.title if draw(st.booleans()) else None
    if title:
        document.lines.append(("Title" if styled else "Normal", title))
    for _ in range(draw(st.integers(0, 2))):
        document.lines.append(("Normal", words.recital))
        document.expected.append(("recital", words.recital))
    part_count = draw(st.integers(0, 2)) if scheme.parts else 0
    number = 0
    for part in range(1, max(part_count, 1) + 1):
        if part_count:
            heading = draw(st.sampled_from(words.headings))
            document.lines.append(("Heading 1" if styled else "Normal", words.part(part, heading)))
            document.expected.append(("part", heading))
        for _ in range(draw(st.integers(1, 3))):
            number += 1
            draw(articles(scheme, styled, document, number, ""))
            if scheme.branch and draw(st.booleans()):
                draw(articles(scheme, styled, document, number, "의2"))
    return document, title


@st.composite
def articles(draw, scheme: Scheme, styled: bool, document: Document, number: int, branch: str) -> None:
    """Write one article: its number, its heading where one is drawn, its paragraphs and points."""
    words, style = scheme.words, "Heading 2" if styled else "Normal"
    if scheme.decimal and styled:
        style = "Heading 1"
    marker = scheme.marker(number) + branch
    form = draw(st.sampled_from(scheme.forms))
    heading = draw(st.sampled_from(words.headings)) if draw(st.booleans()) else None
    numbered = draw(st.booleans())
    texts = [(draw(sentences(words)), [draw(sentences(words)) for _ in range(draw(st.integers(0, 3)))])
             for _ in range(draw(st.integers(1, 3)))]
    runs_on = heading is None or form == "bracket"  # a heading set off by brackets only has text after it
    first_on_line = runs_on and (scheme.decimal or draw(st.booleans()))
    document.expected.append(("article", heading))
    document.numbers.append(number)
    lines = []
    if heading and form == "apart":
        lines += [(style, marker), ("Normal", heading)]
    elif heading:
        lines.append((style, f"{marker}({heading})" if form == "bracket" else
                      f"{marker}{draw(st.sampled_from(scheme.separators))}{heading}"))
    for place, (text, points) in enumerate(texts, 1):
        label = _label(scheme, numbered, number, place, heading is not None)
        written = f"{label}{text}"
        if place == 1 and first_on_line:
            separator = "" if form == "bracket" and heading else draw(st.sampled_from(scheme.separators[-1:]))
            lines.append((style, f"{lines.pop()[1] if heading else marker}{separator}{written}"))
        else:
            if place == 1 and not heading:
                lines.append((style, marker))
            lines.append(("Normal", written))
        document.expected.append((0, text))
        for index, point in enumerate(points, 1):
            label = f"{number}.{place}.{index} " if scheme.decimal else words.point(index)
            lines.append(("Normal", f"{label}{point}"))
            document.expected.append((1, point))
    document.lines += lines


def _label(scheme: Scheme, numbered: bool, number: int, place: int, headed: bool) -> str:
    """Return a paragraph's typed number ('' when unnumbered: a section's text after its number is unnumbered)."""
    if scheme.decimal:
        return f"{number}.{place} " if headed or place > 1 else ""
    return scheme.words.paragraph(place) if numbered else ""


@functools.cache
def blank() -> bytes:
    """Return python-docx's blank document as bytes (opening them is quicker than building it anew)."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


def imported(document: Document, lang: str) -> tuple[Agreement, object]:
    """Return what importing the generated document, written as a .docx with python-docx, gives."""
    word = docx.Document(io.BytesIO(blank()))
    for style, text in document.lines:
        word.add_paragraph(text, style=style)
    found = build_tree(paragraphs(word), lang, "x.docx", DAY)
    return Agreement.model_validate(found.data), found


@pytest.mark.parametrize("styled", [False, True], ids=["plain", "heading-styles"])
@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda scheme: scheme.name)
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_scheme_imports_its_articles_headings_and_words_in_order(scheme, styled, data):
    document, title = data.draw(documents(scheme, styled))
    agreement, found = imported(document, scheme.lang)
    assert outline(agreement, scheme.lang) == document.expected, document.lines
    articles = [article for top in agreement.body for article in (top.children if top.kind == "part" else [top])]
    assert [found.numbers[article.id] for article in articles] == document.numbers
    placeholder = {"en": "Imported agreement", "ko": "가져온 협정", "zh": "导入的协定"}[scheme.lang]
    assert agreement.meta.title == {scheme.lang: title or placeholder}
