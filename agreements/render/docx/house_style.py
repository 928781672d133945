"""The house style: builds `templates/reference.docx`, the Word template every peacedraft document starts from,
and `templates/fonts.conf`, the fontconfig file LibreOffice runs with so that it finds like faces for ours.

Every style names its fonts itself (no theme fonts: Times New Roman for Latin text, each language's East Asian
face from its language file); the theme's own fonts are Times New Roman too, for the styles Word adds later.
Run `python -m agreements.render.docx.house_style` to rebuild both; a test checks the shipped files are what
this builds.
"""

from __future__ import annotations

import io
import os
import sys

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.shared import Mm, Pt, RGBColor

from agreements.render.docx import ooxml, ooxml_parts
from clauses.languages import LANGUAGES, language
from templates import FOLDER

REFERENCE = FOLDER / "reference.docx"
FONTCONFIG = FOLDER / "fonts.conf"
LATIN_FONT = ooxml.LATIN_FONT
# Word's font families and the generic family fontconfig substitutes for a face of each
GENERIC_FAMILIES = {"roman": "serif", "swiss": "sans-serif", "modern": "monospace", "script": "cursive",
                    "decorative": "fantasy"}
CONTENTS_STYLES = ("toc 1", "toc 2")
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"  # Word 2010's copy
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
    font.name = LATIN_FONT
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


def _drop_part(document, reltype: str) -> None:
    """Remove a part of python-docx's default template that Word does not need (stylesWithEffects)."""
    for key, relationship in list(document.part.rels.items()):
        if relationship.reltype == reltype:
            del document.part.rels[key]


def _rewrite_part(document, reltype: str, rewrite) -> None:
    """Replace the bytes of the document's part of a relationship type by rewrite(bytes)."""
    part = document.part.part_related_by(reltype)
    part._blob = rewrite(part.blob)


def east_asian_faces() -> list[tuple[str, dict]]:
    """Return each language's East Asian face and how Word's font table describes it, in language order."""
    return [(words.east_asian_font, words.east_asian_font_table) for words in map(language, LANGUAGES)
            if words.east_asian_font and words.east_asian_font_table]


def _listing_faces(font_table: bytes) -> bytes:
    """Return a font table part listing the East Asian faces too."""
    for name, entry in east_asian_faces():
        font_table = ooxml_parts.font_table_with(font_table, name, **entry)
    return font_table


def _fonts(document) -> None:
    """Name every style's fonts directly, list the East Asian faces in the font table and set the theme's fonts."""
    ooxml_parts.strip_theme_fonts(document.styles.element)
    _rewrite_part(document, RELATIONSHIP_TYPE.THEME, lambda theme: ooxml_parts.themed_with(theme, LATIN_FONT))
    _rewrite_part(document, RELATIONSHIP_TYPE.FONT_TABLE, _listing_faces)


def set_contents_tabs(document, width) -> None:
    """Set the contents styles' one tab stop: right-aligned at the text's right edge, led by dots."""
    for name in CONTENTS_STYLES:
        stops = document.styles[name].paragraph_format.tab_stops
        stops.clear_all()
        stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)


def text_width(section):
    """Return the width between a section's margins."""
    return section.page_width - section.left_margin - section.right_margin


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
    set_contents_tabs(document, text_width(document.sections[0]))
    for name in KEPT_WITH_NEXT:
        document.styles[name].paragraph_format.keep_with_next = True
    document.styles["Signature Block"].paragraph_format.keep_together = True
    _fonts(document)
    properties = document.core_properties
    properties.author = properties.last_modified_by = "peacedraft"
    properties.comments = properties.description = ""
    properties.title = properties.subject = properties.keywords = properties.category = ""
    _drop_thumbnail(document)
    _drop_part(document, STYLES_WITH_EFFECTS)
    for paragraph in list(document.paragraphs):
        paragraph._element.getparent().remove(paragraph._element)
    stream = io.BytesIO()
    document.save(stream)
    return ooxml.deterministic_zip(stream.getvalue())


def build_fontconfig() -> str:
    """Return the fontconfig file for LibreOffice: each language's East Asian face stands for its generic family.

    LibreOffice on Linux substitutes a missing face by asking fontconfig, with the face's name and the text's
    language, and reads nothing else of Word's font table; fontconfig knows SimSun for a serif face but not
    Batang, and without this would set Korean in a sans-serif face. The aliases come before the system's
    configuration, so they are read before it gives an unknown face the sans-serif default.
    """
    aliases = [f'  <alias binding="same"><family>{name}</family>'
               f"<default><family>{GENERIC_FAMILIES[entry['family']]}</family></default></alias>"
               for name, entry in east_asian_faces()]
    return "\n".join(['<?xml version="1.0"?>', '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
                      "<!-- Built by python -m agreements.render.docx.house_style: do not edit. -->",
                      "<fontconfig>", *aliases,
                      '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>', "</fontconfig>", ""])


def libreoffice_environment(environment: dict[str, str] | None = None) -> dict[str, str]:
    """Return an environment for running LibreOffice with the house style's fontconfig file."""
    return {**(os.environ if environment is None else environment), "FONTCONFIG_FILE": str(FONTCONFIG)}


def main() -> None:
    """Write the reference document and the fontconfig file into templates/."""
    REFERENCE.write_bytes(build_reference())
    FONTCONFIG.write_text(build_fontconfig(), encoding="utf-8")
    print(f"wrote {REFERENCE} and {FONTCONFIG}", file=sys.stderr)


if __name__ == "__main__":
    main()
