"""Where a line of text may break: between words, and in Chinese and Japanese between characters.

Never before closing punctuation, after opening punctuation, or inside a number or Latin word ('第180天'
stays whole). A no-break space holds its neighbours together. The timeline chart wraps its labels by their
width in its font (agreements/schedule/chart_text.py); terminal text wraps by display columns, a Hangul or
Chinese character taking two.
"""

from __future__ import annotations

import re
import unicodedata

IDEOGRAPHS = "\u2e80-\u2fff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # a break may fall between any two
SPACE = re.compile(r"[ \t\r\n]+")  # not U+00A0: a no-break space holds its neighbours together
UNIT = re.compile(rf"[ \t\r\n]+|[{IDEOGRAPHS}]|[^ \t\r\n{IDEOGRAPHS}]+")
CLOSING = frozenset("，。、；：！？）」』”’》〉】,.;:!?)]")
OPENING = frozenset("“‘（「『《〈【([")


def is_space(piece: str) -> bool:
    """Return whether a piece is a breaking space."""
    return bool(SPACE.fullmatch(piece))


def units(text: str) -> list[str]:
    """Return the pieces a line may break between: words, single ideographs (with their punctuation), spaces."""
    found: list[str] = []
    for piece in UNIT.findall(text):
        glued = found and not is_space(piece) and not is_space(found[-1])
        if glued and (piece[0] in CLOSING or found[-1][-1] in OPENING or _touches_latin(found[-1], piece)):
            found[-1] += piece
        else:
            found.append(piece)
    return found


def _touches_latin(before: str, piece: str) -> bool:
    """Return whether two pieces meet at a digit or Latin letter (no break in '第180天' or '12|0日')."""
    return (before[-1].isascii() and before[-1].isalnum()) or (piece[0].isascii() and piece[0].isalnum())


def columns(text: str) -> int:
    """Return how many terminal columns a text takes (wide and full-width characters two)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def wrap_columns(text: str, width: int) -> list[str]:
    """Return a text as lines of at most `width` columns (a single word wider than that keeps its line)."""
    lines: list[str] = []
    line = ""
    for piece in units(SPACE.sub(" ", text).strip()):
        if line.strip() and not is_space(piece) and columns(line + piece) > width:
            lines.append(line.rstrip())
            line = piece
        else:
            line += piece
    if line.strip():
        lines.append(line.strip())
    return lines
