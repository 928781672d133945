"""Footnotes in a diff: a footnote added, removed or reworded is reported, and tracked inside it in the redline."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from agreements.diff.compare import compare_agreements
from agreements.diff.redline import redline_docx
from agreements.drafts import load_agreement
from agreements.examples import example_path
from agreements.model import Agreement
from agreements.render.docx.render import render_docx
from tests.agreements.diff.reviewer import Reviewer
from tests.agreements.render.docx.revisions import W, accept_all, reject_all
from tests.libreoffice import need_libreoffice

ROUND_1 = load_agreement(str(example_path("round-1")))
NOTE = "Within the meaning of the 1953 Armistice Agreement."


def with_footnotes(first: str | None, second: str | None) -> Agreement:
    """Return round 1 with footnotes (in English) on its first two recitals, None for none."""
    data = ROUND_1.model_dump(mode="json")
    for recital, text in zip(data["preamble"], (first, second)):
        if text is not None:
            recital["footnote"] = {"en": text}
    return Agreement.model_validate(data)


OLD = with_footnotes(NOTE, NOTE)
NEW = with_footnotes(NOTE.replace("the 1953", "the whole 1953"), None)


def part(data: bytes, name: str) -> etree._Element:
    """Return the root of a part of a Word file."""
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def footnote_texts(root: etree._Element) -> list[str]:
    """Return the texts of the footnotes (not the separators) of a footnotes part whose changes are resolved."""
    assert not [node for node in root.iter(f"{W}ins", f"{W}del", f"{W}delText")]
    return ["".join(note.itertext()).strip() for note in root.iter(f"{W}footnote") if note.get(f"{W}type") is None]


def test_a_footnote_reworded_or_removed_is_a_text_change_said_changed_or_removed():
    changes = [change for change in compare_agreements(OLD, NEW).changes if change.details.get("field") == "footnote"]
    assert [change.summary for change in changes] == [
        "preamble.end-of-war: footnote changed (en +1 −0 words): + “whole”",
        "preamble.charter: footnote removed (en +0 −8 words): − “Within the meaning of the 1953 Armistice…”"]


def test_the_redline_tracks_the_words_inside_a_footnote_and_a_footnote_that_went():
    data = redline_docx(OLD, NEW, compare_agreements(OLD, NEW), "en", "Reviewer")
    notes = part(data, "word/footnotes.xml")
    assert ["".join(node.itertext()) for node in notes.iter(f"{W}ins")] == ["whole "]
    assert footnote_texts(accept_all(notes))[0] == NEW.preamble[0].footnote["en"]
    assert footnote_texts(reject_all(notes)) == [NOTE, NOTE]
    deleted = [node for node in part(data, "word/document.xml").iter(f"{W}del")
               if node.find(f"{W}r/{W}footnoteReference") is not None]
    assert len(deleted) == 1


def test_a_footnote_that_came_is_inserted_with_its_reference():
    data = redline_docx(NEW, OLD, compare_agreements(NEW, OLD), "en", "Reviewer")
    inserted = [node for node in part(data, "word/document.xml").iter(f"{W}ins")
                if node.find(f"{W}r/{W}footnoteReference") is not None]
    assert len(inserted) == 1


@pytest.fixture(scope="module")
def reviewer(tmp_path_factory):
    """Start one LibreOffice for the module (skipped where LibreOffice is absent, unless CI requires it)."""
    need_libreoffice()
    server = Reviewer(tmp_path_factory.mktemp("footnotes"))
    yield server
    server.close()


@pytest.mark.parametrize("old, new", [(OLD, NEW), (NEW, OLD)], ids=["reworded-and-removed", "reworded-and-added"])
def test_libreoffice_accepts_and_rejects_footnote_changes_exactly(reviewer, old, new):
    redline = redline_docx(old, new, compare_agreements(old, new), "en", "Reviewer")
    found = reviewer.check("footnotes", redline, render_docx(old, "en"), render_docx(new, "en"))
    assert [note.strip() for note in found["accept"]["footnotes"]] == [
        text for text in (recital.footnote and recital.footnote["en"] for recital in new.preamble) if text]
