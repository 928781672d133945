"""Reading Word paragraphs into a clause tree: numbers in every language, styles, lists, tracked changes."""

from __future__ import annotations

import datetime
import io

import docx
import pytest
from docx.oxml.ns import qn

from agreements.render.docx import ooxml
from agreements.render.docx.render import render_docx
from agreements.drafts import load_agreement
from agreements.examples import example_path
from agreements.model import Agreement
from agreements.wordimport.matching import text_view
from agreements.wordimport.patterns import read_text
from agreements.wordimport.reader import build_tree
from agreements.wordimport.source import BodyParagraph, guess_language, paragraphs

DAY = datetime.date(2027, 1, 1)


@pytest.mark.parametrize("text, kind, number, rest", [
    ("Article 7 — Definitions", "article", 7, "Definitions"),
    ("ARTICLE VII", "article", 7, ""),
    ("Art. 12: Entry into force", "article", 12, "Entry into force"),
    ("제7조 정의", "article", 7, "정의"),
    ("第七条　定义", "article", 7, "定义"),
    ("第十二条", "article", 12, ""),
    ("第一百零五条", "article", 105, ""),
    ("PART II — MILITARY MATTERS", "part", 2, "MILITARY MATTERS"),
    ("제2장 군사", "part", 2, "군사"),
    ("第三部分 军事", "part", 3, "军事"),
    ("1. The Parties shall", "paragraph", 1, "The Parties shall"),
    ("12) The Parties", "paragraph", 12, "The Parties"),
    ("③ 당사자는", "paragraph", 3, "당사자는"),
    ("二、各方", "paragraph", 2, "各方"),
    ("(d) the zone", "point", 4, "the zone"),
    ("b) the line", "point", 2, "the line"),
    ("다. 비무장지대", "point", 3, "비무장지대"),
    ("（三）各方", "point", 3, "各方"),
    ("(iv) four", "roman", 4, "four"),
    ("Preamble", "preamble", None, ""),
    ("Articles of faith are not articles", "text", None, "Articles of faith are not articles"),
    ("1999 was a year", "text", None, "1999 was a year"),
])
def test_numbers_are_read_in_every_language(text, kind, number, rest):
    reading = read_text(text)
    assert (reading.kind, reading.number, reading.text) == (kind, number, rest)


def sources(*lines: str, style: str = "Normal") -> list[BodyParagraph]:
    """Return plain paragraphs of a document."""
    return [BodyParagraph(index, style, line, None) for index, line in enumerate(lines, 1)]


def test_typed_numbers_build_parts_articles_paragraphs_and_points():
    imported = build_tree(sources(
        "AGREEMENT ON PEACE", "The Parties,", "Have agreed as follows:", "PART I — GENERAL", "Article 1 — Terms",
        "1. For this Agreement:", "(a) first;", "(b) second.", "(i) a subpoint", "2. Second paragraph.",
        "Article 2", "Unnumbered text is a paragraph.", "(i) a roman list", "(ii) goes on", "(iii) and on"),
        "en", "a.docx", DAY)
    agreement = Agreement.model_validate(imported.data)
    assert agreement.meta.title == {"en": "AGREEMENT ON PEACE"}
    assert [recital.text["en"] for recital in agreement.preamble] == ["The Parties,", "Have agreed as follows:"]
    part = agreement.body[0]
    assert (part.id, part.heading) == ("part-1", {"en": "GENERAL"})
    first, second = part.children
    assert (first.id, first.heading) == ("art-1", {"en": "Terms"})
    assert [child.id for child in first.children] == ["art-1.p1", "art-1.p2"]
    assert [point.text["en"] for point in first.children[0].children] == ["first;", "second."]
    assert first.children[0].children[1].children[0].text == {"en": "a subpoint"}
    assert second.heading is None
    assert [point.text["en"] for point in second.children[0].children] == ["a roman list", "goes on", "and on"]
    assert imported.unplaced == [] and imported.counts() == "1 part, 2 articles, 9 paragraphs and points, 2 recitals"


def test_h_then_i_is_the_next_letter_not_a_roman_one():
    lines = ["Article 1", "1. List:", *(f"({letter}) item {letter}" for letter in "abcdefghij")]
    paragraph = Agreement.model_validate(build_tree(sources(*lines), "en", "a.docx", DAY).data).body[0].children[0]
    assert [point.text["en"] for point in paragraph.children][-3:] == ["item h", "item i", "item j"]


def test_text_before_the_first_article_is_placed_where_a_lawyer_reads_it():
    imported = build_tree(sources("AGREEMENT ON PEACE", "a) que, la Union", "1. numbered before any article",
                                  "PART I", "GENERAL", "Floating text.", "Article 1 — Terms", "Text."),
                          "en", "a.docx", DAY)
    agreement = Agreement.model_validate(imported.data)
    assert agreement.meta.title == {"en": "AGREEMENT ON PEACE"} and imported.unplaced == []
    assert [recital.text["en"] for recital in agreement.preamble] == ["a) que, la Union",
                                                                      "1. numbered before any article"]
    part = agreement.body[0]
    assert part.heading == {"en": "GENERAL"}
    unheaded, first = part.children
    assert (unheaded.heading, [child.text["en"] for child in unheaded.children]) == (None, ["Floating text."])
    assert (first.id, first.heading, imported.numbers[first.id]) == ("art-1", {"en": "Terms"}, 1)
    assert unheaded.id not in imported.numbers


def test_control_characters_become_spaces_and_an_overlong_paragraph_is_refused():
    from clauses.errors import InputError

    imported = build_tree(sources("Article 1", "A\x0bvertical\x07tab."), "en", "a.docx", DAY)
    assert imported.data["body"][0]["children"][0]["text"] == {"en": "A vertical tab."}
    with pytest.raises(InputError, match="a.docx: paragraph 2 has 20,001 characters; the limit is 20,000"):
        build_tree(sources("Article 1", "x" * 20_001), "en", "a.docx", DAY)


def test_language_is_guessed_from_the_script():
    assert guess_language(["제1조 당사자는 평화를"]) == "ko"
    assert guess_language(["第一条 各方"]) == "zh"
    assert guess_language(["Article 1 The Parties (DPRK) 조"]) == "en"


def test_word_lists_place_unnumbered_paragraphs_and_points():
    document = docx.Document()
    document.add_paragraph("Article 1")
    for level, text in ((0, "first paragraph"), (1, "a point"), (0, "second paragraph")):
        paragraph = document.add_paragraph(text)._p
        numbering = paragraph.get_or_add_pPr().get_or_add_numPr()
        numbering.get_or_add_ilvl().val = level
        numbering.get_or_add_numId().val = 1
    agreement = Agreement.model_validate(build_tree(paragraphs(document), "en", "a.docx", DAY).data)
    article = agreement.body[0]
    assert [child.text["en"] for child in article.children] == ["first paragraph", "second paragraph"]
    assert article.children[0].children[0].text == {"en": "a point"}


def test_tracked_changes_are_read_as_accepted():
    document = docx.Document()
    document.add_paragraph("Article 1")
    paragraph = document.add_paragraph("The Parties ")._p
    when = datetime.datetime(2027, 1, 1, tzinfo=datetime.timezone.utc)
    deleted = ooxml.revision("del", 1, "them", when)
    deleted.append(ooxml.deleted_run("shall ", "en"))
    inserted = ooxml.revision("ins", 2, "them", when)
    inserted.append(ooxml.run("may ", "en"))
    paragraph.append(deleted)
    paragraph.append(inserted)
    paragraph.append(ooxml.run("agree.", "en"))
    assert paragraph.find(qn("w:del")) is not None
    imported = build_tree(paragraphs(document), "en", "a.docx", DAY)
    assert imported.data["body"][0]["children"][0]["text"] == {"en": "The Parties may agree."}


@pytest.mark.parametrize("name", ["round-1", "round-2"])
@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_a_rendered_draft_reads_back_as_the_same_tree_of_texts(name, lang):
    agreement = load_agreement(str(example_path(name)))
    document = docx.Document(io.BytesIO(render_docx(agreement, lang)))
    found = paragraphs(document)
    assert guess_language([source.text for source in found]) == lang
    imported = Agreement.model_validate(build_tree(found, lang, "x.docx", DAY).data)
    assert outline(imported, lang) == outline(text_view(agreement, lang), lang)
    assert imported.meta.title == {lang: agreement.meta.title[lang]}


def outline(agreement: Agreement, lang: str) -> list[tuple]:
    """Return the recitals, part and article headings and clause texts (with their depth) in order."""
    found: list[tuple] = [("recital", recital.text[lang]) for recital in agreement.preamble]

    def clause(node, depth: int) -> None:
        found.append((depth, node.text[lang]))
        for child in node.children:
            clause(child, depth + 1)

    for top in agreement.body:
        if top.kind == "part":
            found.append(("part", top.heading.get(lang)))
        for article in top.children if top.kind == "part" else [top]:
            found.append(("article", (article.heading or {}).get(lang)))
            for child in article.children:
                clause(child, 0)
    for annex in agreement.annexes:
        found.append((annex.kind, annex.heading.get(lang)))
        for child in annex.children:
            if child.kind == "article":
                found.append(("article", (child.heading or {}).get(lang)))
                for paragraph in child.children:
                    clause(paragraph, 0)
            else:
                clause(child, 0)
    return found
