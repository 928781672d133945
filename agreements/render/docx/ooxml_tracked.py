"""The raw Word XML of tracked changes, the part of the XML layer (with ooxml.py) that only redlines write.

Revisions of runs (w:ins, w:del, w:moveFrom, w:moveTo, their runs' text as w:delText when deleted), of
paragraph marks (w:pPr/w:rPr/w:ins|w:del), of paragraph properties (w:pPrChange), move ranges, and the
placeholder a written paragraph holds where its tracked words go.
"""

from __future__ import annotations

import copy
import datetime

from docx.oxml.ns import qn

from agreements.render.docx.ooxml import element, page_break, revision

def track_paragraph_mark(paragraph, kind: str, revision_id: int, author: str, when: datetime.datetime) -> None:
    """Mark a paragraph's own mark as inserted or deleted, so accepting or rejecting removes the paragraph whole."""
    properties = paragraph.find(qn("w:pPr"))
    marks = element("w:rPr")
    marks.append(revision(kind, revision_id, author, when))
    change = properties.find(qn("w:pPrChange"))
    if change is not None:  # the schema puts a tracked change of the properties last
        change.addprevious(marks)
    else:
        properties.append(marks)


def move_range(kind: str, edge: str, range_id: int, name: str, author: str, when: datetime.datetime):
    """Return the start or end marker of a move range: kind is moveFrom or moveTo, edge Start or End."""
    if edge == "End":
        return element(f"w:{kind}RangeEnd", id=str(range_id))
    return element(f"w:{kind}RangeStart", id=str(range_id), name=name, author=author,
                   date=when.strftime("%Y-%m-%dT%H:%M:%SZ"))


PLACEHOLDER = "\ue000"  # a run's text that marks where tracked runs will go in a written paragraph
DELETED_TAGS = {"w:t": "w:delText", "w:instrText": "w:delInstrText"}


def as_deleted(node):
    """Return a run (or what holds runs) with its text and field instructions marked deleted."""
    for plain, deleted in DELETED_TAGS.items():
        for found in node.iter(qn(plain)):
            found.tag = qn(deleted)
    return node


def track_runs(paragraph, make_revision, deleted: bool) -> list:
    """Wrap each stretch of a paragraph's own runs in a revision from make_revision() and return the revisions.

    Deleted (a w:del or w:moveFrom), their text becomes w:delText and their field instructions w:delInstrText.
    Bookmarks and revisions already in the paragraph stay where they are, between stretches.
    """
    revisions, current = [], None
    for child in list(paragraph):
        if child.tag != qn("w:r"):
            current = None
            continue
        if current is None:
            current = make_revision()
            child.addprevious(current)
            revisions.append(current)
        current.append(as_deleted(child) if deleted else child)
    return revisions


def replace_placeholder(paragraph, nodes: list) -> None:
    """Put nodes (runs, revisions) in place of the run holding the placeholder text."""
    for text in paragraph.iter(qn("w:t")):
        if text.text == PLACEHOLDER:
            holder = text.getparent()
            for node in nodes:
                holder.addprevious(node)
            holder.getparent().remove(holder)
            return
    raise ValueError("no placeholder in the paragraph")


def own_runs(paragraph) -> list:
    """Return the runs directly in a paragraph or a revision."""
    return paragraph.findall(qn("w:r"))


def range_around(paragraph, start, end) -> None:
    """Put a range's start before a paragraph's content (after its properties) and its end after it."""
    properties = paragraph.find(qn("w:pPr"))
    if properties is not None:
        properties.addnext(start)
    else:
        paragraph.insert(0, start)
    paragraph.append(end)


def former_properties(paragraph, alignment: str | None | bool = False):
    """Return a copy of a paragraph's properties as they were before any tracked change of them, without its
    mark's; with `alignment` (None: the style's) in place of its own."""
    properties = paragraph.find(qn("w:pPr"))
    change = properties.find(qn("w:pPrChange"))
    source = change.find(qn("w:pPr")) if change is not None else properties
    former = element("w:pPr")
    for child in source:
        if child.tag not in (qn("w:rPr"), qn("w:sectPr"), qn("w:pPrChange")):
            if child.tag != qn("w:jc") or alignment is False:
                former.append(copy.deepcopy(child))
    if alignment:
        former.append(element("w:jc", val=alignment))
    return former


def track_properties(paragraph, former, numbering: tuple[int, int] | None, revision_id: int, author: str,
                     when: datetime.datetime) -> None:
    """Record a paragraph's former properties (a w:pPr) as a tracked change of them (w:pPrChange).

    With `numbering`, the list (num id, level) the former style numbers paragraphs with is named in them:
    LibreOffice, rejecting a change of properties that names no list, takes the paragraph out of its list.
    """
    if numbering is not None and former.find(qn("w:numPr")) is None:
        number = element("w:numPr")
        number.append(element("w:ilvl", val=str(numbering[1])))
        number.append(element("w:numId", val=str(numbering[0])))
        alignment = former.find(qn("w:jc"))
        if alignment is not None:
            alignment.addprevious(number)
        else:
            former.append(number)
    change = element("w:pPrChange", id=str(revision_id), author=author, date=when.strftime("%Y-%m-%dT%H:%M:%SZ"))
    change.append(former)
    paragraph.find(qn("w:pPr")).append(change)


def track_page_break(paragraph, revision) -> None:
    """Track the page break that ends a paragraph as inserted (the revision, empty, wraps the break's run) or
    deleted (a w:del: a page break run is added in it at the paragraph's end)."""
    if revision.tag == qn("w:del"):
        revision.append(page_break())
        paragraph.append(revision)
        return
    breaks = [node.getparent() for node in paragraph.iter(qn("w:br")) if node.get(qn("w:type")) == "page"]
    breaks[-1].addprevious(revision)
    revision.append(breaks[-1])


def is_revision(node) -> bool:
    """Return whether a node is a revision of runs (w:ins, w:del, w:moveFrom, w:moveTo)."""
    return node.tag in {qn(f"w:{kind}") for kind in ("ins", "del", "moveFrom", "moveTo")}
