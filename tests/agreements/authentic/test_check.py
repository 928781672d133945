"""The legal-linguistic check: each class of discrepancy, put into a copy of round 2, is reported at its line."""

from __future__ import annotations

import pytest

from agreements.authentic.check import check_languages
from agreements.drafts import parse_agreement
from agreements.examples import example_bytes
from tests.conftest import mutate

ROUND_2 = example_bytes("round-2").decode("utf-8")
NAME = "round-2.yaml"


def findings(text: str) -> list[str]:
    """Return the check's findings of a draft as the command prints them."""
    return [f"{finding.location}: {finding.node_id}: {finding.message}"
            for finding in check_languages(parse_agreement(text, NAME))]


def where(text: str, value: str) -> str:
    """Return 'round-2.yaml:LINE:COL' of the line that holds value, at the start of the value after 'xx: '."""
    for number, line in enumerate(text.splitlines(), 1):
        if value in line:
            return f"{NAME}:{number}:{line.index(': ') + 3}"
    raise AssertionError(f"{value!r} is not in the draft")


RECORDS_KO = "남과 북은 이 협정 발효 후 60일 이내에 비무장지대"
RECORDS_ZH = "南北双方应在本协定生效后60日内，向对方提供"
ANNEX_ZH = "应遵循构成本协定不可分割的组成部分的{ref:annex.demining}所规定的程序。"
SELF_DEFENCE_ZH = "本协定的任何规定均不得损害《联合国宪章》所承认的单独或集体自卫的固有权利。"


@pytest.mark.parametrize("shipped", ["round-1", "round-2"])
def test_the_shipped_rounds_say_the_same_in_every_language(shipped):
    assert check_languages(parse_agreement(example_bytes(shipped).decode("utf-8"), shipped)) == []


# One discrepancy of each class, put into round 2: (what is replaced, by what, the words of the finding's
# line, and the finding after 'file:line:col: ').
DISCREPANCIES = {
    "number": (RECORDS_ZH, RECORDS_ZH.replace("60日", "90日"), "南北双方应在本协定生效后90日内",
               "dmz.demining.records: zh: numbers differ from en: 60 only in en; 90 only here"),
    "name": (RECORDS_KO, RECORDS_KO.replace("남과 북은", "대한민국은"), "대한민국은 이 협정 발효 후 60일",
             "dmz.demining.records: ko: names differ from en: rok only here"),
    "forbidden term": ("任何当事方均不得在朝鲜半岛部署", "各方均不得在朝鲜半岛部署", "各方均不得在朝鲜半岛部署",
                       "denuc.no-nuclear-weapons: zh: '各方' is not the term for parties: write '当事方'"),
    "concept left out": (SELF_DEFENCE_ZH, "本协定的任何规定均不得损害单独或集体自卫的固有权利。", "本协定的任何规定均不得损害单独",
                         "end-of-war.self-defence: zh: concepts differ from en: un_charter only in en"),
    "numeral style": (RECORDS_ZH, RECORDS_ZH.replace("60日", "六十日"), "本协定生效后六十日内",
                      "dmz.demining.records: zh: '六十': quantities are written in figures (60日, 20公里)"),
    "punctuation": (RECORDS_ZH, RECORDS_ZH.replace("60日内，", "60日内,"), "本协定生效后60日内,",
                    "dmz.demining.records: zh: '内,': half-width punctuation in a Chinese text (use ，；：（）)"),
    "integral part weakened": (ANNEX_ZH, ANNEX_ZH.replace("不可分割的组成部分", "组成部分"), "应遵循构成本协定组成部分的",
                               "demining.procedures: zh: concepts differ from en: integral_part only in en"),
    "cross-reference": (SELF_DEFENCE_ZH, SELF_DEFENCE_ZH.replace("本协定的任何规定", "本协定第三条的任何规定"),
                        "本协定第三条的任何规定",
                        "end-of-war.self-defence: zh: references to articles differ from en: 3 only here"),
}


@pytest.mark.parametrize("case", DISCREPANCIES)
def test_a_discrepancy_is_reported_at_its_line(case):
    old, new, line_words, finding = DISCREPANCIES[case]
    text = mutate(ROUND_2, old, new)
    assert findings(text) == [f"{where(text, line_words)}: {finding}"]


def quoted(text: str, old: str, new: str) -> str:
    """Return text with the value that holds old replaced by new, the whole value in double quotes."""
    line = next(line for line in text.splitlines() if old in line)
    key, _, value = line.partition(": ")
    return mutate(text, line, f'{key}: "{value.replace(old, new)}"')


def test_a_bracket_group_one_language_adds():
    text = quoted(ROUND_2, RECORDS_KO, "[남과 북은] 이 협정 발효 후 60일 이내에 비무장지대")
    assert findings(text) == [f"{where(text, '[남과 북은] 이 협정')}: dmz.demining.records: ko: "
                              "1 bracket group where en has 0"]


def test_a_proposer_that_differs_between_languages():
    english = "Each side shall provide to the other, within 60 days after the entry into force"
    text = mutate(ROUND_2, english, "[Each side (Republic of Korea)] shall provide to the other, within 60 days after "
                                    "the entry into force")
    text = quoted(text, RECORDS_KO, "[남과 북은(조선민주주의인민공화국 제안)] 이 협정 발효 후 60일 이내에 비무장지대")
    text = quoted(text, RECORDS_ZH, "[南北双方（大韩民国）]应在本协定生效后60日内，向对方提供")
    assert findings(text) == [f"{where(text, '[남과 북은(조선민주주의인민공화국 제안)]')}: dmz.demining.records: ko: "
                              "bracket group 1 is bracketed text proposed by dprk where en has bracketed text "
                              "proposed by rok"]


def test_chinese_brackets_are_read_full_width_or_half_width():
    from agreements.authentic.facts import TextFacts
    from clauses.languages import language
    from clauses.terminology import Reader

    facts = TextFacts(language("zh"), Reader(language("zh"), []))
    for text in ("［方案A：十］［方案B：二十］", "[方案A：十] [方案B：二十]"):
        assert [group.letter for group in facts.read(text).groups] == ["A", "B"]
