"""Word paragraphs with tracked changes: written whole by the shared writer, then their runs made revisions.

A paragraph that comes or goes is written as the document writes it (bookmarks, page references, footnotes
and page breaks included) and its runs are wrapped in one revision; a paragraph whose words changed, or that
moved with changes inside, is written with a placeholder where its words go, then the words are put there
as runs, insertions and deletions. Every revision, range and comment carries the redline's author and date.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime

from docx.oxml.ns import qn

from agreements.diff.words import DELETE, EQUAL, INSERT, word_diff
from agreements.render.docx import ooxml, ooxml_tracked as tracked_xml
from agreements.render.docx.paragraphs import Piece, WordParagraph
from agreements.render.docx.writer import DELETED_BOOKMARK, WordWriter

DELETED = ("del", "moveFrom")
# what each kind of paragraph makes of the equal, deleted and inserted words of a diff (None: plain, "": left out)
WORDS = {"changed": {EQUAL: None, DELETE: "del", INSERT: "ins"},
         "moveFrom": {EQUAL: "moveFrom", DELETE: "del", INSERT: ""},
         "moveTo": {EQUAL: "moveTo", DELETE: "", INSERT: "ins"}}


class TrackedWriter:
    """Writes paragraphs with tracked changes through the shared writer, by one author at one date."""

    def __init__(self, writer: WordWriter, lang: str, author: str, when: datetime.datetime):
        self.writer, self.lang, self.author, self.when = writer, lang, author, when
        self.next_id = 1000

    def revision(self, kind: str):
        """Return a new, empty w:ins, w:del, w:moveFrom or w:moveTo with a fresh id."""
        self.next_id += 1
        return ooxml.revision(kind, self.next_id, self.author, self.when)

    def plain(self, block: WordParagraph, note: str | None):
        """Write a paragraph as the document has it, with the redline's note on its words; return it."""
        paragraph = self.writer.block(block, self.lang)
        if note:
            runs = tracked_xml.own_runs(paragraph) or [self._empty_run(paragraph)]
            self.comment(runs[0], runs[-1], note)
        return paragraph

    def whole(self, block: WordParagraph, kind: str, note: str | None):
        """Write a paragraph that comes or goes (kind ins, del, moveTo or moveFrom) with all its runs tracked."""
        deleted = kind in DELETED
        paragraph = self.writer.block(_bare(block, deleted), self.lang)
        revisions = tracked_xml.track_runs(paragraph, lambda: self.revision(kind), deleted)
        self._note_inside(revisions, note)
        return paragraph

    def changed(self, block: WordParagraph, diff: list[tuple[int, str]], kind: str, note: str | None):
        """Write a paragraph with its words from a diff, tracked as a kind makes them ('changed' in place, or one
        side of a move); the rest of its runs (page references, footnotes) plain or tracked as the move."""
        deleted = kind == "moveFrom"
        placeholder = [Piece(tracked_xml.PLACEHOLDER)]
        paragraph = self.writer.block(dataclasses.replace(_bare(block, deleted), pieces=placeholder), self.lang)
        nodes = self._words(diff, WORDS[kind])
        tracked_xml.replace_placeholder(paragraph, nodes)
        if kind != "changed":
            tracked_xml.track_runs(paragraph, lambda: self.revision(kind), deleted)
            self._note_inside([node for node in nodes if tracked_xml.is_revision(node)], note)
        elif note and nodes:
            self.comment(nodes[0], nodes[-1], note)
        if kind == "changed" and block.comment and nodes:
            self.writer.comment(nodes[0], nodes[-1], block.comment)
        return paragraph

    def footnote(self, paragraph, old: str | None, new: str | None) -> None:
        """Put a footnote at the end of a paragraph written without one, its change from `old` to `new` tracked: its
        reference and text inserted or deleted whole, or its words changed inside it."""
        self.writer.footnote(paragraph, new if new is not None else old, self.lang)
        note = self.writer.footnotes[-1].find(qn("w:p"))
        if old is not None and new is not None:
            words = tracked_xml.own_runs(note)[-1]
            for node in self._footnote_words(words, word_diff(old, new)):
                words.addprevious(node)
            note.remove(words)
            return
        kind = "ins" if old is None else "del"
        reference = tracked_xml.own_runs(paragraph)[-1]
        revision = self.revision(kind)
        reference.addprevious(revision)
        revision.append(tracked_xml.as_deleted(reference) if kind == "del" else reference)
        tracked_xml.track_runs(note, lambda: self.revision(kind), kind == "del")

    def _footnote_words(self, words, diff: list[tuple[int, str]]) -> list:
        """Return a footnote's words from a diff as copies of its own run (its size kept), the changed ones in
        revisions."""
        made = WORDS["changed"]
        nodes = []
        for operation, text in [(EQUAL, " "), *diff]:  # the footnote's text follows its number after a space
            run = copy.deepcopy(words)
            run.find(qn("w:t")).text = text
            if made[operation] is None:
                nodes.append(run)
                continue
            revision = self.revision(made[operation])
            revision.append(tracked_xml.as_deleted(run) if operation == DELETE else run)
            nodes.append(revision)
        return nodes

    def moved(self, paragraph, kind: str, name: str, range_id: int) -> None:
        """Put a written paragraph's content in a move range (kind moveFrom or moveTo) named for its pair."""
        edges = [tracked_xml.move_range(kind, edge, range_id, name, self.author, self.when)
                 for edge in ("Start", "End")]
        tracked_xml.range_around(paragraph, *edges)

    def aligned(self, paragraph, block: WordParagraph, former: str | None) -> None:
        """Track a change of a paragraph's alignment (options in brackets are set flush left)."""
        self._record(paragraph, tracked_xml.former_properties(paragraph, former), block)

    def restyled(self, paragraph, source, block: WordParagraph) -> None:
        """Record another paragraph's properties (`source`, written from `block`) as a paragraph's former ones."""
        self._record(paragraph, tracked_xml.former_properties(source), block)

    def _record(self, paragraph, former, block: WordParagraph) -> None:
        """Track a change of a paragraph's properties from `former`, which a block's paragraph had."""
        self.next_id += 1
        styled = block.level and not block.unnumbered and not getattr(block, "numbering", None)
        numbering = self.writer.numbering_for(self.lang, block.level) if styled else None
        tracked_xml.track_properties(paragraph, former, numbering, self.next_id, self.author, self.when)

    def page_break(self, paragraph, kind: str) -> None:
        """Track the page break that ends a paragraph as inserted, or a page break that ended it as deleted."""
        tracked_xml.track_page_break(paragraph, self.revision(kind))

    def mark(self, paragraph, kind: str) -> None:
        """Track a paragraph's own mark as inserted or deleted (or moved)."""
        self.next_id += 1
        tracked_xml.track_paragraph_mark(paragraph, kind, self.next_id, self.author, self.when)

    def comment(self, first, last, text: str, holder=None) -> None:
        """Attach a comment by the redline's author, dated like its changes."""
        self.writer.comment(first, last, text, holder, author=self.author, when=self.when)

    def _note_inside(self, revisions: list, note: str | None) -> None:
        """Comment on a tracked paragraph, its reference inside its last revision (so it goes with the paragraph)."""
        if note and revisions:
            self.comment(revisions[0], revisions[-1], note, holder=revisions[-1])

    def _words(self, diff: list[tuple[int, str]], made: dict[int, str | None]) -> list:
        """Return the runs and revisions of a diff's words, each part as `made` says."""
        nodes = []
        for operation, text in diff:
            kind = made[operation]
            if kind == "":
                continue
            runs = self._runs(text, deleted=kind in DELETED)
            if kind is None:
                nodes += runs
                continue
            revision = self.revision(kind)
            revision.extend(runs)
            nodes.append(revision)
        return nodes

    def _runs(self, text: str, deleted: bool) -> list:
        """Return text as runs (deleted text as w:delText), line breaks included."""
        runs = []
        for line in _lines(text):
            if deleted:
                runs.append(ooxml.deleted_run(line, self.lang))
            else:
                runs.append(ooxml.line_break(self.lang) if line == "\n" else ooxml.run(line, self.lang))
        return runs

    def _empty_run(self, paragraph):
        """Return an empty run appended to a paragraph that has none (for a comment to hold on to)."""
        run = ooxml.run("", self.lang)
        paragraph.append(run)
        return run


def _bare(block: WordParagraph, deleted: bool) -> WordParagraph:
    """Return a copy of a block without comments (a tracked paragraph carries only the redline's notes); a deleted
    one's bookmark and page reference renamed, so the new version keeps the names."""
    pieces = [Piece(piece.text, None, piece.bold, piece.italic) for piece in block.pieces]
    renamed = {name: getattr(block, name) + DELETED_BOOKMARK for name in ("bookmark", "page_of")
               if deleted and getattr(block, name, None)}
    silent = {name: None for name in ("comment", "note") if hasattr(block, name)}
    return dataclasses.replace(block, pieces=pieces, **silent, **renamed)


def _lines(text: str) -> list[str]:
    """Return text split into lines and the line breaks between them ('a\\nb' → ['a', '\\n', 'b'])."""
    out = []
    for index, line in enumerate(text.split("\n")):
        if index:
            out.append("\n")
        if line:
            out.append(line)
    return out
