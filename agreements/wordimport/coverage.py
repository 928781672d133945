"""How much of a Word file's text reaches the imported draft: the share placed, and what was not, by kind.

Both sides are counted as multisets: the words of everything import read (body paragraphs, table rows and
definitions, text boxes, embedded documents, footnotes and endnotes, comments) against the words of the draft
(title, short title, headings, recitals, texts, footnotes, drafters' notes). Words are runs of letters and
digits, compared without case; in a language whose texts are matched by characters (Korean, Chinese: its
language file says `matching: character_pairs`) each letter or digit counts on its own, since words there are
not always set apart by spaces. The number or label a paragraph starts with ("Article 7", "2.1", "(a)", "제7조")
is structure, which the draft derives, and counts on neither side; a paragraph import leaves out on purpose (a
contents list, peacedraft's own formulas, parties and draft mark) is not counted.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from agreements.wordimport.patterns import read_style, read_text
from agreements.wordimport.source import BodyParagraph
from clauses.languages import language

STRICT_SHARE = 0.95  # `import --strict` exits 1 below this share
WORD = re.compile(r"\w+")
LETTER = re.compile(r"[^\W_]")
DRAFT_TEXTS = ("title", "short_title", "heading", "text", "footnote", "note")
KINDS = {"body": "paragraphs", "table": "tables", "definition": "definitions tables", "textbox": "text boxes",
         "chunk": "embedded documents", "footnote": "footnotes and endnotes", "comment": "comments"}


@dataclass(frozen=True)
class Coverage:
    """The words (or characters) read from a document, those that reached the draft, and the rest by kind."""

    read: int
    placed: int
    unit: str  # "words" or "characters"
    missing: dict[str, int] = field(default_factory=dict)  # by kind ('tables', 'footnotes and endnotes' …)

    @property
    def share(self) -> float:
        """Return the share of the text placed (1.0 for a document without text)."""
        return self.placed / self.read if self.read else 1.0

    @property
    def percent(self) -> str:
        """Return the share as a percentage with one decimal, rounded down ('97.3')."""
        return f"{math.floor(self.share * 1000) / 10:.1f}"

    def line(self) -> str:
        """Return 'placed 97.3% of the document's text (12,345 of 12,690 words)'."""
        return f"placed {self.percent}% of the document's text ({self.placed:,} of {self.read:,} {self.unit})"

    def missing_line(self) -> str | None:
        """Return what was not placed by kind ('120 words in tables, 41 in footnotes and endnotes'), or None."""
        if not self.missing:
            return None
        (kind, count), *rest = self.missing.items()
        unit = self.unit.removesuffix("s") if count == 1 else self.unit
        return ", ".join([f"{count:,} {unit} in {kind}", *(f"{number:,} in {name}" for name, number in rest)])

    def short_of(self, share: float = STRICT_SHARE) -> bool:
        """Return whether less than the given share was placed."""
        return self.placed < share * self.read


def measure(sources: list[BodyParagraph], data: dict, lang: str) -> Coverage:
    """Return how much of the paragraphs' text (and their notes') the draft data holds, in the language's units."""
    by_characters = language(lang).matching == "character_pairs"
    count = _characters if by_characters else _words
    draft = Counter()
    for text in draft_texts(data):
        draft.update(count(text))
    items = [(kind, count(text)) for kind, text in read_texts(sources)]
    unplaced = [(kind, tokens) for kind, tokens in items if not _take_whole(tokens, draft)]
    missing = {kind: 0 for kind in KINDS.values()}
    for kind, tokens in unplaced:
        for token in tokens:
            if draft[token] > 0:
                draft[token] -= 1
            else:
                missing[kind] += 1
    read = sum(len(tokens) for _, tokens in items)
    return Coverage(read, read - sum(missing.values()), "characters" if by_characters else "words",
                    {kind: number for kind, number in missing.items() if number})


def _take_whole(tokens: list[str], draft: Counter) -> bool:
    """Take an item's tokens from the draft's when all of them are there; return whether they were."""
    needed = Counter(tokens)
    if any(draft[token] < number for token, number in needed.items()):
        return False
    draft.subtract(needed)
    return True


def read_texts(sources: list[BodyParagraph]) -> list[tuple[str, str]]:
    """Return what import read, as (kind, text): each paragraph without its number, then its notes and comments."""
    found = []
    for source in sources:
        reading = read_style(source.style, source.text) or read_text(source.text)
        if reading.kind != "skip":
            found.append((KINDS.get(source.origin, KINDS["body"]), reading.text if reading.written else source.text))
        found += [(KINDS["footnote"], note) for note in source.footnotes]
        found += [(KINDS["comment"], comment) for comment in source.comments]
    return found


def draft_texts(data: dict) -> list[str]:
    """Return every text of the draft data: title, short title, headings, recitals, texts, footnotes, notes."""
    found: list[str] = []
    _collect(data.get("meta", {}), found, deep=False)
    for key in ("preamble", "body", "annexes"):
        for node in data.get(key) or []:
            _collect(node, found, deep=True)
    return found


def _collect(node: dict, found: list[str], deep: bool) -> None:
    """Add a node's texts (in every language) to found, and its children's when deep."""
    for key in DRAFT_TEXTS:
        value = node.get(key)
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            found += [text for text in value.values() if isinstance(text, str)]
    for child in node.get("children", []) if deep else ():
        _collect(child, found, deep)


def _words(text: str) -> list[str]:
    """Return a text's words, without case."""
    return WORD.findall(text.casefold())


def _characters(text: str) -> list[str]:
    """Return a text's letters and digits, one by one, without case."""
    return LETTER.findall(text.casefold())
