"""Text differences at word granularity with diff-match-patch: words for Latin and Hangul, characters for Chinese."""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

TOKEN = re.compile(r"\s+|[^\W\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|.", re.S)
EQUAL, INSERT, DELETE = 0, 1, -1
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# a word: a Chinese character, or letters and digits, an apostrophe inside ("People's")
WORD = re.compile(rf"[{CJK}]|[^\W{CJK}]+(?:['’][^\W{CJK}]+)*")
SURROGATES = range(0xD800, 0xE000)


def tokens(text: str) -> list[str]:
    """Return text split into words, runs of white space, and single other characters (each Chinese character)."""
    return TOKEN.findall(text)


def _code(index: int) -> str:
    """Return the character standing for the index-th distinct token (skipping surrogates)."""
    point = index + 1
    return chr(point + len(SURROGATES) if point >= SURROGATES.start else point)


def word_diff(old: str, new: str) -> list[tuple[int, str]]:
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

    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    diffs = engine.diff_main(encode(old), encode(new), False)
    engine.diff_cleanupSemantic(diffs)
    decoded = {code: word for word, code in table.items()}
    return [(operation, "".join(decoded[code] for code in text)) for operation, text in diffs if text]


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
