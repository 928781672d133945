"""A paragraph's own content in reading order: its text as accepted, the notes it refers to, its text boxes.

Tracked insertions are kept, deletions and moved-away text left out. A field's code (`w:instrText`, and any
text between its begin and separate marks) is not text; its result is. A text box (`w:txbxContent`, in a
drawing or a VML shape) is not part of the paragraph's text: it is handed back, to be read after the paragraph;
the VML copy Word keeps of a drawing for older readers (`mc:Fallback`) is not read, so a text box is read once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
REMOVED = {qn("w:del"), qn("w:moveFrom")}
INSERTED = {qn("w:ins"), qn("w:moveTo")}
NOT_CONTENT = REMOVED | {qn("w:pPr"), qn("w:rPr"), qn("w:instrText"), qn("w:delInstrText"), qn("w:sdtPr"),
                         qn("w:sdtEndPr"), MC_FALLBACK}
TEXT, TAB, FIELD_MARK = qn("w:t"), (qn("w:tab"), qn("w:ptab")), qn("w:fldChar")
BREAKS = (qn("w:br"), qn("w:cr"))
TEXT_BOX = qn("w:txbxContent")
NOTE_REFERENCES = {qn("w:footnoteReference"): "footnotes", qn("w:endnoteReference"): "endnotes"}
COMMENT_ANCHORS = (qn("w:commentRangeStart"), qn("w:commentReference"))
FIELD_TYPE, ID = qn("w:fldCharType"), qn("w:id")


@dataclass
class Content:
    """What a paragraph holds: its text, the ids of its notes and comments, and its text boxes."""

    text: str = ""
    footnotes: list[str] = field(default_factory=list)  # ids of the footnotes referred to, in order
    endnotes: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # ids of the comments starting or referred to in it
    text_boxes: list = field(default_factory=list)  # the w:txbxContent elements, in order


def read_content(paragraph) -> Content:
    """Return a paragraph's accepted text (tabs and breaks as '\\t' and '\\n'), note and comment ids, text boxes."""
    content, parts, fields = Content(), [], []
    _walk(paragraph, content, parts, fields)
    content.text = "".join(parts)
    return content


def _walk(element, content: Content, parts: list[str], fields: list[str]) -> None:
    """Add the text and references of an element's children to content, in document order."""
    for child in element:
        tag = child.tag
        if tag == TEXT:
            if "code" not in fields:
                parts.append(child.text or "")
        elif tag in NOT_CONTENT:
            continue
        elif tag in TAB:
            parts.append("\t")
        elif tag in BREAKS:
            parts.append("\n")
        elif tag == FIELD_MARK:
            _field_mark(child.get(FIELD_TYPE), fields)
        elif tag == TEXT_BOX:
            content.text_boxes.append(child)
        elif tag in NOTE_REFERENCES:
            getattr(content, NOTE_REFERENCES[tag]).append(child.get(ID))
        elif tag in COMMENT_ANCHORS:
            content.comments.append(child.get(ID))
        elif len(child):
            _walk(child, content, parts, fields)


def _field_mark(kind: str | None, fields: list[str]) -> None:
    """Follow a field's begin, separate and end marks: the open fields, each in its 'code' or its 'result'."""
    if kind == "begin":
        fields.append("code")
    elif kind == "separate" and fields:
        fields[-1] = "result"
    elif kind == "end" and fields:
        fields.pop()


def paragraph_mark(paragraph) -> str | None:
    """Return 'deleted' or 'inserted' when the paragraph mark itself is a tracked change, else None."""
    properties = paragraph.find(qn("w:pPr"))
    marks = properties.find(qn("w:rPr")) if properties is not None else None
    for child in marks if marks is not None else ():
        if child.tag in REMOVED:
            return "deleted"
        if child.tag in INSERTED:
            return "inserted"
    return None
