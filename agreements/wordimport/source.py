"""A Word file's body as the paragraphs an agreement is read from, in reading order: place, style, text, list level.

The body's blocks are read in order: paragraphs, tables (tables.py), the content of content controls
(`w:sdt`) and of custom XML and smart tag wrappers, and embedded documents (`w:altChunk`, chunks.py) in their
place. A paragraph's text boxes are read as paragraphs after it. Each paragraph carries the texts of the
footnotes and endnotes it refers to and the comments anchored in it (notes.py). Tracked changes are read as
accepted, and a deleted paragraph mark joins its paragraph to the next one, as Word does on accepting it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from docx.oxml.ns import qn

from agreements.wordimport.notes import WordNotes, read_notes
from agreements.wordimport.runs import Content, paragraph_mark, read_content
from agreements.wordimport.tables import read_table
from clauses.languages import DEFAULT_LANGUAGE, LANGUAGES, language

PARAGRAPH, TABLE, ALT_CHUNK = qn("w:p"), qn("w:tbl"), qn("w:altChunk")
PROPERTIES, STYLE = qn("w:pPr"), qn("w:pStyle")
NUMBERING, LEVEL, NUMBERING_ID = qn("w:numPr"), qn("w:ilvl"), qn("w:numId")
WRAPPERS = {qn("w:customXml"), qn("w:smartTag")}
CONTROL, CONTROL_CONTENT = qn("w:sdt"), qn("w:sdtContent")


@dataclass
class BodyParagraph:
    """One body paragraph: its place, style, text and list level (None when not in a Word list)."""

    index: int
    style: str
    text: str
    list_level: int | None
    origin: str = "body"  # "body"; "table" or "definition" for a table's row; "chunk" for an embedded document
    footnotes: list[str] = field(default_factory=list)  # the texts of the footnotes and endnotes it refers to
    comments: list[str] = field(default_factory=list)  # the texts of the comments anchored in it, as "author: text"


@dataclass
class Body:
    """What the body holds, in reading order, and what the import's report says of what was not read."""

    paragraphs: list[BodyParagraph]
    notes: list[str] = field(default_factory=list)


def paragraphs(document) -> list[BodyParagraph]:
    """Return the body's paragraphs in reading order, with their accepted text."""
    return read_body(document).paragraphs


def read_body(document) -> Body:
    """Return the body's paragraphs in reading order (numbered from 1) and the notes on what was not read."""
    reader = BodyReader(document)
    found = reader.blocks(document.element.body, "body")
    for index, paragraph in enumerate(found, 1):
        paragraph.index = index
    return Body(found, reader.skipped)


class BodyReader:
    """Reads the blocks of one document (the outer one, or one embedded in it) with its styles and notes."""

    def __init__(self, document, skipped: list[str] | None = None):
        self.document = document
        self.notes: WordNotes = read_notes(document)
        self.placed_comments: set[str] = set()
        self.styles: dict[str | None, str] = {}
        self.skipped = skipped if skipped is not None else []  # notes on embedded documents not read

    def blocks(self, container, origin: str) -> list[BodyParagraph]:
        """Return the paragraphs of a container's blocks (body, cell, text box) in reading order."""
        elements = list(block_elements(container))
        found: list[BodyParagraph] = []
        held: tuple[BodyParagraph, list] | None = None  # a paragraph whose mark is deleted, and its text boxes
        for place, element in enumerate(elements):
            if element.tag == PARAGRAPH:
                joins_next = place + 1 < len(elements) and elements[place + 1].tag == PARAGRAPH
                held = self.take_paragraph(element, origin, held, joins_next, found)
            elif element.tag == TABLE:
                found += read_table(element, self)
            elif element.tag == ALT_CHUNK:
                found += self.chunk(element)
        return found

    def take_paragraph(self, element, origin: str, held: tuple | None, joins_next: bool,
                       found: list[BodyParagraph]) -> tuple[BodyParagraph, list] | None:
        """Add a paragraph (joined to the one held before it) and its text boxes to found, or return it to hold.

        A paragraph whose mark is deleted is held when a paragraph follows, to be joined to it.
        """
        paragraph, boxes = self.paragraph(element, origin)
        if held is not None:
            paragraph, boxes = joined(held[0], paragraph), held[1] + boxes
        if joins_next and paragraph_mark(element) == "deleted":
            return paragraph, boxes
        found.append(paragraph)
        for box in boxes:
            found += self.blocks(box, "textbox")
        return None

    def paragraph(self, element, origin: str) -> tuple[BodyParagraph, list]:
        """Return one paragraph as read (its notes' texts attached) and the text boxes it holds."""
        style_id = paragraph_style_id(element)
        if style_id not in self.styles:
            self.styles[style_id] = style_name(self.document, style_id)
        content = read_content(element)
        found = BodyParagraph(0, self.styles[style_id], content.text, list_level(element), origin,
                              self.note_texts(content), self.comment_texts(content))
        return found, content.text_boxes

    def note_texts(self, content: Content) -> list[str]:
        """Return the texts of the footnotes, then the endnotes, a paragraph refers to."""
        texts = [self.notes.footnotes.get(note_id, "") for note_id in content.footnotes]
        texts += [self.notes.endnotes.get(note_id, "") for note_id in content.endnotes]
        return [text for text in texts if text]

    def comment_texts(self, content: Content) -> list[str]:
        """Return the comments anchored in a paragraph as 'Author: text', each once, none that peacedraft wrote."""
        found = []
        for comment_id in dict.fromkeys(content.comments):
            comment = self.notes.comments.get(comment_id)
            if comment is None or comment.generated:
                continue
            if comment_id not in self.placed_comments and comment.text:
                self.placed_comments.add(comment_id)
                found.append(comment.written)
        return found

    def chunk(self, element) -> list[BodyParagraph]:
        """Return the paragraphs of the document an altChunk embeds, or none (and a note) when it is not read."""
        from agreements.wordimport.chunks import embedded_document

        nested, note = embedded_document(self.document, element)
        if nested is None:
            self.skipped.append(note)
            return []
        return BodyReader(nested, self.skipped).blocks(nested.element.body, "chunk")


def block_elements(container):
    """Yield a container's paragraphs, tables and altChunks, looking inside content controls and wrappers."""
    for child in container:
        if child.tag in (PARAGRAPH, TABLE, ALT_CHUNK):
            yield child
        elif child.tag in WRAPPERS:
            yield from block_elements(child)
        elif child.tag == CONTROL:
            for content in child.iterchildren(CONTROL_CONTENT):
                yield from block_elements(content)


def joined(first: BodyParagraph, second: BodyParagraph) -> BodyParagraph:
    """Return two paragraphs joined as Word joins them when the first one's deleted mark is accepted.

    The text runs on; the first paragraph's style and list level stay, unless all of its text was deleted too
    (then it is gone, and the second keeps its own). Notes and comments of both are kept.
    """
    kept = first if first.text.strip() else second
    return dataclasses.replace(kept, text=first.text + second.text, footnotes=first.footnotes + second.footnotes,
                               comments=first.comments + second.comments)


def style_name(document, style_id: str | None) -> str:
    """Return a paragraph style's name from its id ('Normal' when none)."""
    if style_id is None:
        return "Normal"
    style = document.styles.element.get_by_id(style_id)
    return style.name_val if style is not None and style.name_val else style_id


def paragraph_style_id(element) -> str | None:
    """Return the id of the style written on a paragraph, or None."""
    properties = element.find(PROPERTIES)
    style = properties.find(STYLE) if properties is not None else None
    return style.val if style is not None else None


def list_level(element) -> int | None:
    """Return the Word list level written on the paragraph itself, or None (also for list 0: no list)."""
    properties = element.find(PROPERTIES)
    numbering = properties.find(NUMBERING) if properties is not None else None
    number_id = numbering.find(NUMBERING_ID) if numbering is not None else None
    if number_id is None or number_id.val == 0:
        return None
    level = numbering.find(LEVEL)
    return level.val if level is not None else 0


def guess_language(texts: list[str]) -> str:
    """Return the language whose script most of the text is written in (Hangul, Han …), else the default language."""
    sample = "".join(texts)[:200_000]
    counts = {code: len(re.findall(language(code).script, sample)) for code in LANGUAGES if language(code).script}
    best = max(counts, key=counts.get, default=DEFAULT_LANGUAGE)
    return best if counts.get(best, 0) > len(sample) // 20 else DEFAULT_LANGUAGE
