"""Per-language wording: numbers, dates, lists, distances, deadlines, structural labels and terms."""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from templates import FOLDER

TEMPLATES = FOLDER
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "ko": "Korean", "zh": "Chinese"}


def language_name(code: str) -> str:
    """Return the name of a language in the default language ('Korean')."""
    return LANGUAGE_NAMES.get(code, code)
CHINESE_DIGITS = "〇一二三四五六七八九"
HANGUL_ORDER = "가나다라마바사아자차카타파하"
ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


class LanguageError(LookupError):
    """A phrase or term is missing from a language file."""


def roman(number: int) -> str:
    """Return the Roman numeral of a positive integer."""
    out = []
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def letter(number: int) -> str:
    """Return the point letter for 1, 2, … 27: a, b, … z, aa."""
    text = ""
    while number:
        number, rest = divmod(number - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


HANGUL_VOWELS = (0, 4, 8, 13, 18, 20)  # ㅏ ㅓ ㅗ ㅜ ㅡ ㅣ: 가…하, then 거…허, 고…호


def hangul(number: int) -> str:
    """Return the Korean point marker for 1, 2, …: 가, 나, … 하, then 거, 너, … 허, then 고 …"""
    series, rest = divmod(number - 1, len(HANGUL_ORDER))
    if series >= len(HANGUL_VOWELS):
        return str(number)
    base = ord(HANGUL_ORDER[rest]) - 0xAC00
    return chr(0xAC00 + base + HANGUL_VOWELS[series] * 28)


def chinese_numeral(number: int) -> str:
    """Return a positive integer below 10,000 in Chinese numerals (24 → 二十四)."""
    if number >= 10_000:
        return str(number)
    units = ((1000, "千"), (100, "百"), (10, "十"))
    out, zero = "", False
    for value, unit in units:
        digit, number = divmod(number, value)
        if digit:
            out += ("〇" if zero else "") + ("" if (digit == 1 and unit == "十" and not out) else CHINESE_DIGITS[digit]) + unit
            zero = False
        elif out:
            zero = True
    if number:
        out += ("〇" if zero else "") + CHINESE_DIGITS[number]
    return out


DIGIT_HAS_FINAL = {"0": True, "1": True, "2": False, "3": True, "4": False, "5": False,
                   "6": True, "7": True, "8": True, "9": False}


LATIN_FINALS = {"l": "ㄹ", "r": "ㄹ", "m": "ㅁ", "n": "ㄴ"}  # letters whose Korean names end in a consonant
TRAILING = ")]）」』”’\"'. "


def _last_sound(word: str) -> str:
    """Return the last pronounced character of a word, skipping closing marks and a bracketed gloss."""
    word = word.rstrip(TRAILING.replace(")", "").replace("）", ""))
    while word.endswith((")", "）")):
        opening = max(word.rfind("("), word.rfind("（"))
        word = word[:opening].rstrip(TRAILING) if opening > 0 else word[:-1]
    return word.rstrip(TRAILING)[-1:] or " "


def korean_particle(word: str, pair: str) -> str:
    """Return word with the Korean particle that fits its last sound: pair is '은/는', '이/가', '을/를', '과/와' or '으로/로'."""
    with_final, without_final = pair.split("/")
    last = _last_sound(word)
    if "가" <= last <= "힣":
        final = (ord(last) - 0xAC00) % 28
        has_final, rieul = final != 0, final == 8
    elif last.lower() in LATIN_FINALS:
        has_final, rieul = True, LATIN_FINALS[last.lower()] == "ㄹ"
    else:
        has_final, rieul = DIGIT_HAS_FINAL.get(last, False), last in "178"
    if with_final == "으로" and rieul:
        has_final = False
    return word + (with_final if has_final else without_final)


def number_values(number: int) -> dict[str, object]:
    """Return every way a phrase may write a number."""
    return {"n": number, "cn": chinese_numeral(number), "roman": roman(number),
            "roman_lower": roman(number).lower(), "letter": letter(number), "hangul": hangul(number)}


@dataclass(frozen=True)
class Language:
    """The phrases and terms of one language, and the formatting built on them."""

    code: str
    phrases: dict
    terms: dict
    word_lists: dict

    def local(self, text: dict[str, str] | None) -> str:
        """Return a text in this language, else in the default language, else ''."""
        text = text or {}
        return text.get(self.code) or text.get(DEFAULT_LANGUAGE) or ""

    def phrase(self, key: str, **values: object) -> str:
        """Return a phrase with its placeholders filled."""
        try:
            return self.phrases[key].format(**values)
        except KeyError as error:
            raise LanguageError(f"templates/language/{self.code}.yaml: phrase '{key}' needs {error}") from None

    def term(self, value: str) -> str:
        """Return the word for an enumerated value."""
        try:
            return self.terms[value]
        except KeyError:
            raise LanguageError(f"templates/language/{self.code}.yaml: no term for '{value}'") from None

    def join(self, items: list[str], conjunction: str = "and") -> str:
        """Return items as a list in running text: 'a, b and c'."""
        items = [str(item) for item in items]
        prefix = "list" if conjunction == "and" else "list_or"
        if len(items) <= 1:
            return "".join(items)
        if len(items) == 2:
            return self.phrase(f"{prefix}_pair", first=items[0], second=items[1])
        rest = self.phrases["list_separator"].join(items[:-1])
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

    def date(self, value: datetime.date) -> str:
        """Return a date as written in the language."""
        month_name = self.phrases["months"][value.month - 1]
        return self.phrase("date", day=value.day, month=value.month, month_name=month_name, year=value.year)

    def label(self, level: str, position: tuple[int, ...]) -> str:
        """Return the label of a part, article, paragraph, point or subpoint from its position."""
        return self.phrase(level, **number_values(position[-1]))

    def reference(self, level: str, position: tuple[int, ...]) -> str:
        """Return a cross-reference to an article, paragraph or point ('paragraph 2 of Article 7')."""
        values = {"article": position[0], "article_cn": chinese_numeral(position[0])}
        if len(position) > 1:
            values |= {"paragraph": position[1], "paragraph_cn": chinese_numeral(position[1])}
        if len(position) > 2:
            values |= {"letter": letter(position[2]), "hangul": hangul(position[2]), "point_cn": chinese_numeral(position[2])}
        key = {1: "ref_article", 2: "ref_paragraph"}.get(len(position), "ref_point")
        return self.phrase(key, **values)


@functools.cache
def language(code: str, folder: Path = TEMPLATES / "language") -> Language:
    """Return the language whose wording file is `<folder>/<code>.yaml`."""
    data = YAML(typ="safe").load((folder / f"{code}.yaml").read_text(encoding="utf-8"))
    return Language(code, data["phrases"], data["terms"], data.get("word_lists", {}))
