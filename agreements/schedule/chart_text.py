"""The words on the timeline chart: the fonts of its language, characters those fonts lack, widths and wrapping.

A language file names the chart's fonts (`chart_fonts`, first choice first): DejaVu Sans, which comes with
matplotlib, for English; Noto Sans CJK for Korean and Chinese, which the machine must have. A character
none of the fonts has is written in its plain form ('—' as '-', 'é' as 'e') or as '?', never as an empty box.
Labels wrap where clauses/linebreaks.py lets a line break, at a width measured in the chart's font.
"""

from __future__ import annotations

import functools
import unicodedata

from clauses.errors import OutputError
from clauses.languages import Language
from clauses.linebreaks import SPACE, is_space, units

BUNDLED_FONT = "DejaVu Sans"
PLAIN_FOR = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                           "\u2014": "-", "\u2192": "->", "\u2026": "...", "\u00a0": " "})


def chart_fonts(words: Language) -> tuple[str, ...]:
    """Return the font families of a language's chart, first choice first; raise OutputError when one is missing."""
    families = words.phrases.get("chart_fonts") or [BUNDLED_FONT]
    families = (families,) if isinstance(families, str) else tuple(families)
    for family in families:
        if _font_file(family) is None:
            raise OutputError(f"the timeline chart in {words.name} needs the font '{family}', which matplotlib "
                              "does not find (install it: the Noto CJK fonts, fonts-noto-cjk)", "PD-E046")
    return families


@functools.cache
def _font_file(family: str) -> str | None:
    """Return the file matplotlib uses for a font family, or None when it has none of that family."""
    from matplotlib import font_manager

    try:
        return str(font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False))
    except ValueError:
        return None


@functools.cache
def _has_glyph(families: tuple[str, ...], char: str) -> bool:
    """Return whether any of the fonts draws a character."""
    from matplotlib.font_manager import get_font

    return any(get_font(_font_file(family)).get_char_index(ord(char)) for family in families)


def fitted(text: str, families: tuple[str, ...]) -> str:
    """Return a text with each character the fonts lack in its plain form, or '?'."""
    return "".join(char if char.isspace() or _has_glyph(families, char) else _plain(char) for char in text)


def _plain(char: str) -> str:
    """Return a character in printable ASCII: its plain form, its letter without accents, or '?'."""
    plain = "".join(part for part in unicodedata.normalize("NFKD", char.translate(PLAIN_FOR))
                    if not unicodedata.combining(part))
    return plain if plain and all(" " <= part <= "~" for part in plain) else "?"


@functools.cache
def text_points(text: str, families: tuple[str, ...], size: float, weight: str = "normal") -> float:
    """Return the width of a line of text in points, in the chart's fonts."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    font = FontProperties(family=list(families), size=size, weight=weight)
    return TextToPath().get_text_width_height_descent(text, font, ismath=False)[0]


def wrap(text: str, points: float, families: tuple[str, ...], size: float, weight: str = "normal") -> list[str]:
    """Return a text as lines no wider than a width in points (a single word wider than that keeps its line)."""
    lines: list[str] = []
    line = ""
    for piece in units(SPACE.sub(" ", text).strip()):
        candidate = line + piece
        if line.strip() and not is_space(piece) and text_points(candidate, families, size, weight) > points:
            lines.append(line.rstrip())
            line = piece
        else:
            line = candidate
    if line.strip():
        lines.append(line.strip())
    return lines or [""]
