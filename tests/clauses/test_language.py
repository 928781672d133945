"""Per-language wording: lists, numbers, dates, deadlines and Korean particles."""

from __future__ import annotations

import datetime

import pytest

from clauses.base import Deadline
from clauses.languages import language
from clauses.particles import korean_particle
from clauses.scope import Scope


@pytest.mark.parametrize(
    ("lang", "two", "three"),
    [("en", "a and b", "a, b and c"), ("ko", "a 및 b", "a, b 및 c"), ("zh", "a和b", "a、b和c")],
)
def test_lists(lang, two, three):
    words = language(lang)
    assert words.join(["a", "b"]) == two
    assert words.join(["a", "b", "c"]) == three


def test_numbers_group_digits_except_in_chinese():
    assert language("en").number(28500) == "28,500"
    assert language("zh").number(28500) == "28500"
    assert language("en").number(2.5) == "2.5"


@pytest.mark.parametrize(("lang", "text"), [("en", "12 March 2027"), ("ko", "2027년 3월 12일"), ("zh", "2027年3月12日")])
def test_dates(lang, text):
    assert language(lang).date(datetime.date(2027, 3, 12)) == text


@pytest.mark.parametrize(
    ("lang", "days", "text"),
    [
        ("en", 90, "within 90 days after the entry into force of this Agreement"),
        ("en", 0, "upon the entry into force of this Agreement"),
        ("en", 1, "within one day after the entry into force of this Agreement"),
        ("ko", 90, "이 협정 발효 후 90일 이내에"),
    ],
)
def test_deadlines(lang, days, text):
    assert Scope().deadline(Deadline(days=days), language(lang)) == text


@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        ("대한민국", "은/는", "대한민국은"), ("위원회", "은/는", "위원회는"), ("미합중국", "이/가", "미합중국이"),
        ("서울", "으로/로", "서울로"), ("부산", "으로/로", "부산으로"), ("국제연합(UN)", "은/는", "국제연합(UN)은"),
        ("UN", "은/는", "UN은"), ("IAEA", "이/가", "IAEA가"), ("3", "을/를", "3을"), ("「판문점」", "과/와", "「판문점」과"),
    ],
)
def test_korean_particles(word, pair, expected):
    assert korean_particle(word, pair) == expected


def test_a_phrase_writes_the_particle_that_follows_a_value():
    words = language("ko")
    assert words.phrase("parties_formula", parties="대한민국 및 미합중국") == "대한민국 및 미합중국(이하 “당사자”라 한다)은,"
    assert words.phrase("parties_formula", parties="대한민국 및 일본국 정부") == "대한민국 및 일본국 정부(이하 “당사자”라 한다)는,"
    assert words.phrase("signature_for", name="국제연합") == "국제연합을 위하여"
    assert words.phrase("signature_for", name="유럽연합 이사회") == "유럽연합 이사회를 위하여"


@pytest.mark.parametrize(
    ("lang", "counts"),
    [
        ("en", {1: "in a single original", 2: "in duplicate", 4: "in quadruplicate", 9: "in 9 originals"}),
        ("ko", {1: "원본 1부를", 2: "각 2부씩", 4: "각 4부씩"}),
        ("zh", {1: "正本一份，", 2: "一式两份，每份均", 4: "一式四份，每份均", 5: "一式五份，每份均"}),
    ],
)
def test_originals_by_number(lang, counts):
    assert {count: language(lang).originals(count) for count in counts} == counts


def test_a_variant_is_read_over_its_base_and_a_broken_one_is_refused_in_one_line(tmp_path):
    from clauses.language_files import read_language
    from clauses.languages import LANGUAGE_FOLDER, LanguageError

    (tmp_path / "ko.yaml").write_text((LANGUAGE_FOLDER / "ko.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    variant = tmp_path / "ko-XX.yaml"
    variant.write_text("language: {variant_of: ko, name: 변이, tag: ko-XX}\nconcepts:\n  parties: {term: 당사측}\n"
                       "rewrites: {서울: 평양}\n", encoding="utf-8")
    read = read_language("ko-XX", variant)
    assert (read.variant_of, read.phrase("article", n=2)) == ("ko", "제2조")
    assert read.replacements == (("당사자", "당사측"), ("서울", "평양"))
    variant.write_text("language: {variant_of: ko, name: 변이, tag: ko-XX}\nrewrites: [서울]\n", encoding="utf-8")
    with pytest.raises(LanguageError) as raised:
        read_language("ko-XX", variant)
    assert raised.value.lines() == ["peacedraft: templates/language/ko-XX.yaml: rewrites: input should be a valid "
                                    "dictionary [PD-E039]"]


@pytest.mark.parametrize(("text", "lang"), [("Reviewing the reference.", "en"), ("국내 승인에 필요함.", "ko"),
                                            ("国内批准所必需。", "zh"), ("20 — 30", None)])
def test_the_language_a_text_is_written_in_is_its_scripts(text, lang):
    from clauses.languages import written_in

    assert written_in(text) == lang


def test_a_bracket_phrase_must_use_the_languages_brackets(tmp_path):
    from clauses.language_files import read_language
    from clauses.languages import LANGUAGE_FOLDER, LanguageError

    assert language("zh").brackets == "［］" and language("zh").phrase("bracketed", text="十") == "［十］"
    broken = tmp_path / "zh.yaml"
    broken.write_text((LANGUAGE_FOLDER / "zh.yaml").read_text(encoding="utf-8").replace(
        'bracketed: "［{text}］"', 'bracketed: "[{text}]"'), encoding="utf-8")
    with pytest.raises(LanguageError) as raised:
        read_language("zh", broken)
    assert "phrases.bracketed must open with ［ and close with ］" in raised.value.lines()[0]
