"""Text differences at word granularity with diff-match-patch: words for Latin and Hangul, characters for Chinese.

The diff is bounded: diff-match-patch's search (Myers' bisection) is given a budget of steps instead of a deadline
in seconds, so two long texts that have little in common are diffed in bounded time, and the same texts always
give the same diff. A search that runs out of steps marks its span as deleted and inserted whole: still an exact
diff (its deletions and equalities give the old text, its insertions and equalities the new one), only a coarser one.
"""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

TOKEN = re.compile(r"\s+|[^\W\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|.", re.S)
EQUAL, INSERT, DELETE = 0, 1, -1
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# a word: a Chinese character, or letters and digits, an apostrophe inside ("People's")
WORD = re.compile(rf"[{CJK}]|[^\W{CJK}]+(?:['’][^\W{CJK}]+)*")
SURROGATES = range(0xD800, 0xE000)
# steps of the bisection one diff may take (about 1.5 s of pure Python on a small machine); a paragraph of a few
# thousand words, however much it changed, takes far fewer
STEP_BUDGET = 2_000_000


def tokens(text: str) -> list[str]:
    """Return text split into words, runs of white space, and single other characters (each Chinese character)."""
    return TOKEN.findall(text)


def _code(index: int) -> str:
    """Return the character standing for the index-th distinct token (skipping surrogates)."""
    point = index + 1
    return chr(point + len(SURROGATES) if point >= SURROGATES.start else point)


def word_diff(old: str, new: str, budget: int = STEP_BUDGET) -> list[tuple[int, str]]:
    """Return the differences between two texts as (operation, text) pairs: 0 equal, 1 inserted, -1 deleted."""
    if old == new:
        return [(EQUAL, old)] if old else []
    table: dict[str, str] = {}
    words: list[str] = []

    def encode(text: str) -> str:
        out = []
        for token in tokens(text):
            if token not in table:
                table[token] = _code(len(words))
                words.append(token)
            out.append(table[token])
        return "".join(out)

    engine = BoundedDiff(budget)
    diffs = engine.diff_main(encode(old), encode(new), False)
    engine.diff_cleanupSemantic(diffs)
    decoded = {code: word for word, code in table.items()}
    return [(operation, "".join(decoded[code] for code in text)) for operation, text in diffs if text]


class BoundedDiff(diff_match_patch):
    """diff-match-patch whose bisections share a budget of steps, spent the same way on every run."""

    def __init__(self, budget: int):
        super().__init__()
        self.Diff_Timeout = 0
        self.left = budget

    def diff_bisect(self, text1, text2, deadline):
        """Return the diff of two texts by bisection, or both deleted and inserted whole once the budget is spent."""
        return super().diff_bisect(text1, text2, StepCount(self))


class StepCount:
    """The deadline one bisection checks before each of its rounds: passed once the shared budget is spent.

    diff-match-patch asks `time.time() > deadline` before round d; that comparison lands here, and round d walks
    at most d + 1 diagonals forward and as many back, so it is charged 2(d + 1) steps.
    """

    def __init__(self, engine: BoundedDiff):
        self.engine = engine
        self.rounds = 0

    def __lt__(self, now: float) -> bool:
        """Return True (the deadline has passed) when the budget cannot pay for the next round."""
        self.rounds += 1
        self.engine.left -= 2 * self.rounds
        return self.engine.left < 0

    def __gt__(self, now: float) -> bool:
        """Return whether the deadline has passed, asked the other way round (`deadline < now`)."""
        return self.__lt__(now)


def words_in(diff: list[tuple[int, str]], operation: int) -> int:
    """Return how many words (in Chinese, characters; punctuation not counted) the parts of a diff with one
    operation hold."""
    return sum(len(WORD.findall(text)) for op, text in diff if op == operation)


def changed_parts(diff: list[tuple[int, str]], most: int = 3, length: int = 50) -> str:
    """Return the words a diff deletes and inserts, in order, quoted: '− “annually”; + “every two years”'.

    At most `most` parts, each cut to `length` characters; '…' says that more follow.
    """
    parts = [f"{'+' if op == INSERT else '−'} “{_cut(' '.join(text.split()), length)}”"
             for op, text in diff if op != EQUAL and text.strip()]
    return "; ".join(parts[:most]) + ("; …" if len(parts) > most else "")


def _cut(text: str, length: int) -> str:
    """Return a text cut at a word to at most `length` characters, with '…' when cut."""
    if len(text) <= length:
        return text
    return text[:length - 1].rsplit(" ", 1)[0].rstrip() + "…"
