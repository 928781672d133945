"""The legal-linguistic check reads footnotes like text, and references to annexes and protocols in every language."""

from __future__ import annotations

from agreements.authentic.check import check_languages, readers
from agreements.drafts import parse_agreement
from agreements.rules.registry import check
from tests.agreements.authentic.test_check import NAME, ROUND_2, findings, where
from tests.conftest import mutate

FOOTNOTE_ZH = "zh: 指本协定签署之日有效的《国际地雷行动标准》版本。"


def test_the_shipped_round_2_with_its_annex_and_footnote_agrees():
    assert check_languages(parse_agreement(ROUND_2, NAME)) == []


def test_a_footnote_that_says_another_number_is_reported_at_the_footnote():
    text = mutate(ROUND_2, FOOTNOTE_ZH, "zh: 指本协定签署之日起30日内有效的《国际地雷行动标准》版本。")
    assert findings(text) == [f"{where(text, '起30日内有效')}: annex.demining.hand-over: zh: numbers differ from en: "
                              "30 only here"]


def test_a_footnote_missing_in_a_language_is_missing_text_not_a_discrepancy():
    text = mutate(ROUND_2, "          " + FOOTNOTE_ZH + "\n", "")
    assert findings(text) == []
    missing = [str(finding) for finding in check(parse_agreement(text, NAME)) if finding.rule == "languages-complete"]
    line = where(text, "en: The edition of the International Mine Action Standards").split(":")[1]
    assert missing == [f"{NAME}:{line}:11: annex.demining.hand-over: error: no Chinese (zh) text in "
                       "'footnote' [languages-complete]"]


def test_references_to_annexes_and_protocols_are_compared_by_their_numbers():
    reading = readers(parse_agreement(ROUND_2, NAME), ["en", "ko", "zh"])
    texts = {"en": "under paragraph 2 of Article 1 of Annex II, paragraph 3 of Annex I and Protocol IV",
             "ko": "부속서 2 제1조제2항, 부속서 1 제3항 및 제4의정서에 따라",
             "zh": "依照附件二第一条第二款、附件一第三款和第四议定书"}
    facts = {lang: reading[lang].read(text) for lang, text in texts.items()}
    assert facts["en"].references == {"1.2", "annex 2", "3.annex 1", "protocol 4"}
    assert facts["ko"].references == facts["en"].references == facts["zh"].references
    assert not any(fact.numbers for fact in facts.values())  # an annex's number is a reference, not a figure
