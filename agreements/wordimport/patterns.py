"""What a paragraph of an agreement is, from its style or from the number it starts with, in every language.

Styles are those peacedraft writes (and Word's own headings); numbers are those people type: "Article 7",
"ARTICLE VII", "제7조", "第七条", "Part II", "1.", "①", "一、", "(a)", "가.", "（一）", "(iv)". How headings
and numbers read in a language is in its language file (`import:`); this module reads numbers of any style.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from clauses.languages import LANGUAGES, language

CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
                  "九": 9}
ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
HEADING_KINDS = ("part", "article")
ANNEX_KINDS = ("annex", "protocol")  # a heading 1 that names one opens an annex, numbered or not
ITEM_KINDS = ("paragraph", "roman", "point")

STYLE_KINDS = {
    "title": "title", "subtitle": "subtitle", "toc heading": "skip", "parties": "skip", "draft mark": "skip",
    "preamble heading": "preamble", "heading 1": "part", "heading 2": "article", "recital": "recital",
    "article paragraph": "paragraph", "article point": "point", "article subpoint": "subpoint",
    "formula": "skip", "testimonium": "skip", "signature caption": "skip", "signature block": "skip",
}


@functools.cache
def preamble_words() -> frozenset[str]:
    """Return the words that head a preamble in any language ('preamble', '전문', '序言' …)."""
    return frozenset(word.lower() for code in LANGUAGES for word in language(code).import_patterns["preamble"])


@functools.cache
def patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """Return every language's heading patterns, then every language's item patterns, as (kind, pattern)."""
    found = []
    for kinds in (HEADING_KINDS, ITEM_KINDS):
        for code in LANGUAGES:
            for kind in kinds:
                found += [(kind, re.compile(f"^(?:{text})$", re.S)) for text in language(code).import_patterns[kind]]
    return tuple(found)


@functools.cache
def annex_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """Return every language's patterns of an annex's or a protocol's heading, as (kind, pattern)."""
    return tuple((kind, re.compile(f"^(?:{text})$", re.S)) for code in LANGUAGES for kind in ANNEX_KINDS
                 for text in language(code).import_patterns.get(kind, []))


@dataclass(frozen=True)
class Reading:
    """What a paragraph is: its kind, the number as written ('' when unnumbered) and the text after it."""

    kind: str  # title subtitle skip preamble part article recital paragraph point subpoint roman text
    written: str
    text: str

    @property
    def number(self) -> int | None:
        """Return the number's value ('VII' → 7, '七' → 7, '(c)' → 3, '(iv)' → 4), or None when unnumbered."""
        return number_value(self.written) if self.written else None

    @property
    def letter(self) -> int | None:
        """Return a point label's place as a letter ('(c)' → 3, '(i)' → 9), or None."""
        written = self.written
        return ord(written) - ord("a") + 1 if len(written) == 1 and "a" <= written <= "z" else None


def number_value(written: str) -> int | None:
    """Return the value of '7', 'VII', 'vii', '七', '十二', '①', '가' or 'c' (a letter's place), or None."""
    if written.isdigit() and written.isascii():
        return int(written)
    if written in CIRCLED:
        return CIRCLED.index(written) + 1
    if all(char in CHINESE_DIGITS or char in "十百" for char in written):
        return _chinese(written)
    if all(char in ROMAN for char in written.lower()):
        return _roman(written.lower())
    for code in LANGUAGES:
        letters = language(code).point_letters
        if len(written) == 1 and written in letters and not written.isascii():
            return letters.index(written) + 1
    if len(written) <= 2 and written.isalpha() and written.isascii():
        return ord(written[-1].lower()) - ord("a") + 1 + 26 * (len(written) - 1)
    return None


def _roman(written: str) -> int:
    """Return the value of a roman numeral."""
    total = 0
    for index, char in enumerate(written):
        value = ROMAN[char]
        following = ROMAN[written[index + 1]] if index + 1 < len(written) else 0
        total += -value if value < following else value
    return total


def _chinese(written: str) -> int:
    """Return the value of a Chinese numeral up to 999 ('十二' → 12, '二十' → 20, '一百零五' → 105)."""
    total, digit = 0, 0
    for char in written:
        if char == "百":
            total += (digit or 1) * 100
            digit = 0
        elif char == "十":
            total += (digit or 1) * 10
            digit = 0
        else:
            digit = CHINESE_DIGITS[char]
    return total + digit


def read_style(style: str, text: str) -> Reading | None:
    """Return what a paragraph is by its style (its number, if typed, taken off), or None for an ordinary style."""
    kind = STYLE_KINDS.get(style.lower())
    if kind is None and style.lower().startswith("toc "):
        kind = "skip"
    if kind is None:
        return None
    annex = read_annex(text) if kind == "part" else None
    if annex is not None:
        return annex
    found = read_text(text) if kind in ("part", "article", "paragraph", "point", "subpoint") else None
    if found and (found.kind == kind or (found.kind == "roman" and kind in ("point", "subpoint"))):
        return Reading(kind, found.written, found.text)
    return Reading(kind, "", _unheaded(text))


def read_annex(text: str) -> Reading | None:
    """Return the heading of an annex or protocol ('Annex II — Maps', '부속서', '附件一'), or None."""
    for kind, pattern in annex_patterns():
        match = pattern.match(text.strip())
        if match:
            return Reading(kind, match.group("number") or "", _unheaded(match.group("text") or ""))
    return None


def read_text(text: str) -> Reading:
    """Return what a paragraph is by the number it starts with, or plain text."""
    stripped = text.strip()
    if stripped.lower().rstrip(":") in preamble_words():
        return Reading("preamble", "", "")
    for kind, pattern in patterns():
        match = pattern.match(stripped)
        if match and number_value(match.group("number")) is not None:
            rest = match.group("text").strip()
            return Reading(kind, match.group("number"), _unheaded(rest) if kind in HEADING_KINDS else rest)
    return Reading("text", "", stripped)


def _unheaded(text: str) -> str:
    """Return a heading's title without the dash peacedraft puts before it ('— Definitions' → 'Definitions')."""
    return re.sub(r"^[\s—–:-]+", "", text).strip()
