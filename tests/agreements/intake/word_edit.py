"""A partner's edits made in our Word text the way Word records them: a word replaced as a tracked change, a
comment typed by a person (no peacedraft mark in its initials)."""

from __future__ import annotations

import copy
import datetime
import io

import docx
from docx.oxml.ns import qn

PARTNER = "DPRK delegation"


def _find_run(document, old: str):
    """Return the first body run whose text holds a word."""
    for run in document.element.body.iter(qn("w:r")):
        text = run.find(qn("w:t"))
        if text is not None and text.text and old in text.text:
            return run
    raise AssertionError(f"no run holds {old!r}")


def replace_tracked(word: bytes, old: str, new: str) -> bytes:
    """Return a Word file with the first occurrence of a word replaced, as the partner's tracked change."""
    document = docx.Document(io.BytesIO(word))
    run = _find_run(document, old)
    text = run.find(qn("w:t")).text
    head, tail = text.split(old, 1)
    pieces = [_copy_run(run, head), _tracked("w:del", _copy_run(run, old, deleted=True)),
              _tracked("w:ins", _copy_run(run, new)), _copy_run(run, tail)]
    for piece in pieces:
        run.addprevious(piece)
    run.getparent().remove(run)
    return _saved(document)


def comment_on(word: bytes, words: str, text: str) -> bytes:
    """Return a Word file with the partner's comment on the run holding some words."""
    document = docx.Document(io.BytesIO(word))
    run = docx.text.run.Run(_find_run(document, words), None)
    document.add_comment(run, text=text, author=PARTNER, initials="DD")
    return _saved(document)


def _copy_run(run, text: str, deleted: bool = False):
    """Return a copy of a run holding other text (as deleted text when it is deleted)."""
    piece = copy.deepcopy(run)
    holder = piece.find(qn("w:t"))
    holder.text = text
    holder.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    if deleted:
        holder.tag = qn("w:delText")
    return piece


def _tracked(tag: str, run):
    """Return a run wrapped in a tracked insertion or deletion by the partner."""
    change = docx.oxml.OxmlElement(tag)
    change.set(qn("w:id"), "9001" if tag == "w:ins" else "9002")
    change.set(qn("w:author"), PARTNER)
    change.set(qn("w:date"), datetime.datetime(2027, 4, 1).strftime("%Y-%m-%dT%H:%M:%SZ"))
    change.append(run)
    return change


def _saved(document) -> bytes:
    """Return a document's bytes."""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
