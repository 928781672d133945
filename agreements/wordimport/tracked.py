"""A Word file's tracked changes read both ways: each paragraph's text before them and after them, and its comments.

"Before" is what rejecting every change gives (insertions and move destinations left out, deletions and move
sources kept); "after" is what accepting every change gives. A paragraph whose mark is tracked, or whose
words lie in a move, says so, with the move's name, so a moved paragraph can be paired with its new place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn

from agreements.wordimport.damaged import reads_word
from agreements.wordimport.notes import WordComment, word_comments
from agreements.wordimport.source import style_name
from agreements.wordimport.safety import open_word

INSERTED = {qn("w:ins"), qn("w:moveTo")}
REMOVED = {qn("w:del"), qn("w:moveFrom")}
TRACKED = INSERTED | REMOVED
TEXTS = (qn("w:t"), qn("w:delText"), qn("w:tab"), qn("w:br"), qn("w:cr"))
RANGE_STARTS = {qn("w:moveFromRangeStart"): "from", qn("w:moveToRangeStart"): "to"}
RANGE_ENDS = (qn("w:moveFromRangeEnd"), qn("w:moveToRangeEnd"))


@dataclass
class TrackedParagraph:
    """One body paragraph: its place, style, text before and after the tracked changes, and what of it is tracked."""

    index: int
    style: str
    before: str
    after: str
    mark: str | None = None  # "inserted" or "deleted" when the paragraph mark itself is tracked
    move: str | None = None  # the name of the move its words are in ("move1"), when they moved
    comments: list[str] = field(default_factory=list)  # ids of the comments anchored in it

    @property
    def changed(self) -> bool:
        """Return whether tracked changes touch this paragraph's words or its mark."""
        return self.before != self.after or self.mark is not None


@dataclass
class TrackedWord:
    """A Word file's body paragraphs, read both ways, and its comments by id."""

    paragraphs: list[TrackedParagraph]
    comments: dict[str, WordComment]

    def has_changes(self) -> bool:
        """Return whether the file carries any tracked change or comment."""
        return bool(self.comments) or any(paragraph.changed for paragraph in self.paragraphs)


@reads_word
def read_tracked(path: str) -> TrackedWord:
    """Return the paragraphs (both views) and comments of a Word file, once the file passed the safety checks."""
    document = open_word(path)
    found, open_moves = [], {}
    for index, element in enumerate(document.element.body.iterchildren(qn("w:p")), 1):
        properties = element.pPr
        style_id = properties.pStyle.val if properties is not None and properties.pStyle is not None else None
        move = _move_name(element, open_moves)
        found.append(TrackedParagraph(index, style_name(document, style_id), view_text(element, INSERTED),
                                      view_text(element, REMOVED), _mark(element), move, _anchored(element)))
    return TrackedWord(found, word_comments(document))


def view_text(element, left_out: set[str]) -> str:
    """Return a paragraph's text without the runs inside the given kinds of tracked change; breaks as newlines."""
    parts = []
    for node in element.iter(*TEXTS):
        if any(ancestor.tag in left_out for ancestor in node.iterancestors()):
            continue
        if node.tag in (qn("w:t"), qn("w:delText")):
            parts.append(node.text or "")
        else:
            parts.append("\t" if node.tag == qn("w:tab") else "\n")
    return "".join(parts)


def _mark(element) -> str | None:
    """Return 'inserted' or 'deleted' when the paragraph mark is tracked, else None."""
    properties = element.find(qn("w:pPr"))
    marks = properties.find(qn("w:rPr")) if properties is not None else None
    if marks is None:
        return None
    for child in marks:
        if child.tag in INSERTED:
            return "inserted"
        if child.tag in REMOVED:
            return "deleted"
    return None


def _move_name(element, open_moves: dict[str, str]) -> str | None:
    """Return the name of the move the paragraph's words lie in (ranges may span paragraphs), else None."""
    name = next(iter(open_moves.values()), None)
    for node in element.iter(*RANGE_STARTS, *RANGE_ENDS):
        if node.tag in RANGE_STARTS:
            move = f"{node.get(qn('w:name'))}"
            open_moves[node.get(qn("w:id"))] = move
            name = move
        else:
            open_moves.pop(node.get(qn("w:id")), None)
    moved = any(node.tag in (qn("w:moveFrom"), qn("w:moveTo")) for node in element.iter())
    return name if moved else None


def _anchored(element) -> list[str]:
    """Return the ids of the comments whose range starts, or whose reference stands, in the paragraph."""
    ids = [node.get(qn("w:id")) for node in element.iter(qn("w:commentRangeStart"), qn("w:commentReference"))]
    return list(dict.fromkeys(ids))
