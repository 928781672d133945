"""A redline: the new version as Word, every difference from the old one a native tracked change.

Both versions are composed into document trees and written as keyed Word paragraphs, aligned by key. A
paragraph in both with other text gets its words inserted and deleted in place; one only in the old version
is deleted whole, one only in the new inserted whole; one that moved unchanged is a native move (w:moveFrom
at the old place, w:moveTo at the new), with comments saying where it came from and went. Numbers are Word's
own, so renumbering alone changes nothing. Accept all gives the new document, reject all the old.
"""

from __future__ import annotations

import datetime
import difflib

from agreements.diff.compare import Comparison
from agreements.diff.words import DELETE, EQUAL, INSERT, word_diff
from agreements.document.compose import compose
from agreements.model import Agreement
from agreements.render.docx import ooxml
from agreements.render.docx.agreement import AgreementPlan
from agreements.render.docx.paragraphs import END, WordParagraph
from agreements.render.docx.render import finish, new_writer
from agreements.render.docx.writer import WordWriter
from clauses.languages import DEFAULT_LANGUAGE


class Redliner:
    """Writes the tracked changes between two block sequences into one writer."""

    def __init__(self, writer: WordWriter, lang: str, author: str, when: datetime.datetime, notes: dict[str, str]):
        self.writer, self.lang, self.author, self.when, self.notes = writer, lang, author, when, notes
        self.next_id = 1000

    def _revision(self, kind: str):
        """Return a new w:ins or w:del with a fresh id."""
        self.next_id += 1
        return ooxml.revision(kind, self.next_id, self.author, self.when)

    def write(self, old: list[WordParagraph], new: list[WordParagraph]) -> None:
        """Write the new blocks with the old ones' differences tracked."""
        matcher = difflib.SequenceMatcher(None, [b.key for b in old], [b.key for b in new], autojunk=False)
        opcodes = matcher.get_opcodes()
        self.moves = _moves(old, new, opcodes)
        for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
            if tag == "equal":
                for before, after in zip(old[i1:i2], new[j1:j2]):
                    self._pair(before, after)
                continue
            anchor, written = self.writer.last, []
            for block in old[i1:i2]:
                written.append(self.whole(block, "del"))
            for block in new[j1:j2]:
                written.append(self.whole(block, "ins"))
            following = opcodes[index + 1] if index + 1 < len(opcodes) else None
            if following and new[following[3]].field == "end":
                _shift_marks(anchor, written)

    def _pair(self, before: WordParagraph, after: WordParagraph) -> None:
        """Write a block present in both versions: as it is, or with its words tracked."""
        if not before.same_form(after):
            self.whole(before, "del")
            self.whole(after, "ins")
        elif before.text == after.text:
            self.writer.block(after, self.lang)
        else:
            self.changed(before, after)

    def whole(self, block: WordParagraph, kind: str):
        """Write a whole paragraph as inserted or deleted, its paragraph mark too (a moved one as a move)."""
        if block.key in self.moves:
            return self.moved(block, "moveTo" if kind == "ins" else "moveFrom")
        paragraph = self._empty(block)
        revision = self._filled(self._revision(kind), block.text, deleted=kind == "del")
        paragraph.append(revision)
        _close(paragraph, block)
        return self._marked(paragraph, revision, kind, self.notes.get(f"{kind}:{block.key}"))

    def moved(self, block: WordParagraph, kind: str):
        """Write a paragraph that moved unchanged as a native move (w:moveFrom at the old place, w:moveTo at the new)."""
        paragraph = self._empty(block)
        name, range_id = self.moves[block.key]
        paragraph.append(ooxml.move_range(kind, "Start", range_id, name, self.author, self.when))
        revision = self._filled(self._revision(kind), block.text, deleted=kind == "moveFrom")
        paragraph.append(revision)
        paragraph.append(ooxml.move_range(kind, "End", range_id, name, self.author, self.when))
        _close(paragraph, block)
        note = self.notes.get(f"{'ins' if kind == 'moveTo' else 'del'}:{block.key}")
        return self._marked(paragraph, revision, kind, note)

    def _filled(self, revision, text: str, deleted: bool):
        """Return a w:ins/w:del/w:move* holding text as runs (deleted text as w:delText), line breaks included."""
        for line in _lines(text):
            if deleted:
                revision.append(ooxml.deleted_run(line, self.lang))
            else:
                revision.append(ooxml.line_break(self.lang) if line == "\n" else ooxml.run(line, self.lang))
        return revision

    def _marked(self, paragraph, revision, kind: str, note: str | None):
        """Track a whole paragraph's mark with its change, comment on it, and return the paragraph."""
        self.next_id += 1
        ooxml.track_paragraph_mark(paragraph, kind, self.next_id, self.author, self.when)
        if note and len(revision):
            self.writer.comment(revision, revision, note, holder=revision)
        return paragraph


    def _empty(self, block: WordParagraph):
        """Return the paragraph of a block without its text (the redline writes the text itself)."""
        bare = _bare(block)
        bare.pieces, bare.page_break_after = [], False
        return self.writer.block(bare, self.lang)

    def changed(self, before: WordParagraph, after: WordParagraph) -> None:
        """Write a block whose words changed: equal text plain, the rest in w:ins and w:del."""
        paragraph = self._empty(after)
        runs = []
        for operation, text in word_diff(before.text, after.text):
            if operation == EQUAL:
                runs += self._plain(paragraph, text)
                continue
            revision = self._revision("ins" if operation == INSERT else "del")
            paragraph.append(self._filled(revision, text, deleted=operation == DELETE))
            runs.append(revision)
        note = "\n".join(filter(None, [self.notes.get(f"changed:{after.key}"), after.comment]))
        if note and runs:
            self.writer.comment(runs[0], runs[-1], note)
        _close(paragraph, after)

    def _plain(self, paragraph, text: str) -> list:
        """Append untracked text (line breaks included) and return its runs."""
        runs = []
        for line in _lines(text):
            runs.append(ooxml.line_break(self.lang) if line == "\n" else ooxml.run(line, self.lang))
            paragraph.append(runs[-1])
        return runs


def _shift_marks(anchor, paragraphs: list) -> None:
    """Move the tracked paragraph marks of a run one paragraph back, onto the paragraph before it.

    Before an empty paragraph (the end of the contents field), a run of whole paragraphs must be tracked the
    way Word tracks paragraphs appended at the end: the mark before the run and the run's marks but its last.
    """
    marks = [ooxml.take_paragraph_mark(paragraph) for paragraph in paragraphs]
    for paragraph, mark in zip([anchor, *paragraphs[:-1]], marks):
        if mark is not None:
            ooxml.put_paragraph_mark(paragraph, mark)


def _moves(old: list[WordParagraph], new: list[WordParagraph], opcodes) -> dict[str, tuple[str, int]]:
    """Return the blocks that left their place unchanged and reappear elsewhere: key → (move name, range id)."""
    removed = {block.key: block for tag, i1, i2, _, _ in opcodes if tag != "equal" for block in old[i1:i2]}
    added = {block.key: block for tag, _, _, j1, j2 in opcodes if tag != "equal" for block in new[j1:j2]}
    moved = [key for key in added if key in removed and removed[key].text == added[key].text
             and removed[key].same_form(added[key])]
    return {key: (f"move{index}", 100_000 + index) for index, key in enumerate(moved, 1)}


def _bare(block: WordParagraph) -> WordParagraph:
    """Return a copy of a block without comments (a tracked paragraph carries only the redline's notes)."""
    return WordParagraph(block.key, block.style, [type(piece)(piece.text, None, piece.bold, piece.italic)
                                          for piece in block.pieces], block.level, None,
                 block.alignment, block.page_break_after, block.unnumbered, block.field)


def _lines(text: str) -> list[str]:
    """Return text split into lines and the line breaks between them ('a\\nb' → ['a', '\\n', 'b'])."""
    out = []
    for index, line in enumerate(text.split("\n")):
        if index:
            out.append("\n")
        if line:
            out.append(line)
    return out


def _close(paragraph, block: WordParagraph):
    """End the page after a paragraph whose block asks for it; return the paragraph."""
    if block.page_break_after:
        paragraph.append(ooxml.page_break())
    return paragraph


def notes_for(comparison: Comparison) -> dict[str, str]:
    """Return the redline's comments by block: why a node changed, where a moved node came from and went."""
    notes: dict[str, list[str]] = {}
    for change in comparison.changes:
        key = f"node:{change.node}"
        if change.kind == "moved":
            notes.setdefault(f"ins:{key}", []).append(f"Moved from {change.details['from']}")
            notes.setdefault(f"del:{key}", []).append(f"Moved to {change.details['to']}")
        elif change.kind in ("parameters", "status", "alternatives", "positions"):
            text = change.summary.split(": ", 1)[-1]
            for prefix in ("changed", "ins"):
                notes.setdefault(f"{prefix}:{key}", []).append(text[:1].upper() + text[1:])
    return {key: "\n".join(lines) for key, lines in notes.items()}


def paragraphs_of(agreement: Agreement, lang: str) -> list[WordParagraph]:
    """Return every Word paragraph of a draft in one language, in order."""
    return AgreementPlan(compose(agreement, [lang]), lang).paragraphs()


def redline_docx(old: Agreement, new: Agreement, comparison: Comparison, lang: str = DEFAULT_LANGUAGE,
                 author: str = "peacedraft", when: datetime.datetime | None = None) -> bytes:
    """Return the new version as Word with every difference from the old one tracked (accept all → new)."""
    document = compose(new, [lang])
    writer = new_writer(document, [lang])
    Redliner(writer, lang, author, when or document.when, notes_for(comparison)).write(
        paragraphs_of(old, lang), AgreementPlan(document, lang).paragraphs())
    writer.block(END, lang)
    return finish(writer, document, lang)
