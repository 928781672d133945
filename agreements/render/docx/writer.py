"""The shared Word writer: a document from the house style, styles resolved once, paragraphs built as XML.

Render, redline, annex, memo and package all write Word through this class.
"""

from __future__ import annotations

import datetime
import io

import docx
import docx.enum.section
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph

from agreements.render.docx import ooxml
from agreements.render.docx.house_style import REFERENCE, STYLE_NAMES, set_contents_tabs, text_width
from clauses.languages import Language, language
from clauses.rendering import RenderError

AUTHOR, INITIALS = "peacedraft", "PD"
# Ends the initials of every comment peacedraft writes (a zero-width space: invisible, never typed by a person,
# kept by Word and LibreOffice), so that reading a partner's copy tells our comments from the partner's.
GENERATED_MARK = "\u200b"
CORE_PROPERTY_LIMIT = 255  # characters python-docx (and Word) keep in a core property such as the title
# A deleted heading's bookmark and its deleted contents entry's reference carry this suffix, so that in a redline
# each version's entries find their headings where that version has them (rejecting all finds the old places).
DELETED_BOOKMARK = "_d"
HANGING_POINTS = 21.25  # a list level's hanging indent where its language file gives none (0.75 cm)
LIST_LEVELS = ("article", "paragraph", "point", "subpoint")
LEVEL_STYLES = {"part": "Heading 1", "article": "Heading 2", "paragraph": "Article Paragraph",
                "point": "Article Point", "subpoint": "Article Subpoint"}


def initials(author: str) -> str:
    """Return a comment author's initials: the first letter of each of their first three words ('PD' for ours)."""
    if author == AUTHOR:
        return INITIALS
    return "".join(word[0] for word in author.split()[:3]) or INITIALS


class WordWriter:
    """A Word document being written: paragraphs, lists, comments, header and footer, saved reproducibly."""

    def __init__(self, lang: str, when: datetime.datetime):
        self.document = docx.Document(str(REFERENCE))
        self.when = when
        self.body = self.document.element.body
        self.section_properties = self.body.find(qn("w:sectPr"))
        self.style_ids = {name: self.document.styles[name].style_id for name in STYLE_NAMES}
        self.numbering = self.document.part.numbering_part.element
        self.lists: dict[str, tuple[int, int]] = {}
        self.last = None
        self.lang = lang
        self.comments = None
        self.comment_count = 0
        self.author = AUTHOR  # who the document's own comments (proposers, positions) are by
        self.creator = AUTHOR  # who the core properties name as its author and last modifier
        self.footnotes = None
        self.footnote_count = 0
        self.bookmarks: set[str] = set()
        ooxml.set_document_languages(self.document.styles.element, lang)

    def sign_as(self, author: str) -> None:
        """Make one author that of every comment and of the core properties (a non-paper's neutral one); returns None."""
        self.author = self.creator = author

    def paragraph(self, style: str, numbering: tuple[int, int] | None = None, container=None, alignment=None):
        """Append an empty paragraph of a style (to the body, or to a table cell) and return it."""
        node = ooxml.paragraph(self.style_ids[style], numbering, alignment)
        if container is not None:
            container.append(node)
        elif self.section_properties is not None:
            self.section_properties.addprevious(node)
        else:
            self.body.append(node)
        self.last = node
        return node

    def text(self, node, text: str, lang: str, bold: bool = False, italic: bool = False):
        """Append a run of text to a paragraph and return the run."""
        character = ooxml.forbidden_character(text)
        if character:
            raise RenderError(f"character U+{ord(character):04X} cannot appear in a Word document", "PD-E044")
        run = ooxml.run(text, lang, bold, italic)
        node.append(run)
        return run

    def page_break(self) -> None:
        """End the page at the end of the last paragraph written (no empty paragraph, so no blank page)."""
        self.last.append(ooxml.page_break())

    def comment(self, first_run, last_run, text: str, holder=None, author: str | None = None,
                when: datetime.datetime | None = None, spans: tuple[tuple[str, str], ...] = ()) -> None:
        """Attach a comment by an author (else the document's), dated like the document unless `when` is given,
        to the text from first_run to last_run (see anchor_comment); spans: its words in another language."""
        if self.comments is None:
            self.comments = self.document.part._comments_part.element
        author = author or self.author
        ooxml.add_comment(self.comments, self.comment_count, text, author, initials(author) + GENERATED_MARK,
                          when or self.when, self.lang, spans)
        ooxml.anchor_comment(first_run, last_run, self.comment_count, holder)
        self.comment_count += 1

    def add_lists(self, key: str, words: Language, first_id: int) -> None:
        """Define a language's lists: one for parts, one for articles, paragraphs, points and subpoints."""
        lists, lang = {level: words.word_list(level) for level in ("part", *LIST_LEVELS)}, words.code
        part = [ooxml.Level(lists["part"]["format"], lists["part"]["text"], suffix="space", lang=lang)]
        articles = [ooxml.Level(lists["article"]["format"], lists["article"]["text"], suffix="space", lang=lang)]
        indent = 0
        for level in LIST_LEVELS[1:]:  # each level's label starts where its parent's text does
            hanging = round(20 * lists[level].get("hanging", HANGING_POINTS))
            indent += hanging
            articles.append(ooxml.Level(lists[level]["format"], lists[level]["text"], indent=indent, hanging=hanging,
                                        lang=lang))
        for offset, levels in enumerate((part, articles)):
            ooxml.add_list(self.numbering, first_id + offset, first_id + offset, levels)
        self.lists[key] = (first_id, first_id + 1)

    def lists_apart(self, key: str, lang: str) -> str:
        """Return the key of lists that number apart (an annex's), defining them in a language on first use."""
        if key not in self.lists:
            self.add_lists(key, language(lang), max(articles for _, articles in self.lists.values()) + 1)
        return key

    def footnote(self, paragraph, text: str, lang: str) -> None:
        """Put a footnote at the end of a paragraph: its reference there, its text in the footnotes part."""
        if self.footnotes is None:
            self.footnotes = ooxml.add_footnotes_part(self.document)
        self.footnote_count += 1
        ooxml.add_footnote(self.footnotes, self.footnote_count, text, lang)
        paragraph.append(ooxml.footnote_reference(self.footnote_count, lang))

    def numbering_for(self, key: str, level: str) -> tuple[int, int]:
        """Return the (num id, level) that numbers a part, article, paragraph or point in a language's lists."""
        parts, articles = self.lists[key]
        return (parts, 0) if level == "part" else (articles, LIST_LEVELS.index(level))

    def tie_styles_to_lists(self, key: str) -> None:
        """Make the heading and paragraph styles number themselves with one language's lists."""
        for level, style in LEVEL_STYLES.items():
            num_id, index = self.numbering_for(key, level)
            ooxml.set_style_numbering(self.document.styles[style].element, num_id, index)

    def block(self, block, lang: str, container=None, direct: bool = False):
        """Write a block as a paragraph (numbered directly when `direct`, else by its style) and return it."""
        numbering = None
        if block.unnumbered:
            numbering = (0, 0)
        elif block.level and block.numbering:
            numbering = self.numbering_for(self.lists_apart(block.numbering, lang), block.level)
        elif block.level and direct:
            numbering = self.numbering_for(lang, block.level)
        paragraph = self.paragraph(block.style, numbering, container, block.alignment)
        self.bookmark(paragraph, block)
        runs = [run for piece in block.pieces for run in self.piece(paragraph, piece, lang)]
        self.page_number(paragraph, block, lang)
        if block.field in ("anchor", "end"):
            paragraph.append(ooxml.element("w:fldSimple", instr=" COMMENTS "))
        if block.comment and runs:
            self.comment(runs[0], runs[-1], block.comment, spans=block.comment_spans)
        if block.note:
            runs = runs or [self.text(paragraph, "", lang)]
            self.comment(runs[0], runs[-1], block.note, author=block.note_author, spans=block.note_spans)
        if block.footnote:
            self.footnote(paragraph, block.footnote, lang)
        if block.page_break_after:
            paragraph.append(ooxml.page_break())
        return paragraph

    def bookmark(self, paragraph, block, deleted: bool = False) -> None:
        """Put the block's bookmark (where the contents find a heading's page) at the paragraph's start, once."""
        name = block.bookmark and block.bookmark + (DELETED_BOOKMARK if deleted else "")
        if name and name not in self.bookmarks:
            self.bookmarks.add(name)
            ooxml.add_bookmark(paragraph, len(self.bookmarks), name)

    @staticmethod
    def page_number(paragraph, block, lang: str) -> None:
        """Append, for a contents entry, a tab and the page of its heading's bookmark."""
        if block.page_of:
            paragraph.extend(ooxml.page_reference(block.page_of, lang))

    def piece(self, paragraph, piece, lang: str) -> list:
        """Write a piece of text (line breaks included) and its comment; return its runs."""
        runs = []
        for index, line in enumerate(piece.text.split("\n")):
            if index:
                runs.append(ooxml.line_break(lang))
                paragraph.append(runs[-1])
            if line:
                runs.append(self.text(paragraph, line, lang, piece.bold, piece.italic))
        if piece.comment and runs:
            self.comment(runs[0], runs[-1], piece.comment)
        return runs

    def picture(self, data: bytes, width_cm: float, container=None):
        """Append a centred paragraph holding an image (an inline drawing, aspect kept) and return the paragraph."""
        node = self.paragraph("Normal", container=container, alignment="center")
        Paragraph(node, self.document).add_run().add_picture(io.BytesIO(data), width=Cm(width_cm))
        return node

    def landscape(self) -> None:
        """Turn the document's pages sideways (for wide tables)."""
        section = self.document.sections[0]
        width, height = section.page_width, section.page_height
        section.orientation = docx.enum.section.WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = max(width, height), min(width, height)
        set_contents_tabs(self.document, text_width(section))

    def table(self, columns: int):
        """Start a bordered table of a number of columns (rows are added with `row`)."""
        table = self.document.add_table(rows=0, cols=columns)
        table.style = self.document.styles["Table Grid"]
        return table

    @staticmethod
    def row(table, heading: bool = False, keep_together: bool = False) -> list:
        """Add a row (a heading row repeats on every page) and return its cells' XML, emptied of their paragraph."""
        added = table.add_row()
        if heading or keep_together:
            ooxml.set_row_properties(added._tr, heading, keep_together)
        cells = [cell._tc for cell in added.cells]
        for cell in cells:
            for paragraph in cell.findall(qn("w:p")):
                cell.remove(paragraph)
        return cells

    def header_and_footer(self, header: str, lang: str) -> None:
        """Put the draft mark in the header and the page number in the footer."""
        section = self.document.sections[0]
        top = section.header.paragraphs[0]._p
        self.text(top, header, lang)
        bottom = section.footer.paragraphs[0]._p
        bottom.get_or_add_pPr().get_or_add_jc().val = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
        for node in ooxml.field("PAGE", [ooxml.run("1", lang)]):
            bottom.append(node)

    def save(self, title: str, lang: str) -> bytes:
        """Return the document's bytes: fixed dates, properties and zip entries, so equal input gives equal bytes."""
        properties = self.document.core_properties
        properties.title = title[:CORE_PROPERTY_LIMIT]
        properties.author = properties.last_modified_by = self.creator
        properties.language = language(lang).tag
        properties.created = properties.modified = self.when.replace(tzinfo=None)
        properties.revision = 1
        stream = io.BytesIO()
        self.document.save(stream)
        return ooxml.deterministic_zip(stream.getvalue())
