"""Where two paragraphs meet in a redline: no change may run on from one into the next across a kept mark.

LibreOffice (7.4, `DocumentRedlineManager::AppendRedline`) joins two insertions of the same author and minute when
one ends a paragraph and the other starts the next (`IsPrevPos`): the joined insertion then holds the paragraph
mark between them, and rejecting it takes the mark away too — the two paragraphs come back as one. (Deletions
that meet so are not joined: accepting them keeps the paragraphs apart; measured with 7.4.)

So where a paragraph whose mark is kept ends with an insertion (or moved text) and the next starts with one, one of
the two words-diffs is rewritten, its text and its outcome unchanged: within the changes at the end (or the start) the
deleted and inserted words change places, or, where there are only insertions (only deletions), the word before
them (after them) is deleted and inserted again with them. 'Alpha one' → 'Alpha one more' ends with '+ more';
written '− one + one more' it ends with an insertion still, written '+ one more − one' with a deletion.
"""

from __future__ import annotations

from dataclasses import dataclass

from agreements.diff.words import DELETE, EQUAL, INSERT, tokens

Diff = list[tuple[int, str]]


def first_change(diff: Diff) -> int | None:
    """Return the operation a diff's text starts with (INSERT, DELETE), None when it starts with kept text."""
    found = next((operation for operation, text in diff if text), None)
    return None if found == EQUAL else found


def last_change(diff: Diff) -> int | None:
    """Return the operation a diff's text ends with (INSERT, DELETE), None when it ends with kept text."""
    return first_change(diff[::-1])


def ending_otherwise(diff: Diff) -> Diff | None:
    """Return the diff rewritten to end with another operation than it ends with (None when it cannot be)."""
    turned = starting_otherwise([(operation, text[::-1]) for operation, text in diff[::-1]])
    return None if turned is None else [(operation, text[::-1]) for operation, text in turned[::-1]]


def starting_otherwise(diff: Diff) -> Diff | None:
    """Return the diff rewritten to start with another operation than it starts with (None when it cannot be)."""
    diff = [(operation, text) for operation, text in diff if text]
    start = first_change(diff)
    if start is None:
        return diff
    size = next((index for index, (operation, _) in enumerate(diff) if operation == EQUAL), len(diff))
    changes, rest = diff[:size], diff[size:]
    others = [change for change in changes if change[0] != start]
    if others:
        return [*others, *(change for change in changes if change[0] == start), *rest]
    if not rest:
        return None
    word, kept = _first_word(rest[0][1])
    again = (DELETE if start == INSERT else INSERT, word)
    merged = "".join(text for _, text in changes) + word
    return [again, (start, merged), *([(EQUAL, kept)] if kept else []), *rest[1:]]


def _first_word(text: str) -> tuple[str, str]:
    """Return the first word of a text (the white space before it included, reversed text read as written) and the
    rest."""
    parts = tokens(text)
    index = next((index for index, part in enumerate(parts) if not part.isspace()), len(parts) - 1)
    word = "".join(parts[:index + 1])
    return word, text[len(word):]


@dataclass
class Written:
    """A paragraph of the redline as the seams see it: its words-diff when its words may be rewritten (a kept
    paragraph whose words changed), the kinds of change its text starts and ends with (None: kept text), and whether
    its own mark is tracked."""

    diff: Diff | None
    first: str | None
    last: str | None
    marked: bool
    words_last: bool = True  # its words end it (no footnote reference or page number after them)


KINDS = {INSERT: "ins", DELETE: "del"}
JOINED = ("ins", "moveTo")  # the changes LibreOffice joins across a paragraph's mark


def kept_paragraph(diff: Diff | None, marked: bool, tail: list[str | None]) -> Written:
    """Return a kept paragraph as the seams see it: its words-diff (None: its words did not change) and what it
    writes after its words (a footnote's reference, a page number), each as the change it is (None: kept)."""
    first = KINDS.get(first_change(diff)) if diff is not None else None
    last = tail[-1] if tail else KINDS.get(last_change(diff)) if diff is not None else None
    return Written(diff, first, last, marked, not tail)


def mend(paragraphs: list[Written]) -> None:
    """Rewrite the diffs of kept paragraphs where a change would run on into the next paragraph across a kept mark
    (the earlier paragraph's end, else the later one's start)."""
    for before, after in zip(paragraphs, paragraphs[1:]):
        if before.marked or before.last not in JOINED or before.last != after.first:
            continue
        ended = ending_otherwise(before.diff) if before.diff is not None and before.words_last else None
        if ended is not None:
            before.diff, before.last = ended, KINDS.get(last_change(ended))
            continue
        started = starting_otherwise(after.diff) if after.diff is not None else None
        if started is not None:
            after.diff, after.first = started, KINDS.get(first_change(started))
