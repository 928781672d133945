"""Accept or reject every tracked change of a Word document in pure Python (lxml), and read its paragraphs.

This is what a reviewer's "Accept All" / "Reject All" does to the revisions peacedraft's redline writes, so
tests can check a redline without LibreOffice:

- inserted and deleted runs, `w:ins` and `w:del`: accepting keeps the content of `w:ins` (the wrapper goes)
  and drops `w:del` with its content; rejecting does the opposite, and the deleted text (`w:delText`,
  `w:delInstrText`) becomes ordinary text again;
- moves, `w:moveTo` and `w:moveFrom`, like an insertion at the new place and a deletion at the old; their
  range markers (`w:moveFromRangeStart`, `…End`, `w:moveToRangeStart`, `…End`) simply go;
- paragraph-mark revisions, `w:pPr/w:rPr/w:ins|w:del|w:moveFrom|w:moveTo`: the paragraph's mark was inserted
  or deleted. When the mark stays (inserted and accepted, deleted and rejected) only the revision marker goes.
  When the mark goes (deleted and accepted, inserted and rejected), the paragraph merges with the next one:
  its content is put before the next paragraph's content, and the merged paragraph keeps the next
  paragraph's properties (as in Word, the surviving mark carries the formatting). Merges run in document
  order, so a run of paragraphs whose marks go all end up in the first paragraph after them that keeps its mark.

- a change of a paragraph's properties, `w:pPr/w:pPrChange` (which holds the former `w:pPr`): accepting drops
  the record, rejecting puts the former properties back (the paragraph mark's own `w:rPr` stays).

Other formatting revisions (`w:rPrChange`, …), table-structure revisions and revisions on a run's own properties
are not what the redline writes; a document holding one is refused with NotImplementedError.
"""

from __future__ import annotations

import copy
import io
import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WRAPPERS = ("ins", "del", "moveFrom", "moveTo")
RANGE_MARKERS = ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")
UNSUPPORTED = ("rPrChange", "sectPrChange", "tblPrChange", "tblGridChange", "trPrChange", "tcPrChange",
               "numberingChange", "cellIns", "cellDel", "cellMerge", "customXmlInsRangeStart", "customXmlDelRangeStart")
DELETED_TEXT = {W + "delText": W + "t", W + "delInstrText": W + "instrText"}


def document_xml(docx: bytes) -> etree._Element:
    """Return the root of a .docx file's main document part (word/document.xml)."""
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))


def accept_all(root: etree._Element) -> etree._Element:
    """Return a copy of the document with every tracked change accepted."""
    return _resolve(root, kept=("ins", "moveTo"))


def reject_all(root: etree._Element) -> etree._Element:
    """Return a copy of the document with every tracked change rejected."""
    return _resolve(root, kept=("del", "moveFrom"))


def _resolve(root: etree._Element, kept: tuple[str, str]) -> etree._Element:
    """Return a copy with the revisions of the kinds in `kept` made final and the others undone."""
    root = copy.deepcopy(root)
    _refuse_unsupported(root)
    _resolve_properties(root, accepting="ins" in kept)
    merging = _resolve_marks(root, kept)
    for wrapper in reversed(list(root.iter(*(W + name for name in WRAPPERS)))):  # inner ones first
        if _local(wrapper) in kept:
            _unwrap(wrapper)
        else:
            _remove(wrapper)
    for marker in list(root.iter(*(W + name for name in RANGE_MARKERS))):
        _remove(marker)
    for paragraph in merging:
        _merge_into_next(paragraph)
    return root


def _refuse_unsupported(root: etree._Element) -> None:
    """Raise NotImplementedError for revisions this helper does not resolve."""
    for node in root.iter(*(W + name for name in UNSUPPORTED)):
        raise NotImplementedError(f"revision {_local(node)} is not supported")
    for wrapper in root.iter(*(W + name for name in WRAPPERS)):
        parent = wrapper.getparent()
        if parent.tag == W + "rPr" and parent.getparent().tag != W + "pPr":
            raise NotImplementedError("revision on a run's own properties is not supported")


def _resolve_properties(root: etree._Element, accepting: bool) -> None:
    """Drop every record of changed paragraph properties; rejecting, put the former properties back first."""
    for change in list(root.iter(W + "pPrChange")):
        properties = change.getparent()
        if not accepting:
            former = change.find(W + "pPr")
            for child in [child for child in properties if _local(child) not in ("rPr", "sectPr", "pPrChange")]:
                properties.remove(child)
            for child in reversed(list(former) if former is not None else []):
                properties.insert(0, child)
        properties.remove(change)


def _resolve_marks(root: etree._Element, kept: tuple[str, str]) -> list[etree._Element]:
    """Drop the paragraph-mark revisions; return the paragraphs whose mark goes, in document order."""
    merging = []
    for paragraph in root.iter(W + "p"):
        properties = paragraph.find(f"{W}pPr/{W}rPr")
        marks = [child for child in (properties if properties is not None else []) if _local(child) in WRAPPERS]
        for mark in marks:
            if _local(mark) not in kept:
                merging.append(paragraph)
            properties.remove(mark)
        if properties is not None and marks and not len(properties):
            properties.getparent().remove(properties)
    return list(dict.fromkeys(merging))


def _local(node: etree._Element) -> str:
    """Return an element's name without its namespace."""
    return etree.QName(node).localname


def _unwrap(wrapper: etree._Element) -> None:
    """Replace a revision wrapper by its content, deleted text turned back into text."""
    for node in wrapper.iter(*DELETED_TEXT):
        node.tag = DELETED_TEXT[node.tag]
    parent, index = wrapper.getparent(), wrapper.getparent().index(wrapper)
    parent[index:index + 1] = list(wrapper)


def _remove(node: etree._Element) -> None:
    """Remove a node and its content."""
    node.getparent().remove(node)


def _merge_into_next(paragraph: etree._Element) -> None:
    """Put a paragraph's content at the start of the next paragraph and remove it."""
    following = paragraph.getnext()
    if following is None or following.tag != W + "p":
        raise ValueError("a paragraph whose mark goes must be followed by a paragraph")
    content = [child for child in paragraph if child.tag != W + "pPr"]
    start = 1 if len(following) and following[0].tag == W + "pPr" else 0
    following[start:start] = content
    _remove(paragraph)


def paragraph_texts(root: etree._Element) -> list[str]:
    """Return the text of every paragraph of the body, in order: line breaks as '\\n', page breaks ignored.

    Refuses a document that still holds tracked changes (resolve them first).
    """
    body = root.find(W + "body")
    left = [_local(node) for node in body.iter(*(W + name for name in (*WRAPPERS, "delText")))]
    if left:
        raise ValueError(f"tracked changes remain: {sorted(set(left))}")
    return [_text(paragraph) for paragraph in body.iter(W + "p")]


def _text(paragraph: etree._Element) -> str:
    """Return one paragraph's text."""
    out = []
    for node in paragraph.iter(W + "t", W + "br", W + "tab"):
        if node.tag == W + "t":
            out.append(node.text or "")
        elif node.tag == W + "tab":
            out.append("\t")
        elif node.get(W + "type") in (None, "textWrapping"):
            out.append("\n")
    return "".join(out)


def style_lists(docx: bytes) -> dict[str, str]:
    """Return the list ('num id:level') each paragraph style of a .docx file numbers its paragraphs with."""
    styles = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/styles.xml"))
    found = {}
    for style in styles.iter(W + "style"):
        number = style.find(f"{W}pPr/{W}numPr")
        if number is not None and number.find(W + "numId") is not None:
            found[style.get(W + "styleId")] = _list_of(number)
    return found


def _list_of(number: etree._Element) -> str:
    """Return a w:numPr as 'num id:level' (level 0 when it names none)."""
    level = number.find(W + "ilvl")
    return f"{number.find(W + 'numId').get(W + 'val')}:{'0' if level is None else level.get(W + 'val')}"


def paragraph_forms(root: etree._Element, lists: dict[str, str]) -> list[tuple[str | None, str | None, str | None]]:
    """Return the form of every paragraph of the body, in order: its style, the list numbering it ('num id:level',
    its own or its style's, from `lists`; '0:0' for none) and its alignment."""
    forms = []
    for paragraph in root.find(W + "body").iter(W + "p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        name = None if style is None else style.get(W + "val")
        number = paragraph.find(f"{W}pPr/{W}numPr")
        alignment = paragraph.find(f"{W}pPr/{W}jc")
        listed = _list_of(number) if number is not None else lists.get(name)
        forms.append((name, listed, None if alignment is None else alignment.get(W + "val")))
    return forms
