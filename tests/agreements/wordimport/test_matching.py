"""A Word side keyed on the other side's ids: any draft, however bare, and paragraphs matched by their text."""

from __future__ import annotations

from pathlib import Path

import docx

from agreements.diff.compare import compare_agreements
from agreements.diff.versions import load_sides
from agreements.drafts import parse_agreement
from agreements.model import Agreement
from agreements.wordimport.matching import keyed_like, text_view
from agreements.wordimport.reader import Imported

TWENTY = ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve",
          "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen", "Twenty"]
TITLE = [("Title", "Agreement on Paragraphs")]
BARE = """peacedraft: 1
meta: {title: {en: A bare draft}, form: peace_agreement, round: 1, version: R1, date: 2027-01-15, languages: [en]}
parties:
  - {id: rok, names: {en: Republic of Korea}, role: signatory}
  - {id: dprk, names: {en: DPRK}, role: signatory}
"""


def word_file(path: Path, paragraphs: list[tuple[str, str]]) -> str:
    """Write a Word file of (style, text) paragraphs and return its path."""
    document = docx.Document()
    for style, text in paragraphs:
        document.add_paragraph(text, style=style)
    document.save(str(path))
    return str(path)


def imported(data: dict) -> Imported:
    """Return an import's result holding plain draft data."""
    return Imported(data)


def bare_data(**parts) -> dict:
    """Return the draft data of an import with only what is given besides its metadata and parties."""
    data = {"peacedraft": 1, "meta": {"title": {"en": "Imported"}, "form": "peace_agreement", "round": 1,
                                      "version": "imported", "date": "2027-01-15", "languages": ["en"]},
            "parties": [{"id": "p1", "names": {"en": "P1"}, "role": "signatory"},
                        {"id": "p2", "names": {"en": "P2"}, "role": "signatory"}]}
    return {**data, **parts}


def test_a_side_without_parts_or_articles_is_keyed():
    ours = Agreement.model_validate(bare_data(preamble=[{"id": "r1", "text": {"en": "One"}}]))
    theirs = keyed_like(ours, imported(bare_data(preamble=[{"id": "preamble.r1", "text": {"en": "One"}},
                                                           {"id": "preamble.r2", "text": {"en": "Two"}}])), "B")
    assert [recital.id for recital in theirs.preamble] == ["r1", "word.preamble.r2"] and theirs.body == []


def test_a_draft_without_a_body_against_a_word_side_without_one():
    ours = text_view(parse_agreement(BARE, "bare.yaml"), "en")
    theirs = keyed_like(ours, imported(bare_data()), "B")
    assert (theirs.preamble, theirs.body) == ([], [])


def test_a_part_without_articles_is_keyed():
    part = {"id": "part-1", "kind": "part", "heading": {"en": "General"}}
    ours = Agreement.model_validate(bare_data(body=[part]))
    theirs = keyed_like(ours, imported(bare_data(body=[{**part, "id": "part-9"}])), "B")
    assert [node.id for node in theirs.body] == ["part-1"]


def test_one_paragraph_inserted_in_a_word_file_is_one_insertion(tmp_path):
    before = word_file(tmp_path / "before.docx", TITLE + [("Normal", text) for text in TWENTY])
    after = word_file(tmp_path / "after.docx", TITLE + [("Normal", text) for text in [*TWENTY[:2], *TWENTY[3:19],
                                                                                       "19.5", TWENTY[19]]])
    sides = load_sides(before, after)
    changes = [change for change in compare_agreements(sides.old, sides.new).changes if change.kind != "meta"]
    assert sorted((change.kind, change.summary.split(" ", 1)[1]) for change in changes) == [
        ("added", "added as recital 19 of the preamble"), ("removed", "removed (was recital 3 of the preamble)")]


def test_paragraphs_of_a_word_file_keep_their_partners_when_one_is_inserted_at_the_start(tmp_path):
    texts = [f"The Parties agree to paragraph {word.lower()}." for word in TWENTY]
    before = word_file(tmp_path / "before.docx", TITLE + [("Normal", text) for text in texts])
    after = word_file(tmp_path / "after.docx", TITLE + [("Normal", text) for text in ["A new first paragraph.",
                                                                                        *texts]])
    sides = load_sides(before, after)
    changes = [change for change in compare_agreements(sides.old, sides.new).changes if change.kind != "meta"]
    assert [change.kind for change in changes] == ["added"]
