"""A search snippet read back into parts: what the corpus says, and which of its words the search matched.

The library marks matched words with brackets ('…regroupment [zones], with…'), and the corpus has brackets of its
own ('[T: opening words …]'). So a snippet is read against the texts it was cut from: a bracket is a mark only
where the text has none, an opening one before a letter or digit, a closing one after one.
"""

from __future__ import annotations

from precedents.search import CLOSE, OPEN

ELLIPSIS = "…"
LONGEST = 1_200  # a snippet longer than this is shown whole, unmarked (a snippet is a few dozen words)
Parts = list[tuple[str, bool]]  # (text, matched) in order


def marked_parts(snippet: str, sources: list[str]) -> Parts:
    """Return a snippet as (text, matched) parts, read against the texts it may come from; whole and unmarked when
    none of them holds it."""
    if OPEN not in snippet or len(snippet) > LONGEST:
        return [(snippet, False)]
    for source in filter(None, sources):
        for cut_before, cut_after in _ends(snippet):
            body = snippet[len(ELLIPSIS) if cut_before else 0:len(snippet) - (len(ELLIPSIS) if cut_after else 0)]
            parts = _aligned(body, source, cut_before, cut_after)
            if parts is not None:
                return ([(ELLIPSIS, False)] if cut_before else []) + parts + ([(ELLIPSIS, False)] if cut_after else [])
    return [(snippet, False)]


def _ends(snippet: str) -> list[tuple[bool, bool]]:
    """Return the ways to read a snippet's ends: an ellipsis there is the text's own, or marks that it was cut."""
    before = [False, True] if snippet.startswith(ELLIPSIS) else [False]
    after = [False, True] if snippet.endswith(ELLIPSIS) and len(snippet) > len(ELLIPSIS) else [False]
    return [(first, last) for first in before for last in after]


def _aligned(body: str, source: str, cut_before: bool, cut_after: bool) -> Parts | None:
    """Return the parts of a snippet's body found in a source, whole (or from anywhere in it when cut), or None."""
    starts = range(len(source) + 1) if cut_before else [0]
    for start in starts:
        steps = _walk(body, source, start, not cut_after)
        if steps is not None:
            return _joined(steps)
    return None


def _walk(body: str, source: str, start: int, to_end: bool) -> list[tuple[str, bool]] | None:
    """Return (character, marked) for each character of the body read from source[start:], or None.

    A literal reading of a bracket is tried before a mark; a mark opens before a letter or digit and closes after
    one, never empty.
    """
    failed: set[tuple[int, int, bool]] = set()
    stack: list[tuple[int, int, bool, list]] = [(0, start, False, [])]
    while stack:
        i, j, inside, steps = stack.pop()
        if (i, j, inside) in failed:
            continue
        failed.add((i, j, inside))
        if i == len(body):
            if not inside and (j == len(source) or not to_end):
                return steps
            continue
        character = body[i]
        options = []
        if character == OPEN and not inside and j < len(source) and source[j].isalnum():
            options.append((i + 1, j, True, steps))
        if character == CLOSE and inside and j > 0 and source[j - 1].isalnum() and steps[-1][1]:
            options.append((i + 1, j, False, steps))
        if j < len(source) and source[j] == character:
            options.append((i + 1, j + 1, inside, [*steps, (character, inside)]))
        stack += options  # the literal reading, pushed last, is tried first
    return None


def _joined(steps: list[tuple[str, bool]]) -> Parts:
    """Return characters with their marks as runs of text, each marked or not."""
    parts: Parts = []
    for character, marked in steps:
        if parts and parts[-1][1] == marked:
            parts[-1] = (parts[-1][0] + character, marked)
        else:
            parts.append((character, marked))
    return parts
