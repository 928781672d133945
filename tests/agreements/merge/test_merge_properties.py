"""Merging two random edit scripts of one base: the result always loads; disjoint edits merge as if both were applied.

Edits: a word, a parameter, a status, a position, a paragraph added or deleted, an article moved. Where both
sides change one node's words or parameter, the merge brackets it with both versions, each proposed by its side;
where one deletes what the other changed, the deletion is an option. The CI profile runs 400 cases.
"""

from __future__ import annotations

import copy

from hypothesis import given
from hypothesis import strategies as st

from agreements.merge.merge import Version, merge_versions
from agreements.yamlsource import read_yaml
from tests.conftest import scaled
from tests.agreements.merge.edits import ARTICLES, TARGETS, apply, base_data, dumped, edited, find

BASE = base_data()
BASE_TEXT = dumped(BASE)


def _edit(name: str):
    """Return a strategy of one edit of a kind."""
    if name == "move":
        return st.tuples(st.just(name), st.sampled_from(ARTICLES), st.sampled_from(ARTICLES))
    return st.tuples(st.just(name), st.sampled_from(TARGETS[name]))


SCRIPTS = st.lists(st.sampled_from(sorted(TARGETS)).flatmap(_edit), min_size=1, max_size=4)


def _plain(text: str) -> dict:
    """Return a YAML text's plain data."""
    return read_yaml(text, "x.yaml")[0]


def _merge(ours: dict, theirs: dict):
    """Return the merge of two edited copies of the base, ROK speaking for ours and the DPRK for theirs."""
    return merge_versions(Version.read("base.yaml", BASE_TEXT), Version.read("ours.yaml", dumped(ours)),
                          Version.read("theirs.yaml", dumped(theirs)), ours_party="rok", theirs_party="dprk")


def _node(data: dict, node_id: str) -> dict | None:
    """Return a node's mapping, or None when the draft has no such node."""
    try:
        holder, index = find(data, node_id)
    except KeyError:
        return None
    return holder[index]


def _content(node: dict | None) -> tuple:
    """Return what a word or parameter edit changes in a node."""
    return (None,) if node is None else (node.get("text"), node.get("pullback_km"))


@scaled(0.4)
@given(SCRIPTS, SCRIPTS)
def test_two_scripts_merge_into_a_draft_that_loads(ours_script, theirs_script):
    ours, ours_touched = edited(BASE, ours_script, "ours")
    theirs, theirs_touched = edited(BASE, theirs_script, "theirs")
    result = _merge(ours, theirs)  # raises when the merged text does not load
    merged = _plain(result.text)
    if not ours_touched & theirs_touched:
        both = copy.deepcopy(ours)
        apply(both, theirs_script, "theirs")
        assert merged == _plain(dumped(both))
        assert result.clean, result.outcomes
        return
    for node_id in ours_touched & theirs_touched:
        before, mine, yours = (_content(_node(data, node_id)) for data in (BASE, ours, theirs))
        if before != mine and before != yours and mine != yours and None not in (mine[0], yours[0]):
            _assert_both_versions(_node(merged, node_id), _node(theirs, node_id))
        elif mine == (None,) and yours not in ((None,), before) or yours == (None,) and mine not in ((None,), before):
            _assert_deletion_is_an_option(_node(merged, node_id), "dprk" if yours == (None,) else "rok")


def _assert_both_versions(node: dict, theirs: dict) -> None:
    """Assert a node is bracketed, ours its own text proposed by the ROK, theirs an option proposed by the DPRK."""
    assert node["status"] == "bracketed" and node["proposed_by"] == ["rok"]
    options = [option for option in node["alternatives"] if option["proposed_by"] == ["dprk"]]
    assert any(option.get("text", {}).get("en") == theirs.get("text", {}).get("en", "-")
               or option.get("set", {}).get("pullback_km") == theirs.get("pullback_km") for option in options), node


def _assert_deletion_is_an_option(node: dict, deleter: str) -> None:
    """Assert a node one side deleted and the other changed is kept with the deletion as the deleter's option."""
    assert node is not None and node["status"] == "bracketed"
    assert {"delete": True, "proposed_by": [deleter]}.items() <= next(
        option for option in node["alternatives"] if option.get("delete")).items()


def test_the_scripts_can_clash():
    ours, _ = edited(BASE, [("word", "art-b.p1")], "ours")
    theirs, _ = edited(BASE, [("word", "art-b.p1")], "theirs")
    node = _node(_plain(_merge(ours, theirs).text), "art-b.p1")
    assert node["alternatives"][0]["text"]["en"] == "Paragraph 1 of article b jointly."
    assert node["text"]["en"] == "Paragraph 1 of article b promptly."
