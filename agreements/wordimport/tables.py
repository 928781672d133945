"""A Word table as paragraphs of a draft: a definitions table as definitions, any other table row by row.

A definitions table has two columns, the first holding short terms: in most of its rows (three in four) the
term has at most eight words and the definition more words than the term. Each of its rows becomes one
paragraph (origin "definition"): `“Term” means …` when the definition runs on from the term (it starts with a
small letter), `“Term”: …` when it is a sentence or a value of its own (a capital, a digit, a bracket, or a
script without capitals such as Hangul or Han). A term already in quotes, or a definition that already says
"means" or starts with the quoted term, is not doubled. More paragraphs in the term's cell follow it in
parentheses.

Any other row with two or more cells that hold text is one paragraph (origin "table"): its cells' texts joined
by " | ", a cell's paragraphs by line breaks, empty cells left out. A row with one cell that holds text (a
heading row, a boxed paragraph) gives that cell's paragraphs as they are, with their styles and list levels; so
does a row whose cells hold a nested table, a text box or an embedded document, read cell by cell in reading
order, what is nested in its place (a definition's term then joins its definition's first paragraph). A row deleted with tracked
changes is left out. A row that would be longer than a text may be is read cell paragraph by cell paragraph.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from docx.oxml.ns import qn

from clauses.base import MAX_TEXT

if TYPE_CHECKING:
    from agreements.wordimport.source import BodyParagraph, BodyReader

ROW, CELL, ROW_PROPERTIES = qn("w:tr"), qn("w:tc"), qn("w:trPr")
WRAPPERS = {qn("w:customXml"), qn("w:smartTag")}
CONTROL, CONTROL_CONTENT = qn("w:sdt"), qn("w:sdtContent")
DELETED_ROW, HEADER_ROW = (qn("w:del"), qn("w:moveFrom")), qn("w:tblHeader")
CELL_ORIGIN = "cell"  # a cell's own paragraphs, before the row is made of them
TERM_WORDS = 8
DEFINITIONS_SHARE = 0.75
OPENING_QUOTES, CLOSING_QUOTES = "“\"'‘「『«", "”\"'’」』»"
ALREADY_DEFINING = re.compile(r"(?:means|shall mean|has the meaning|have the meaning|refers to)\b", re.I)
WORD = re.compile(r"\w+")


def read_table(table, reader: BodyReader) -> list[BodyParagraph]:
    """Return a table's rows as paragraphs in reading order (see the module's rules)."""
    kept = [row for row in _children(table, ROW) if not _deleted(row)]
    rows = [_cells(row, reader) for row in kept]
    definitions = _is_definitions([cells for row, cells in zip(kept, rows) if not _header(row)])
    found: list[BodyParagraph] = []
    for row, cells in zip(kept, rows):
        found += _row(cells, definitions and not _header(row))
    return found


def _children(element, tag: str):
    """Yield the children of a table or row with this tag, looking inside content controls and wrappers."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in WRAPPERS:
            yield from _children(child, tag)
        elif child.tag == CONTROL:
            for content in child.iterchildren(CONTROL_CONTENT):
                yield from _children(content, tag)


def _deleted(row) -> bool:
    """Return whether accepting the tracked changes removes the row."""
    properties = row.find(ROW_PROPERTIES)
    return properties is not None and any(properties.find(tag) is not None for tag in DELETED_ROW)


def _header(row) -> bool:
    """Return whether the row is the table's repeated header row ('Term | Definition')."""
    properties = row.find(ROW_PROPERTIES)
    return properties is not None and properties.find(HEADER_ROW) is not None


def _cells(row, reader: BodyReader) -> list[tuple[list[BodyParagraph], list[BodyParagraph]]]:
    """Return each cell of a row as its own paragraphs (those with text) and everything read in it, in order."""
    found = []
    for cell in _children(row, CELL):
        read = [paragraph for paragraph in reader.blocks(cell, CELL_ORIGIN)
                if paragraph.origin != CELL_ORIGIN or paragraph.text.strip()]
        found.append(([paragraph for paragraph in read if paragraph.origin == CELL_ORIGIN], read))
    return found


def _is_definitions(rows: list) -> bool:
    """Return whether a table is a definitions table: two columns, short terms beside longer definitions."""
    if any(len(cells) > 2 for cells in rows):
        return False
    pairs = [(_words(cells[0][0]), _words(cells[1][0])) for cells in rows
             if len(cells) == 2 and all(own for own, _ in cells)]
    if len(pairs) < 2:
        return False
    defining = sum(term <= TERM_WORDS and definition > term for term, definition in pairs)
    return defining >= DEFINITIONS_SHARE * len(pairs)


def _words(paragraphs: list[BodyParagraph]) -> int:
    """Return the number of words in a cell's paragraphs (each Han or Hangul syllable block counts as one)."""
    return sum(len(WORD.findall(paragraph.text)) for paragraph in paragraphs)


def _row(cells: list, definition: bool) -> list[BodyParagraph]:
    """Return a row's paragraphs: a definition, the row joined, or each cell's in order (one filled, or one nesting)."""
    filled = [own for own, _ in cells if own]
    nested = any(len(own) < len(read) for own, read in cells)
    if nested and definition and len(cells) == 2 and len(filled) == 2 and cells[1][1][0].origin == CELL_ORIGIN:
        return _nesting_definition(cells)
    if nested or len(filled) <= 1:
        return [_in_table(paragraph) for _, read in cells for paragraph in read]
    if definition and len(cells) == 2 and len(filled) == 2:
        text, origin = definition_text(_cell_lines(filled[0]), _cell_text(filled[1])), "definition"
    else:
        text, origin = " | ".join(_cell_text(own) for own in filled), "table"
    if len(text) > MAX_TEXT:
        return [_in_table(paragraph) for own in filled for paragraph in own]
    first = filled[0][0]
    every = [paragraph for own in filled for paragraph in own]
    row = dataclasses.replace(first, style="Normal", text=text, list_level=None, origin=origin,
                              footnotes=[note for paragraph in every for note in paragraph.footnotes],
                              comments=[comment for paragraph in every for comment in paragraph.comments])
    return [row]


def _nesting_definition(cells: list) -> list[BodyParagraph]:
    """Return a definition whose cell holds more (a nested table): the term with its first paragraph, then the rest."""
    (term, term_read), (_, read) = cells
    first = read[0]
    text = definition_text(_cell_lines(term), first.text.strip())
    merged = dataclasses.replace(first, style="Normal", text=text, list_level=None, origin="definition",
                                 footnotes=[*(note for item in term for note in item.footnotes), *first.footnotes],
                                 comments=[*(comment for item in term for comment in item.comments), *first.comments])
    nested_in_term = [paragraph for paragraph in term_read if paragraph.origin != CELL_ORIGIN]
    return [merged, *nested_in_term, *(_in_table(paragraph) for paragraph in read[1:])]


def _in_table(paragraph: BodyParagraph) -> BodyParagraph:
    """Return a cell's own paragraph as a table's (what is nested in the cell keeps its own origin)."""
    return dataclasses.replace(paragraph, origin="table") if paragraph.origin == CELL_ORIGIN else paragraph


def _cell_text(own: list[BodyParagraph]) -> str:
    """Return a cell's text: its paragraphs one a line."""
    return "\n".join(_cell_lines(own))


def _cell_lines(own: list[BodyParagraph]) -> list[str]:
    """Return the texts of a cell's paragraphs, stripped."""
    return [paragraph.text.strip() for paragraph in own]


def definition_text(term_lines: list[str], definition: str) -> str:
    """Return a definitions row as a paragraph: '“Term” means …', '“Term”: …', or the definition as written."""
    term = term_lines[0].rstrip(":：").strip()
    bare = term.strip(OPENING_QUOTES + CLOSING_QUOTES)
    if definition[:1] in OPENING_QUOTES and bare in definition[:len(term) + 2]:
        return definition
    quoted = term if term[:1] in OPENING_QUOTES else f"“{term}”"
    if len(term_lines) > 1:
        quoted += f" ({'; '.join(term_lines[1:])})"
    if ALREADY_DEFINING.match(definition):
        return f"{quoted} {definition}"
    if definition[:1].islower():
        return f"{quoted} means {definition}"
    return f"{quoted}: {definition}"
