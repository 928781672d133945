"""Numbers come from tree order, never from the file, and are written per language."""

from __future__ import annotations

import pytest

from agreements.drafts import parse_agreement
from agreements.numbering import node_numbers
from clauses.languages import language
from clauses.numerals import chinese_numeral, letter, roman
from tests.conftest import BASE_DRAFT

AGREEMENT = parse_agreement(BASE_DRAFT.read_text(encoding="utf-8"), "base.yaml")
POSITIONS = node_numbers(AGREEMENT)


def test_numeral_systems():
    assert [roman(n) for n in (1, 4, 9, 14, 40, 1990)] == ["I", "IV", "IX", "XIV", "XL", "MCMXC"]
    assert [letter(n) for n in (1, 2, 26, 27, 28)] == ["a", "b", "z", "aa", "ab"]
    korean = language("ko").point_letters
    assert [letter(n, korean) for n in (1, 2, 14, 15, 29, 84)] == ["가", "나", "하", "거", "고", "히"]
    assert [chinese_numeral(n) for n in (1, 10, 11, 24, 101, 110)] == ["一", "十", "十一", "二十四", "一百零一", "一百一十"]


def test_articles_run_on_across_parts():
    assert POSITIONS["military"].numbers == (1,)
    assert [POSITIONS[key].numbers for key in ("pullback", "unc-article", "final")] == [(1,), (2,), (3,)]
    assert POSITIONS["final.steps.note"] == type(POSITIONS["final"])("point", (3, 2, 1))


@pytest.mark.parametrize(
    ("lang", "labels", "reference"),
    [
        ("en", ["Part I", "Article 3", "2.", "(a)"], "subparagraph (a) of paragraph 2 of Article 3"),
        ("ko", ["제1부", "제3조", "2.", "가."], "제3조제2항가목"),
        ("zh", ["第一部分", "第三条", "二、", "（一）"], "第三条第二款第（一）项"),
    ],
)
def test_labels_and_references_per_language(lang, labels, reference):
    words = language(lang)
    ids = ("military", "final", "final.steps", "final.steps.note")
    assert [POSITIONS[key].label(words) for key in ids] == labels
    assert POSITIONS["final.steps.note"].reference(words) == reference


@pytest.mark.parametrize(("lang", "reference"), [("en", "Part I"), ("ko", "제1부"), ("zh", "第一部分")])
def test_a_part_is_referred_to_as_a_part_not_an_article(lang, reference):
    assert POSITIONS["military"].level == "part"
    assert POSITIONS["military"].reference(language(lang)) == reference
