"""What a Word document says, before it is Word: paragraphs (blocks) of pieces of text, keyed for comparison.

The renderer builds blocks from a draft; the writer turns blocks into Word; the redline aligns the blocks of
two versions by key and writes the differences as tracked changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LINE_BREAK = "\n"


@dataclass(frozen=True)
class Piece:
    """A stretch of text with one formatting and, optionally, a comment on it ("\\n" is a line break)."""

    text: str
    comment: str | None = None
    bold: bool = False
    italic: bool = False


@dataclass
class Block:
    """One paragraph: its key, style, numbering level, pieces and the comment on the whole of it."""

    key: str
    style: str
    pieces: list[Piece] = field(default_factory=list)
    level: str | None = None
    comment: str | None = None
    alignment: str | None = None
    page_break_after: bool = False
    unnumbered: bool = False
    field: str | None = None

    @property
    def text(self) -> str:
        """Return the block's text, line breaks as '\\n'."""
        return "".join(piece.text for piece in self.pieces)

    def same_form(self, other: Block) -> bool:
        """Return whether two blocks are the same kind of paragraph (style, numbering, field)."""
        return (self.style, self.level, self.unnumbered, self.field) == (
            other.style, other.level, other.unnumbered, other.field)
