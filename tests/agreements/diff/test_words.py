"""Word-level text differences: Latin and Hangul by word, Chinese by character, always reversible."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from agreements.diff.words import (DELETE, EQUAL, INSERT, STEP_BUDGET, WORD, BoundedDiff, TokenCodes, changed_parts,
                                   sentences, tokens, word_diff, words_in)
from tests.agreements.diff.long_texts import VOCABULARY, apply_side, edited, prose
from tests.conftest import scaled


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


@scaled(0.05)
@given(lang=st.sampled_from(sorted(VOCABULARY)), length=st.integers(0, 10_000), seed=st.integers(0, 2**32),
       share=st.sampled_from([None, 0.01, 0.05, 0.2, 0.5]))
def test_long_texts_can_be_rebuilt_from_either_side(lang, length, seed, share):
    """Long texts, unrelated (share None) or edited in a share of their words, are diffed exactly."""
    old = prose(lang, length, seed)
    new = prose(lang, length, seed + 1) if share is None else edited(old, lang, share, seed)
    diffs = word_diff(old, new)
    assert apply_side(diffs, DELETE) == old and apply_side(diffs, INSERT) == new


def test_unrelated_10000_character_texts_are_replaced_within_the_budget():
    """Two different 10,000-character texts in each language: the search stops at its budget, the diff is exact,
    nearly every word is deleted and inserted, and each is counted."""
    for lang in VOCABULARY:
        old, new = prose(lang, 10_000, 1), prose(lang, 10_000, 2)
        engine = BoundedDiff(200_000)
        engine.diff_main(old, new, False)
        assert -2 * (len(old) + len(new)) <= engine.left < 0  # overspent by at most the last round
        diffs = word_diff(old, new)
        assert apply_side(diffs, DELETE) == old and apply_side(diffs, INSERT) == new
        kept = words_in(diffs, EQUAL)
        assert kept < 0.05 * len(WORD.findall(old))
        assert (words_in(diffs, DELETE) + kept, words_in(diffs, INSERT) + kept) == (len(WORD.findall(old)),
                                                                                   len(WORD.findall(new)))


def test_a_text_edited_in_a_few_places_keeps_its_equal_words_when_long():
    """A 10,000-character text edited in 1% of its words is diffed word by word, not replaced whole."""
    for lang in VOCABULARY:
        old = prose(lang, 10_000, 3)
        new = edited(old, lang, 0.01, 4)
        diffs = word_diff(old, new)
        assert sum(len(text) for op, text in diffs if op == EQUAL) > 0.9 * len(old)


def test_a_spent_budget_replaces_the_rest_whole_and_the_same_way_every_time():
    """With no steps to spend, the differing middle is deleted and inserted whole; the same texts, the same diff."""
    old, new = "keep this and that here", "keep these or those here"
    assert word_diff(old, new, budget=0) == [(EQUAL, "keep "), (DELETE, "this and that"),
                                             (INSERT, "these or those"), (EQUAL, " here")]
    old, new = prose("zh", 3_000, 5), prose("zh", 3_000, 6)
    assert word_diff(old, new, budget=50_000) == word_diff(old, new, budget=50_000)


def test_the_documented_budget_is_the_code_s():
    """docs/limits.md states the word diff's budget of steps as the code sets it."""
    limits = (Path(__file__).parents[3] / "docs" / "limits.md").read_text(encoding="utf-8")
    assert f"| {STEP_BUDGET:,} steps" in limits and "`STEP_BUDGET`" in limits


def test_a_long_text_with_every_other_sentence_rewritten_keeps_the_others():
    """Too many changes for the word search's budget: the sentences kept are found by the pass by sentences."""
    for lang in VOCABULARY:
        kept = [sentence(lang, seed) for seed in range(50)]
        old = "".join(kept[index] + sentence(lang, 100 + index) for index in range(50))
        new = "".join(kept[index] + sentence(lang, 200 + index) for index in range(50))
        diffs = word_diff(old, new)
        assert apply_side(diffs, DELETE) == old and apply_side(diffs, INSERT) == new
        # most of the sentences kept stay equal (diff_cleanupSemantic lets a short one go between long changes)
        assert sum(len(text) for op, text in diffs if op == EQUAL) >= 0.75 * sum(map(len, kept))
        codes, engine = TokenCodes(), BoundedDiff(STEP_BUDGET)
        engine.diff_main(codes.encode(old), codes.encode(new), False)
        assert engine.left < 0  # the word search alone runs out of steps


def sentence(lang: str, seed: int) -> str:
    """Return a sentence of about 100 characters: words and commas, then a full stop."""
    text = prose(lang, 100, seed)
    for mark in ".;。；":
        text = text.replace(mark, "，" if lang == "zh" else ",")
    return text.rstrip(" ,，") + ("。" if lang == "zh" else ". ")


def test_sentences_end_at_their_marks_in_every_script():
    assert sentences("ab.c;d", {".", ";"}) == ["ab.", "c;", "d"]
    assert sentences("ab.", {"."}) == ["ab."] and sentences("", {"."}) == []
