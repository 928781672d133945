"""Annexes and protocols: loading with located errors, their own numbers per language, and cross-references."""

from __future__ import annotations

import pytest

from agreements.drafts import parse_agreement
from agreements.numbering import node_numbers
from agreements.render.text import render_document
from agreements.rules.registry import check
from clauses.errors import DraftError
from clauses.languages import language
from tests.conftest import BASE_DRAFT

BASE = BASE_DRAFT.read_text(encoding="utf-8")
# Two annexes (the first of paragraphs, the second of articles) and a single protocol; each refers to another node.
ANNEXES = """annexes:
  - id: annex.maps
    kind: annex
    heading: {en: Maps, ko: 지도, zh: 地图}
    children:
      - id: annex.maps.scale
        kind: text
        text: {en: "The maps of {ref:pullback} are drawn to scale.", ko: "{ref:pullback}의 지도는 축척에 따른다.", zh: "{ref:pullback}的地图按比例绘制。"}
        children:
          - id: annex.maps.scale.sheets
            kind: text
            text: {en: Sheets are numbered., ko: 도엽에 번호를 붙인다., zh: 图幅应编号。}
  - id: annex.procedures
    kind: annex
    heading: {en: Procedures, ko: 절차, zh: 程序}
    children:
      - id: annex.procedures.general
        kind: article
        heading: {en: General, ko: 총칙, zh: 总则}
        children:
          - id: annex.procedures.teams
            kind: text
            text: {en: "Teams follow {ref:annex.maps.scale.sheets}.", ko: "지뢰제거단은 {ref:annex.maps.scale.sheets:을/를} 따른다.", zh: "排雷队遵循{ref:annex.maps.scale.sheets}。"}
      - id: annex.procedures.final
        kind: article
        children:
          - id: annex.procedures.review
            kind: text
            text: {en: "{ref:annex.maps} is reviewed yearly.", ko: "{ref:annex.maps:은/는} 매년 검토한다.", zh: "{ref:annex.maps}每年审查。"}
  - id: protocol.verification
    kind: protocol
    heading: {en: Verification, ko: 검증, zh: 核查}
    children:
      - id: protocol.verification.scope
        kind: text
        text: {en: "{ref:annex.procedures.review} applies.", ko: "{ref:annex.procedures.review:이/가} 적용된다.", zh: "{ref:annex.procedures.review}适用。"}
"""


def with_annexes(annexes: str = ANNEXES) -> str:
    """Return the base draft with annexes appended at its end (its line numbers kept)."""
    return BASE.rstrip("\n") + "\n" + annexes


AGREEMENT = parse_agreement(with_annexes(), "d.yaml")
NUMBERS = node_numbers(AGREEMENT)


def line_of(text: str, needle: str) -> int:
    """Return the number of the first line of text that holds needle."""
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


def loaded_error(text: str) -> str:
    """Return the one-line message of a draft that does not load."""
    with pytest.raises(DraftError) as raised:
        parse_agreement(text, "d.yaml")
    return str(raised.value)


@pytest.mark.parametrize(("lang", "labels"), [
    ("en", ["Annex I", "Annex II", "Protocol", "Article 1", "Article 2", "1.", "(a)"]),
    ("ko", ["부속서 1", "부속서 2", "의정서", "제1조", "제2조", "1.", "가."]),
    ("zh", ["附件一", "附件二", "议定书", "第一条", "第二条", "一、", "（一）"]),
])
def test_annexes_are_numbered_apart_each_kind_on_its_own(lang, labels):
    words = language(lang)
    ids = ("annex.maps", "annex.procedures", "protocol.verification", "annex.procedures.general",
           "annex.procedures.final", "annex.maps.scale", "annex.maps.scale.sheets")
    assert [NUMBERS[key].label(words) for key in ids] == labels


def test_the_body_keeps_its_numbers_and_an_annex_counts_its_articles_from_one():
    assert NUMBERS["final"].numbers == (3,) and NUMBERS["final"].annex is None
    assert NUMBERS["annex.procedures.general"].numbers == (1,)
    assert NUMBERS["annex.procedures.review"].numbers == (2, 1)
    assert NUMBERS["annex.procedures.review"].annex == NUMBERS["annex.procedures"].annex


@pytest.mark.parametrize(("lang", "references"), [
    ("en", ["Annex I", "paragraph 1 of Annex I", "subparagraph (a) of paragraph 1 of Annex I",
            "paragraph 1 of Article 2 of Annex II", "the Protocol", "paragraph 1 of the Protocol"]),
    ("ko", ["부속서 1", "부속서 1 제1항", "부속서 1 제1항가목", "부속서 2 제2조제1항", "의정서", "의정서 제1항"]),
    ("zh", ["附件一", "附件一第一款", "附件一第一款第（一）项", "附件二第二条第一款", "议定书", "议定书第一款"]),
])
def test_references_name_the_annex_in_each_language(lang, references):
    words = language(lang)
    ids = ("annex.maps", "annex.maps.scale", "annex.maps.scale.sheets", "annex.procedures.review",
           "protocol.verification", "protocol.verification.scope")
    assert [NUMBERS[key].reference(words) for key in ids] == references


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["1. The maps of Article 1 are drawn to scale.",
            "1. Teams follow subparagraph (a) of paragraph 1 of Annex I.", "1. Annex I is reviewed yearly.",
            "1. paragraph 1 of Article 2 of Annex II applies."]),
    ("ko", ["1. 제1조의 지도는 축척에 따른다.", "1. 지뢰제거단은 부속서 1 제1항가목을 따른다.", "1. 부속서 1은 매년 검토한다.",
            "1. 부속서 2 제2조제1항이 적용된다."]),
    ("zh", ["一、第一条的地图按比例绘制。", "一、排雷队遵循附件一第一款第（一）项。", "一、附件一每年审查。",
            "一、附件二第二条第一款适用。"]),
])
def test_the_text_writes_each_reference_as_the_nodes_number_with_its_particle(lang, lines):
    rendered = render_document(AGREEMENT, lang).splitlines()
    assert all(line in rendered for line in lines), [line for line in lines if line not in rendered]
    assert "{ref:" not in "\n".join(rendered)


def test_a_single_annex_is_the_annex():
    single = with_annexes(ANNEXES.split("  - id: annex.procedures\n")[0].replace(
        "{ref:pullback}", "{ref:annex.maps.scale.sheets}", 1))
    agreement = parse_agreement(single, "d.yaml")
    numbers = node_numbers(agreement)
    assert [numbers["annex.maps"].label(language(lang)) for lang in ("en", "ko", "zh")] == ["Annex", "부속서", "附件"]
    assert "The maps of subparagraph (a) of paragraph 1 of the Annex are drawn to scale." in render_document(
        agreement, "en")


def test_an_unknown_reference_is_a_located_load_error():
    text = with_annexes(ANNEXES.replace('"{ref:annex.maps} is reviewed yearly."', '"{ref:annex.map} is reviewed."'))
    line = line_of(text, "{ref:annex.map}")
    assert loaded_error(text) == (f"d.yaml:{line}:24: annex.procedures.review: {{ref:annex.map}}: no part, "
                                  "article, paragraph, point or annex has the id 'annex.map' (did you mean "
                                  "'annex.maps'?) [PD-E025]")


def test_a_reference_to_what_has_no_number_and_an_odd_particle_are_refused():
    text = with_annexes(ANNEXES.replace("{ref:pullback}의", "{ref:rok}의").replace(":을/를}", ":을}"))
    assert loaded_error(text).splitlines() == [
        f"d.yaml:{line_of(text, '{ref:rok}')}:74: annex.maps.scale: {{ref:rok}}: no part, article, paragraph, point or annex has "
        "the id 'rok' [PD-E025]",
        f"d.yaml:{line_of(text, ':을}')}:75: annex.procedures.teams: {{ref:annex.maps.scale.sheets:을}}: after the id comes a "
        "pair of Korean particles, like 을/를 [PD-E025]"]


def test_an_unknown_kind_of_annex_is_located():
    text = with_annexes(ANNEXES.replace("kind: protocol", "kind: appendix"))
    assert loaded_error(text) == (f"d.yaml:{line_of(text, 'appendix')}:11: protocol.verification: kind: input should "
                                  "be 'annex' or 'protocol' [PD-E022]")


def test_an_annex_of_articles_and_paragraphs_at_once_is_refused_where_it_stands():
    mixed = with_annexes(ANNEXES.replace("""      - id: annex.procedures.final
        kind: article
        children:
          - id: annex.procedures.review
            kind: text
            text:""", """      - id: annex.procedures.review
        kind: text
        text:"""))
    message = loaded_error(mixed)
    assert message.startswith(f"d.yaml:{line_of(mixed, 'id: annex.procedures')}:5: annex.procedures: ")
    assert message.endswith("annex annex.procedures holds articles or paragraphs, not both: put the paragraphs in "
                            "an article [PD-E022]")


def test_an_annex_needs_its_heading():
    text = with_annexes(ANNEXES.replace("    heading: {en: Verification, ko: 검증, zh: 核查}\n", ""))
    assert loaded_error(text) == \
        f"d.yaml:{line_of(text, 'id: protocol.verification')}:5: protocol.verification: missing field 'heading' [PD-E020]"


def test_ids_are_unique_across_the_body_and_the_annexes():
    text = with_annexes(ANNEXES.replace("id: protocol.verification.scope", "id: pullback.distance"))
    findings = [finding for finding in check(parse_agreement(text, "d.yaml")) if finding.rule == "unique-ids"]
    first, second = (number for number, line in enumerate(text.splitlines(), 1) if line.strip() == "- id: pullback.distance")
    assert [str(finding) for finding in findings] == [
        f"d.yaml:{second}:13: pullback.distance: error: duplicate id (first at line {first}) [unique-ids]"]


def test_an_annex_heading_missing_in_a_language_is_a_finding():
    text = with_annexes(ANNEXES.replace("{en: Procedures, ko: 절차, zh: 程序}", "{en: Procedures, ko: 절차}"))
    findings = [str(finding) for finding in check(parse_agreement(text, "d.yaml"))
                if finding.rule == "languages-complete"]
    assert findings == [f"d.yaml:{line_of(text, '{en: Procedures')}:14: annex.procedures: error: no Chinese (zh) text in 'heading' "
                        "[languages-complete]"]




def test_the_json_schema_has_annexes_footnotes_and_the_drafting_side():
    from agreements.schema import draft_schema

    schema = draft_schema()
    annex = schema["$defs"]["Annex"]
    assert schema["properties"]["annexes"]["items"] == {"$ref": "#/$defs/Annex"}
    assert annex["properties"]["kind"]["enum"] == ["annex", "protocol"] and "heading" in annex["required"]
    assert {"footnote", "note"} <= set(schema["$defs"]["TextClause"]["properties"])
    assert "drafted_by" in schema["$defs"]["Meta"]["properties"]


def test_an_annex_no_text_outside_it_refers_to_is_a_warning():
    findings = [str(finding) for finding in check(AGREEMENT) if finding.rule == "annexes-referred-to"]
    line = line_of(with_annexes(), "id: protocol.verification")
    assert findings == [f"d.yaml:{line}:9: protocol.verification: warning: no text outside the protocol refers to it: "
                        "write {ref:protocol.verification} where the text relies on it [annexes-referred-to]"]
