"""What the Word renderers write: paragraphs of pieces of text, keyed so two versions can be compared.

A renderer turns document-tree blocks into these; the writer turns them into Word XML; the redline aligns
the paragraphs of two versions by key and writes the differences as tracked changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Piece:
    """A stretch of text with one formatting and, optionally, a comment on it ("\\n" is a line break)."""

    text: str
    comment: str | None = None
    bold: bool = False
    italic: bool = False
    option: str | None = None  # a bracketed option's own words (without brackets and label), when it is one
    inline_option: bool = False  # the option is one of a bracket within a sentence ('[10] [20]')


@dataclass
class WordParagraph:
    """One Word paragraph: its key, style, numbering level, pieces and the comment on the whole of it."""

    key: str
    style: str
    pieces: list[Piece] = field(default_factory=list)
    level: str | None = None
    comment: str | None = None
    comment_spans: tuple[tuple[str, str], ...] = ()  # words of the comment in another language: (words, its code)
    alignment: str | None = None
    page_break_after: bool = False
    unnumbered: bool = False
    field: str | None = None
    keep_together: bool = False
    bookmark: str | None = None  # a heading's bookmark, where the contents find its page
    page_of: str | None = None  # a contents entry's heading bookmark: its page follows the text after a tab
    numbering: str | None = None  # the lists numbering it, when not the body's (an annex's own: 'en:annex.maps')
    footnote: str | None = None  # a footnote at the paragraph's end
    note: str | None = None  # a drafters' note: a comment on the paragraph by note_author (internal edition)
    note_author: str = ""
    note_spans: tuple[tuple[str, str], ...] = ()  # the note when it is in another language: (words, its code)

    @property
    def text(self) -> str:
        """Return the paragraph's text, line breaks as '\\n'."""
        return "".join(piece.text for piece in self.pieces)

    def same_form(self, other: WordParagraph) -> bool:
        """Return whether two paragraphs are the same kind of paragraph (style, numbering, field)."""
        return (self.style, self.level, self.unnumbered, self.field) == (
            other.style, other.level, other.unnumbered, other.field)


# The body's last paragraph: never changed, never tracked, and not empty to LibreOffice (it holds an empty
# field), so paragraphs inserted or deleted before it come and go whole when changes are accepted or rejected.
END = WordParagraph("end", "Normal", field="anchor")
