"""Reading a language file: its record checked field by field, every refusal one line naming the file and field."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from clauses.cache import cached_data
from clauses.errors import worded
from clauses.languages import BRACKET_PHRASES, Language, LanguageError
from clauses.numerals import LATIN_LETTERS, number_values

Word = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Patterns = list[Annotated[str, StringConstraints(min_length=1, max_length=500)]]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FontTableEntry(_Strict):
    """How Word's font table describes a face, so that a client lacking it substitutes a like one."""

    alt_name: Word | None = None  # the face's name in its own script (Word knows a face by either name)
    panose: Annotated[str, StringConstraints(pattern=r"^[0-9A-F]{20}$")]  # the PANOSE-1 classification
    charset: Annotated[str, StringConstraints(pattern=r"^[0-9A-F]{2}$")]  # the Windows character set
    family: Literal["roman", "swiss", "modern", "script", "decorative"]  # roman: a serif face


class WordList(_Strict):
    """One level of the Word lists: its number format, its label and the hanging indent the labels fit in."""

    format: Word
    text: Word
    hanging: Annotated[float, Field(gt=0, le=144)] | None = None  # points from the label's start to the text


class Record(_Strict):
    """What the code needs to know of a language."""

    name: Word  # in the language itself
    tag: Word  # BCP-47, for Word's w:lang
    iso639_2: Annotated[str, StringConstraints(pattern=r"^[a-z]{3}$")] | None = None  # for Akoma Ntoso
    east_asian_font: Word | None = None  # set for Korean, Chinese, Japanese text in Word
    web_fonts: list[Word] = []  # the font families of HTML text in the language, first choice first
    line_breaks: Literal["normal", "keep-all"] = "normal"  # HTML: keep-all breaks lines between words only
    east_asian_font_table: FontTableEntry | None = None  # the East Asian face as Word's font table lists it
    script: Word | None = None  # a regex of its script's characters, to tell a Word file's language
    spaces_between_words: bool = True
    matching: Literal["words", "character_pairs"] = "words"  # how texts are compared when matched to a draft
    point_letters: Annotated[str, StringConstraints(min_length=2)] = LATIN_LETTERS
    bracket_unit: Literal["word", "clause"] = "word"  # the least a bracket may hold: a word, or a whole clause
    brackets: Annotated[str, StringConstraints(min_length=2, max_length=2)] = "[]"  # a bracket's opening and closing
    variant_of: Word | None = None  # a variant (ko-KP.yaml) inherits this language's file and overrides it
    used_by: list[Word] = []  # the parties whose copy of the agreement is written in this variant


def _import_pattern(text: str) -> str:
    """Return a regex of an imported number that compiles and has its 'number' and 'text' groups."""
    try:
        groups = re.compile(text).groupindex
    except re.error as error:
        raise ValueError(f"not a regular expression ({error})") from None
    if "number" not in groups or "text" not in groups:
        raise ValueError("needs a 'number' and a 'text' group")
    return text


def _numbered_name(text: str) -> str:
    """Return a placeholder name whose only fields are a number's ({n}, {cn}, {roman}, {roman_lower}, {letter})."""
    try:
        text.format(**number_values(1))
    except (KeyError, IndexError, ValueError) as error:
        raise ValueError(f"'{text}' can only hold {{n}}, {{cn}}, {{roman}}, {{roman_lower}} or {{letter}} ({error})")
    return text


ImportRegexes = list[Annotated[str, StringConstraints(min_length=1, max_length=500), AfterValidator(_import_pattern)]]


class ImportPatterns(_Strict):
    """How an imported Word file's headings and numbers read in the language (regexes with number and text groups)."""

    preamble: list[Word] = []
    untitled: Word | None = None  # the title of a document that has none ('Imported agreement')
    # a placeholder party's name, its number written as a phrase writes one ('Party {n}', '当事方{cn}')
    party: Annotated[Word, AfterValidator(_numbered_name)] | None = None
    annex: ImportRegexes = []  # an annex's heading, its number optional
    protocol: ImportRegexes = []  # a protocol's heading, its number optional
    part: ImportRegexes = []
    article: ImportRegexes = []
    subclause: ImportRegexes = []  # decimal numbers ('2.1', '2.1.3'): a paragraph, a point of a section
    paragraph: ImportRegexes = []
    roman: ImportRegexes = []
    point: ImportRegexes = []


class ConceptWords(_Strict):
    """A defined concept in the language: its one term, other forms that count as it, variants that must not appear."""

    term: Word
    forms: list[Word] = []  # inflections that are the concept too ('Party' beside 'the Parties')
    avoid: list[Word] = []  # variants a text must not use for it
    ignore: list[Word] = []  # longer words that hold the term but are not the concept
    replaces: list[Word] = []  # in a variant: the base language's words it writes differently (else its term)
    abbreviations: list[Word] = []  # short forms a reader types for it ('DMZ'); precedent search expands them
    synonyms: list[Word] = []  # other words a reader may mean it by ('troops'); precedent search expands them


class Pattern(_Strict):
    """A regex a text of the language must not match, and what to say when it does."""

    pattern: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    message: Word


class SpelledNumbers(_Strict):
    """How numbers written in words read: the numeral system, its words, and where a spelled number counts."""

    system: Literal["words", "chinese"] = "words"
    words: dict[str, int] = {}  # 'sixty': 60 (system 'words')
    patterns: Patterns = []  # each with a 'words' group: the spelled number


class Checks(_Strict):
    """What `check-languages` needs to read a text of the language."""

    references: Patterns = []  # cross-references to articles, each with an 'article' group
    numbers: SpelledNumbers = Field(default_factory=SpelledNumbers)
    style: list[Pattern] = []  # numeral style and punctuation conventions


class LanguageFile(_Strict):
    """A whole language file."""

    language: Record
    phrases: dict[str, Any] = {}
    terms: dict[str, dict[str, str]] = {}
    concepts: dict[str, ConceptWords] = {}
    rewrites: dict[Word, Word] = {}  # in a variant: other words of its base language it writes its own way
    checks: Checks = Field(default_factory=Checks)
    word_lists: dict[str, WordList] = {}
    import_patterns: ImportPatterns = Field(default_factory=ImportPatterns, alias="import")

    @model_validator(mode="after")
    def _bracketed(self) -> LanguageFile:
        """Return the file when each bracket phrase opens and closes with the language's brackets."""
        opening, closing = self.language.brackets
        for key in BRACKET_PHRASES:
            phrase = self.phrases.get(key)
            if isinstance(phrase, str) and not (phrase.startswith(opening) and phrase.endswith(closing)):
                raise ValueError(f"phrases.{key} must open with {opening} and close with {closing} "
                                 f"(language.brackets)")
        return self


def read_language(code: str, path: Path) -> Language:
    """Return the language a file holds, or raise LanguageError (PD-E039) naming the file and what is wrong.

    A variant's file names the language it varies (`variant_of`): it is read over that language's file,
    section by section, and its concepts say which words of that language it writes its own way.
    """
    data = _data(code, path)
    language_record = data.get("language")
    base_code = language_record.get("variant_of") if isinstance(language_record, dict) else None
    replacements: tuple[tuple[str, str], ...] = ()
    if base_code:
        base = _data(base_code, path.with_name(f"{base_code}.yaml"))
        content = _validated(code, _merged(base, data))
        own = data.get("concepts") if isinstance(data.get("concepts"), dict) else {}
        replacements = _replacements(_validated(base_code, base), content, list(own))
    else:
        content = _validated(code, data)
    record = content.language
    return Language(code, record.name, record.tag, record.iso639_2, record.east_asian_font, record.script,
                    record.spaces_between_words, record.matching, record.point_letters, record.bracket_unit,
                    content.phrases, content.terms,
                    {level: entry.model_dump(exclude_none=True) for level, entry in content.word_lists.items()},
                    content.import_patterns.model_dump(),
                    {key: words.model_dump() for key, words in content.concepts.items()}, content.checks.model_dump(),
                    record.variant_of, tuple(record.used_by), replacements,
                    record.east_asian_font_table.model_dump() if record.east_asian_font_table else None,
                    tuple(record.web_fonts), record.brackets, record.line_breaks)


def _data(code: str, path: Path) -> dict:
    """Return the plain data of a language file (LanguageError when it cannot be read)."""
    try:
        data = cached_data("languages", path.read_bytes(), lambda raw: YAML(typ="safe").load(raw.decode("utf-8")))
    except (OSError, UnicodeDecodeError, YAMLError) as error:
        raise LanguageError(f"templates/language/{code}.yaml: cannot be read: {' '.join(str(error).split())}",
                            "PD-E039") from None
    return data if isinstance(data, dict) else {}


def _validated(code: str, data: dict) -> LanguageFile:
    """Return a language file's content checked field by field."""
    try:
        return LanguageFile.model_validate(data)
    except ValidationError as error:
        raise LanguageError(f"templates/language/{code}.yaml: {worded(error)}", "PD-E039") from None


def _merged(base: dict, variant: dict) -> dict:
    """Return a base language's data with a variant's sections laid over it (one level into each section)."""
    merged = {**base}
    for section, value in variant.items():
        if isinstance(value, dict) and isinstance(base.get(section), dict):
            merged[section] = {**base[section], **value}
        else:
            merged[section] = value
    return merged


def _replacements(base: LanguageFile, variant: LanguageFile, own: list[str]) -> tuple[tuple[str, str], ...]:
    """Return (base words, variant words) for each concept the variant words itself (its `own`) and each of its
    rewrites, longest first."""
    pairs = list(variant.rewrites.items())
    for concept in own:
        words = variant.concepts[concept]
        replaced = words.replaces or ([base.concepts[concept].term] if concept in base.concepts else [])
        pairs += [(old, words.term) for old in replaced if old != words.term]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))
