"""Editing a node by its own lines gives the same file as editing the whole document, and falls back when it cannot."""

from __future__ import annotations

import difflib

import pytest

from agreements.drafts import load_agreement
from agreements.edit import draft as draft_module
from agreements.edit import nodetext
from agreements.edit.draft import set_position, set_values
from agreements.examples import example_bytes
from agreements.index import index_of
from agreements.yamlsource import read_yaml
from clauses.base import ClauseBase
from tests.conftest import BASE_DRAFT

LEADS = ["", "  ", "    - "]


def whole_file_edit(monkeypatch):
    """Make every edit go through the whole round-trip document."""
    monkeypatch.setattr(draft_module, "edit_node_lines", lambda *arguments: None)


def fresh_clause_ids(path, party: str) -> list[str]:
    """Return the ids of the clauses of a draft with no note and no position of a party."""
    return [clause.id for clause in index_of(load_agreement(str(path))).clauses()
            if clause.note is None and party not in clause.positions]


@pytest.fixture(params=["base", "round-2"])
def source(request, tmp_path):
    """Return the bytes of a draft: the test base draft, or the shipped round 2."""
    return BASE_DRAFT.read_bytes() if request.param == "base" else example_bytes("round-2")


def test_a_node_edited_by_its_lines_reads_as_the_whole_file_edit_and_only_inserts(tmp_path, monkeypatch, source):
    """A note set and a position recorded on clauses give the data a whole edit gives, by inserting lines only."""
    fast, slow = tmp_path / "fast.yaml", tmp_path / "slow.yaml"
    fast.write_bytes(source)
    party = load_agreement(str(fast)).parties[0].id
    ids = fresh_clause_ids(fast, party)[::4]
    for node_id in ids:
        set_values(str(fast), node_id, ("note=checked in review",))
        set_position(str(fast), node_id, party, "reserve", "needs: a look")
    slow.write_bytes(source)
    whole_file_edit(monkeypatch)
    for node_id in ids:
        set_values(str(slow), node_id, ("note=checked in review",))
        set_position(str(slow), node_id, party, "reserve", "needs: a look")
    new_text = fast.read_text(encoding="utf-8")
    assert read_yaml(new_text, "fast")[0] == read_yaml(slow.read_text(encoding="utf-8"), "slow")[0]
    matcher = difflib.SequenceMatcher(None, source.decode("utf-8").splitlines(), new_text.splitlines(), autojunk=False)
    assert {tag for tag, *_ in matcher.get_opcodes()} == {"equal", "insert"}


def test_an_edit_by_lines_reads_the_file_once_and_loads_no_whole_document(tmp_path, monkeypatch):
    """set on round 2 parses the file twice (before, after) and never loads the whole document round-trip."""
    path = tmp_path / "d.yaml"
    path.write_bytes(example_bytes("round-2"))
    monkeypatch.setattr(draft_module, "load_document", lambda text: pytest.fail("whole document loaded"))
    set_values(str(path), "force.artillery", ("pullback_km=20",))
    assert "pullback_km: 20  # R1: 10 km" in path.read_text(encoding="utf-8")


def test_a_flow_mapping_node_is_edited_whole(tmp_path):
    """A node written in flow style has no block of lines of its own: the whole document is edited."""
    text = "body:\n  - {id: a, kind: text}\n  - id: b\n    kind: text\n"
    data, source = read_yaml(text, "d.yaml")
    lines = text.splitlines(keepends=True)
    assert nodetext.node_block(lines, source, ("body", 0)) is None
    assert nodetext.node_block(lines, source, ("body", 1)) == nodetext.Block(2, 4, 4, "  - ")
    assert nodetext.edit_node_lines(text, data, source, ("body", 0), lambda node: "changed") is None


@pytest.mark.parametrize("lead", LEADS)
def test_block_text_and_indented_put_a_block_back_as_it_was(lead):
    """Cutting a block out and indenting it back gives its lines unchanged."""
    indent = len(lead)
    lines = [f"{lead}id: x\n", f"{' ' * indent}kind: text  # a comment\n", "\n",
             f"{' ' * indent}text:\n", f"{' ' * indent}  en: words\n"]
    block = nodetext.Block(0, len(lines), indent, lead)
    own = nodetext.block_text(lines, block)
    assert own.splitlines()[0] == "id: x"
    assert nodetext.indented(own, block) == "".join(lines)


def test_a_block_ends_before_its_next_sibling_and_leaves_trailing_comments():
    """The block of an item stops at the next item, leaving blank and comment lines after it outside."""
    text = "body:\n  - id: a\n    kind: text\n    # about b\n\n  - id: b\n    kind: text\n"
    _, source = read_yaml(text, "d.yaml")
    block = nodetext.node_block(text.splitlines(keepends=True), source, ("body", 0))
    assert (block.start, block.end, block.indent, block.lead) == (1, 3, 4, "  - ")


def test_a_change_that_would_alter_another_node_falls_back(tmp_path, monkeypatch):
    """If the node's new lines read as anything but that node changed, the whole document is edited instead."""
    text = "body:\n  - id: a\n    kind: text\n  - id: b\n    kind: text\n"
    data, source = read_yaml(text, "d.yaml")

    def change(node):
        node["kind"] = "text\n  - id: c"  # a value that, written back, is still one scalar: accepted
        return "changed"

    edited = nodetext.edit_node_lines(text, data, source, ("body", 0), change)
    assert edited is not None and read_yaml(edited[0], "d.yaml")[0]["body"][1] == {"id": "b", "kind": "text"}
    monkeypatch.setattr(nodetext, "indented", lambda text, block: "- id: intruder\n" + text)
    assert nodetext.edit_node_lines(text, data, source, ("body", 0), lambda node: "changed") is None
