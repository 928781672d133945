"""The house style: builds `templates/reference.docx`, the Word template every peacedraft document starts from.

Run `python -m agreements.render.docx.house_style` to rebuild it; a test checks the shipped file is what this builds.
"""

from __future__ import annotations

import io
import sys

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor

from agreements.render.docx.ooxml import deterministic_zip
from templates import FOLDER

REFERENCE = FOLDER / "reference.docx"
BLACK = RGBColor(0, 0, 0)
CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT

# name: (based on, size pt, bold, alignment, space before, space after, left indent pt)
PARAGRAPH_STYLES = {
    "Article Paragraph": ("Normal", None, False, JUSTIFY, 0, 6, 0),
    "Article Point": ("Normal", None, False, JUSTIFY, 0, 4, 0),
    "Article Subpoint": ("Normal", None, False, JUSTIFY, 0, 4, 0),
    "Recital": ("Normal", None, False, JUSTIFY, 0, 6, 0),
    "Formula": ("Normal", None, False, JUSTIFY, 6, 6, 0),
    "Testimonium": ("Normal", None, False, JUSTIFY, 12, 6, 0),
    "Signature Caption": ("Normal", None, False, LEFT, 12, 0, 0),
    "Signature Block": ("Normal", None, False, LEFT, 18, 6, 0),
    "Preamble Heading": ("Normal", 12, True, CENTER, 18, 6, 0),
    "Parties": ("Normal", 12, False, CENTER, 6, 6, 0),
    "Draft Mark": ("Normal", 11, True, CENTER, 24, 6, 0),
    "Cell Text": ("Normal", 10, False, None, 0, 4, 0),
    "toc 1": ("Normal", None, True, None, 6, 0, 0),
    "toc 2": ("Normal", None, False, None, 0, 0, 12),
}
# built-in styles restyled: name: (size pt, bold, alignment, space before, space after)
RESTYLED = {
    "Title": (16, True, CENTER, 48, 12),
    "Subtitle": (12, False, CENTER, 0, 12),
    "Heading 1": (12, True, CENTER, 18, 6),
    "Heading 2": (11, True, CENTER, 12, 6),
    "TOC Heading": (12, True, CENTER, 0, 12),
}
# headings, and the testimonium and captions that must not end a page apart from the signatures below them
KEPT_WITH_NEXT = ("Heading 1", "Heading 2", "Testimonium", "Signature Caption")
STYLE_NAMES = ("Normal", "Header", "Footer", "Table Grid", "annotation text", "annotation reference",
               *RESTYLED, *PARAGRAPH_STYLES)


def _format(style, size, bold, alignment, before, after, indent=0) -> None:
    """Apply size, weight, colour, alignment and spacing to a style."""
    font = style.font
    font.name = "Times New Roman"
    font.color.rgb = BLACK
    font.italic = False
    if size:
        font.size = Pt(size)
    font.bold = bold
    paragraph = style.paragraph_format
    if alignment is not None:
        paragraph.alignment = alignment
    paragraph.space_before, paragraph.space_after = Pt(before), Pt(after)
    if indent:
        paragraph.left_indent = Pt(indent)


def _strip_title_border(style) -> None:
    """Remove the coloured rule the default Title style draws under itself."""
    properties = style.element.pPr
    if properties is not None:
        for border in properties.findall(docx.oxml.ns.qn("w:pBdr")):
            properties.remove(border)


def _drop_thumbnail(document) -> None:
    """Remove the sample thumbnail of python-docx's default template."""
    package = document.part.package
    for key, relationship in list(package.rels.items()):
        if relationship.reltype.endswith("/thumbnail"):
            del package.rels[key]


def _add_comment_styles(document) -> None:
    """Add Word's styles for comment text and comment marks, under the ids Word itself uses."""
    text = document.styles.add_style("annotation text", WD_STYLE_TYPE.PARAGRAPH)
    text.base_style = document.styles["Normal"]
    text.style_id = "CommentText"
    text.font.size = Pt(10)
    mark = document.styles.add_style("annotation reference", WD_STYLE_TYPE.CHARACTER)
    mark.style_id = "CommentReference"
    mark.font.size = Pt(8)


def _a4_pages(section) -> None:
    """Set the page to A4 with 2.5 cm margins, as treaty texts in Korea, China and the UN are printed."""
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin = section.bottom_margin = Mm(25)


def build_reference() -> bytes:
    """Return the bytes of the house-style reference document."""
    document = docx.Document()
    normal = document.styles["Normal"]
    _format(normal, 11, False, None, 0, 0)
    for name, (size, bold, alignment, before, after) in RESTYLED.items():
        _format(document.styles[name], size, bold, alignment, before, after)
    _strip_title_border(document.styles["Title"])
    for name, (base, size, bold, alignment, before, after, indent) in PARAGRAPH_STYLES.items():
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles[base]
        _format(style, size, bold, alignment, before, after, indent)
    _add_comment_styles(document)
    _a4_pages(document.sections[0])
    for name in KEPT_WITH_NEXT:
        document.styles[name].paragraph_format.keep_with_next = True
    document.styles["Signature Block"].paragraph_format.keep_together = True
    properties = document.core_properties
    properties.author = properties.last_modified_by = "peacedraft"
    properties.comments = properties.description = ""
    properties.title = properties.subject = properties.keywords = properties.category = ""
    _drop_thumbnail(document)
    for paragraph in list(document.paragraphs):
        paragraph._element.getparent().remove(paragraph._element)
    stream = io.BytesIO()
    document.save(stream)
    return deterministic_zip(stream.getvalue())


def main() -> None:
    """Write the reference document into templates/."""
    REFERENCE.write_bytes(build_reference())
    print(f"wrote {REFERENCE}", file=sys.stderr)


if __name__ == "__main__":
    main()
