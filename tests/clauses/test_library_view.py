"""What `clauses show` prints of an option: its text names every step and event in words, in every language."""

from __future__ import annotations

import pytest

from clauses import library_view
from clauses.library import find_option
from clauses.library_view import format_report, option_report
from clauses.linebreaks import columns

OUTSIDE = "step-demining-done"


@pytest.fixture
def waits_outside(monkeypatch):
    """Make the pre-registered-lists option open its first crossing after a step it does not hold."""
    option = find_option("border/pre-registered-lists")
    clause = {**option.clause, "crossings": [dict(crossing) for crossing in option.clause["crossings"]]}
    clause["crossings"][0]["deadline"] = {"after": OUTSIDE, "days": 30}
    monkeypatch.setattr(library_view, "find_option", lambda option_id: option.model_copy(update={"clause": clause}))


@pytest.mark.parametrize("lang, words", [
    ("en", "shall be opened within 30 days after the completion of a step provided for elsewhere in this Agreement"),
    ("ko", "이 협정의 다른 조항에서 정하는 단계의 완료 후 30일 이내에 개통한다"),
    ("zh", "应于本协定其他条款规定的步骤完成后30日内开通"),
])
def test_an_event_outside_the_option_reads_as_words(waits_outside, lang, words):
    text = option_report("border/pre-registered-lists", lang)["text"]
    assert words in text and OUTSIDE not in text


@pytest.mark.parametrize("lang, words", [
    ("en", "within 90 days after the opening of the crossing point “Panmunjom Crossing”"),
    ("ko", "“판문점 통행지점”의 개통 후 90일 이내에"),
    ("zh", "应于“板门店通行点”开通后90日内开通"),
])
def test_an_item_of_the_option_is_named_by_its_own_words(lang, words):
    text = option_report("border/pre-registered-lists", lang)["text"]
    assert words in text and "crossing-panmunjom" not in text


@pytest.mark.parametrize("lang", ["ko", "zh"])
def test_the_text_wraps_by_columns_and_keeps_numbers_whole(lang):
    report = option_report("border/pre-registered-lists", lang)
    printed = format_report(report).split(f"Text ({lang})\n", 1)[1].splitlines()
    assert all(columns(line) <= 96 for line in printed)
    assert "".join(line.strip() for line in printed).replace(" ", "") == report["text"].replace(" ", "")
    assert not any(line.rstrip()[-1:].isdigit() and after.strip()[:1].isdigit()
                   for line, after in zip(printed, printed[1:]))
