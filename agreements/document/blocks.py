"""The document tree: what a document says, in one language or several, before it is text, Word or XML.

A block has a type (title, article, paragraph, heading, bullet, table …), a key that stays the same
from one version to the next (so a redline can align two trees), its words per language and the blocks
below it. Its words are inlines: plain text, text with emphasis, a date, or negotiation brackets whose
options carry their proposers' names. The agreement's tree comes from `document.compose`; reports (the
cover memo, the positions matrix, the precedent annex, the change summary) build theirs directly.
Renderers — text, Markdown, Word, Akoma Ntoso — have one method per block type.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from clauses.languages import DEFAULT_LANGUAGE

LINE_BREAK = "\n"
MISSING = "⟨no {lang} text⟩"


@dataclass(frozen=True)
class Option:
    """One option in brackets: its letter (None inside a sentence), who proposed it, and its text."""

    letter: str | None
    proposers: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Bracket:
    """Text in square brackets: one bracketed passage, or competing options (inline or whole)."""

    options: tuple[Option, ...]
    inline: bool = False


@dataclass(frozen=True)
class Run:
    """Text with emphasis, and optionally a comment on it ('\\n' is a line break)."""

    text: str
    bold: bool = False
    italic: bool = False
    comment: str | None = None


@dataclass(frozen=True)
class Date:
    """A date as written in the language, with its ISO form for formats that mark dates."""

    text: str
    iso: str


@dataclass(frozen=True)
class PartyName:
    """A party's name where the document names it to sign, with the party's id."""

    text: str
    party: str


@dataclass(frozen=True)
class Foreign:
    """Words in another language than the text around them (a party's note as written), with that language's code."""

    text: str
    lang: str


@dataclass(frozen=True)
class PlaceName:
    """The place where the agreement is done, as written in the language."""

    text: str


Inline = str | Run | Date | PartyName | PlaceName | Foreign | Bracket


def inline_text(inline: Inline) -> str:
    """Return the words of an inline that is not a bracket."""
    return inline if isinstance(inline, str) else inline.text


def line_text(inlines: list[Inline]) -> str:
    """Return the words of a line of inlines that holds no bracket (a note)."""
    return "".join(inline_text(inline) for inline in inlines)


@dataclass
class BlockText:
    """What a block says in one language: its number, its heading, its words, the notes on its state, its footnote.

    Each note is a line of inlines: the language's words, and a party's own words in theirs (Foreign).
    `missing` says that the block's own words (a text, a heading) are not written in this language.
    """

    label: str = ""
    title: str | None = None
    inlines: list[Inline] = field(default_factory=list)
    missing: bool = False
    notes: list[list[Inline]] = field(default_factory=list)
    footnote: str | None = None


@dataclass
class Block:
    """One block of a document: its type, its key, its words per language and the blocks below it.

    `note` is the drafters' note on the node, present only in an internal edition (compose with internal).
    """

    type: str
    key: str
    texts: dict[str, BlockText] = field(default_factory=dict)
    children: list[Block] = field(default_factory=list)
    node_id: str | None = None
    numbers: tuple[int, ...] = ()
    align: str | None = None
    page_break_after: bool = False
    data: dict[str, Any] = field(default_factory=dict)
    note: str | None = None

    def text(self, lang: str) -> BlockText:
        """Return the block's words in a language (nothing when it has none there)."""
        return self.texts.get(lang) or BlockText()

    def walk(self) -> Iterator[Block]:
        """Yield this block and every block below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


def simple_block(block_type: str, key: str, *inlines: Inline, align: str | None = None,
                 lang: str = DEFAULT_LANGUAGE) -> Block:
    """Return a block holding words in one language (a line of a report)."""
    return Block(block_type, key, {lang: BlockText(inlines=list(inlines))}, align=align)


def table_row(key: str, cells: list[list[Block]], heading: bool = False, keep_together: bool = False) -> Block:
    """Return a table row of cells, each holding its blocks (a heading row repeats on every page)."""
    children = [Block("cell", f"{key}:{index}", children=blocks) for index, blocks in enumerate(cells)]
    return Block("row", key, children=children, data={"heading": heading, "keep_together": keep_together})


@dataclass(frozen=True)
class RegistryEntry:
    """A party, body or zone the document names: its id, what it is, its role, and its names per language."""

    id: str
    kind: str  # party | body | zone
    role: str | None
    names: dict[str, str]
    short_names: dict[str, str]


@dataclass
class Document:
    """A whole document: its languages, its date, its settings and its blocks in order.

    `settings` says how the document is laid out (landscape, margins, header text per language, the title
    kept in its properties); `meta` and `entries` describe the agreement for formats that identify it.
    """

    languages: list[str]
    when: datetime.datetime
    blocks: list[Block] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    meta: Any = None
    entries: list[RegistryEntry] = field(default_factory=list)

    def walk(self) -> Iterator[Block]:
        """Yield every block of the document in order."""
        for block in self.blocks:
            yield from block.walk()

    def find(self, block_type: str) -> Block | None:
        """Return the first block of a type, or None."""
        return next((block for block in self.walk() if block.type == block_type), None)
