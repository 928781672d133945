"""Reading a language file: its record checked field by field, every refusal one line naming the file and field."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from clauses.errors import worded
from clauses.languages import Language, LanguageError
from clauses.numerals import LATIN_LETTERS

Word = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Patterns = list[Annotated[str, StringConstraints(min_length=1, max_length=500)]]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Record(_Strict):
    """What the code needs to know of a language."""

    name: Word  # in the language itself
    tag: Word  # BCP-47, for Word's w:lang
    iso639_2: Annotated[str, StringConstraints(pattern=r"^[a-z]{3}$")] | None = None  # for Akoma Ntoso
    east_asian_font: Word | None = None  # set for Korean, Chinese, Japanese text in Word
    script: Word | None = None  # a regex of its script's characters, to tell a Word file's language
    spaces_between_words: bool = True
    matching: Literal["words", "character_pairs"] = "words"  # how texts are compared when matched to a draft
    point_letters: Annotated[str, StringConstraints(min_length=2)] = LATIN_LETTERS
    bracket_unit: Literal["word", "clause"] = "word"  # the least a bracket may hold: a word, or a whole clause


class ImportPatterns(_Strict):
    """How an imported Word file's headings and numbers read in the language (regexes with number and text groups)."""

    preamble: list[Word] = []
    part: Patterns = []
    article: Patterns = []
    paragraph: Patterns = []
    roman: Patterns = []
    point: Patterns = []


class ConceptWords(_Strict):
    """A defined concept in the language: its one term, other forms that count as it, variants that must not appear."""

    term: Word
    forms: list[Word] = []  # inflections that are the concept too ('Party' beside 'the Parties')
    avoid: list[Word] = []  # variants a text must not use for it
    ignore: list[Word] = []  # longer words that hold the term but are not the concept


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
    checks: Checks = Field(default_factory=Checks)
    word_lists: dict[str, dict[str, str]] = {}
    import_patterns: ImportPatterns = Field(default_factory=ImportPatterns, alias="import")


def read_language(code: str, path: Path) -> Language:
    """Return the language a file holds, or raise LanguageError (PD-E039) naming the file and what is wrong."""
    name = f"templates/language/{code}.yaml"
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        content = LanguageFile.model_validate(data if isinstance(data, dict) else {})
    except (OSError, UnicodeDecodeError, YAMLError) as error:
        raise LanguageError(f"{name}: cannot be read: {' '.join(str(error).split())}", "PD-E039") from None
    except ValidationError as error:
        raise LanguageError(f"{name}: {worded(error)}", "PD-E039") from None
    record = content.language
    return Language(code, record.name, record.tag, record.iso639_2, record.east_asian_font, record.script,
                    record.spaces_between_words, record.matching, record.point_letters, record.bracket_unit, content.phrases,
                    content.terms, content.word_lists, content.import_patterns.model_dump(),
                    {key: words.model_dump() for key, words in content.concepts.items()}, content.checks.model_dump())
