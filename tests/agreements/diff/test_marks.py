"""Where the tracked paragraph marks of a run of whole paragraphs go (agreements/diff/marks.py)."""

from __future__ import annotations

from agreements.diff.marks import Mark, Placement, choose_marks

PARAGRAPH, POINT, HEADING, PART, NORMAL = ("paragraph",), ("point",), ("heading",), ("part",), ("normal",)


def kept(shape: tuple, listed: bool = True) -> Mark:
    """Return a paragraph in both versions."""
    return Mark(shape, listed=listed)


def test_on_the_paragraph_before_the_run_when_the_shapes_agree():
    """A paragraph deleted after one of its shape: the mark before it carries the deletion, the next paragraph
    is not reached (LibreOffice keeps its number)."""
    assert choose_marks(kept(PARAGRAPH), [Mark(PARAGRAPH, "del", "del")], kept(HEADING)) == Placement(["del", None], {})


def test_an_inserted_paragraph_records_the_properties_it_takes_on_rejecting():
    """A paragraph inserted after a point: the point's mark carries the insertion, and the inserted paragraph
    records the point's properties as its former ones, so rejecting leaves the point a point."""
    placement = choose_marks(kept(POINT), [Mark(PARAGRAPH, "ins", "ins")], kept(HEADING))
    assert placement == Placement(["ins", None], {1: 0})


def test_on_the_runs_own_marks_when_a_deletion_would_change_the_paragraph_before():
    """A paragraph deleted after a point cannot hand its mark to the point (accepting would make it a paragraph)."""
    assert choose_marks(kept(POINT), [Mark(PARAGRAPH, "del", "del")], kept(HEADING)) == Placement([None, "del"], {})


def test_on_the_runs_own_marks_before_a_paragraph_no_list_numbers():
    """Before the last, unnumbered paragraph nothing is renumbered: the run's own marks, as Word writes them."""
    placement = choose_marks(kept(POINT), [Mark(PARAGRAPH, "ins", "ins")], kept(NORMAL, listed=False))
    assert placement == Placement([None, "ins"], {})


def test_a_moved_paragraph_with_changes_inside_keeps_its_neighbours_shapes():
    """LibreOffice keeps a changed moved paragraph's properties when its mark joins it to the next one: its
    own mark may not be tracked before a heading; the marks go before it, with the part heading's properties
    recorded on the last paragraph of the run."""
    run = [Mark(HEADING, "ins", "moveTo"), Mark(PARAGRAPH, "ins", "moveTo", uniform=False)]
    assert choose_marks(kept(PART), run, kept(HEADING)) == Placement(["ins", "ins", None], {2: 0})


def test_no_placement_for_a_changed_move_between_mismatched_deletions():
    """At its old place, a changed moved paragraph after a point and before a heading has no exact placement."""
    assert choose_marks(kept(POINT), [Mark(PARAGRAPH, "del", "moveFrom", uniform=False)], kept(HEADING)) is None


def test_a_run_at_the_start_has_its_own_marks():
    assert choose_marks(None, [Mark(HEADING, "ins", "ins"), Mark(PARAGRAPH, "ins", "ins")], kept(HEADING)) == \
        Placement(["ins", "ins"], {})


def test_a_changed_moved_paragraph_never_carries_its_own_move_on_its_mark():
    """LibreOffice leaves such a paragraph behind, empty, on accepting: even before the unnumbered last
    paragraph, the mark before it carries the change."""
    run = [Mark(POINT, "del", "moveFrom", uniform=False)]
    assert choose_marks(kept(POINT), run, kept(NORMAL, listed=False)) == Placement(["del", None], {})
