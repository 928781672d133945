"""What a paragraph of an agreement is, from its style or from the number it starts with, in every language.

Styles are those peacedraft writes, Word's headings and the contents and index styles of Word and LibreOffice;
numbers are those people type: "Article 7", "ARTICLE VII", "Clause 3", "Section 2", "§ 4", "제7조의2", "第七条",
"Part II", "1.", "2.1.3", "①", "一、", "(a)", "가.", "（一）", "(iv)". How headings and numbers read in a
language is in its language file (`import:`); this module reads numbers of any style. What a paragraph becomes
in the tree also depends on the rest of the document: agreements/wordimport/outline.py decides that.
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
BARE_NUMBER = re.compile(r"[0-9]{1,3}|[IVXLC]{1,8}")
HEADING_KINDS = ("part", "article")
ANNEX_KINDS = ("annex", "protocol")  # a heading 1 that names one opens an annex, numbered or not
ITEM_KINDS = ("subclause", "paragraph", "roman", "point")
NUMBERED_KINDS = ("subclause", "paragraph", "roman", "point", "subpoint")

STYLE_KINDS = {
    "title": "title", "subtitle": "subtitle", "parties": "skip", "draft mark": "skip",
    "preamble heading": "preamble", "recital": "recital",
    "article paragraph": "paragraph", "article point": "point", "article subpoint": "subpoint",
    "formula": "skip", "testimonium": "skip", "signature caption": "skip", "signature block": "skip",
}
HEADING_STYLE = re.compile(r"^heading\s*([1-9])$")
# The contents, index and list-of-figures styles of Word ('TOC 1', 'Index 2', 'Table of Figures', 'TOA Heading')
# and LibreOffice ('Contents 1'-'Contents 10', 'Contents Heading', 'User Index 3', 'Figure Index 1' …), by name,
# or by a style id where a file names none: Word's ids ('TOC1', 'TOCHeading') and its localised ids in German
# ('Verzeichnis1', 'Inhaltsverzeichnisberschrift'), French ('TM1', 'En-ttedetabledesmatires'), Spanish ('TDC1'),
# Italian ('Sommario1'), Dutch ('Inhopg1'), Portuguese ('Sumrio1') and Polish ('Spistreci1').
CONTENTS_STYLE = re.compile(
    r"^(?:(?:toc|contents|index|user ?index|figure ?index|table ?index|object ?index|illustration ?index"
    r"|alphabetical ?index|bibliography|table ?of ?(?:figures|authorities|contents)|toa|verzeichnis|tm|tdc"
    r"|sommario|inhopg|sumrio|spistreci)\s*(?:[0-9]{1,2}|heading|separator)?"
    r"|inhaltsverzeichnisberschrift|en-ttedetabledesmatires|tabledesillustrations|tabladeilustraciones)$")


@functools.cache
def preamble_words() -> frozenset[str]:
    """Return the words that head a preamble in any language ('preamble', '전문', '序言' …)."""
    return frozenset(word.lower() for code in LANGUAGES for word in language(code).import_patterns["preamble"])


@functools.cache
def patterns() -> tuple[tuple[str, str, re.Pattern], ...]:
    """Return every language's heading patterns, then its item patterns, as (kind, family, pattern).

    The family names the pattern ('en:paragraph:0'): paragraphs numbered alike belong to one list.
    """
    found = []
    for kinds in (HEADING_KINDS, ITEM_KINDS):
        for code in LANGUAGES:
            for kind in kinds:
                found += [(kind, f"{code}:{kind}:{index}", re.compile(f"^(?:{text})$", re.S))
                          for index, text in enumerate(language(code).import_patterns[kind])]
    return tuple(found)


@functools.cache
def annex_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """Return every language's patterns of an annex's or a protocol's heading, as (kind, pattern)."""
    return tuple((kind, re.compile(f"^(?:{text})$", re.S)) for code in LANGUAGES for kind in ANNEX_KINDS
                 for text in language(code).import_patterns.get(kind, []))


@dataclass(frozen=True)
class Reading:
    """What a paragraph is: its kind, the number as written ('' when unnumbered) and the text after it.

    level: a heading style's level (1 for Heading 1), a Word list's level (0 first) or a decimal number's depth
    (0 for '2.1', 1 for '2.1.3'); family: which numbering a numbered paragraph uses; branch: the '2' of '제10조의2'.
    """

    kind: str  # title subtitle skip preamble part article annex protocol recital heading subclause paragraph
    written: str  # point subpoint roman text
    text: str
    level: int | None = None
    family: str = ""
    branch: str = ""

    @property
    def number(self) -> int | None:
        """Return the number's value ('VII' → 7, '七' → 7, '(c)' → 3, '(iv)' → 4, '2.1.3' → 3), or None."""
        return number_value(self.written) if self.written else None

    @property
    def letter(self) -> int | None:
        """Return a point label's place as a letter ('(c)' → 3, '(i)' → 9), or None."""
        written = self.written
        return ord(written) - ord("a") + 1 if len(written) == 1 and "a" <= written <= "z" else None

    @property
    def head(self) -> int | None:
        """Return the first number of a decimal number ('2.1.3' → 2), or None for any other."""
        first = self.written.split(".")[0]
        return int(first) if self.kind == "subclause" and first.isdigit() else None


def number_value(written: str) -> int | None:
    """Return the value of '7', 'VII', 'vii', '七', '十二', '①', '가', 'c' (a letter's place) or '2.1.3' (its last)."""
    if written.isdigit() and written.isascii():
        return int(written)
    if written in CIRCLED:
        return CIRCLED.index(written) + 1
    if all(char in CHINESE_DIGITS or char in "十百" for char in written):
        return _chinese(written)
    if all(char in ROMAN for char in written.lower()):
        return _roman(written.lower())
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)+", written):
        return int(written.rsplit(".", 1)[1])
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


def style_kind(style: str) -> tuple[str, int | None] | None:
    """Return what a style makes a paragraph, with a heading style's level ('Heading 2' → ('heading', 2)), or None."""
    name = style.strip().lower()
    if name in STYLE_KINDS:
        return STYLE_KINDS[name], None
    heading = HEADING_STYLE.match(name)
    if heading:
        return "heading", int(heading.group(1))
    if CONTENTS_STYLE.match(name):
        return "skip", None
    return None


def read_paragraph(style: str, text: str, list_level: int | None = None) -> Reading:
    """Return what a paragraph is by its style, else by the number it starts with, else by its Word list level."""
    found = read_style(style, text)
    if found is not None:
        return found
    found = read_text(text)
    if found.kind == "text" and list_level is not None:
        return Reading("text", "", found.text, level=list_level, family="list")
    return found


def read_style(style: str, text: str) -> Reading | None:
    """Return what a paragraph is by its style (its number, if typed, taken off), or None for an ordinary style."""
    found = style_kind(style)
    if found is None:
        return None
    kind, level = found
    if kind == "heading":
        return _heading(text, level)
    typed = read_text(text) if kind in ("paragraph", "point", "subpoint") else None
    if typed and (typed.kind == kind or (typed.kind == "roman" and kind in ("point", "subpoint"))):
        return Reading(kind, typed.written, typed.text)
    return Reading(kind, "", unheaded(text))


def _heading(text: str, level: int) -> Reading:
    """Return a paragraph in a heading style: an annex, a typed part or article, else a heading of its level."""
    annex = read_annex(text) if level == 1 else None
    if annex is not None:
        return annex
    typed = read_text(text)
    if typed.kind in HEADING_KINDS:
        return Reading(typed.kind, typed.written, typed.text, level, typed.family, typed.branch)
    if typed.kind in ("subclause", "paragraph"):
        return Reading("heading", typed.written, unheaded(typed.text), level, typed.family)
    if BARE_NUMBER.fullmatch(text.strip()):  # a heading that is its number alone ('7', 'VII'): nothing more to read
        return Reading("heading", text.strip(), "", level)
    return Reading("heading", "", unheaded(text), level)


def read_annex(text: str) -> Reading | None:
    """Return the heading of an annex or protocol ('Annex II — Maps', '부속서', '附件一'), or None."""
    for kind, pattern in annex_patterns():
        match = pattern.match(text.strip())
        if match:
            return Reading(kind, match.group("number") or "", unheaded(match.group("text") or ""))
    return None


def read_text(text: str) -> Reading:
    """Return what a paragraph is by the number it starts with, or plain text.

    A part's or an article's number is followed by the rest of its line as written ('— Definitions',
    '(목적) 이 법은 …'): the reader decides whether that is a heading or the article's first paragraph.
    """
    stripped = text.strip()
    if stripped.lower().rstrip(":：") in preamble_words():
        return Reading("preamble", "", "")
    for kind, family, pattern in patterns():
        match = pattern.match(stripped)
        if match is None or number_value(match.group("number")) is None:
            continue
        rest = match.group("text")
        if kind in HEADING_KINDS and _runs_on(stripped, match):
            continue
        if kind == "subclause" and match.start("number") and not rest.strip()[:1].isupper():
            continue  # 'Section 2.1 (Fees) applies.': a reference; 'Section 2.1 The Parties …' opens the subclause
        groups = match.groupdict()
        return Reading(kind, match.group("number"), rest.strip(), family=family, branch=groups.get("branch") or "",
                       level=match.group("number").count(".") - 1 if kind == "subclause" else None)
    return Reading("text", "", stripped)


def _runs_on(text: str, match: re.Match) -> bool:
    """Return whether a number is part of a sentence ('Article 5 of the Charter …'), not the start of an article."""
    rest = match.group("text")
    between = text[match.end("branch") if match.groupdict().get("branch") else match.end("number"):match.start("text")]
    return bool(rest) and rest[0].isascii() and rest[0].islower() and not between.strip()


def unheaded(text: str) -> str:
    """Return a heading's title without the dash peacedraft puts before it ('— Definitions' → 'Definitions')."""
    return re.sub(r"^[\s—–:-]+", "", text).strip()
