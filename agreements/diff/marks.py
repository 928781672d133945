"""Which paragraph marks carry the revision when whole paragraphs are deleted, inserted or moved.

A run of k whole paragraphs that comes or goes needs k tracked paragraph marks. Word writes them on the
paragraphs themselves, or — as it does for a paragraph typed after another — on the paragraph before the run
and every paragraph of the run but its last. Both give the same text on accepting and rejecting, but not
always the same paragraph properties, and not the same numbers in LibreOffice's Show Changes mode:

- Accepting or rejecting a tracked mark joins two paragraphs. In Word the joined paragraph keeps the
  properties of the mark that stays (the later one); LibreOffice keeps those of the first paragraph, unless
  that paragraph goes whole, as one change from its start, with its mark.
- LibreOffice (7.4) takes a paragraph out of its "current" numbering when a deletion reaches its start, and
  out of its "original" numbering when an insertion does: a mark tracked on the paragraph before the next
  one reaches that next paragraph, a mark tracked on the paragraph before the run does not.

So, before a numbered paragraph, the marks go on the paragraph before the run whenever both joins keep every
paragraph's own properties
in both programs — an inserted paragraph may record, as its former properties, those of the paragraph that
joins it on rejecting — else on the run's own paragraphs (always exact), else on a mix of the two. Each
choice is checked by joining the paragraphs as each program would, on accepting and on rejecting. A choice that
leaves a mark untracked between two insertions is taken only when no other is exact: LibreOffice joins the two
insertions and the mark with them (seams.py).
"""

from __future__ import annotations

from dataclasses import dataclass

REMOVED = {"accept": ("del", "moveFrom"), "reject": ("ins", "moveTo")}
PLAIN = {"del": "del", "moveFrom": "del", "ins": "ins", "moveTo": "ins"}


@dataclass(frozen=True)
class Mark:
    """A paragraph as the choice of marks sees it.

    shape: its paragraph properties (style, numbering, alignment); side: 'del' (in the old version only),
    'ins' (in the new only) or None (in both); own: the revision its text is (del, ins, moveFrom, moveTo);
    uniform: its text is one revision of that type, which LibreOffice joins with a mark of the same type.
    """

    shape: tuple
    side: str | None = None
    own: str | None = None
    uniform: bool = True
    listed: bool = False  # numbered by a list: LibreOffice's numbers change when a change reaches its start
    empty: bool = False  # it has no text (nothing of it for LibreOffice to join)
    opens: str | None = None  # the insertion its text starts with, when its words cannot be written otherwise
    closes: str | None = None  # the insertion its text ends with, when its words cannot be written otherwise


@dataclass(frozen=True)
class Placement:
    """Where the marks go: the revision on the mark of the anchor and of each paragraph of the run (None: not
    tracked), and the paragraphs (by index, the anchor 0) that record the former properties of another one."""

    marks: list[str | None]
    restyled: dict[int, int]


def choose_marks(anchor: Mark | None, run: list[Mark], following: Mark) -> Placement | None:
    """Return where a run's marks go, between the paragraph before it (`anchor`, None at the start) and the one
    after it; None when no placement keeps every paragraph's properties (a moved paragraph with changes inside,
    before a paragraph of another shape, must then be written as deleted and inserted instead).

    An inserted paragraph whose mark joins, on rejecting, the text of a paragraph of another shape records
    that paragraph's properties as its former ones (w:pPrChange), so rejecting restores them.
    """
    if anchor is None:
        return Placement(_placed(run, 0)[1:], {})
    paragraphs = [anchor, *run, following]
    count = len(run)
    first = [count, 0] if following.listed else [0, count]  # on the run's own marks when they number nothing
    for apart in (True, False):
        for untracked in [*first, *range(count - 1, 0, -1)]:
            marks = _placed(run, untracked) + [None]
            if apart and _joined(paragraphs, untracked):
                continue
            for restyled in ({}, _restyling(paragraphs, marks, untracked)):
                if restyled is not None and _exact(paragraphs, marks, restyled):
                    return Placement(marks[:-1], restyled)
    return None


def _joined(paragraphs: list[Mark], untracked: int) -> bool:
    """Return whether the mark left untracked lies between two insertions, which LibreOffice joins across it (the
    mark going with them on rejecting: seams.py)."""
    before, after = paragraphs[untracked], paragraphs[untracked + 1]
    return _closing(before) == "ins" and _opening(after) == "ins"


def _closing(paragraph: Mark) -> str | None:
    """Return the insertion a paragraph's text ends with (a whole inserted paragraph's own), else None."""
    return paragraph.closes or (paragraph.own if paragraph.uniform and not paragraph.empty else None)


def _opening(paragraph: Mark) -> str | None:
    """Return the insertion a paragraph's text starts with (a whole inserted paragraph's own), else None."""
    return paragraph.opens or (paragraph.own if paragraph.uniform and not paragraph.empty else None)


def _placed(run: list[Mark], untracked: int) -> list[str | None]:
    """Return the marks with the one at `untracked` (0: the anchor's) left alone: each mark before it carries
    the next paragraph's change, as a plain deletion or insertion, each after it its own paragraph's."""
    return [*(PLAIN[paragraph.own] for paragraph in run[:untracked]), None,
            *(paragraph.own for paragraph in run[untracked:])]


def _restyling(paragraphs: list[Mark], marks: list[str | None], untracked: int) -> dict[int, int] | None:
    """Return the restyling that lets an inserted paragraph's untracked mark take, on rejecting, the properties
    of the text that joins it (None when that paragraph is not inserted or nothing joins it)."""
    if not untracked or paragraphs[untracked].side != "ins":
        return None
    group = _group_ending(marks, untracked, REMOVED["reject"])
    kept = [index for index in group if paragraphs[index].side not in REMOVED["reject"]]
    return {untracked: kept[0]} if len(kept) == 1 and kept[0] != untracked else None


def _group_ending(marks: list[str | None], end: int, removed: tuple) -> list[int]:
    """Return the paragraphs joined into the one whose mark (at `end`) stays."""
    start = end
    while start > 0 and marks[start - 1] in removed:
        start -= 1
    return list(range(start, end + 1))


def _exact(paragraphs: list[Mark], marks: list[str | None], restyled: dict[int, int]) -> bool:
    """Return whether accepting and rejecting, in Word and in LibreOffice, keep each paragraph whole and as it was.

    A moved paragraph with changes inside may not carry its own move on its mark: LibreOffice leaves it behind,
    empty, when the change before the mark is another one (measured with 7.4).
    """
    if any(not paragraph.uniform and mark == paragraph.own for paragraph, mark in zip(paragraphs, marks)):
        return False
    return all(_joins_exactly(paragraphs, marks, outcome, restyled if outcome == "reject" else {})
               for outcome in REMOVED)


def _joins_exactly(paragraphs: list[Mark], marks: list[str | None], outcome: str, restyled: dict[int, int]) -> bool:
    """Return whether one outcome (accept or reject) leaves every remaining text alone in a paragraph of its shape."""
    removed = REMOVED[outcome]
    shapes = [paragraphs[restyled.get(index, index)].shape for index in range(len(paragraphs))]
    group: list[int] = []
    for index, mark in enumerate(marks):
        group.append(index)
        if mark in removed:
            continue
        kept = [member for member in group if paragraphs[member].side not in removed]
        if len(kept) != 1:
            return False
        first = next(member for member in group if not _goes_whole(paragraphs[member], marks[member], removed))
        if not shapes[group[-1]] == shapes[first] == paragraphs[kept[0]].shape:
            return False
        group = []
    return not group


def _goes_whole(paragraph: Mark, mark: str | None, removed: tuple) -> bool:
    """Return whether LibreOffice removes a paragraph as one change from its start, mark included."""
    return paragraph.side in removed and paragraph.uniform and mark == paragraph.own
