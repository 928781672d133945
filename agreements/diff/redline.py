"""A redline: the new version as Word, every difference from the old one a native tracked change.

Both versions are composed into document trees and written as keyed Word paragraphs, aligned by key. A
paragraph in both with other text gets its words inserted and deleted in place; one only in the old version
is deleted whole, one only in the new inserted whole; one that moved is a native move (w:moveFrom at the old
place, w:moveTo at the new), its words deleted inside the move at the old place and inserted inside it at the
new, with comments saying where it came from and went. What does not show as text — a status, an option
tabled or withdrawn, a position, a parameter, a drafters' note — is a comment on the paragraph. Numbers are
Word's own, so renumbering alone changes nothing. Accept all gives the new document, reject all the old.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
from dataclasses import dataclass, field

from agreements.diff.compare import Change, Comparison
from agreements.diff.marks import Mark, Placement, choose_marks
from agreements.diff.seams import Written, ending_otherwise, kept_paragraph, mend, starting_otherwise
from agreements.diff.tracked import WORDS, TrackedWriter
from agreements.diff.words import word_diff
from agreements.document.compose import compose
from agreements.model import Agreement
from agreements.render.docx.agreement import AgreementPlan
from agreements.render.docx.paragraphs import END, WordParagraph
from agreements.render.docx.render import finish, new_writer
from agreements.render.docx.writer import WordWriter
from clauses.languages import DEFAULT_LANGUAGE

NOTED = ("parameters", "status", "alternatives", "positions", "notes")  # changes that are comments


@dataclass
class Kept:
    """A paragraph in both versions, in the same place and of the same form."""

    before: WordParagraph
    after: WordParagraph


@dataclass
class Stretch:
    """Paragraphs that go (the old version's) and come (the new one's) between two kept paragraphs."""

    olds: list[WordParagraph] = field(default_factory=list)
    news: list[WordParagraph] = field(default_factory=list)


@dataclass(frozen=True)
class Move:
    """A paragraph that moved: the name pairing its two places, its two ranges' ids, its old and new words."""

    name: str
    ids: tuple[int, int]
    before: WordParagraph
    after: WordParagraph

    @property
    def changed(self) -> bool:
        """Return whether its words changed as it moved."""
        return self.before.text != self.after.text


class Redliner:
    """Writes the tracked changes between two versions' paragraphs into one writer."""

    def __init__(self, writer: WordWriter, lang: str, author: str, when: datetime.datetime, notes: dict[str, str]):
        self.tracked = TrackedWriter(writer, lang, author, when)
        self.notes = notes
        self.moves: dict[str, Move] = {}
        self.flat: set[tuple[str, str]] = set()  # (key, side) of moved paragraphs written without their changes
        self.diffs: dict[str, list[tuple[int, str]]] = {}  # the words-diff of each kept paragraph, by key

    def write(self, old: list[WordParagraph], new: list[WordParagraph]) -> None:
        """Write the new paragraphs with the old ones' differences tracked, then the last, untracked paragraph."""
        items, in_place = aligned(old, new)
        items = _entries_beside_headings(items)
        self.moves = _moves(items, in_place)
        marks = self._marks(items)
        self.diffs = self._mended_diffs(items, marks)
        previous = None
        for index, item in enumerate(items):
            if isinstance(item, Kept):
                previous = (self.kept(item), item.after)
            else:
                self.stretch(item, previous, marks[index])

    def _marks(self, items: list) -> dict[int, Placement]:
        """Return each stretch's placement of marks. A moved paragraph with changes inside that no placement keeps
        exact shows its changes at its other place only: here it is all moved text (the comment says what changed)."""
        while True:
            marks, flat = {}, set()
            for index, item in enumerate(items):
                if isinstance(item, Stretch):
                    found = choose_marks(*self._context(items, index))
                    if found is None:
                        flat |= {(block.key, side) for side, blocks in (("del", item.olds), ("ins", item.news))
                                 for block in blocks if not self._mark(block, side).uniform}
                    marks[index] = found
            if not flat:
                return marks
            self.flat |= flat

    def _mended_diffs(self, items: list, marks: dict[int, Placement]) -> dict[str, list[tuple[int, str]]]:
        """Return the words-diff of each kept paragraph whose words changed, rewritten where a change would run on
        into the next paragraph across a kept mark (seams.py)."""
        written: list[Written] = []
        kept: dict[str, Written] = {}
        for index, item in enumerate(items):
            if isinstance(item, Kept):
                placement = marks.get(index + 1)
                marked = placement is not None and bool(placement.marks) and placement.marks[0] is not None
                diff = word_diff(item.before.text, item.after.text) if item.before.text != item.after.text else None
                kept[item.after.key] = kept_paragraph(diff, marked, _tail(item))
                written.append(kept[item.after.key])
                continue
            placement = marks[index]
            own = placement.marks[-len(item.olds) - len(item.news):] if item.olds or item.news else []
            blocks = [(block, "del") for block in item.olds] + [(block, "ins") for block in item.news]
            written += [self._whole(block, side, mark is not None) for (block, side), mark in zip(blocks, own)]
        mend(written)
        return {key: paragraph.diff for key, paragraph in kept.items() if paragraph.diff is not None}

    def _whole(self, block: WordParagraph, side: str, marked: bool) -> Written:
        """Return a paragraph that goes or comes (or moved) as the seams see it."""
        move = self.moves.get(block.key)
        kind = side if move is None else "moveFrom" if side == "del" else "moveTo"
        if move is None or not move.changed or (block.key, side) in self.flat:
            shown = kind if block.text or block.footnote or block.page_of else None
            return Written(None, shown, shown, marked)
        made = WORDS[kind]
        parts = [made[operation] or kind for operation, text in word_diff(move.before.text, move.after.text)
                 if text and made[operation] != ""]
        return Written(None, parts[0] if parts else None, parts[-1] if parts else None, marked)

    def _context(self, items: list, index: int) -> tuple[Mark | None, list[Mark], Mark]:
        """Return a stretch's anchor (the kept paragraph before it), its paragraphs and the paragraph after it."""
        stretch = items[index]
        anchor = Mark(_shape_of(items[index - 1].after), closes=_fixed_edge(items[index - 1], True)) if index else None
        following = items[index + 1] if index + 1 < len(items) else None
        block = following.after if following is not None else END
        run = [self._mark(block, "del") for block in stretch.olds]
        run += [self._mark(block, "ins") for block in stretch.news]
        opens = _fixed_edge(following, False) if following is not None else None
        return anchor, run, Mark(_shape_of(block), listed=_listed(block), opens=opens)

    def _mark(self, block: WordParagraph, side: str) -> Mark:
        """Return what the choice of marks needs of a paragraph that goes (del) or comes (ins)."""
        move = self.moves.get(block.key)
        empty = not (block.text or block.footnote or block.page_of)
        if move is None:
            return Mark(_shape_of(block), side, side, empty=empty)
        uniform = not move.changed or (block.key, side) in self.flat
        return Mark(_shape_of(block), side, "moveFrom" if side == "del" else "moveTo", uniform, empty=empty)

    def kept(self, item: Kept):
        """Write a paragraph in both versions: as it is, or with its words tracked; either with its note, and with
        its footnote's change tracked."""
        note = self.notes.get(f"changed:{item.after.key}")
        footnotes = (item.before.footnote, item.after.footnote)
        block = item.after if footnotes[0] == footnotes[1] else dataclasses.replace(item.after, footnote=None)
        if item.before.text == item.after.text:
            paragraph = self.tracked.plain(block, note)
        else:
            paragraph = self.tracked.changed(block, self.diffs[item.after.key], "changed", note)
        if block is not item.after:
            self.tracked.footnote(paragraph, *footnotes)
        self.tracked.writer.bookmark(paragraph, item.after, deleted=True)  # a deleted contents entry finds it too
        if item.before.alignment != item.after.alignment:
            self.tracked.aligned(paragraph, item.after, item.before.alignment)
        if item.before.page_break_after != item.after.page_break_after:
            self.tracked.page_break(paragraph, "ins" if item.after.page_break_after else "del")
        return paragraph

    def stretch(self, stretch: Stretch, previous: tuple | None, placement: Placement) -> None:
        """Write the paragraphs that go and come, their marks tracked where the placement puts them, after the
        kept paragraph `previous` (its element and its block)."""
        written = [(self.whole(block, "del"), block) for block in stretch.olds]
        written += [(self.whole(block, "ins"), block) for block in stretch.news]
        paragraphs = [previous, *written] if previous is not None else written
        for (paragraph, _), mark in zip(paragraphs, placement.marks):
            if mark is not None:
                self.tracked.mark(paragraph, mark)
        for index, source in placement.restyled.items():
            self.tracked.restyled(paragraphs[index][0], paragraphs[source][0], paragraphs[source][1])

    def whole(self, block: WordParagraph, side: str):
        """Write a paragraph that goes (del) or comes (ins), as a move when it moved; return it."""
        note = self.notes.get(f"{side}:{block.key}")
        move = self.moves.get(block.key)
        if move is None:
            return self.tracked.whole(block, side, note)
        kind = "moveFrom" if side == "del" else "moveTo"
        if move.changed and (block.key, side) not in self.flat:
            paragraph = self.tracked.changed(block, word_diff(move.before.text, move.after.text), kind, note)
        else:
            paragraph = self.tracked.whole(block, kind, note)
        self.tracked.moved(paragraph, kind, move.name, move.ids[side == "ins"])
        return paragraph


def aligned(old: list[WordParagraph], new: list[WordParagraph]) -> tuple[list, set[str]]:
    """Return the paragraphs of two versions aligned by key, as kept paragraphs and stretches between them, and
    the keys of paragraphs that stayed in place but changed form (written as deleted and inserted, not moved)."""
    matcher = difflib.SequenceMatcher(None, [b.key for b in old], [b.key for b in new], autojunk=False)
    items: list = []
    in_place: set[str] = set()

    def stretch() -> Stretch:
        if not items or not isinstance(items[-1], Stretch):
            items.append(Stretch())
        return items[-1]

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            stretch().olds.extend(old[i1:i2])
            stretch().news.extend(new[j1:j2])
            continue
        for before, after in zip(old[i1:i2], new[j1:j2]):
            if before.same_form(after):
                items.append(Kept(before, after))
            else:
                in_place.add(after.key)
                stretch().olds.append(before)
                stretch().news.append(after)
    return items, in_place


def _entries_beside_headings(items: list) -> list:
    """Return the items with each kept contents entry whose heading is not kept (it moved, came, went or changed
    form) going and coming instead: rejecting, its old page reference finds the old heading, accepting, its new
    one the new heading."""
    kept = {item.after.bookmark for item in items if isinstance(item, Kept) and item.after.bookmark}
    out: list = []
    for item in items:
        if isinstance(item, Kept) and not (item.after.page_of and item.after.page_of not in kept):
            out.append(item)
            continue
        if not out or not isinstance(out[-1], Stretch):
            out.append(Stretch())
        olds, news = ([item.before], [item.after]) if isinstance(item, Kept) else (item.olds, item.news)
        out[-1].olds.extend(olds)
        out[-1].news.extend(news)
    return out


def _moves(items: list, in_place: set[str]) -> dict[str, Move]:
    """Return the paragraphs that left one place and reappear at another, by key."""
    olds = {block.key: block for item in items if isinstance(item, Stretch) for block in item.olds}
    news = {block.key: block for item in items if isinstance(item, Stretch) for block in item.news}
    # a contents entry comes and goes rather than moves: LibreOffice leaves a moved page reference behind on rejecting
    keys = [key for key in news if key in olds and key not in in_place and not news[key].page_of]
    return {key: Move(f"move{index}", (100_000 + 2 * index, 100_001 + 2 * index), olds[key], news[key])
            for index, key in enumerate(keys, 1)}


def _fixed_edge(item: Kept, end: bool) -> str | None:
    """Return the insertion a kept paragraph's end (else its start) is, when its words cannot be written otherwise
    there (seams.py), else None."""
    diff = word_diff(item.before.text, item.after.text) if item.before.text != item.after.text else None
    paragraph = kept_paragraph(diff, False, _tail(item) if end else [])
    if end:
        fixed = paragraph.diff is None or not paragraph.words_last or ending_otherwise(paragraph.diff) is None
        return paragraph.last if paragraph.last == "ins" and fixed else None
    fixed = paragraph.diff is None or starting_otherwise(paragraph.diff) is None
    return paragraph.first if paragraph.first == "ins" and fixed else None


def _tail(item: Kept) -> list[str | None]:
    """Return what a kept paragraph writes after its words, as the change each is: its footnote's reference (None
    when it stays, 'ins' or 'del' when the footnote came or went), a contents entry's page number (None)."""
    footnotes = (item.before.footnote, item.after.footnote)
    tail = [] if footnotes == (None, None) else [None if None not in footnotes else "ins" if footnotes[1] else "del"]
    return tail + [None] * bool(item.after.page_of)


def _listed(block: WordParagraph) -> bool:
    """Return whether a paragraph is numbered by a list (a part, an article, a paragraph or a point)."""
    return bool(block.level) and not block.unnumbered


def _shape_of(block: WordParagraph) -> tuple:
    """Return the paragraph properties a paragraph is written with (style, numbering, alignment, field)."""
    return (block.style, block.level, block.unnumbered, block.alignment, getattr(block, "numbering", None),
            block.field)


def notes_for(comparison: Comparison) -> dict[str, str]:
    """Return the redline's comments by paragraph: why a node changed, where a moved node came from and went.

    Keys are 'changed:node:ID' (a paragraph in both versions), 'ins:node:ID' (the new place of one that came or
    moved) and 'del:node:ID' (the old place of one that went or moved).
    """
    notes: dict[str, list[str]] = {}
    for change in comparison.changes:
        key = f"node:{change.node}"
        if change.kind == "moved":
            notes.setdefault(f"ins:{key}", []).append(f"Moved from {change.details['from']}")
            notes.setdefault(f"del:{key}", []).append(f"Moved to {change.details['to']}")
        elif change.kind in NOTED:
            for prefix in ("changed", "ins"):
                notes.setdefault(f"{prefix}:{key}", []).append(note_text(change))
    return {key: "\n".join(lines) for key, lines in notes.items()}


def note_text(change: Change) -> str:
    """Return what a comment says of a change ('Status agreed → agreed ad referendum'); a drafters' note in full."""
    if change.kind == "notes":
        old, new = change.details["old"], change.details["new"]
        if old is None:
            return f"Drafters' note added: “{new}”"
        if new is None:
            return f"Drafters' note removed: “{old}”"
        return f"Drafters' note changed: “{old}” → “{new}”"
    text = change.summary.split(": ", 1)[-1]
    if change.kind == "status":
        text = text.replace("_", " ")
    return text[:1].upper() + text[1:]


def paragraphs_of(agreement: Agreement, lang: str, non_paper: bool = False) -> list[WordParagraph]:
    """Return every Word paragraph of a draft in one language, in order (non_paper: without attribution)."""
    return AgreementPlan(compose(agreement, [lang], non_paper=non_paper), lang).paragraphs()


def redline_docx(old: Agreement, new: Agreement, comparison: Comparison, lang: str = DEFAULT_LANGUAGE,
                 author: str = "peacedraft", when: datetime.datetime | None = None, non_paper: bool = False) -> bytes:
    """Return the new version as Word with every difference from the old one tracked (accept all → new).

    non_paper: both versions without attribution and every change, comment and property by the neutral
    author ('Non-paper'), whatever `author` says; the comparison is then that of the non-paper copies
    (document/nonpaper.py: without_attribution), so that its comments name no party either.
    """
    document = compose(new, [lang], non_paper=non_paper)
    author = document.settings.get("author", {}).get(lang, author)
    writer = new_writer(document, [lang])  # a non-paper's writer signs everything, properties too, neutrally
    writer.author = author  # the document's own comments (proposers, positions) are the reviewer's too
    Redliner(writer, lang, author, when or document.when, notes_for(comparison)).write(
        paragraphs_of(old, lang, non_paper), AgreementPlan(document, lang).paragraphs())
    writer.block(END, lang)
    return finish(writer, document, lang)
