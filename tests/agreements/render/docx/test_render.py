"""Word rendering: structure, Word's own numbering, East Asian fonts, marks as comments, reproducible bytes."""

from __future__ import annotations

import functools
import io
import re
import zipfile

import docx
import pytest
from lxml import etree

from agreements.render.docx.house_style import REFERENCE, STYLE_NAMES, build_reference
from agreements.render.docx.render import render_docx
from agreements.drafts import load_agreement, parse_agreement
from agreements.examples import example_path
from agreements.model import Article
from agreements.render.text import render_document
from agreements.tree import iter_models
from clauses.languages import language
from tests.agreements.document.test_formulas import AGREED, DONE, LINES, PARTIES, SIGNING, WITNESS
from tests.conftest import BASE_DRAFT, mutate
from tests.processes import bytes_elsewhere

BASE = parse_agreement(BASE_DRAFT.read_text(encoding="utf-8"), "base.yaml")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ARABIC, RLM = "مرحبا بالعالم", "\u200f"
AWKWARD = f"{ARABIC} — Ünïcödé 🕊️ {RLM} " + "x" * 3000 + " \u0301"
# The text rendering names the proposers of an option in the text; Word puts them in a comment.
PROPOSERS = {"en": r" \([^()]*\)(?=[:\]])", "ko": r"\([^()]* 제안\)(?=[:\]])", "zh": r"（[^（）]*）(?=[：\]])"}
# A paragraph's or point's number in the text rendering ('1.', '(a)', '가.', '一、', '（一）'); Word numbers by list.
LABEL = re.compile(r"^(\d+[.)] |\([a-z]+\) |[가-힣]\. |[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
HEADING = {"en": "— {}", "ko": "{}", "zh": "{}"}
NUMBERED = ("Article Paragraph", "Article Point", "Article Subpoint")
FOOTNOTE_MARKS = str.maketrans("", "", "⁰¹²³⁴⁵⁶⁷⁸⁹")  # the text rendering's marks; Word's are footnote references


def opened(data: bytes) -> docx.Document:
    """Return a rendered document opened again with python-docx."""
    return docx.Document(io.BytesIO(data))


def part(data: bytes, name: str) -> etree._Element:
    """Return one XML part of a package."""
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def styled_paragraphs(data: bytes) -> list[tuple[str, str]]:
    """Return the style id and text of every paragraph of the document part, in order."""
    return [(node.find(f"{W}pPr/{W}pStyle").get(f"{W}val"), "".join(node.itertext()))
            for node in part(data, "word/document.xml").iter(f"{W}p")]


def styles_of(document: docx.Document) -> list[str]:
    """Return the style names of the body's paragraphs, in order."""
    return [paragraph.style.name for paragraph in document.paragraphs]


def test_structure_follows_the_tree():
    document = opened(render_docx(BASE, "en"))
    names = styles_of(document)
    assert names.count("Heading 1") == 1 and names.count("Heading 2") == 3
    assert names.count("Article Paragraph") == 4 and names.count("Article Point") == 1
    assert names[0] == "Title"
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert "— Pull-back of Forces" in texts and "Test Peace Agreement" in texts


@pytest.mark.parametrize(("lang", "article", "number_format"), [
    ("en", "Article %1", "decimal"), ("ko", "제%1조", "decimal"), ("zh", "第%1条", "chineseCounting"),
])
def test_numbering_is_words_own_and_tied_to_the_styles(lang, article, number_format):
    data = render_docx(BASE, lang)
    numbering = part(data, "word/numbering.xml")
    levels = numbering.findall(f".//{W}lvl")
    labels = [level.find(f"{W}lvlText").get(f"{W}val") for level in levels]
    assert article in labels
    article_level = levels[labels.index(article)]
    assert article_level.find(f"{W}numFmt").get(f"{W}val") == number_format
    styles = part(data, "word/styles.xml")
    for style_name in ("Heading 2", "Article Paragraph", "Article Point"):
        style = next(s for s in styles.findall(f"{W}style")
                     if s.find(f"{W}name").get(f"{W}val").lower() == style_name.lower())
        assert style.find(f"{W}pPr/{W}numPr/{W}numId") is not None
    headings = [p for p in part(data, "word/document.xml").iter(f"{W}p")
                if p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Heading2"]
    assert headings and not any("Article" in "".join(p.itertext()) for p in headings)


@pytest.mark.parametrize(("lang", "font", "tag"), [("ko", "Batang", "ko-KR"), ("zh", "SimSun", "zh-CN")])
def test_korean_and_chinese_runs_carry_east_asian_fonts(lang, font, tag):
    document = part(render_docx(BASE, lang), "word/document.xml")
    runs = [run for run in document.iter(f"{W}r") if run.find(f"{W}t") is not None]
    assert runs and all(run.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == font for run in runs)
    assert all(run.find(f"{W}rPr/{W}lang").get(f"{W}eastAsia") == tag for run in runs)


def test_options_are_bracketed_and_proposers_and_positions_are_comments():
    data = render_docx(BASE, "en")
    text = "".join(part(data, "word/document.xml").itertext())
    assert "not less than [10] [20] kilometres" in text
    comments = part(data, "word/comments.xml").findall(f"{W}comment")
    said = ["".join(comment.itertext()) for comment in comments]
    assert "Proposed by Democratic People's Republic of Korea" in said
    assert any(line.startswith("Positions: Republic of Korea: supports; Democratic People's Republic of Korea: opposes")
               for line in said)
    assert {comment.get(f"{W}date") for comment in comments} == {"2027-01-15T00:00:00Z"}
    assert {comment.get(f"{W}author") for comment in comments} == {"peacedraft"}


def test_translation_status_is_noted_where_not_final():
    text = mutate(BASE_DRAFT.read_text(encoding="utf-8"), "            kind: text\n",
                  "            kind: text\n            translation: {zh: draft}\n")
    data = render_docx(parse_agreement(text, "d.yaml"), "zh")
    said = ["".join(comment.itertext()) for comment in part(data, "word/comments.xml").findall(f"{W}comment")]
    assert "中文本：译文草稿" in said


def test_header_footer_contents_and_properties():
    data = render_docx(BASE, "en")
    document = opened(data)
    header = document.sections[0].header.paragraphs[0].text
    assert header == "Round 1 (R1) · 15 January 2027 · DRAFT — for negotiation"
    footer = etree.tostring(document.sections[0].footer._element).decode()
    assert "PAGE" in footer
    instructions = [node.text for node in part(data, "word/document.xml").iter(f"{W}instrText")]
    assert [re.sub("[0-9]{10}", "N", instruction) for instruction in instructions] == [" PAGEREF _TocN \\h "] * 4
    properties = document.core_properties
    assert (properties.author, properties.title, str(properties.created)) == (
        "peacedraft", "Test Peace Agreement", "2027-01-15 00:00:00+00:00")
    package = zipfile.ZipFile(io.BytesIO(data))
    assert all(b"python-docx" not in package.read(name) for name in package.namelist())


def test_two_renders_are_byte_identical_and_zip_times_are_fixed():
    first = render_docx(BASE, "parallel")
    assert bytes_elsewhere("from tests.agreements.render.docx.test_render import BASE, render_docx",
                           'render_docx(BASE, "parallel")') == first
    assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_source_date_epoch_sets_the_dates(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    data = render_docx(BASE, "en")
    assert str(opened(data).core_properties.modified) == "2027-01-15 08:00:00+00:00"
    assert render_docx(BASE, "en") == data


def test_parallel_puts_languages_side_by_side():
    document = opened(render_docx(BASE, "parallel"))
    table = document.tables[0]
    assert len(table.columns) == 3
    assert [cell.text for cell in table.rows[0].cells] == ["English", "한국어", "中文"]
    first_article = next(row for row in table.rows if row.cells[0].paragraphs[0].style.name == "Heading 2")
    assert [cell.text for cell in first_article.cells] == ["— Pull-back of Forces", "병력 후방 배치", "部队后撤"]


def test_reference_document_is_what_the_house_style_builds():
    assert REFERENCE.read_bytes() == build_reference()
    names = {style.name for style in docx.Document(str(REFERENCE)).styles}
    assert set(STYLE_NAMES) <= names


def test_awkward_text_renders():
    """Right-to-left text, a lone combining accent, an emoji and a long run reach Word as written; an empty article."""
    text = mutate(BASE_DRAFT.read_text(encoding="utf-8"), "en: The Parties shall review the phases annually.",
                  'en: "' + AWKWARD.replace(RLM, "\\u200f") + '"')
    text = mutate(text, "      - id: unc-article\n        kind: article\n        children:\n",
                  "      - id: empty-article\n        kind: article\n      - id: unc-article\n        kind: article\n"
                  "        children:\n")
    data = render_docx(parse_agreement(text, "d.yaml"), "en")
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    missing = [piece[-40:] for piece in (ARABIC, RLM + " x", "x" * 3000 + " \u0301", "Ünïcödé 🕊️") if piece not in xml]
    assert missing == [] and "x" * 3001 not in xml
    body = [(style, text[:40]) for style, text in styled_paragraphs(data)]
    start = body.index(("Heading1", "— Military Matters"))
    assert body[start:start + 6] == [
        ("Heading1", "— Military Matters"), ("Heading2", "— Pull-back of Forces"),
        ("ArticleParagraph", "The Parties shall, within 90 days after "),
        ("Heading2", ""), ("Heading2", ""), ("ArticleParagraph", "The United Nations Command shall be diss")]
    assert [paragraph for paragraph in styled_paragraphs(data) if paragraph[0] == "ArticlePoint"][-1] == (
        "ArticlePoint", AWKWARD)


@functools.cache
def shipped(name: str, lang: str) -> docx.Document:
    """Return a shipped round rendered in Word in a language (or 'parallel'), opened."""
    return opened(render_docx(load_agreement(str(example_path(name))), lang))


def body_paragraphs(document: docx.Document) -> list:
    """Return the paragraphs after the contents, without the closing empty one."""
    paragraphs = document.paragraphs
    last_toc = max(index for index, paragraph in enumerate(paragraphs) if paragraph.style.name.startswith("toc"))
    assert (paragraphs[-1].style.name, paragraphs[-1].text) == ("Normal", "")
    return paragraphs[last_toc + 1:-1]


def squeezed(text: str) -> str:
    """Return text with each run of white space (line breaks included) as one space."""
    return " ".join(text.split())


@pytest.mark.parametrize("name", ["round-1", "round-2"])
@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_shipped_rounds_say_what_the_text_rendering_says(name, lang):
    """Every line of the text rendering is in the Word document; one Word paragraph per numbered one; headings."""
    agreement = load_agreement(str(example_path(name)))
    document = shipped(name, lang)
    word = [squeezed(paragraph.text) for paragraph in document.paragraphs]
    labelled = 0
    text = render_document(agreement, lang).split(f"\n\n{language(lang).phrase('footnotes')}\n\n")[0]  # Word: a part
    for line in re.sub(PROPOSERS[lang], "", text.translate(FOOTNOTE_MARKS)).splitlines():
        line, labels = LABEL.subn("", squeezed(line), count=1)
        labelled += labels
        assert any(line in paragraph for paragraph in word), line
    numbered = [p for p in body_paragraphs(document) if p.style.name in NUMBERED]
    assert labelled == len(numbered) > 50
    articles = [visit.model for visit in iter_models(agreement) if isinstance(visit.model, Article)]
    assert [p.text for p in body_paragraphs(document) if p.style.name == "Heading 2"] == [
        HEADING[lang].format(article.heading[lang]) for article in articles]


@pytest.mark.parametrize("name", ["round-1", "round-2"])
def test_shipped_rounds_side_by_side_hold_the_single_language_paragraphs(name):
    """The parallel table has a row per body paragraph, each language's cell as in its own document."""
    rows = shipped(name, "parallel").tables[0].rows
    bodies = [body_paragraphs(shipped(name, lang)) for lang in ("en", "ko", "zh")]
    assert [cell.text for cell in rows[0].cells] == ["English", "한국어", "中文"]
    assert len(rows) == 1 + len(bodies[0]) and len({len(body) for body in bodies}) == 1
    for row, paragraphs in zip(rows[1:], zip(*bodies)):
        assert [(cell.paragraphs[0].style.name, cell.text) for cell in row.cells] == [
            (paragraph.style.name, paragraph.text) for paragraph in paragraphs]


@pytest.mark.parametrize("lang", ["en", "parallel"])
def test_every_style_a_part_names_is_defined(lang):
    data = render_docx(BASE, lang)
    defined = {style.get(f"{W}styleId") for style in part(data, "word/styles.xml").findall(f"{W}style")}
    used = set()
    for name in ("word/document.xml", "word/comments.xml"):
        tree = part(data, name)
        used |= {node.get(f"{W}val") for tag in ("pStyle", "rStyle", "tblStyle") for node in tree.iter(f"{W}{tag}")}
    assert used and used <= defined


@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_the_word_document_frames_the_articles_and_ends_with_testimonium_and_signatures(lang):
    body = [(paragraph.style.name, paragraph.text) for paragraph in body_paragraphs(shipped("round-2", lang))]
    styles = [style for style, _ in body]
    first_recital, last_recital = styles.index("Recital"), len(styles) - styles[::-1].index("Recital") - 1
    assert body[first_recital - 1] == ("Formula", PARTIES[lang])
    assert body[last_recital + 1] == ("Formula", AGREED[lang]) and styles[last_recital + 2] == "Heading 1"
    annex = len(styles) - styles[::-1].index("Heading 1") - 1  # the annex follows the signatures
    assert body[annex][1] == {"en": "Annex — Procedures for Demining in the Demilitarized Zone",
                              "ko": "부속서 비무장지대 지뢰 제거 절차", "zh": "附件　非军事区排雷程序"}[lang]
    closing = body[styles.index("Testimonium"):annex]
    assert closing[:2] == [("Testimonium", WITNESS[lang]), ("Testimonium", DONE[lang])]
    assert styles[styles.index("Testimonium") - 1] == "Article Paragraph"
    signed = [(style, text.split("\n")) for style, text in closing[2:]]
    assert [(style, lines[0]) for style, lines in signed] == [
        ("Signature Caption" if heading in ("In the presence of:", "입회:", "见证：") else "Signature Block", heading)
        for heading in SIGNING[lang]]
    assert all(lines[1:] == ["", *LINES[lang]] for style, lines in signed if style == "Signature Block")


def test_the_parallel_edition_signs_in_every_language_on_rows_that_do_not_split():
    rows = shipped("round-2", "parallel").tables[0].rows
    signed = [row for row in rows if row.cells[0].paragraphs[0].style.name in ("Signature Block", "Signature Caption")]
    assert [[cell.text.split("\n")[0] for cell in row.cells] for row in signed] == [
        list(headings) for headings in zip(*(SIGNING[lang] for lang in ("en", "ko", "zh")))]
    kept = [row._tr.find(f"{W}trPr/{W}cantSplit") is not None for row in signed]
    assert kept == [row.cells[0].paragraphs[0].style.name == "Signature Block" for row in signed] and any(kept)
    testimonium = [[cell.text for cell in row.cells] for row in rows
                   if row.cells[0].paragraphs[0].style.name == "Testimonium"]
    assert testimonium == [[WITNESS[lang] for lang in ("en", "ko", "zh")], [DONE[lang] for lang in ("en", "ko", "zh")]]
    assert [cell.text for cell in rows[2].cells] == [PARTIES[lang] for lang in ("en", "ko", "zh")]
