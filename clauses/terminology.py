"""The terminology base: every defined concept with its one term per language, and a reader that finds them in text.

Each language file's `concepts` section gives a concept's term, the other forms that count as it and the
variants that must not appear. A reader finds, in a text of one language, every concept and every name
it is given (parties, bodies, zones), longest first, so that 'the Parties concerned' is not also 'the
Parties'; a variant to avoid is found as the concept it stands for, marked as avoided.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clauses.languages import DEFAULT_LANGUAGE, LANGUAGES, VARIANTS, Language, LanguageError, language

CONCEPT = "concept"


@dataclass(frozen=True)
class Mention:
    """A concept or a named entity found in a text: what it is, the words found, and whether they are a variant to avoid."""

    kind: str  # 'concept', 'party', 'body' or 'zone'
    id: str
    found: str
    avoided: bool = False

    @property
    def key(self) -> tuple[str, str]:
        """Return what was mentioned, whatever the words."""
        return self.kind, self.id


@dataclass(frozen=True)
class Named:
    """Something a draft names, with every form its names take in one language."""

    kind: str
    id: str
    forms: tuple[str, ...]


def concept_ids() -> list[str]:
    """Return the ids of the defined concepts, in the order of the default language's file."""
    return list(language(DEFAULT_LANGUAGE).concepts)


def concept_table(codes: tuple[str, ...] = LANGUAGES) -> dict[str, dict[str, dict]]:
    """Return every concept with its words in each language, and in each variant that words it its own way."""
    table: dict[str, dict[str, dict]] = {concept: {} for concept in concept_ids()}
    for code in codes:
        for concept, words in language(code).concepts.items():
            table.setdefault(concept, {})[code] = words
    for code in VARIANTS:
        variant = language(code)
        if variant.variant_of in codes:
            base = language(variant.variant_of).concepts
            for concept, words in variant.concepts.items():
                if words != base.get(concept):
                    table.setdefault(concept, {})[code] = words
    return table


def term(words: Language, concept: str) -> str:
    """Return a concept's one term in a language (LanguageError when the language file lacks it)."""
    if concept not in words.concepts:
        raise LanguageError(f"{words.file}: no term for the concept '{concept}' in concepts")
    return words.concepts[concept]["term"]


class Reader:
    """Finds concepts and names in texts of one language, longest words first."""

    def __init__(self, words: Language, named: list[Named]):
        self.words = words
        self.meaning: dict[str, Mention | None] = {}
        for item in named:  # a name the draft gives (its UN Command, its DMZ) is that entity before any concept
            for form in item.forms:
                self._add(form, Mention(item.kind, item.id, form))
        for concept, entry in words.concepts.items():
            for form in entry.get("ignore", []):
                self.meaning.setdefault(form, None)
            for form in (entry["term"], *entry.get("forms", [])):
                self._add(form, Mention(CONCEPT, concept, form))
            for form in entry.get("avoid", []):
                self._add(form, Mention(CONCEPT, concept, form, avoided=True))
        self.pattern = self._compile()

    def _add(self, form: str, mention: Mention) -> None:
        """Record what a form means (and its capitalised form in a language of words), the first meaning kept."""
        self.meaning.setdefault(form, mention)
        if self.words.matching == "words" and form[:1].islower():
            self.meaning.setdefault(form[:1].upper() + form[1:], mention)

    def _compile(self) -> re.Pattern | None:
        """Return one pattern of every form, longest first, bounded by non-letters in a language of words."""
        forms = sorted((form for form in self.meaning if form), key=len, reverse=True)
        if not forms:
            return None
        alternatives = "|".join(map(re.escape, forms))
        if self.words.matching == "words":
            return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
        return re.compile(f"(?:{alternatives})")

    def mentions(self, text: str) -> list[Mention]:
        """Return what a text mentions, in order (words that only hold a term are not mentions)."""
        if self.pattern is None:
            return []
        found = []
        for match in self.pattern.finditer(text):
            mention = self.meaning[match.group()]
            if mention is not None:
                found.append(Mention(mention.kind, mention.id, match.group(), mention.avoided))
        return found
