"""What a partner changed, paragraph by paragraph: a node's text, a paragraph inserted or deleted or moved, a comment.

A paragraph's words before and after the tracked changes decide: text in both views that differs is a change
of its node's text; text only after is an inserted paragraph (it follows the node before it); text only before
is a deletion. A deletion and an insertion in one move (w:moveFrom/w:moveTo of one name), or of the same words,
are a move. Comments peacedraft wrote (marked in their initials) or already in our own render are not the
partner's and are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from agreements.intake.options import has_options, option_change, tables_options
from agreements.render.docx.paragraphs import WordParagraph
from agreements.wordimport.tracked import TrackedParagraph, TrackedWord

DERIVED = ("toc", "contents", "title", "subtitle", "parties", "round", "mark", "formula", "testimonium", "party",
           "signing", "preamble")  # keys of paragraphs written from the draft's metadata and structure


@dataclass
class TextChange:
    """A node whose text the partner changed."""

    node: str
    before: str
    after: str
    in_option: bool = False  # after is the new words of one of the node's options, not its whole paragraph
    inline: bool = False  # before and after are the sentence read with one option within it: a typed value only


@dataclass
class Insertion:
    """A paragraph the partner inserted, after a node (None: before any), in a style; from a node when it moved."""

    after_node: str | None
    text: str
    style: str
    moved_from: str | None = None
    move: str | None = None


@dataclass
class Deletion:
    """A node the partner deleted; where its text went when it moved."""

    node: str
    text: str
    move: str | None = None
    moved_to: Insertion | None = None


@dataclass
class Comment:
    """A comment of the partner's on a node."""

    node: str
    text: str


@dataclass
class Unplaced:
    """A change that names no node of the draft, with its text and why."""

    text: str
    why: str


@dataclass
class Changes:
    """Everything a partner's copy changes, in document order within each kind."""

    texts: list[TextChange] = field(default_factory=list)
    insertions: list[Insertion] = field(default_factory=list)
    deletions: list[Deletion] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)


def read_changes(word: TrackedWord, keys: dict[int, str], our_comments: set[str],
                 ours: dict[str, WordParagraph], lang: str) -> Changes:
    """Return the partner's changes, each on the node it concerns (or unplaced, with its reason)."""
    changes = Changes()
    last: str | None = None
    for paragraph in word.paragraphs:
        key = keys.get(paragraph.index)
        node = key.removeprefix("node:") if key and key.startswith("node:") else None
        inserted = len(changes.insertions)
        _classify(paragraph, key, node, last, changes, (ours.get(key or ""), lang))
        _take_comments(paragraph, word, node, our_comments, changes)
        if len(changes.insertions) > inserted:
            last = f"+{inserted}"  # what follows an inserted paragraph follows it
        elif node is not None:
            last = node
    _pair_moves(changes)
    return changes


def _classify(paragraph: TrackedParagraph, key: str | None, node: str | None, last: str | None,
              changes: Changes, ours: tuple[WordParagraph | None, str]) -> None:
    """Add the change one paragraph makes (none when its words did not change)."""
    before, after = paragraph.before.strip(), paragraph.after.strip()
    mine, lang = ours
    if before == after:
        return
    if _derived(key, paragraph.style):
        changes.unplaced.append(Unplaced(after or before, f"{_what(key, paragraph.style)} follows from the draft"))
    elif not before:
        changes.insertions.append(Insertion(last, after, paragraph.style, move=paragraph.move))
    elif node is None:
        changes.unplaced.append(Unplaced(after or before, "no node of the draft renders to this paragraph"))
    elif after and paragraph.style.lower().startswith("heading"):
        changes.unplaced.append(Unplaced(after, f"a heading's new words (was: {before}); options hold clauses' text"))
    elif not after:
        changes.deletions.append(Deletion(node, before, paragraph.move))
    elif has_options(mine):
        _option_text(node, mine, before, after, changes)
    elif tables_options(before, after, lang):
        changes.unplaced.append(Unplaced(after, "a change inside a paragraph with options: options tabled in the "
                                                "new text, with their own proposers"))
    else:
        changes.texts.append(TextChange(node, before, after))


def _option_text(node: str, mine: WordParagraph, before: str, after: str, changes: Changes) -> None:
    """Add a change to a paragraph with options: the new words of the option it lies within, else unplaced."""
    found = option_change(mine, before, after)
    if found.sentence is not None:
        changes.texts.append(TextChange(node, *found.sentence, in_option=True, inline=True))
    elif found.text is None:
        changes.unplaced.append(Unplaced(after, found.why or ""))
    else:
        changes.texts.append(TextChange(node, before, found.text, in_option=True))


def _derived(key: str | None, style: str) -> bool:
    """Return whether a paragraph is written from the draft's metadata or structure (contents, round line …)."""
    prefix = (key or "").split(":")[0]
    return prefix in DERIVED or style.lower().startswith("toc")


def _what(key: str | None, style: str) -> str:
    """Return what a derived paragraph is, in words ('the contents', 'the round line' …)."""
    prefix = (key or "toc").split(":")[0]
    if style.lower().startswith("toc"):
        prefix = "toc"
    words = {"toc": "the contents", "contents": "the contents", "round": "the round line", "title": "the title",
             "subtitle": "the short title", "testimonium": "the testimonium", "party": "a signature block"}
    return words.get(prefix, "this paragraph")


def _take_comments(paragraph: TrackedParagraph, word: TrackedWord, node: str | None, ours: set[str],
                   changes: Changes) -> None:
    """Add the partner's comments anchored in a paragraph: on its node, else unplaced."""
    for comment_id in paragraph.comments:
        comment = word.comments.get(comment_id)
        if comment is None or not comment.text or comment.text in ours or comment.generated:
            continue
        if node is None:
            changes.unplaced.append(Unplaced(comment.text, "a comment on a paragraph no node renders to"))
        else:
            changes.comments.append(Comment(node, comment.text))


def _pair_moves(changes: Changes) -> None:
    """Pair each deletion with the insertion it moved to: by the move's name, else by the same words."""
    free = list(changes.insertions)
    for deletion in changes.deletions:
        partner = next((item for item in free if deletion.move and item.move == deletion.move), None)
        partner = partner or next((item for item in free if item.text == deletion.text), None)
        if partner is not None:
            free.remove(partner)
            deletion.moved_to = partner
            partner.moved_from = deletion.node
