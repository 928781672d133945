"""The share of a document's text that reaches the draft: multisets of words (of characters in Korean and Chinese)."""

from __future__ import annotations

from agreements.wordimport.coverage import Coverage, draft_texts, measure
from agreements.wordimport.source import BodyParagraph


def source(text: str, origin: str = "body", style: str = "Normal", footnotes=(), comments=()) -> BodyParagraph:
    """Return a paragraph as the body reader gives it."""
    return BodyParagraph(1, style, text, None, origin, list(footnotes), list(comments))


def draft(*texts: str, title: str = "Agreement") -> dict:
    """Return draft data with a title and one article holding the given texts as paragraphs."""
    children = [{"id": f"art-1.p{n}", "kind": "text", "text": {"en": text}} for n, text in enumerate(texts, 1)]
    return {"meta": {"title": {"en": title}}, "preamble": [], "body": [{"id": "art-1", "kind": "article",
                                                                        "children": children}]}


def test_every_word_placed_is_the_whole_text():
    sources = [source("Agreement"), source("The Parties shall withdraw.")]
    coverage = measure(sources, draft("The parties shall WITHDRAW"), "en")
    assert (coverage.read, coverage.placed, coverage.share, coverage.missing) == (5, 5, 1.0, {})
    assert coverage.line() == "placed 100.0% of the document's text (5 of 5 words)"


def test_what_was_not_placed_is_counted_by_kind():
    sources = [source("Agreement", footnotes=["A note of five words."]), source("Kept text."),
               source("Effective Date | 1 May", "table"), source("“Line” means the line", "definition"),
               source("Boxed", "textbox", comments=["Alice: see this"])]
    coverage = measure(sources, draft("Kept text."), "en")
    assert coverage.missing == {"tables": 4, "definitions tables": 4, "text boxes": 1,
                                "footnotes and endnotes": 5, "comments": 3}
    assert (coverage.read, coverage.placed) == (20, 3)
    assert coverage.missing_line() == ("4 words in tables, 4 in definitions tables, 1 in text boxes, "
                                       "5 in footnotes and endnotes, 3 in comments")


def test_words_are_counted_as_often_as_they_occur():
    coverage = measure([source("war war war peace")], draft("war peace", title="x"), "en")
    assert (coverage.placed, coverage.read, coverage.missing) == (2, 4, {"paragraphs": 2})


def test_a_paragraphs_number_counts_on_neither_side_and_a_contents_line_not_at_all():
    sources = [source("Article 7 — Definitions", "body", "Heading 2"), source("2. The Line is fixed."),
               source("Article 7\t4", "body", "TOC 1"), source("Contents", "body", "TOC Heading")]
    data = draft("The Line is fixed.", title="Definitions")
    assert measure(sources, data, "en").line() == "placed 100.0% of the document's text (5 of 5 words)"


def test_korean_and_chinese_are_counted_by_letters():
    sources = [source("제1조 목적"), source("이 협정은 평화를 위한다.")]
    coverage = measure(sources, draft("이 협정은 평화를 위한다", title="목"), "ko")
    assert (coverage.unit, coverage.read, coverage.placed) == ("characters", 12, 11)
    assert coverage.line() == "placed 91.6% of the document's text (11 of 12 characters)"
    assert measure([source("第一条 和平")], draft("和平", title="x"), "zh").share == 1.0


def test_the_share_is_rounded_down_so_a_share_under_the_threshold_never_reads_as_reaching_it():
    assert Coverage(read=100_000, placed=94_999, unit="words").percent == "94.9"
    assert Coverage(read=100_000, placed=94_999, unit="words").short_of(0.95)
    assert not Coverage(read=20, placed=19, unit="words").short_of(0.95)
    assert Coverage(read=12_690, placed=12_345, unit="words").line() == (
        "placed 97.2% of the document's text (12,345 of 12,690 words)")
    assert Coverage(read=0, placed=0, unit="words").share == 1.0


def test_the_draft_texts_are_its_title_headings_texts_footnotes_and_notes_not_its_party_names():
    data = {"meta": {"title": {"en": "T"}, "short_title": {"en": "S"}, "version": "imported"},
            "parties": [{"id": "party-1", "names": {"en": "Party 1"}}],
            "preamble": [{"id": "preamble.r1", "text": {"en": "R"}, "note": "N"}],
            "body": [{"id": "part-1", "kind": "part", "heading": {"en": "H"}, "children": [
                {"id": "art-1", "kind": "article", "children": [
                    {"id": "art-1.p1", "kind": "text", "text": {"en": "P"}, "footnote": {"en": "F"},
                     "children": [{"id": "art-1.p1.a", "kind": "text", "text": {"en": "A"}}]}]}]}],
            "annexes": [{"id": "annex-1", "kind": "annex", "heading": {"en": "X"}, "children": []}]}
    assert draft_texts(data) == ["T", "S", "R", "N", "H", "P", "F", "A", "X"]
