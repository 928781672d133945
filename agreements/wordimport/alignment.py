"""Which nodes of two lists are the same node: an alignment of their texts that keeps their order.

Nodes with the same text (white space aside) are paired in order first, as difflib aligns two lists of lines.
Between two such pairs, the nodes left are paired by the text they share, the closest pairs first and never
crossing a pair already made, so a paragraph inserted is one insertion and the paragraphs around it keep their
partners. What is still left is paired across those stretches only when its text is the same or nearly so: a
node that moved. Text is compared as sets of words, or of character pairs in a language matched by them
(Korean, Chinese) and in a text of fewer than three words ('12,34' and '12,4' share '12' and '2,').
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass, field

ANYWHERE = 0.35  # two nodes between the same two pairs match with at least this much text in common (Jaccard) …
SAME_NUMBER_BONUS = 0.1  # … counting this much more when they carry the same number
MOVED = 0.6  # two nodes far apart match (one moved) with at least this much text in common
SHARING = 1e-9  # what is left between two pairs matches with any text in common
MAX_PAIRS = 250_000  # a stretch with more pairs to score is matched by number only
SHORT = 3  # a text of fewer words is compared by its character pairs
WORD = re.compile(r"\w+")


@dataclass
class Listed:
    """One node of a list as the alignment sees it: its kind, its text, the number it carries (None: none)."""

    kind: str
    text: str
    number: int | None = None
    key: str = field(init=False)
    words: set[str] = field(init=False)
    pairs: set[str] = field(init=False)

    def __post_init__(self):
        self.key = f"{self.kind}\n{' '.join(self.text.split())}"
        self.words = set(WORD.findall(self.text.lower()))
        squeezed = "".join(self.text.lower().split())
        self.pairs = {squeezed[index:index + 2] for index in range(len(squeezed) - 1)} or {squeezed}


def align(ours: list[Listed], theirs: list[Listed], by_pairs: bool) -> dict[int, int]:
    """Return, by index in theirs, the index in ours of the node it matches.

    by_pairs: compare texts by their character pairs (a language whose words are not spaced or not matched by
    word sets).
    """
    matcher = difflib.SequenceMatcher(None, [node.key for node in ours], [node.key for node in theirs],
                                      autojunk=False)
    pairs: dict[int, int] = {}
    stretches = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.update(zip(range(j1, j2), range(i1, i2)))
        elif tag == "replace":
            pairs.update(_in_stretch(ours, theirs, range(i1, i2), range(j1, j2), by_pairs, ANYWHERE))
            stretches.append((range(i1, i2), range(j1, j2)))
    pairs.update(_moved(ours, theirs, pairs, by_pairs))
    for mine, yours in stretches:
        pairs.update(_left_in_place(ours, theirs, mine, yours, pairs, by_pairs))
    return pairs


def similarity(first: Listed, second: Listed, by_pairs: bool) -> float:
    """Return how much text two nodes share (Jaccard over words, or over character pairs)."""
    if first.kind != second.kind:
        return 0.0
    short = min(len(first.words), len(second.words)) < SHORT
    one, other = (first.pairs, second.pairs) if by_pairs or short else (first.words, second.words)
    if not one and not other:
        return 1.0
    return len(one & other) / len(one | other)


def _score(mine: Listed, theirs: Listed, by_pairs: bool) -> float:
    """Return how well two nodes match: their similarity, with a bonus when they carry the same number."""
    bonus = SAME_NUMBER_BONUS if mine.number is not None and mine.number == theirs.number else 0.0
    return similarity(mine, theirs, by_pairs) + bonus


def _in_stretch(ours: list[Listed], theirs: list[Listed], mine: range | list[int], yours: range | list[int],
                by_pairs: bool, least: float) -> dict[int, int]:
    """Return the pairs of a stretch between two equal runs scoring at least `least`: the closest first, none
    crossing another."""
    if len(mine) * len(yours) > MAX_PAIRS:
        return _by_number(ours, theirs, mine, yours, by_pairs)
    scored = sorted((-score, j, i) for j in yours for i in mine
                    if (score := _score(ours[i], theirs[j], by_pairs)) >= least)
    kept_j: list[int] = []  # the pairs made, by their index in theirs: their indexes in ours rise with them
    kept_i: list[int] = []
    taken: set[int] = set()
    for _, j, i in scored:
        place = bisect.bisect_left(kept_j, j)
        if place < len(kept_j) and kept_j[place] == j or i in taken:
            continue
        if (place and kept_i[place - 1] > i) or (place < len(kept_i) and kept_i[place] < i):
            continue
        kept_j.insert(place, j)
        kept_i.insert(place, i)
        taken.add(i)
    return dict(zip(kept_j, kept_i))


def _left_in_place(ours: list[Listed], theirs: list[Listed], mine: range, yours: range, pairs: dict[int, int],
                   by_pairs: bool) -> dict[int, int]:
    """Return pairs of the nodes of a stretch still unpaired, between the pairs made: as many on either side are
    paired in order (a paragraph rewritten in its place), else those sharing any text, the closest first."""
    used = set(pairs.values())
    edges = [(-1, -1), *sorted((j, i) for j, i in pairs.items() if j in yours and i in mine), (len(theirs), len(ours))]
    found = {}
    for (j0, i0), (j1, i1) in zip(edges, edges[1:]):
        left_mine = [i for i in mine if i0 < i < i1 and i not in used]
        left_yours = [j for j in yours if j0 < j < j1 and j not in pairs]
        if len(left_mine) == len(left_yours):
            found.update((j, i) for j, i in zip(left_yours, left_mine) if ours[i].kind == theirs[j].kind)
        else:
            found.update(_in_stretch(ours, theirs, left_mine, left_yours, by_pairs, SHARING))
    return found


def _by_number(ours: list[Listed], theirs: list[Listed], mine: range, yours: range,
               by_pairs: bool) -> dict[int, int]:
    """Return the pairs of a stretch too long to score pairwise: nodes of the same number and close text."""
    by_number = {ours[i].number: i for i in mine if ours[i].number is not None}
    pairs = {}
    for j in yours:
        i = by_number.get(theirs[j].number) if theirs[j].number is not None else None
        if i is not None and similarity(ours[i], theirs[j], by_pairs) >= ANYWHERE:
            pairs[j] = i
    return pairs


def _moved(ours: list[Listed], theirs: list[Listed], pairs: dict[int, int], by_pairs: bool) -> dict[int, int]:
    """Return pairs among the nodes still unpaired wherever they are: the same text first, then nearly the same."""
    used = set(pairs.values())
    left_ours = [i for i in range(len(ours)) if i not in used]
    left_theirs = [j for j in range(len(theirs)) if j not in pairs]
    waiting: dict[str, list[int]] = {}
    for i in left_ours:
        waiting.setdefault(ours[i].key, []).append(i)
    moved = {}
    for j in left_theirs:
        same = waiting.get(theirs[j].key)
        if same:
            moved[j] = same.pop(0)
    left_ours = [i for i in left_ours if i not in set(moved.values())]
    left_theirs = [j for j in left_theirs if j not in moved]
    if len(left_ours) * len(left_theirs) > MAX_PAIRS:
        return moved
    scored = sorted((-score, j, i) for j in left_theirs for i in left_ours
                    if (score := _score(ours[i], theirs[j], by_pairs)) >= MOVED)
    taken = set()
    for _, j, i in scored:
        if j not in moved and i not in taken:
            moved[j] = i
            taken.add(i)
    return moved
