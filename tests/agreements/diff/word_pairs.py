"""The before/after pairs of real Word files in ../shared/reference/real-docx, read as a reader reads them.

A file's text is its paragraphs as Word shows them with every tracked change accepted: the body's paragraphs in
order, a table's cell by cell, a line break starting a new line; its footnotes apart. Texts are compared
normalised: white space at either end left out, each run of spaces and tabs one space (a no-break or any other
space stays what it is), empty lines left out.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from lxml import etree

from agreements.index import index_of
from agreements.model import Agreement

REAL_DOCX = Path(__file__).resolve().parents[4] / "shared" / "reference" / "real-docx"
# the comparison pairs SOURCES.md lists there, before → after
PAIRS = [
    ("oxpt--WC001-Digits", "oxpt--WC001-Digits-Mod"),
    ("oxpt--WC001-Digits", "oxpt--WC001-Digits-Deleted-Paragraph"),
    ("oxpt--WC004-Large", "oxpt--WC004-Large-Mod"),
    ("oxpt--WC027-Twenty-Paras-Before", "oxpt--WC027-Twenty-Paras-After-1"),
    ("oxpt--WC027-Twenty-Paras-Before", "oxpt--WC027-Twenty-Paras-After-3"),
    ("oxpt--WC034-Footnotes-Before", "oxpt--WC034-Footnotes-After1"),
    ("oxpt--WC055-French", "oxpt--WC055-French-Mod"),
    ("oxpt--WC056-French", "oxpt--WC056-French-Mod"),
    ("openagr--common-paper-csa-without-sla", "openagr--common-paper-csa-with-sla"),
    ("openagr--common-paper-cloud-service-agreement", "openagr--common-paper-csa-with-ai"),
]
PAIR_IDS = [f"{old}→{new.rsplit('-', 1)[-1] if new.startswith(old) else new}" for old, new in PAIRS]
REMOVED = {qn("w:del"), qn("w:moveFrom")}
SPACES = re.compile(r"[ \t]+")
WORDS = re.compile(r"\w+|[^\S \t\n]")  # words, and every white space but a plain space, a tab or a line break


def need_real_docx() -> None:
    """Skip the calling test where ../shared/reference/real-docx is absent."""
    if not REAL_DOCX.is_dir():
        pytest.skip(f"the real Word files folder {REAL_DOCX} is missing")


def path_of(name: str) -> str:
    """Return the path of a real Word file by its name without suffix."""
    return str(REAL_DOCX / f"{name}.docx")


def normalised(texts: list[str]) -> list[str]:
    """Return texts as lines compared: each line trimmed, spaces and tabs one space, empty lines left out."""
    lines = (SPACES.sub(" ", line).strip() for text in texts for line in text.split("\n"))
    return [line for line in lines if line]


def words(lines: list[str]) -> list[str]:
    """Return the words of lines in order, and the white space other than plain spaces (a no-break space …)."""
    return [word for line in lines for word in WORDS.findall(line)]


def accepted_text(element) -> str:
    """Return the text of a paragraph with tracked insertions kept and deletions left out; breaks as newlines."""
    parts = []
    for node in element.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")):
        if any(ancestor.tag in REMOVED for ancestor in node.iterancestors()):
            continue
        parts.append(node.text or "" if node.tag == qn("w:t") else "\t" if node.tag == qn("w:tab") else "\n")
    return "".join(parts)


def word_paragraphs(path: str) -> list[str]:
    """Return a Word file's paragraphs (a table's cell by cell), normalised."""
    body = docx.Document(path).element.body
    found = []
    for child in body.iterchildren(qn("w:p"), qn("w:tbl")):
        paragraphs = [child] if child.tag == qn("w:p") else child.iter(qn("w:p"))
        found += [accepted_text(paragraph) for paragraph in paragraphs]
    return normalised(found)


def word_footnotes(path: str) -> list[str]:
    """Return the texts of a Word file's footnotes (not the separators), normalised, in order."""
    part = docx.Document(path).part
    related = [rel.target_part for rel in part.rels.values() if rel.reltype == RELATIONSHIP_TYPE.FOOTNOTES]
    if not related:
        return []
    root = etree.fromstring(related[0].blob)
    notes = [note for note in root.iter(qn("w:footnote")) if note.get(qn("w:type")) in (None, "normal")]
    return [" ".join(normalised([accepted_text(paragraph) for paragraph in note.iter(qn("w:p"))]))
            for note in notes]


@dataclass
class Touched:
    """The paragraphs a diff touches, by index on either side: those that went or changed (old), those that came or
    changed (new), those only deleted and those only inserted; and how many it counts of each kind."""

    old: set[int] = field(default_factory=set)
    new: set[int] = field(default_factory=set)
    deleted: set[int] = field(default_factory=set)
    inserted: set[int] = field(default_factory=set)
    counts: dict[str, int] = field(default_factory=lambda: {"inserted": 0, "deleted": 0, "changed": 0})

    def agrees_with(self, plain: Touched) -> bool:
        """Return whether a report touches the paragraphs a plain diff touches, and reports as deleted and inserted
        the stretches the plain diff finds only deleted or only inserted."""
        return (self.old, self.new) == (plain.old, plain.new) and plain.deleted <= self.deleted \
            and plain.inserted <= self.inserted


def paragraph_diff(old: list[str], new: list[str]) -> Touched:
    """Return what a plain diff of two lists of paragraphs touches (difflib): a stretch only in the old list is
    deleted, one only in the new inserted, and a stretch replaced by another counted as changed paragraph for
    paragraph (what is left of the longer one as inserted or deleted)."""
    found = Touched()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        found.old.update(range(i1, i2))
        found.new.update(range(j1, j2))
        if tag == "delete":
            found.deleted.update(range(i1, i2))
        if tag == "insert":
            found.inserted.update(range(j1, j2))
        paired = min(i2 - i1, j2 - j1)
        found.counts["changed"] += paired
        found.counts["deleted"] += i2 - i1 - paired
        found.counts["inserted"] += j2 - j1 - paired
    return found


def paragraphs_of(agreement: Agreement, lang: str) -> list[tuple[str, str]]:
    """Return the paragraphs of a side as read, as (node id, text): its title ('meta'), recitals, parts' and
    articles' headings and clauses' texts in order, those without text left out (footnotes apart)."""
    found = [("meta", agreement.meta.title.get(lang, ""))]

    def walk(node) -> None:
        found.append((node.id, (getattr(node, "heading", None) or {}).get(lang)
                      or (getattr(node, "text", None) or {}).get(lang) or ""))
        for child in getattr(node, "children", []):
            walk(child)

    for node in [*agreement.preamble, *agreement.body, *agreement.annexes]:
        walk(node)
    return [(node_id, text) for node_id, text in found if normalised([text])]


def paragraph_texts(agreement: Agreement, lang: str) -> list[str]:
    """Return the texts of a side's paragraphs as read, each normalised to one line (a line break one space)."""
    return [" ".join(normalised([text])) for _, text in paragraphs_of(agreement, lang)]


def reported(comparison, lang: str) -> Touched:
    """Return the paragraphs a change report touches (paragraphs_of's indexes): a node added or removed with all it
    holds, a node whose text or heading changed, a node moved (gone from one place, come at another)."""
    sides = [{node_id: index for index, (node_id, _) in enumerate(paragraphs_of(agreement, lang))}
             for agreement in (comparison.old, comparison.new)]
    places = (index_of(comparison.old).places, index_of(comparison.new).places)
    found = Touched()
    for change in comparison.changes:
        if change.kind in ("added", "removed"):
            side = int(change.kind == "added")
            indexes = {sides[side][key] for key in _subtree(places[side][change.node].node) if key in sides[side]}
            (found.new if side else found.old).update(indexes)
            (found.inserted if side else found.deleted).update(indexes)
            found.counts["inserted" if side else "deleted"] += len(indexes)
        elif change.kind == "moved" or change.kind == "text" and change.details["field"] != "footnote":
            found.old.add(sides[0][change.node])
            found.new.add(sides[1][change.node])
            found.counts["changed"] += change.kind == "text"
    return found


def _subtree(node) -> list[str]:
    """Return the ids of a node and of everything it holds."""
    return [node.id, *(key for child in getattr(node, "children", []) for key in _subtree(child))]


def footnote_changes(comparison) -> int:
    """Return how many footnotes a change report says changed."""
    return sum(change.kind == "text" and change.details["field"] == "footnote" for change in comparison.changes)
