"""Intake: our own redline of round 1 to round 2, taken in as one party's changes, carries every change of round 2."""

from __future__ import annotations

import shutil

import pytest

from agreements.diff.compare import compare_agreements
from agreements.diff.redline import paragraphs_of, redline_docx
from agreements.drafts import load_agreement
from agreements.examples import example_path
from agreements.intake.intake import take_in
from agreements.intake.options import has_options, tables_options
from agreements.index import index_of

ROUND_1, ROUND_2 = load_agreement(str(example_path("round-1"))), load_agreement(str(example_path("round-2")))


def _node_texts(agreement, lang: str) -> dict[str, str]:
    """Return each node's rendered paragraph in one language, by id."""
    return {item.key.removeprefix("node:"): item.text.strip() for item in paragraphs_of(agreement, lang)
            if item.key.startswith("node:")}


@pytest.fixture(scope="module", params=["en", "ko", "zh"])
def taken(request, tmp_path_factory):
    """Return the language, the report and round 1 after taking in the redline to round 2 as the DPRK's."""
    lang = request.param
    folder = tmp_path_factory.mktemp(f"intake-{lang}")
    word = folder / "r.docx"
    word.write_bytes(redline_docx(ROUND_1, ROUND_2, compare_agreements(ROUND_1, ROUND_2), lang))
    draft = folder / "draft.yaml"
    shutil.copy(example_path("round-1"), draft)
    report = take_in(str(word), str(draft), "dprk")
    return lang, report, load_agreement(str(draft))


def test_every_changed_node_of_round_2_has_the_partners_option(taken):
    lang, report, after = taken
    old, new = _node_texts(ROUND_1, lang), _node_texts(ROUND_2, lang)
    index = index_of(after)
    headings = {node_id for node_id in old if index.model(node_id).__class__.__name__ in ("Article", "Part")}
    for node_id in sorted(set(old) & set(new) - headings - _with_options(lang)):
        if old[node_id] == new[node_id]:
            continue
        options = [alt for alt in index.model(node_id).alternatives if alt.proposed_by == ["dprk"]]
        texts = [_rendered(after, node_id, alt, lang) for alt in options if not alt.delete]
        texts += [index.model(item.node).text[lang] for item in report.taken
                  if item.what == f"new paragraph (moved from {node_id})"]  # a moved node's words at its new place
        assert new[node_id] in texts, node_id


def _with_options(lang: str) -> set[str]:
    """Return the nodes whose paragraph shows options in round 1 or tables them in round 2."""
    old = {item.key.removeprefix("node:"): item for item in paragraphs_of(ROUND_1, lang)}
    new = _node_texts(ROUND_2, lang)
    return {node_id for node_id, item in old.items()
            if has_options(item) or tables_options(item.text, new.get(node_id, ""), lang)}


def test_a_paragraph_with_options_never_becomes_one_option_of_the_party(taken):
    lang, report, after = taken
    before, index = index_of(ROUND_1), index_of(after)
    for node_id in sorted(_with_options(lang)):
        if before.model(node_id) is not None and hasattr(before.model(node_id), "alternatives"):
            added = index.model(node_id).alternatives[len(before.model(node_id).alternatives):]
            assert [alt for alt in added if not alt.delete] == [], node_id  # a moved node's old place: delete
    reasons = [item.why for item in report.unplaced if item.why.startswith("a change inside a paragraph with options")]
    assert len(reasons) == 11
    assert [item.node for item in report.taken if tables_options("", item.text, lang)] == []


def test_no_position_note_comes_from_the_redlines_own_comments(taken):
    lang, report, after = taken
    assert [item for item in report.taken if item.what == "position note"] == []
    before = index_of(ROUND_1)
    changed = [node.id for node in index_of(after).clauses() if before.model(node.id) is not None
               and node.positions != before.model(node.id).positions]
    assert changed == [item.node for item in report.taken if item.what.startswith("delete (moved to")
                       and before.model(item.node).__class__.__name__ not in ("Article", "Part")]


def _rendered(agreement, node_id: str, alternative, lang: str) -> str:
    """Return what an option reads: its text, or the node rendered with its parameters set."""
    if alternative.text:
        return alternative.text[lang]
    data = agreement.model_dump(mode="json", exclude_defaults=True)
    variant = index_of(agreement).model(node_id).variant(alternative)
    rendered = load_like(data, node_id, variant)
    return _node_texts(rendered, lang)[node_id]


def load_like(data: dict, node_id: str, variant) -> object:
    """Return the draft with one node replaced by its variant, without options."""
    from agreements.model import Agreement
    from agreements.intake.typed import _find

    node = _find(data, node_id)
    children = node.get("children", [])
    node.clear()
    node.update(variant.model_dump(mode="json", exclude_defaults=True), children=children, status="agreed")
    return Agreement.model_validate(data)


def test_a_number_that_is_a_parameter_becomes_a_typed_option(taken):
    lang, report, after = taken
    option = index_of(after).model("force.guard-posts").alternatives[-1]
    assert option.set == {"deadline": {"after": "entry_into_force", "days": 180}}
    assert ("force.guard-posts", "deadline.days 90 → 180") in [(item.node, item.what) for item in report.taken]


def test_deleted_paragraphs_become_delete_options_and_the_node_is_bracketed(taken):
    lang, report, after = taken
    model = index_of(after).model("interim.restraint")
    assert [alt.delete for alt in model.alternatives] == [True]
    assert model.status == "bracketed"


def test_inserted_paragraphs_become_pending_nodes_of_the_party(taken):
    lang, report, after = taken
    old, new = _node_texts(ROUND_1, lang), _node_texts(ROUND_2, lang)
    added = {new[node_id] for node_id in set(new) - set(old) if not node_id.startswith(("annex", "art."))}
    ours = {item.text.strip() for item in paragraphs_of(after, lang)}
    mine = [node for node in index_of(after).clauses() if "dprk-" in node.id]
    assert all(node.status == "pending" and node.proposed_by == ["dprk"] for node in mine)
    assert added - {node.text[lang] for node in mine} <= _in_annex(new, ROUND_2)
    assert ours


def _in_annex(texts: dict[str, str], agreement) -> set[str]:
    """Return the texts of an agreement's annexes (a new annex is structure: reported, not taken)."""
    ids = {child.id for annex in agreement.annexes for child in annex.children}
    return {text for node_id, text in texts.items() if node_id in ids}


def test_a_moved_paragraph_is_deleted_at_its_old_place_and_pending_at_the_new(taken):
    lang, report, after = taken
    index = index_of(after)
    assert [alt.delete for alt in index.model("prisoners.families").alternatives] == [True]
    moved = [item for item in report.taken if item.what == "new paragraph (moved from prisoners.families)"]
    assert len(moved) == 1 and index.model(moved[0].node).note.startswith("Moved here from prisoners.families")


def test_what_cannot_be_placed_is_reported_with_its_text(taken):
    lang, report, after = taken
    reasons = {item.why.split(" (")[0] for item in report.unplaced}
    assert "the contents follows from the draft" in reasons
    assert any("inserted paragraph" in item.why for item in report.unplaced)  # the new annex
