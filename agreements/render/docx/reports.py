"""A report's document tree as Word: the cover memo, the positions matrix, the precedent annex, the change summary.

One method per block type: titles and headings, body text, fields and bullets with hanging indents,
pictures, and tables of cells. The document's settings lay out the page (landscape, margins, header).
"""

from __future__ import annotations

from docx.shared import Cm
from docx.text.paragraph import Paragraph

from agreements.document.blocks import Block, Document
from agreements.render.docx.agreement import word_pieces
from agreements.render.docx.paragraphs import WordParagraph
from agreements.render.docx.writer import WordWriter
from clauses.languages import language

STYLES = {"title": "Title", "subtitle": "Subtitle", "byline": "Parties", "section": "Preamble Heading",
          "heading": "Heading 1", "subheading": "Heading 2", "text": "Article Paragraph", "plain": "Normal",
          "cell_text": "Cell Text", "field": "Article Point", "bullet": "Article Point"}
HANGING_CM = {"field": 2.8, "bullet": 0.6}


class ReportWriter:
    """Writes a report's tree into Word through the shared writer."""

    def __init__(self, document: Document):
        self.document = document
        self.lang = document.languages[0]
        self.words = language(self.lang)
        self.writer = WordWriter(self.lang, document.when)
        if document.settings.get("author"):  # a non-paper's report: a neutral author
            self.writer.sign_as(document.settings["author"])

    def render(self) -> bytes:
        """Return the report as Word bytes."""
        self.page()
        for block in self.document.blocks:
            self.block(block)
        return self.writer.save(self.document.settings.get("title", ""), self.lang)

    def page(self) -> None:
        """Lay out the page: landscape, margins in centimetres, and the header with page numbers."""
        settings = self.document.settings
        if settings.get("landscape"):
            self.writer.landscape()
        section = self.writer.document.sections[0]
        for name, centimetres in settings.get("margins_cm", {}).items():
            setattr(section, name, Cm(centimetres))
        if settings.get("header"):
            self.writer.header_and_footer(settings["header"], self.lang)

    def block(self, block: Block, container=None):
        """Write one block by the method named after its type (a paragraph of its style by default)."""
        method = getattr(self, f"word_{block.type}", None)
        return method(block, container) if method else self.paragraph(block, container)

    def paragraph(self, block: Block, container=None):
        """Write a block as one paragraph of its type's style and return the paragraph."""
        text = block.text(self.lang)
        paragraph = WordParagraph(block.key, STYLES[block.type], word_pieces(text.inlines, self.words),
                                  alignment=block.align, page_break_after=block.page_break_after)
        return self.writer.block(paragraph, self.lang, container=container)

    def word_field(self, block: Block, container=None):
        """Write 'Label: text' with the text at a tab stop past the label."""
        return self._hanging(self.paragraph(block, container), HANGING_CM["field"])

    def word_bullet(self, block: Block, container=None):
        """Write a bullet whose text lines up after the bullet."""
        return self._hanging(self.paragraph(block, container), HANGING_CM["bullet"])

    def _hanging(self, node, indent_cm: float):
        """Give a paragraph a hanging indent and a tab after its first run; return it."""
        paragraph = Paragraph(node, self.writer.document)
        paragraph.runs[0].add_tab()
        paragraph.paragraph_format.left_indent = Cm(indent_cm)
        paragraph.paragraph_format.first_line_indent = Cm(-indent_cm)
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(indent_cm))
        return node

    def word_picture(self, block: Block, container=None):
        """Write a centred picture (PNG bytes in the block's data) at its width in centimetres."""
        return self.writer.picture(block.data["png"], block.data["width_cm"], container)

    def word_table(self, block: Block, container=None):
        """Write a bordered table: its rows (a heading row repeats on every page), then fix its column widths."""
        table = self.writer.table(block.data["columns"])
        for row in block.children:
            cells = self.writer.row(table, heading=row.data.get("heading", False),
                                    keep_together=row.data.get("keep_together", False))
            for cell, contents in zip(cells, row.children):
                for item in contents.children:
                    self.block(item, cell)
        if block.data.get("widths_cm"):
            self._set_widths(table, block.data["widths_cm"])
        return table

    def _set_widths(self, table, widths: list[float | None]) -> None:
        """Fix the table's column widths; columns given None share what the page leaves between the margins."""
        section = self.writer.document.sections[0]
        usable = (section.page_width - section.left_margin - section.right_margin) / Cm(1)
        fixed = sum(width for width in widths if width is not None)
        share = (usable - fixed) / max(sum(width is None for width in widths), 1)
        table.autofit = False
        for index, width in enumerate(share if width is None else width for width in widths):
            table.columns[index].width = Cm(width)
            for row in table.rows:
                row.cells[index].width = Cm(width)


def report_docx(document: Document) -> bytes:
    """Return a report's document tree as Word bytes."""
    return ReportWriter(document).render()
