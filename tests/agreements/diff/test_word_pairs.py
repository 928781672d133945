"""Diff of the real before/after Word pairs: no traceback, and the change report a plain paragraph diff agrees with.

A plain diff of the paragraphs the import read from either file (difflib over their texts, word_pairs.py) finds
the stretches that differ; the change report must touch exactly the paragraphs of those stretches — a node added
or removed with everything it holds, a node whose text or heading changed — and report a stretch found only in
one file as added or removed, not as changed. Skipped where ../shared/reference/real-docx is absent.
"""

from __future__ import annotations

import pytest

from agreements.diff.compare import compare_agreements
from agreements.diff.report import text_report
from agreements.diff.versions import load_sides
from tests.agreements.diff.word_pairs import (PAIR_IDS, PAIRS, footnote_changes, need_real_docx, paragraph_diff,
                                              paragraph_texts, path_of, reported)


def compared(old: str, new: str):
    """Return the sides and the comparison of a pair of real Word files."""
    need_real_docx()
    sides = load_sides(path_of(old), path_of(new))
    return sides, compare_agreements(sides.old, sides.new)


@pytest.mark.parametrize("old, new", PAIRS, ids=PAIR_IDS)
def test_the_report_touches_the_paragraphs_a_plain_diff_finds(old, new):
    sides, comparison = compared(old, new)
    plain = paragraph_diff(paragraph_texts(sides.old, sides.lang), paragraph_texts(sides.new, sides.lang))
    found = reported(comparison, sides.lang)
    assert (found.old, found.new) == (plain.old, plain.new)
    assert plain.deleted <= found.deleted and plain.inserted <= found.inserted
    assert text_report(comparison, old, new, lambda text, **_: text)


def test_one_paragraph_deleted_and_one_inserted_are_two_changes():
    _, comparison = compared("oxpt--WC027-Twenty-Paras-Before", "oxpt--WC027-Twenty-Paras-After-1")
    assert sorted(change.kind for change in comparison.changes if change.kind != "meta") == ["added", "removed"]


def test_a_space_made_no_break_is_named():
    _, comparison = compared("oxpt--WC056-French", "oxpt--WC056-French-Mod")
    [change] = [change for change in comparison.changes if change.kind == "text"]
    assert change.details["characters"] == {"en": ["space → no-break space"]}
    assert change.summary.endswith("“…de l'article·1 de la” (space → no-break space)")


def test_a_footnote_reworded_is_reported():
    _, comparison = compared("oxpt--WC034-Footnotes-Before", "oxpt--WC034-Footnotes-After1")
    assert footnote_changes(comparison) == 1
