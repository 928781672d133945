"""Which nodes of two lists are the same: the same texts in order, then the closest between them, then moves."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from agreements.wordimport.alignment import Listed, align

WORDS = ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"]


def listed(texts: list[str], kind: str = "recital") -> list[Listed]:
    """Return texts as nodes of one kind."""
    return [Listed(kind, text) for text in texts]


def test_one_inserted_paragraph_leaves_every_other_with_its_partner():
    old = [f"Paragraph {word.lower()}" for word in WORDS]
    new = [old[0], "A new paragraph.", *old[1:]]
    pairs = align(listed(old), listed(new), False)
    assert pairs == {0: 0, **{index + 1: index for index in range(1, len(old))}}


def test_a_paragraph_changed_in_place_is_paired_however_short():
    pairs = align(listed(["12.34", "12,34", "Ab,cd", "Test.", ".Test.123"]),
                  listed(["12.34", "12,4", "Ab,cd", "st.", ".Test.123"]), False)
    assert pairs == {index: index for index in range(5)}


def test_paragraphs_rewritten_between_two_kept_ones_are_paired_in_order():
    pairs = align(listed(["Kept", "Old wording of one", "Old wording of two", "End"]),
                  listed(["Kept", "Entirely other", "Nothing alike", "End"]), False)
    assert pairs == {0: 0, 1: 1, 2: 2, 3: 3}


def test_between_uneven_stretches_only_texts_sharing_words_are_paired():
    pairs = align(listed(["Kept", "The Parties shall withdraw", "End"]),
                  listed(["Kept", "A note for the drafters", "The Parties may withdraw", "End"]), False)
    assert pairs == {0: 0, 2: 1, 3: 2}


def test_repeated_near_identical_paragraphs_keep_their_order():
    old = ["Item: the same line"] * 5 + ["Item: the same line, changed"] + ["Item: the same line"] * 5
    new = ["Item: the same line"] * 5 + ["Item: the same line, changed again"] + ["Item: the same line"] * 5
    pairs = align(listed(old), listed(new), False)
    assert pairs == {index: index for index in range(11)}


def test_a_moved_paragraph_is_paired_at_its_new_place():
    old = ["Alpha clause text", "Beta clause text here", "Gamma clause", "Delta clause"]
    new = ["Alpha clause text", "Gamma clause", "Delta clause", "Beta clause text here"]
    assert align(listed(old), listed(new), False) == {0: 0, 1: 2, 2: 3, 3: 1}


def test_nodes_of_another_kind_are_never_paired():
    assert align([Listed("part", "General")], [Listed("article", "General")], False) == {}


def test_the_same_number_counts_a_little():
    old = [Listed("article", "Withdrawal of forces from the zone", 1),
           Listed("article", "Withdrawal of forces from the line", 2)]
    new = [Listed("article", "Withdrawal of forces", 2)]
    assert align(old, new, False) == {0: 1}


def test_korean_is_compared_by_character_pairs():
    pairs = align(listed(["당사자들은 군사분계선에서 철수한다", "끝"]), listed(["당사자들은 군사분계선으로부터 철수한다", "끝"]), True)
    assert pairs == {0: 0, 1: 1}


def test_two_thousand_paragraphs_with_one_inserted_align_quickly():
    old = [f"Paragraph number {index} of a long agreement" for index in range(2000)]
    new = [*old[:1000], "An inserted paragraph", *old[1000:]]
    started = time.perf_counter()
    pairs = align(listed(old), listed(new), False)
    assert time.perf_counter() - started < 2
    assert len(pairs) == 2000 and 1000 not in pairs


@settings(max_examples=100, deadline=None)
@given(old=st.lists(st.sampled_from(WORDS), max_size=12), new=st.lists(st.sampled_from(WORDS), max_size=12))
def test_every_node_is_paired_once_and_only_with_its_kind(old, new):
    pairs = align(listed(old), listed(new), False)
    assert len(set(pairs.values())) == len(pairs)
    assert all(0 <= i < len(old) and 0 <= j < len(new) for j, i in pairs.items())


def test_two_unrelated_lists_of_five_hundred_paragraphs_align_in_bounded_time():
    old = [f"Old paragraph {index} about the zone and the parties" for index in range(500)]
    new = [f"New clause {index} on the line between the parties" for index in range(500)]
    started = time.perf_counter()
    pairs = align(listed(old), listed(new), False)
    assert time.perf_counter() - started < 5
    assert len(pairs) == 500
