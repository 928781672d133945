"""The treaty's formulas in the document tree: the parties named before the recitals, the enacting formula after
them, the testimonium with its place, date and originals, and a signature block per party in the draft's order."""

from __future__ import annotations

import functools

import pytest

from agreements.document.blocks import Date, PartyName, PlaceName
from agreements.document.compose import compose
from agreements.drafts import parse_agreement
from agreements.examples import example_path
from agreements.render.plain import words_of
from clauses.languages import language
from tests.conftest import BASE_DRAFT, mutate

ROUND_2 = example_path("round-2").read_text(encoding="utf-8")
BASE = BASE_DRAFT.read_text(encoding="utf-8")
PARTIES = {
    "en": "The Republic of Korea, the Democratic People's Republic of Korea, the United States of America and the "
          "People's Republic of China, hereinafter referred to as “the Parties”,",
    "ko": "대한민국, 조선민주주의인민공화국, 미합중국 및 중화인민공화국(이하 “당사자”라 한다)은,",
    "zh": "大韩民国、朝鲜民主主义人民共和国、美利坚合众国和中华人民共和国（以下简称“各当事方”），",
}
AGREED = {"en": "Have agreed as follows:", "ko": "다음과 같이 합의하였다.", "zh": "达成协议如下："}
WITNESS = {
    "en": "IN WITNESS WHEREOF the undersigned, being duly authorized thereto by their respective Governments, "
          "have signed this Agreement.",
    "ko": "이상의 증거로, 아래 서명자는 각자의 정부로부터 정당하게 권한을 위임받아 이 협정에 서명하였다.",
    "zh": "下列签字人经各自政府正式授权，在本协定上签字，以昭信守。",
}
DONE = {
    "en": "DONE at Panmunjom on 25 June 2027, in a single original in the English, Korean and Chinese languages, "
          "each text being equally authentic.",
    "ko": "2027년 6월 25일 판문점에서 동등하게 정본인 영어, 한국어/조선어 및 중국어로 원본 1부를 작성하였다.",
    "zh": "本协定于2027年6月25日在板门店签订，正本一份，用英文、韩文/朝鲜文和中文写成，各种文本同等作准。",
}
SIGNING = {
    "en": ["For the Republic of Korea:", "For the Democratic People's Republic of Korea:",
           "For the United States of America:", "For the People's Republic of China:", "In the presence of:",
           "For the United Nations:"],
    "ko": ["대한민국을 위하여", "조선민주주의인민공화국을 위하여", "미합중국을 위하여", "중화인민공화국을 위하여", "입회:",
           "국제연합을 위하여"],
    "zh": ["大韩民国代表", "朝鲜民主主义人民共和国代表", "美利坚合众国代表", "中华人民共和国代表", "见证：", "联合国代表"],
}
LINES = {"en": ["(Signature)", "Name: ……", "Title: ……"], "ko": ["(서명)", "성명: ……", "직위: ……"],
         "zh": ["（签字）", "姓名：……", "职务：……"]}
OTHER_ROLES = """  - id: swiss
    names: {en: Swiss Confederation, ko: 스위스연방, zh: 瑞士联邦}
    role: guarantor
  - id: russia
    names: {en: Russian Federation, ko: 러시아연방, zh: 俄罗斯联邦}
    role: guarantor
  - id: eu
    names: {en: European Union, ko: 유럽연합, zh: 欧洲联盟}
    role: observer
bodies:
"""


@functools.cache
def document(text: str, lang: str):
    """Return the document tree of a draft's text in one language."""
    return compose(parse_agreement(text, "d.yaml"), [lang])


def shown(block, lang: str) -> str:
    """Return a block's words in a language."""
    return words_of(block.text(lang), language(lang))


def conclusions(text: str, lang: str) -> list[str]:
    """Return the lines of the conclusions: the testimonium, then each caption and signature block's heading."""
    return [shown(block, lang) for block in document(text, lang).find("conclusions").children]


@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_the_preamble_names_the_signatories_first_and_agrees_last(lang):
    preamble = document(ROUND_2, lang).find("preamble")
    types = [block.type for block in preamble.children]
    assert types == ["formula", *["recital"] * 6, "formula"]
    assert shown(preamble.children[0], lang) == PARTIES[lang]
    assert shown(preamble.children[-1], lang) == AGREED[lang]


@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_the_testimonium_says_where_when_and_in_what_languages(lang):
    witness, done = document(ROUND_2, lang).find("conclusions").children[:2]
    assert (shown(witness, lang), shown(done, lang)) == (WITNESS[lang], DONE[lang])
    marked = [inline for inline in done.text(lang).inlines if not isinstance(inline, str)]
    date = Date(language(lang).date(parse_agreement(ROUND_2, "d.yaml").meta.date), "2027-06-25")
    place = PlaceName({"en": "Panmunjom", "ko": "판문점", "zh": "板门店"}[lang])
    assert sorted(marked, key=repr) == sorted([date, place], key=repr)


@pytest.mark.parametrize("lang", ["en", "ko", "zh"])
def test_a_signature_block_per_party_in_the_drafts_order(lang):
    blocks = document(ROUND_2, lang).find("conclusions").children[2:]
    assert [shown(block, lang) for block in blocks] == SIGNING[lang]
    signatures = [block for block in blocks if block.type == "signature"]
    assert [block.node_id for block in signatures] == ["rok", "dprk", "usa", "prc", "un"]
    assert [block.data["role"] for block in signatures] == ["signatory"] * 4 + ["witness"]
    assert all([shown(line, lang) for line in block.children] == LINES[lang] for block in signatures)
    names = [inline for block in signatures for inline in block.text(lang).inlines if isinstance(inline, PartyName)]
    assert [name.party for name in names] == ["rok", "dprk", "usa", "prc", "un"]


@pytest.mark.parametrize(("lang", "originals"), [
    ("en", "in quadruplicate in the English"), ("ko", "중국어로 각 4부씩 작성하였다."), ("zh", "一式四份，每份均用英文"),
])
def test_without_a_depositary_there_is_an_original_for_each_signatory(lang, originals):
    text = mutate(ROUND_2, "            depositary: un-secretary-general\n", "")
    assert originals in conclusions(text, lang)[1]


def test_a_draft_without_place_or_preamble_leaves_the_place_blank_and_still_frames_the_articles():
    assert conclusions(BASE, "en")[:2] == [
        WITNESS["en"], "DONE at …… on 15 January 2027, in duplicate in the English, Korean and Chinese languages, "
                       "each text being equally authentic."]
    preamble = document(BASE, "en").find("preamble")
    assert preamble.text("en").title is None
    assert [shown(block, "en") for block in preamble.children] == [
        "The Republic of Korea and the Democratic People's Republic of Korea, hereinafter referred to as "
        "“the Parties”,", AGREED["en"]]


def test_a_draft_in_one_language_is_done_in_that_language():
    text = mutate(BASE, "  languages: [en, ko, zh]\n", "  languages: [en]\n")
    assert conclusions(text, "en")[1] == "DONE at …… on 15 January 2027, in duplicate in the English language."


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["As guarantor:", "For the Swiss Confederation:", "For the Russian Federation:", "As observer:",
            "For the European Union:"]),
    ("ko", ["보장:", "스위스연방을 위하여", "러시아연방을 위하여", "참관:", "유럽연합을 위하여"]),
])
def test_each_run_of_parties_in_one_role_is_captioned_once(lang, lines):
    assert conclusions(mutate(BASE, "bodies:\n", OTHER_ROLES), lang)[4:] == lines
