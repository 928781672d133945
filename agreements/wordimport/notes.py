"""A Word file's footnotes, endnotes and comments, by id: the texts a body paragraph refers to.

The notes parts are read through python-docx's package (the part the main part relates to), parsed by its
parser, once the file has passed the safety checks. A separator or continuation note (the line Word draws
above the notes) is not a note. A note's paragraphs are read as the body's are: tracked changes accepted,
field codes left out. A comment peacedraft wrote itself (positions, proposers, drafters' notes) carries a
mark in its initials.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml

from agreements.render.docx.writer import GENERATED_MARK
from agreements.wordimport.runs import read_content

NOT_NOTES = {"separator", "continuationSeparator", "continuationNotice"}


@dataclass(frozen=True)
class WordComment:
    """A comment: its id, author, text and initials."""

    id: str
    author: str
    text: str
    initials: str = ""

    @property
    def generated(self) -> bool:
        """Return whether peacedraft wrote the comment (a render's or a redline's), by the mark in its initials."""
        return self.initials.endswith(GENERATED_MARK)

    @property
    def written(self) -> str:
        """Return the comment as a note reads it: 'Author: text' (the text alone when it has no author)."""
        return f"{self.author}: {self.text}" if self.author else self.text


@dataclass
class WordNotes:
    """The footnotes' and endnotes' texts and the comments of one document, by id."""

    footnotes: dict[str, str] = field(default_factory=dict)
    endnotes: dict[str, str] = field(default_factory=dict)
    comments: dict[str, WordComment] = field(default_factory=dict)


def read_notes(document) -> WordNotes:
    """Return a document's footnotes, endnotes and comments (empty where it has no such part)."""
    return WordNotes(_note_texts(document, RT.FOOTNOTES, "w:footnote"), _note_texts(document, RT.ENDNOTES, "w:endnote"),
                     word_comments(document))


def word_comments(document) -> dict[str, WordComment]:
    """Return the document's comments by id (none when it has no comments part)."""
    if not _related(document, RT.COMMENTS):
        return {}
    return {str(comment.comment_id): WordComment(str(comment.comment_id), comment.author or "", comment.text.strip(),
                                                 comment.initials or "")
            for comment in document.comments}


def _related(document, relationship: str) -> bool:
    """Return whether the main part relates to a part of this type."""
    return any(rel.reltype == relationship and not rel.is_external for rel in document.part.rels.values())


def _note_texts(document, relationship: str, tag: str) -> dict[str, str]:
    """Return the texts of the notes in the part of this type, by id: each note's paragraphs one a line."""
    if not _related(document, relationship):
        return {}
    root = parse_xml(document.part.part_related_by(relationship).blob)
    found = {}
    for note in root.iterchildren(qn(tag)):
        if note.get(qn("w:type")) in NOT_NOTES:
            continue
        lines = [read_content(paragraph).text.strip() for paragraph in note.iter(qn("w:p"))]
        found[note.get(qn("w:id"))] = "\n".join(line for line in lines if line)
    return found
