"""Taking in a partner's copy of our Word text: its tracked changes and comments as its options on the draft."""

from __future__ import annotations

from dataclasses import dataclass, field

from ruamel.yaml.comments import CommentedMap

from agreements.diff.redline import paragraphs_of
from agreements.drafts import load_agreement
from agreements.edit.draft import edit_draft
from agreements.intake.changes import Unplaced, read_changes
from agreements.intake.keying import check_articles, paragraph_keys
from agreements.intake.placing import Placer, Taken
from agreements.model import Agreement
from agreements.render.docx.render import render_docx
from agreements.wordimport.source import guess_language
from agreements.wordimport.tracked import TrackedWord, read_tracked
from clauses.errors import InputError


@dataclass
class IntakeReport:
    """What was taken into the draft, what could not be placed, and whether the draft was written."""

    word: str
    draft: str
    party: str
    lang: str
    taken: list[Taken] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    written: bool = False
    nothing: bool = False  # the Word file carries no tracked change and no comment

    def to_json(self) -> dict:
        """Return the report as plain data."""
        return {"word": self.word, "draft": self.draft, "party": self.party, "lang": self.lang,
                "written": self.written,
                "taken": [{"node": item.node, "change": item.what, "text": item.text} for item in self.taken],
                "not_placed": [{"text": item.text, "reason": item.why} for item in self.unplaced]}


def take_in(word_path: str, draft_path: str, party: str, lang: str | None = None,
            dry_run: bool = False) -> IntakeReport:
    """Write a partner's tracked changes and comments into a draft as its options; return what was done."""
    agreement = load_agreement(draft_path)
    if party not in {entry.id for entry in agreement.parties}:
        known = ", ".join(entry.id for entry in agreement.parties)
        raise InputError(f"{draft_path}: --party {party}: no party of the draft has that id (parties: {known})",
                         "PD-E141")
    word = read_tracked(word_path)
    lang = lang or _language(word, agreement)
    report = IntakeReport(word_path, draft_path, party, lang)
    ours = paragraphs_of(agreement, lang)
    keys = paragraph_keys(word.paragraphs, ours, lang)
    check_articles(agreement, keys, ours, word_path, draft_path)
    if not word.has_changes():
        report.nothing = True
        return report
    changes = read_changes(word, keys, our_comments(agreement, lang), {item.key: item for item in ours},
                           lang)
    if not (changes.texts or changes.insertions or changes.deletions or changes.comments or changes.unplaced):
        report.nothing = True
        return report

    def change(document: CommentedMap, before: Agreement) -> str:
        placer = Placer(document, before, party, lang)
        placer.place(changes)
        report.taken, report.unplaced = placer.taken, placer.unplaced
        return f"{changes_taken(len(placer.taken))} taken"

    edit_draft(draft_path, change, dry_run=dry_run)
    report.written = not dry_run and bool(report.taken)
    return report


def changes_taken(count: int) -> str:
    """Return a count of changes in words: '1 change', '2 changes'."""
    return f"{count} change" if count == 1 else f"{count} changes"


def _language(word: TrackedWord, agreement: Agreement) -> str:
    """Return the document's language as its script says, when the draft is written in it."""
    found = guess_language([paragraph.before for paragraph in word.paragraphs])
    return found if found in agreement.meta.languages else agreement.meta.languages[0]


def our_comments(agreement: Agreement, lang: str) -> set[str]:
    """Return the texts of the comments our own render of the draft carries (proposers, positions)."""
    import io

    import docx

    document = docx.Document(io.BytesIO(render_docx(agreement, lang)))
    return {comment.text.strip() for comment in document.comments}
