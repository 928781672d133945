"""A Word file's body as the paragraphs an agreement is read from: place, style name, accepted text, list level."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.oxml.ns import qn

from clauses.languages import DEFAULT_LANGUAGE, LANGUAGES, language

REMOVED = {qn("w:del"), qn("w:moveFrom")}


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


def paragraphs(document) -> list[BodyParagraph]:
    """Return the body's paragraphs in order (tables are not read), with their accepted text."""
    found = []
    for index, element in enumerate(document.element.body.iterchildren(qn("w:p")), 1):
        properties = element.pPr
        style_id = properties.pStyle.val if properties is not None and properties.pStyle is not None else None
        found.append(BodyParagraph(index, style_name(document, style_id), accepted_text(element), list_level(element)))
    return found


def style_name(document, style_id: str | None) -> str:
    """Return a paragraph style's name from its id ('Normal' when none)."""
    if style_id is None:
        return "Normal"
    style = document.styles.element.get_by_id(style_id)
    return style.name_val if style is not None and style.name_val else style_id


def list_level(element) -> int | None:
    """Return the Word list level written on the paragraph itself, or None."""
    properties = element.pPr
    numbering = properties.numPr if properties is not None else None
    if numbering is None or numbering.numId is None or numbering.numId.val == 0:
        return None
    return numbering.ilvl.val if numbering.ilvl is not None else 0


def accepted_text(element) -> str:
    """Return a paragraph's text with tracked insertions kept and deletions left out; breaks as newlines."""
    parts = []
    for node in element.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")):
        if any(ancestor.tag in REMOVED for ancestor in node.iterancestors()):
            continue
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        else:
            parts.append("\t" if node.tag == qn("w:tab") else "\n")
    return "".join(parts)


def guess_language(texts: list[str]) -> str:
    """Return the language whose script most of the text is written in (Hangul, Han …), else the default language."""
    sample = "".join(texts)[:200_000]
    counts = {code: len(re.findall(language(code).script, sample)) for code in LANGUAGES if language(code).script}
    best = max(counts, key=counts.get, default=DEFAULT_LANGUAGE)
    return best if counts.get(best, 0) > len(sample) // 20 else DEFAULT_LANGUAGE
