"""Word import reads annexes and protocols back: a heading that names one opens it, and what follows goes in it."""

from __future__ import annotations

import io

import docx
import pytest

from agreements.drafts import parse_agreement
from agreements.model import Agreement
from agreements.render.docx.render import render_docx
from agreements.wordimport.matching import text_view
from agreements.wordimport.patterns import read_annex
from agreements.wordimport.reader import build_tree
from agreements.wordimport.source import paragraphs
from tests.agreements.render.test_footnotes_and_notes import noted_text
from tests.agreements.wordimport.test_reader import DAY, outline


@pytest.mark.parametrize(("text", "reading"), [
    ("Annex II — Procedures", ("annex", "II", "Procedures")), ("Annex — Maps", ("annex", "", "Maps")),
    ("Protocol — Verification", ("protocol", "", "Verification")), ("부속서 2 절차", ("annex", "2", "절차")),
    ("의정서 검증", ("protocol", "", "검증")), ("제2의정서 검증", ("protocol", "2", "검증")),
    ("附件二　程序", ("annex", "二", "程序")), ("议定书　核查", ("protocol", "", "核查")),
])
def test_annex_headings_are_read_in_every_language(text, reading):
    found = read_annex(text)
    assert (found.kind, found.written, found.text) == reading


def test_an_annexation_is_no_annex():
    assert read_annex("Annexation of the Zone") is None


# An article without a heading has an empty heading paragraph in Word, which the reader cannot see: titled here.
TITLED = parse_agreement(noted_text().replace("""      - id: annex.procedures.final
        kind: article
""", """      - id: annex.procedures.final
        kind: article
        heading: {en: Review, ko: 검토, zh: 审查}
"""), "titled.yaml")


@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_annexes_of_paragraphs_and_of_articles_and_a_protocol_read_back(lang):
    document = docx.Document(io.BytesIO(render_docx(TITLED, lang)))
    imported = build_tree(paragraphs(document), lang, "x.docx", DAY)
    agreement = Agreement.model_validate(imported.data)
    assert [(annex.id, annex.kind) for annex in agreement.annexes] == [
        ("annex-1", "annex"), ("annex-2", "annex"), ("protocol-3", "protocol")]
    read, written = outline(agreement, lang), outline(text_view(TITLED, lang), lang)
    first = written.index(("annex", TITLED.annexes[0].heading[lang]))
    assert read[-len(written[first:]):] == written[first:] and len(written[first:]) == 10
    assert imported.unplaced == []
