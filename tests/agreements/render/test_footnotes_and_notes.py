"""Footnotes (numbered notes in text and Markdown) and the drafters' notes, shown in an internal edition only."""

from __future__ import annotations

import pytest

from agreements.drafts import parse_agreement
from agreements.render.text import render_document
from tests.agreements.test_annexes import with_annexes
from tests.conftest import BASE_DRAFT, mutate

BASE = BASE_DRAFT.read_text(encoding="utf-8")
ARTICLE_NOTE = "Heading to be aligned with the Korean text"
POINT_NOTE = "Ask the JMC whether yearly is enough"
ANNEX_NOTE = "Maps to be exchanged at the next session"
NOTES = (ARTICLE_NOTE, POINT_NOTE, ANNEX_NOTE)


def noted_text() -> str:
    """Return the base draft with footnotes (on an article's heading and a point) and drafters' notes, and an annex."""
    text = mutate(BASE, "        heading: {en: Pull-back of Forces, ko: 병력 후방 배치, zh: 部队后撤}\n",
                  "        heading: {en: Pull-back of Forces, ko: 병력 후방 배치, zh: 部队后撤}\n"
                  f"        note: {ARTICLE_NOTE}\n"
                  "        footnote: {en: As measured on the ground., ko: 지상에서 잰다., zh: 按实地测量。}\n")
    text = mutate(text, "          - id: final.steps.note\n            kind: text\n",
                  "          - id: final.steps.note\n            kind: text\n"
                  f"            note: {POINT_NOTE}\n"
                  "            footnote: {en: 'See {ref:annex.maps}.', ko: '{ref:annex.maps} 참조.', zh: '见{ref:annex.maps}。'}\n")
    return with_annexes().replace("    heading: {en: Maps, ko: 지도, zh: 地图}\n",
                                  f"    heading: {{en: Maps, ko: 지도, zh: 地图}}\n    note: {ANNEX_NOTE}\n").replace(
        BASE.rstrip("\n"), text.rstrip("\n"))


NOTED = parse_agreement(noted_text(), "noted.yaml")


@pytest.mark.parametrize(("lang", "article", "point", "notes"), [
    ("en", "Article 1 — Pull-back of Forces¹", "   (a) The Parties shall review the phases annually.²",
     ["Notes", "", "¹ As measured on the ground.", "² See Annex I."]),
    ("ko", "제1조 병력 후방 배치¹", "   가. 당사자들은 매년 단계를 검토한다.²", ["주", "", "¹ 지상에서 잰다.", "² 부속서 1 참조."]),
    ("zh", "第一条　部队后撤¹", "   （一）各当事方应每年审查各阶段。²", ["注释", "", "¹ 按实地测量。", "² 见附件一。"]),
])
def test_footnotes_are_marked_where_their_text_ends_and_listed_at_the_end(lang, article, point, notes):
    lines = render_document(NOTED, lang).splitlines()
    assert article in lines and point in lines
    assert lines[-4:] == notes


def test_markdown_footnotes_are_references_with_their_definitions_at_the_end():
    text = render_document(NOTED, "en", markdown=True)
    assert "\n### Article 1 — Pull-back of Forces[^1]\n" in text
    assert "\n- **(a)** The Parties shall review the phases annually.[^2]\n" in text
    assert text.endswith("\n[^1]: As measured on the ground.\n[^2]: See Annex I.\n")


@pytest.mark.parametrize("markdown", [False, True])
@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_a_clean_rendering_holds_no_drafters_note(lang, markdown):
    text = render_document(NOTED, lang, markdown=markdown)
    assert not [note for note in NOTES if note in text]
    assert "»" not in text and "> *" not in text


@pytest.mark.parametrize(("lang", "heading", "point", "marked"), [
    ("en", "Article 1 — Pull-back of Forces¹", "   (a) The Parties shall review the phases annually.²", "» Drafters’ note: "),
    ("ko", "제1조 병력 후방 배치¹", "   가. 당사자들은 매년 단계를 검토한다.²", "» 작성자 메모: "),
])
def test_the_internal_edition_has_each_note_on_a_marked_line_under_its_node(lang, heading, point, marked):
    rendered = render_document(NOTED, lang, internal=True).splitlines()
    start = rendered.index(heading)
    assert rendered[start:start + 4] == [heading, "", marked + ARTICLE_NOTE, ""]
    label = point[:point.index(" ", 3) + 1]  # '   (a) ': the note is indented to where the point's text begins
    assert rendered[rendered.index(point) + 1] == " " * len(label) + marked + POINT_NOTE
    assert marked + ANNEX_NOTE in rendered


def test_the_internal_markdown_quotes_each_note():
    text = render_document(NOTED, "en", markdown=True, internal=True)
    assert f"\n### Article 1 — Pull-back of Forces[^1]\n\n> *Drafters’ note: {ARTICLE_NOTE}*\n" in text
    assert f"\n  > *Drafters’ note: {POINT_NOTE}*\n" in text


@pytest.mark.parametrize(("lang", "mark"), [
    ("en", "DRAFT — for negotiation · INTERNAL — with the drafters’ notes; not for other delegations"),
    ("ko", "협상용 초안 · 내부용 — 작성자 메모 포함, 다른 대표단에 배포하지 않음"),
    ("zh", "谈判草案 · 内部版本——含起草说明，不得分发给其他代表团"),
])
def test_the_internal_edition_says_under_its_round_line_that_it_is_internal(lang, mark):
    internal = render_document(NOTED, lang, internal=True).splitlines()
    assert mark in internal[:8]
    assert not any("INTERNAL" in line or "내부용" in line or "内部版本" in line
                   for line in render_document(NOTED, lang).splitlines())
