"""What a text says, in terms that can be compared across languages: numbers, references, names, terms, brackets.

A text is read as running text, brackets included ('[Option A (ROK, US): …]', '[… (DPRK)]'), so that the
same reading serves a draft's composed text and a paragraph of a Word file. Everything a language writes
its own way comes from its file: the bracket phrases, the references' patterns, the spelled numbers, the
style conventions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction

from clauses.languages import BRACKET_PHRASES, DEFAULT_LANGUAGE, Language, language
from clauses.numerals import chinese_value, roman, words_value
from clauses.terminology import CONCEPT, Mention, Reader

FIGURES = re.compile(r"(?<![\d.,])\d+(?:[,.]\d+)*")
ANNEXES = ("annex", "protocol")  # the groups of a reference pattern that number an annex or a protocol
ROMAN = re.compile(r"[IVXLC]+")


@dataclass(frozen=True)
class Group:
    """A bracket group: its option letter (None for bracketed text) and the parties named as proposing it."""

    letter: str | None
    proposers: frozenset[str]


@dataclass
class Facts:
    """What one text says in one language."""

    numbers: set[Fraction] = field(default_factory=set)
    references: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    style: list[tuple[str, str]] = field(default_factory=list)  # (words found, the convention they break)

    @property
    def named(self) -> set[tuple[str, str]]:
        """Return the concepts and entities the text mentions."""
        return {mention.key for mention in self.mentions}


class TextFacts:
    """Reads the facts of texts in one language."""

    def __init__(self, words: Language, reader: Reader):
        self.words = words
        self.reader = reader
        checks = words.checks or {}
        self.references = [re.compile(pattern) for pattern in checks.get("references", [])]
        spelled = checks.get("numbers", {})
        self.spelled_words = {word.lower(): value for word, value in spelled.get("words", {}).items()}
        self.chinese_numerals = spelled.get("system", "words") == "chinese"
        self.spelled = [re.compile(pattern) for pattern in spelled.get("patterns", [])]
        self.style = [(re.compile(rule["pattern"]), rule["message"]) for rule in checks.get("style", [])]
        self.months = {month.lower(): number for number, month in enumerate(words.phrases.get("months", []), 1)}
        self.month_pattern = _month_pattern(words)
        opening, closing = words.brackets
        self.brackets = [_phrase_pattern(words.phrases[key].removeprefix(opening).removesuffix(closing))
                         for key in BRACKET_PHRASES if words.phrases.get(key)]
        pairs = dict.fromkeys((words.brackets, language(DEFAULT_LANGUAGE).brackets))  # a text typed with either
        self.bracket_group = re.compile("|".join(f"{re.escape(pair[0])}([^{re.escape(pair)}]*){re.escape(pair[1])}"
                                                 for pair in pairs))
        self.option_letter = _phrase_pattern(words.phrases.get("option", "{letter}"))

    def read(self, text: str) -> Facts:
        """Return the facts of one text."""
        facts = Facts()
        facts.style = [(match.group(), message) for pattern, message in self.style for match in pattern.finditer(text)]
        content = self.bracket_group.sub(lambda match: self._group(_inside(match), facts), text)
        facts.mentions = self.reader.mentions(content)
        rest = self._take_references(content, facts)
        rest = self._take_spelled(rest, facts)
        facts.numbers |= {_figure(found, self.words) for found in FIGURES.findall(rest)}
        return facts

    def _group(self, inside: str, facts: Facts) -> str:
        """Record a bracket group and return its text without the label and the proposers."""
        for pattern in self.brackets:
            match = pattern.fullmatch(inside)
            if match:
                parts = match.groupdict()
                label = self.option_letter.fullmatch(parts.get("option") or "")
                letter = label.group("letter") if label and "letter" in label.groupdict() else None
                proposers = {mention.id for mention in self.reader.mentions(parts.get("proposers") or "")
                             if mention.kind != CONCEPT}
                facts.groups.append(Group(letter, frozenset(proposers)))
                return f" {parts.get('text', '')} "
        facts.groups.append(Group(None, frozenset()))
        return f" {inside} "

    def _take_references(self, text: str, facts: Facts) -> str:
        """Record the cross-references to articles, annexes and protocols and return the text without them."""
        for pattern in self.references:
            for match in pattern.finditer(text):
                parts = match.groupdict()
                numbers = [str(_value(parts[key])) for key in ("article", "paragraph") if parts.get(key)]
                numbers += [f"{key} {_value(parts[key])}" for key in ANNEXES if parts.get(key)]
                facts.references.add(".".join(numbers))
            text = _blanked(pattern, text)
        return text

    def _take_spelled(self, text: str, facts: Facts) -> str:
        """Record the numbers written in words or numerals of the script, and months by name; return the rest."""
        for pattern in self.spelled:
            facts.numbers |= {Fraction(self._spelled(match.group("words"))) for match in pattern.finditer(text)}
            text = _blanked(pattern, text)
        if self.month_pattern:
            facts.numbers |= {Fraction(self.months[match.group().lower()]) for match in self.month_pattern.finditer(text)}
            text = _blanked(self.month_pattern, text)
        return text

    def _spelled(self, words: str) -> int:
        """Return the value of a number in Chinese numerals or in words."""
        if self.chinese_numerals:
            return chinese_value(words)
        return words_value(re.split(r"[\s-]+", words.lower()), self.spelled_words)


def _inside(match: re.Match) -> str:
    """Return what a bracket group holds, whichever pair of brackets it is in."""
    return next(group for group in match.groups() if group is not None)


def _blanked(pattern: re.Pattern, text: str) -> str:
    """Return text with what a pattern matches replaced by spaces (so nothing is read twice)."""
    return pattern.sub(lambda match: " " * len(match.group()), text)


def _month_pattern(words: Language) -> re.Pattern | None:
    """Return a pattern of the months' names beside a figure, when the language spells them (not '6月')."""
    months = [month for month in words.phrases.get("months", []) if not any(char.isdigit() for char in month)]
    if len(months) != 12:
        return None
    names = "|".join(map(re.escape, months))
    return re.compile(rf"(?<=\d )(?:{names})(?!\w)|(?<!\w)(?:{names})(?= \d)")


def _phrase_pattern(phrase: str) -> re.Pattern:
    """Return a pattern matching what a phrase writes, each placeholder a named group."""
    pattern, last = "", 0
    for match in re.finditer(r"\{(\w+)\}", phrase):
        pattern += re.escape(phrase[last:match.start()])
        name = match.group(1)
        pattern += f"(?P<{name}>.*)" if name == "text" else f"(?P<{name}>.*?)"
        last = match.end()
    pattern += re.escape(phrase[last:])
    return re.compile(pattern, re.DOTALL)


def _value(text: str) -> int:
    """Return a number written in figures, in Roman numerals (an annex's) or in Chinese numerals."""
    if text.isdigit():
        return int(text)
    if ROMAN.fullmatch(text):
        return next(number for number in range(1, 400) if roman(number) == text)
    return chinese_value(text)


def _figure(text: str, words: Language) -> Fraction:
    """Return a number written in figures, its digit groups joined ('1,095' → 1095, '2.5' → 5/2)."""
    if words.phrases.get("group_digits", True) and re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        text = text.replace(",", "")
    try:
        return Fraction(text)
    except ValueError:
        return Fraction(re.match(r"\d+", text).group())
