"""The languages of the texts: one file each in templates/language/, read into a record of everything the code needs.

The list of languages is the list of files. A file holds the language's record (its name, BCP-47 tag,
ISO 639-2 code, East Asian font, web fonts, script, whether words are spaced, point letters), its phrases, its terms
(one section per clause kind, and the renderer's own), its Word list formats and the patterns by which
an imported Word file's headings and numbers are read. Only DEFAULT_LANGUAGE is named in code.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass, field

from clauses.errors import PeacedraftError
from clauses.numerals import LATIN_LETTERS, chinese_numeral, letter, number_values
from clauses.particles import Particled
from templates import FOLDER

TEMPLATES = FOLDER
LANGUAGE_FOLDER = FOLDER / "language"
DEFAULT_LANGUAGE = "en"


def _codes() -> tuple[str, ...]:
    """Return the codes of the language files: the default language first, then the others by code.

    A file named with a region (ko-KP.yaml) is a variant of a language, not a language of its own.
    """
    found = sorted(path.stem for path in LANGUAGE_FOLDER.glob("*.yaml") if "-" not in path.stem)
    return tuple(sorted(found, key=lambda code: code != DEFAULT_LANGUAGE))


LANGUAGES: tuple[str, ...] = _codes()
BRACKET_PHRASES = ("option_label", "option_plain", "inline_option", "bracketed")  # each wrapped in the brackets
VARIANTS: tuple[str, ...] = tuple(sorted(path.stem for path in LANGUAGE_FOLDER.glob("*.yaml") if "-" in path.stem))


class LanguageError(PeacedraftError):
    """A language file lacks a phrase, term or list, or a language has no file."""

    def __init__(self, message: str, code: str = "PD-E047"):
        super().__init__(message, code)


@dataclass(frozen=True)
class Language:
    """One language: its record, phrases, terms and lists, and the formatting built on them."""

    code: str
    name: str
    tag: str
    iso639_2: str | None = None
    east_asian_font: str | None = None
    script: str | None = None
    spaces_between_words: bool = True
    matching: str = "words"
    point_letters: str = LATIN_LETTERS
    bracket_unit: str = "word"
    phrases: dict = field(default_factory=dict)
    terms: dict = field(default_factory=dict)
    word_lists: dict = field(default_factory=dict)
    import_patterns: dict = field(default_factory=dict)
    concepts: dict = field(default_factory=dict)
    checks: dict = field(default_factory=dict)
    variant_of: str | None = None
    used_by: tuple[str, ...] = ()
    replacements: tuple[tuple[str, str], ...] = ()  # a variant's own words for its base language's
    east_asian_font_table: dict | None = None  # how Word's font table describes the East Asian face
    web_fonts: tuple[str, ...] = ()  # the font families of its text in HTML, first choice first
    brackets: str = "[]"  # a negotiation bracket's opening and closing characters, as its bracket phrases write them
    line_breaks: str = "normal"  # HTML: keep-all breaks lines between words only (Korean)

    def vary(self, text: str) -> str:
        """Return a text of the base language in this variant's words (unchanged for a language that is no variant)."""
        for old, new in self.replacements:
            text = text.replace(old, new)
        return text

    @property
    def file(self) -> str:
        """Return the language file's name as messages show it."""
        return f"templates/language/{self.code}.yaml"

    def local(self, text: dict[str, str] | None) -> str:
        """Return a text in this language, else in the default language, else ''."""
        text = text or {}
        return text.get(self.code) or text.get(DEFAULT_LANGUAGE) or ""

    def phrase(self, key: str, **values: object) -> str:
        """Return a phrase with its placeholders filled."""
        if key not in self.phrases:
            raise LanguageError(f"{self.file}: no phrase '{key}'")
        if key == "name_in_text" and values.get("name") in self.phrases.get("names_without_article", ()):
            return str(values["name"])  # 'Japan', not 'the Japan'
        try:
            return self.phrases[key].format(**{name: Particled(value) if isinstance(value, str) else value
                                               for name, value in values.items()})
        except KeyError as error:
            raise LanguageError(f"{self.file}: phrase '{key}' needs {error}") from None

    def term(self, value: str, section: str) -> str:
        """Return the word for a value in a section of the terms (a clause kind's, or 'stances', 'topics' …)."""
        try:
            return self.terms[section][value]
        except KeyError:
            raise LanguageError(f"{self.file}: no term for '{value}' in terms.{section}") from None

    def word_list(self, level: str) -> dict:
        """Return the Word list format of a level (part, article, paragraph, point, subpoint)."""
        if level not in self.word_lists:
            raise LanguageError(f"{self.file}: no word list '{level}'")
        return self.word_lists[level]

    def join(self, items: list[str], conjunction: str = "and") -> str:
        """Return items as a list in running text: 'a, b and c'."""
        items = [str(item) for item in items]
        prefix = "list" if conjunction == "and" else "list_or"
        if len(items) <= 1:
            return "".join(items)
        if len(items) == 2:
            return self.phrase(f"{prefix}_pair", first=items[0], second=items[1])
        rest = self.phrase("list_separator").join(items[:-1])
        return self.phrase(f"{prefix}_last", rest=rest, last=items[-1])

    def number(self, value: float) -> str:
        """Return a number as written in running text (1,000; 2.5)."""
        grouping = "," if self.phrases.get("group_digits", True) else ""
        if float(value).is_integer():
            return format(int(value), grouping)
        return format(value, grouping)

    def days(self, count: int) -> str:
        """Return a number of days: 'one day', '90 days', '90일', '90天'."""
        return self.phrase("days_one") if count == 1 else self.phrase("days", n=self.number(count))

    def originals(self, count: int) -> str:
        """Return how many originals a text is done in ('in duplicate'): a form per count, the last for any more."""
        forms = self.phrases.get("originals")
        if not isinstance(forms, list) or not forms:
            raise LanguageError(f"{self.file}: no phrase 'originals' (a list, one form per number of originals)")
        return str(forms[min(max(count, 1), len(forms)) - 1]).format(**self.numbers(count))

    def date(self, value: datetime.date) -> str:
        """Return a date as written in the language."""
        months = self.phrases.get("months") or []
        month_name = months[value.month - 1] if len(months) >= value.month else str(value.month)
        return self.phrase("date", day=value.day, month=value.month, month_name=month_name, year=value.year)

    def numbers(self, number: int) -> dict[str, object]:
        """Return every way a phrase may write a number, {letter} in this language's point letters."""
        return number_values(number, self.point_letters)

    def label(self, level: str, position: tuple[int, ...]) -> str:
        """Return the label of a part, article, paragraph, point or subpoint from its position."""
        return self.phrase(level, **self.numbers(position[-1]))

    def reference(self, level: str, position: tuple[int, ...]) -> str:
        """Return a cross-reference to a part, article, paragraph or point ('Part II', 'paragraph 2 of Article 7')."""
        if level == "part":
            return self.label(level, position)
        values = {"article": position[0], "article_cn": chinese_numeral(position[0])}
        if len(position) > 1:
            values |= {"paragraph": position[1], "paragraph_cn": chinese_numeral(position[1])}
        if len(position) > 2:
            values |= {"letter": letter(position[2], self.point_letters), "point_cn": chinese_numeral(position[2])}
        key = {1: "ref_article", 2: "ref_paragraph"}.get(len(position), "ref_point")
        return self.phrase(key, **values)


@functools.cache
def language(code: str) -> Language:
    """Return the language whose file is templates/language/<code>.yaml (LanguageError when it has none)."""
    from clauses.language_files import read_language

    path = LANGUAGE_FOLDER / f"{code}.yaml"
    if not path.is_file():
        raise LanguageError(f"no language file templates/language/{code}.yaml (languages: {', '.join(LANGUAGES)})")
    return read_language(code, path)


def variants_of(code: str) -> list[Language]:
    """Return the variants of a language (the DPRK's Korean of Korean)."""
    return [language(variant) for variant in VARIANTS if language(variant).variant_of == code]


def variant_for(code: str, party: str | None) -> Language | None:
    """Return the variant a party's copy is written in, for a language (None: the language itself)."""
    return next((variant for variant in variants_of(code) if party and party in variant.used_by), None)


def written_in(text: str) -> str | None:
    """Return the language whose script most of a text's letters are in, else the default language (None: no letters).

    A language's file gives its script as a pattern (Hangul, Han); the default language is the one without.
    """
    letters = sum(char.isalpha() for char in text)
    if not letters:
        return None
    counts = {code: len(re.findall(language(code).script, text)) for code in LANGUAGES if language(code).script}
    best = max(counts, key=counts.get, default=DEFAULT_LANGUAGE)
    return best if counts.get(best, 0) * 2 > letters else DEFAULT_LANGUAGE


def language_name(code: str, in_language: str = DEFAULT_LANGUAGE) -> str:
    """Return the name of a language in another ('Korean'), else in itself ('한국어')."""
    names = language(in_language).terms.get("languages", {})
    return names.get(code) or language(code).name

