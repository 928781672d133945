"""Word-level text differences: Latin and Hangul by word, Chinese by character, always reversible."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from agreements.diff.words import DELETE, EQUAL, INSERT, changed_parts, tokens, word_diff, words_in


def apply_side(diffs: list[tuple[int, str]], side: int) -> str:
    """Return the old (side -1) or new (side 1) text a diff was made from."""
    return "".join(text for operation, text in diffs if operation in (EQUAL, side))


def test_tokens_per_script():
    assert tokens("Pull back 10 km.") == ["Pull", " ", "back", " ", "10", " ", "km", "."]
    assert tokens("당사자들은 철수한다") == ["당사자들은", " ", "철수한다"]
    assert tokens("各方应后撤10公里") == ["各", "方", "应", "后", "撤", "10", "公", "里"]


def test_changed_words_only():
    assert word_diff("within 90 days after", "within 180 days after") == [
        (EQUAL, "within "), (DELETE, "90"), (INSERT, "180"), (EQUAL, " days after")]
    assert word_diff("各方应后撤10公里", "各方应迅速后撤15公里") == [
        (EQUAL, "各方应"), (INSERT, "迅速"), (EQUAL, "后撤"), (DELETE, "10"), (INSERT, "15"), (EQUAL, "公里")]


@settings(max_examples=150, deadline=None)
@given(old=st.text(max_size=80), new=st.text(max_size=80))
def test_both_sides_can_be_rebuilt(old, new):
    diffs = word_diff(old, new)
    assert apply_side(diffs, DELETE) == old and apply_side(diffs, INSERT) == new


def test_large_texts_are_diffed_whole_not_given_up():
    old = " ".join(f"word{n}" for n in range(20000))
    new = old.replace("word10000", "changed")
    diffs = word_diff(old, new)
    assert [text for op, text in diffs if op != EQUAL] == ["word10000", "changed"]


def test_words_are_counted_without_punctuation_and_chinese_by_character():
    diff = word_diff("The Democratic People's Republic shall withdraw within 90 days.",
                     "The Parties shall withdraw within 180 days, 各方应后撤。")
    assert (words_in(diff, INSERT), words_in(diff, DELETE)) == (7, 4)


def test_changed_parts_quote_the_words_deleted_and_inserted_in_order():
    diff = word_diff("The Parties shall review the phases annually.",
                     "The Parties shall review the phases every two years.")
    assert changed_parts(diff) == "− “annually”; + “every two years”"


def test_changed_parts_are_cut_at_a_word_and_at_three():
    diff = [(DELETE, "one two three four five six"), (EQUAL, " x "), (INSERT, "a"), (EQUAL, " y "), (DELETE, "b"),
            (EQUAL, " z "), (INSERT, "c")]
    assert changed_parts(diff, length=12) == "− “one two…”; + “a”; − “b”; …"
