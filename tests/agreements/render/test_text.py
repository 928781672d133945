"""The whole draft as text: numbering, headings, preamble and brackets in each language."""

from __future__ import annotations

import pytest

from agreements.drafts import load_agreement, parse_agreement
from clauses.errors import DraftError
from agreements.examples import example_path
from agreements.render.text import render_document
from tests.conftest import BASE_DRAFT, mutate

BASE = BASE_DRAFT.read_text(encoding="utf-8")


def test_english_document_structure():
    text = render_document(parse_agreement(BASE, "d.yaml"), "en")
    lines = text.splitlines()
    assert lines[:3] == ["Test Peace Agreement", "", "Round 1 · R1 · 15 January 2027"]
    assert "Part I — Military Matters" in lines
    assert "Article 1 — Pull-back of Forces" in lines and "Article 2" in lines
    assert "   (a) The Parties shall review the phases annually." in lines


@pytest.mark.parametrize(("lang", "part", "article", "paragraph", "point"), [
    ("ko", "제1부 군사 문제", "제3조 최종 조항", "2. ", "   가. 당사자들은 매년 단계를 검토한다."),
    ("zh", "第一部分　军事问题", "第三条　最后条款", "二、", "   （一）各当事方应每年审查各阶段。"),
])
def test_numbering_and_headings_per_language(lang, part, article, paragraph, point):
    lines = render_document(parse_agreement(BASE, "d.yaml"), lang).splitlines()
    assert part in lines and article in lines
    assert any(line.startswith(paragraph) for line in lines)
    assert point in lines


def test_markdown_headings_and_points():
    text = render_document(parse_agreement(BASE, "d.yaml"), "en", markdown=True)
    assert text.startswith("# Test Peace Agreement\n")
    assert "\n## Part I — Military Matters\n" in text and "\n### Article 3 — Final Provisions\n" in text
    assert "\n- **(a)** The Parties shall review the phases annually.\n" in text


def test_a_missing_translation_is_marked_not_invented():
    text = mutate(BASE, "ko: 당사자들은 매년 단계를 검토한다., ", "")
    assert "⟨no ko text⟩" in render_document(parse_agreement(text, "d.yaml"), "ko")


def test_a_broken_user_template_is_a_located_error(tmp_path):
    (tmp_path / "un_command_status.en.j2").write_text("{{ c.nothing }}")
    agreement = parse_agreement(BASE, "d.yaml")
    with pytest.raises(DraftError) as caught:
        render_document(agreement, "en", user_folder=tmp_path)
    assert str(caught.value).startswith("d.yaml:56:13: unc.status: template un_command_status.en.j2: ")


@pytest.mark.parametrize("name", ["round-1", "round-2"])
@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_shipped_rounds_render_completely(name, lang):
    text = render_document(load_agreement(str(example_path(name))), lang)
    assert "⟨no" not in text
    assert text.count("[") == text.count("]")


FRAMED = {
    "en": ("Preamble", "The Republic of Korea, the Democratic People's Republic of Korea, the United States of America "
           "and the People's Republic of China, hereinafter referred to as “the Parties”,", "Desiring ",
           "Convinced that ", "Have agreed as follows:", "Part I — General Provisions"),
    "ko": ("전문", "대한민국, 조선민주주의인민공화국, 미합중국 및 중화인민공화국(이하 “당사자”라 한다)은,", "한반도에서 ",
           "한반도의 항구적 평화가 ", "다음과 같이 합의하였다.", "제1부 총칙"),
    "zh": ("序言", "大韩民国、朝鲜民主主义人民共和国、美利坚合众国和中华人民共和国（以下简称“各当事方”），", "愿意彻底",
           "深信朝鲜半岛", "达成协议如下：", "第一部分　总则"),
}
CLOSING = {
    "en": ["IN WITNESS WHEREOF the undersigned, being duly authorized thereto by their respective Governments, have "
           "signed this Agreement.", "DONE at Panmunjom on 25 June 2027, in a single original in the English, Korean "
           "and Chinese languages, each text being equally authentic.", "For the Republic of Korea:", "(Signature)",
           "Name: ……", "Title: ……"],
    "ko": ["이상의 증거로, 아래 서명자는 각자의 정부로부터 정당하게 권한을 위임받아 이 협정에 서명하였다.",
           "2027년 6월 25일 판문점에서 동등하게 정본인 영어, 한국어/조선어 및 중국어로 원본 1부를 작성하였다.",
           "대한민국을 위하여", "(서명)", "성명: ……", "직위: ……"],
    "zh": ["下列签字人经各自政府正式授权，在本协定上签字，以昭信守。",
           "本协定于2027年6月25日在板门店签订，正本一份，用英文、韩文/朝鲜文和中文写成，各种文本同等作准。",
           "大韩民国代表", "（签字）", "姓名：……", "职务：……"],
}
PARTY_LINES = {"en": ("For the ", ":"), "ko": ("", "을 위하여"), "zh": ("", "代表")}
ANNEX_HEADING = {"en": "Annex — Procedures for Demining in the Demilitarized Zone", "ko": "부속서 비무장지대 지뢰 제거 절차",
                 "zh": "附件　非军事区排雷程序"}  # after the signatures


@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_the_preamble_is_framed_by_the_parties_and_the_enacting_formula(lang):
    heading, parties, first, last, agreed, part = FRAMED[lang]
    lines = [line for line in render_document(load_agreement(str(example_path("round-2"))), lang).splitlines() if line]
    start = lines.index(heading)
    assert lines[start + 1] == parties and lines[start + 2].startswith(first)
    assert lines[start + 7].startswith(last) and lines[start + 8:start + 10] == [agreed, part]


@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_the_text_ends_with_the_testimonium_and_a_signature_block_per_party(lang):
    agreement = load_agreement(str(example_path("round-2")))
    signed, annex = render_document(agreement, lang).split(f"\n\n{ANNEX_HEADING[lang]}\n\n")
    assert annex.startswith({"en": "1. Before each phase", "ko": "1. 남북공동지뢰제거단은", "zh": "一、在每一排雷阶段"}[lang])
    *_, last_article, witness, done, rok, dprk, usa, prc, caption, un = signed.split("\n\n")
    assert last_article.splitlines()[-1].startswith(("2. Subject to the other provisions of this Agreement", "2. 이 협정에 달리 규정된", "二、除本协定另有规定外"))
    assert [witness, done, *rok.splitlines()] == CLOSING[lang]
    before, after = PARTY_LINES[lang]
    blocks = [block.splitlines() for block in (rok, dprk, usa, prc, un)]
    assert [lines[0] for lines in blocks] == [f"{before}{party.names[lang]}{after}" for party in agreement.parties]
    assert all(lines[1:] == CLOSING[lang][3:] for lines in blocks)
    assert caption == {"en": "In the presence of:", "ko": "입회:", "zh": "见证："}[lang]


def test_markdown_breaks_the_lines_of_a_signature_block():
    text = render_document(parse_agreement(BASE, "d.yaml"), "en", markdown=True)
    assert "\nFor the Republic of Korea:\\\n(Signature)\\\nName: ……\\\nTitle: ……\n" in text
    assert "\nDONE at …… on 15 January 2027, in duplicate in the English, Korean and Chinese languages" in text
