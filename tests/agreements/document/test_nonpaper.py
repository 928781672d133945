"""A non-paper's document tree: the draft without attribution, its mark, its neutral author."""

from __future__ import annotations

from agreements.document.blocks import Bracket
from agreements.document.compose import compose
from agreements.document.nonpaper import without_attribution
from agreements.render.text import render_document
from agreements.tree import iter_models
from clauses.base import Node
from clauses.languages import language
from tests.nonpaper import attributed_notes, attribution_patterns, rounds


def test_without_attribution_takes_out_proposers_positions_and_notes_and_keeps_the_parties(tmp_path):
    draft = rounds(tmp_path)[1]
    copy = without_attribution(draft)
    nodes = [visit.model for visit in iter_models(copy) if isinstance(visit.model, Node)]
    assert not any(node.proposed_by or node.positions or node.note for node in nodes)
    assert not any(alternative.proposed_by for node in nodes for alternative in node.alternatives)
    assert copy.meta.drafted_by is None
    assert [party.id for party in copy.parties] == [party.id for party in draft.parties]
    assert sum(bool(node.alternatives) for node in nodes) > 5  # the options stay, unattributed
    original = [visit.model for visit in iter_models(draft) if isinstance(visit.model, Node)]
    assert any(node.positions for node in original) and any(node.note for node in original)  # the draft is untouched


def test_compose_non_paper_has_no_proposers_and_is_marked_with_a_neutral_author(tmp_path):
    draft = rounds(tmp_path)[1]
    document = compose(draft, ["en", "ko", "zh"], non_paper=True)
    options = [option for block in document.walk() for text in block.texts.values() for inline in text.inlines
               if isinstance(inline, Bracket) for option in inline.options]
    assert options and not any(option.proposers for option in options)
    assert not any(block.note for block in document.walk())
    notes = [note for block in document.walk() for text in block.texts.values() for note in text.notes]
    assert not any(language(lang).phrase("positions", positions="") in note
                   for note in notes for lang in ("en", "ko", "zh"))
    for lang in ("en", "ko", "zh"):
        mark = language(lang).phrase("non_paper_mark")
        assert document.settings["header"][lang] == mark
        assert document.settings["non_paper_mark"][lang] == mark
        assert document.settings["author"][lang] == language(lang).phrase("non_paper_author")
        assert document.find("draft_mark").text(lang).inlines == [mark]
    assert "note_author" not in document.settings


def test_an_ordinary_document_keeps_its_proposers(tmp_path):
    draft = rounds(tmp_path)[1]
    document = compose(draft, ["en"])
    assert any(option.proposers for block in document.walk() for inline in block.text("en").inlines
               if isinstance(inline, Bracket) for option in inline.options)
    assert "author" not in document.settings and "non_paper_mark" not in document.settings


def test_a_non_paper_is_never_internal(tmp_path):
    draft = rounds(tmp_path)[1]
    document = compose(draft, ["en"], internal=True, non_paper=True)
    assert not any(block.note for block in document.walk()) and "note_author" not in document.settings


def test_text_and_markdown_open_with_the_mark_and_label_options_neutrally(tmp_path):
    agreements = rounds(tmp_path)
    patterns, notes = attribution_patterns(agreements), attributed_notes(agreements)
    labels = {"en": "[Option B: ", "ko": "[B안: ", "zh": "［方案B："}
    for lang, label in labels.items():
        for markdown in (False, True):
            text = render_document(agreements[1], lang, markdown, non_paper=True)
            mark = language(lang).phrase("non_paper_mark")
            assert text.splitlines()[0] == (f"*{mark}*" if markdown else mark)
            assert label in text
            assert [pattern for pattern in patterns if pattern in text] == []
            assert [note for note in notes if note in text] == []
        ordinary = render_document(agreements[1], lang)
        assert [pattern for pattern in patterns if pattern in ordinary], "the patterns find proposers when present"
