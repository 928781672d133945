"""Adding a node by inserting its own lines keeps every other byte, reads as the whole-document edit, and gives way
to that edit when the layout at the place is not plain."""

from __future__ import annotations

import difflib

import pytest

from agreements.drafts import load_agreement
from agreements.edit import draft as draft_module
from agreements.edit.add import add_option
from agreements.examples import example_bytes
from agreements.index import index_of
from agreements.yamlsource import read_yaml
from tests.conftest import BASE_DRAFT, mutate

OPTION = "end_war/on-signature"
COMMENTED = {  # comments the insertion must keep where they are
    "  - id: final\n": "\n  # ------------------------------------------------ Final provisions\n  - id: final\n",
    "            pullback_km: 10\n": "            pullback_km: 10  # kilometres from the line\n",
    "      - id: unc-article\n": "      # the UN Command: dissolved\n      - id: unc-article\n",
}


def base_text() -> str:
    """Return the text of the small valid draft."""
    return BASE_DRAFT.read_text(encoding="utf-8")


def commented_base() -> str:
    """Return the base draft with comments between siblings and after a value."""
    text = base_text()
    for old, new in COMMENTED.items():
        text = mutate(text, old, new)
    return text


def add_to(tmp_path, monkeypatch, text: str, under: str | None, whole: bool = False) -> tuple[str, bool]:
    """Return a draft's text after adding the option (under a node), and whether the whole document was edited."""
    path = tmp_path / ("whole.yaml" if whole else "draft.yaml")
    path.write_bytes(text.encode("utf-8"))
    edited_whole = []
    real = draft_module._edit_whole
    monkeypatch.setattr(draft_module, "_edit_whole", lambda *arguments: edited_whole.append(1) or real(*arguments))
    if whole:
        monkeypatch.setattr(draft_module, "insert_node_lines", lambda *arguments: None)
    add_option(str(path), OPTION, under=under, as_id="end-war.added")
    monkeypatch.undo()
    return path.read_bytes().decode("utf-8"), bool(edited_whole)


def only_inserts(old: str, new: str) -> bool:
    """Return whether new is old with lines inserted only, every old line kept byte for byte and in order."""
    matcher = difflib.SequenceMatcher(None, old.splitlines(keepends=True), new.splitlines(keepends=True),
                                      autojunk=False)
    return {tag for tag, *_ in matcher.get_opcodes()} == {"equal", "insert"}


@pytest.mark.parametrize("under", [None, "military", "unc-article", "unc.status"])
def test_an_added_node_keeps_every_byte_and_comment_and_reads_as_the_whole_edit(tmp_path, monkeypatch, under):
    """At the end of the body, of a part, of an article, and under a clause with no children yet."""
    text = commented_base()
    new_text, edited_whole = add_to(tmp_path, monkeypatch, text, under)
    whole_text, _ = add_to(tmp_path, monkeypatch, text, under, whole=True)
    assert not edited_whole
    assert only_inserts(text, new_text)
    assert read_yaml(new_text, "lines")[0] == read_yaml(whole_text, "whole")[0]


def test_the_added_lines_are_indented_as_the_siblings_they_follow(tmp_path, monkeypatch):
    """An article added to a part is led as the part's other articles."""
    new_text, _ = add_to(tmp_path, monkeypatch, base_text(), "military")
    assert "      - id: art.end-war.added\n        kind: article\n        heading: {" in new_text
    assert "        children:\n          - id: end-war.added\n            kind: end_of_war_and_non_aggression\n" in new_text


def test_a_list_written_empty_is_opened_in_its_line(tmp_path, monkeypatch):
    """`children: []` becomes `children:` with the node below it; every other line is kept."""
    text = mutate(base_text(), "            transferred_to: jmc\n",
                  "            transferred_to: jmc\n            children: []\n")
    new_text, edited_whole = add_to(tmp_path, monkeypatch, text, "unc.status")
    assert not edited_whole
    assert "            children:\n              - id: end-war.added\n" in new_text
    assert new_text.replace("            children:\n", "            children: []\n", 1).startswith(
        text.split("            children: []\n")[0])
    assert read_yaml(new_text, "lines")[0] == read_yaml(add_to(tmp_path, monkeypatch, text, "unc.status",
                                                               whole=True)[0], "whole")[0]


FLOW_CHILDREN = ("        children: [{id: unc.status, kind: un_command_status, status: agreed, disposition: dissolve, "
                 "effective: {after: pullback.distance, days: 30}, functions_transferred: "
                 "[military_armistice_commission], transferred_to: jmc}]\n")
UNUSUAL = {
    "flow-style children": (lambda text: text.replace(text[text.index("        children:\n          - id: unc.status"):
                                                            text.index("  - id: final\n")], FLOW_CHILDREN),
                            "unc-article"),
    "a comment after the last sibling": (lambda text: mutate(text, "            transferred_to: jmc\n",
                                                             "            transferred_to: jmc\n"
                                                             "          # a paragraph on the NNSC to come\n"),
                                         "unc-article"),
    "CRLF line endings": (lambda text: text.replace("\n", "\r\n"), None),
    "no newline at the end": (lambda text: text.rstrip("\n"), None),
}


@pytest.mark.parametrize("layout", UNUSUAL)
def test_an_unusual_layout_is_left_to_the_whole_document_edit(tmp_path, monkeypatch, layout):
    """The insertion gives way; the whole edit still adds the node."""
    change, under = UNUSUAL[layout]
    text = change(base_text())
    assert read_yaml(text, "unusual")[0] == read_yaml(base_text(), "base")[0]
    _, edited_whole = add_to(tmp_path, monkeypatch, text, under)
    assert edited_whole
    index = index_of(load_agreement(str(tmp_path / "draft.yaml")))
    assert "end-war.added" in index.by_id


def test_an_article_added_to_the_shipped_round_2_is_inserted_in_its_lines(tmp_path, monkeypatch):
    """Round 2 has comments between its parts; the new article still goes in by its own lines."""
    text = example_bytes("round-2").decode("utf-8")
    new_text, edited_whole = add_to(tmp_path, monkeypatch, text, None)
    whole_text, _ = add_to(tmp_path, monkeypatch, text, None, whole=True)
    assert not edited_whole
    assert only_inserts(text, new_text)
    assert read_yaml(new_text, "lines")[0] == read_yaml(whole_text, "whole")[0]
