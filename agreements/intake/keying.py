"""Which node each paragraph of a partner's copy stands for: its text before the partner's changes, keyed on ours.

The partner's copy is our own render with changes tracked in it, so rejecting them gives our render again:
its paragraphs are aligned in order with the Word paragraphs our draft renders to (by text), and take their
keys ('node:<id>'); a paragraph the alignment leaves over is paired, in order, with one of ours whose words it
mostly shares.
"""

from __future__ import annotations

import difflib

from agreements.model import Agreement
from agreements.render.docx.paragraphs import WordParagraph
from agreements.wordimport.alignment import Listed, similarity
from agreements.wordimport.tracked import TrackedParagraph
from clauses.errors import InputError
from clauses.languages import language

CLOSE = 0.5  # a left-over paragraph takes the key of ours in its place when they share this much (Jaccard)


def paragraph_keys(paragraphs: list[TrackedParagraph], ours: list[WordParagraph], lang: str) -> dict[int, str]:
    """Return, by Word paragraph index, the key of our paragraph its text before the changes is."""
    present = [paragraph for paragraph in paragraphs if paragraph.before.strip()]
    theirs_text = [paragraph.before for paragraph in present]
    our_text = [paragraph.text for paragraph in ours]
    keys: dict[int, str] = {}
    matcher = difflib.SequenceMatcher(None, theirs_text, our_text, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            keys.update({present[i1 + k].index: ours[j1 + k].key for k in range(i2 - i1)})
        elif tag == "replace":
            keys.update(_close_pairs(present[i1:i2], ours[j1:j2], lang))
    return keys


def _close_pairs(theirs: list[TrackedParagraph], ours: list[WordParagraph], lang: str) -> dict[int, str]:
    """Return keys for left-over paragraphs paired in order with ours whose words they mostly share."""
    pairs = {}
    by_pairs = language(lang).matching != "words"
    for mine, paragraph in zip(ours, theirs):
        if similarity(Listed("text", paragraph.before), Listed("text", mine.text), by_pairs) >= CLOSE:
            pairs[paragraph.index] = mine.key
    return pairs


def check_articles(agreement: Agreement, keys: dict[int, str], ours: list[WordParagraph], path: str,
                   draft: str) -> None:
    """Raise InputError naming the first of the draft's articles the Word file does not hold (another agreement)."""
    found = set(keys.values())
    articles = {node.id for node in _articles(agreement)}
    names = {paragraph.key.removeprefix("toc:"): paragraph.text.split("\t")[0].strip() for paragraph in ours}
    for paragraph in ours:
        node_id = paragraph.key.removeprefix("node:")
        if node_id in articles and paragraph.key not in found:
            message = f"{path}: not a copy of {draft}: {names.get(node_id, node_id)} ({node_id}) is not in it"
            raise InputError(message, "PD-E140")


def _articles(agreement: Agreement) -> list:
    """Return the draft's articles, in parts or not, in the body and in the annexes."""
    found = []
    for node in [*agreement.body, *agreement.annexes]:
        for child in [node, *getattr(node, "children", [])]:
            if getattr(child, "kind", None) == "article":
                found.append(child)
    return found
