"""Three-way merge by node id: clean merges, brackets for clashes, deletions against changes, and OURS's layout kept."""

from __future__ import annotations

import pytest

from agreements.merge.merge import Version, merge_versions, report_lines
from agreements.yamlsource import read_yaml
from clauses.errors import InputError
from tests.conftest import BASE_DRAFT, mutate

BASE = BASE_DRAFT.read_text(encoding="utf-8")
PULLBACK = "            pullback_km: 10\n"
DAYS = "            deadline: {after: entry_into_force, days: 90}\n"
STEPS_NOTE = "text: {en: The Parties shall review the phases annually."


def merged(ours: str, theirs: str, **parties):
    """Return the merge of two versions of the base test draft."""
    parties = parties or {"ours_party": "rok", "theirs_party": "dprk"}
    return merge_versions(Version.read("base.yaml", BASE), Version.read("ours.yaml", ours),
                          Version.read("theirs.yaml", theirs), **parties)


def node(text: str, node_id: str) -> dict:
    """Return one node of a draft's text as plain data."""
    stack = list(read_yaml(text, "x.yaml")[0]["body"])
    while stack:
        found = stack.pop()
        if found["id"] == node_id:
            return found
        stack.extend(found.get("children", []))
    raise KeyError(node_id)


def test_changes_to_different_fields_of_one_node_merge_cleanly():
    result = merged(mutate(BASE, PULLBACK, "            pullback_km: 15\n"),
                    mutate(BASE, DAYS, "            deadline: {after: entry_into_force, days: 120}\n"))
    distance = node(result.text, "pullback.distance")
    assert (distance["pullback_km"], distance["deadline"]["days"]) == (15, 120)
    assert result.clean and result.outcomes == []
    assert report_lines(result) == ["merged: 1 node changed by rok, 1 node by dprk; 0 bracketed, 0 kept as rok had "
                                     "them, 0 resolved by rule"]


def test_one_parameter_changed_two_ways_is_bracketed_with_both_proposers():
    result = merged(mutate(BASE, PULLBACK, "            pullback_km: 15\n"),
                    mutate(BASE, PULLBACK, "            pullback_km: 25\n"))
    distance = node(result.text, "pullback.distance")
    assert distance["pullback_km"] == 15 and distance["proposed_by"] == ["rok"] and distance["status"] == "bracketed"
    assert distance["alternatives"][-1] == {"id": "pullback.distance.dprk-merge", "proposed_by": ["dprk"],
                                            "set": {"pullback_km": 25}}
    assert [outcome.message for outcome in result.outcomes] == [
        "pullback.distance: both sides changed pullback_km: bracketed, rok's version option A, dprk's option C"]
    assert not result.clean


def test_a_text_changed_two_ways_gets_theirs_as_a_text_option():
    result = merged(mutate(BASE, STEPS_NOTE, "text: {en: The Parties shall review the phases every year."),
                    mutate(BASE, STEPS_NOTE, "text: {en: The Parties shall jointly review the phases annually."))
    note = node(result.text, "final.steps.note")
    assert note["text"]["en"] == "The Parties shall review the phases every year."
    assert note["alternatives"] == [{"id": "final.steps.note.dprk-merge", "proposed_by": ["dprk"], "text": {
        "en": "The Parties shall jointly review the phases annually.", "ko": "당사자들은 매년 단계를 검토한다.",
        "zh": "各当事方应每年审查各阶段。"}}]


def test_deleted_on_one_side_and_changed_on_the_other_is_kept_with_the_deletion_as_an_option():
    deleted = _without_steps_note()
    changed = mutate(BASE, STEPS_NOTE, "text: {en: The Parties shall review the phases every year.")
    result = merged(changed, deleted)
    note = node(result.text, "final.steps.note")
    assert note["text"]["en"] == "The Parties shall review the phases every year."
    assert note["alternatives"] == [{"id": "final.steps.note.dprk-delete", "proposed_by": ["dprk"], "delete": True}]
    assert note["note"] == "Democratic People's Republic of Korea deleted this; Republic of Korea changed it"
    assert [outcome.message for outcome in result.outcomes] == [
        "final.steps.note: deleted by dprk, changed by rok: kept, bracketed, dprk's deletion option B"]


def _without_steps_note() -> str:
    """Return the base with final.steps.note, the last node, deleted."""
    start = BASE.index("          - id: final.steps.note")
    return BASE[:start].rstrip("\n").removesuffix("children:") + "children: []\n"


def test_a_deletion_of_what_the_other_side_left_alone_is_taken():
    result = merged(BASE, _without_steps_note())
    assert "final.steps.note" not in result.text and result.clean


def test_statuses_changed_two_ways_keep_the_more_open():
    status = "            status: agreed\n            disposition: dissolve\n"
    result = merged(mutate(BASE, status, status.replace("agreed", "agreed_ad_referendum")),
                    mutate(BASE, status, status.replace("agreed", "pending")))
    assert node(result.text, "unc.status")["status"] == "pending"
    assert [outcome.message for outcome in result.outcomes] == [
        "unc.status: both sides changed the status (agreed_ad_referendum, pending): pending kept"]
    assert result.clean


def test_positions_merge_per_party_and_a_party_speaks_for_itself():
    rok = "              rok: {stance: support}\n"
    ours = mutate(BASE, rok, "              rok: {stance: reserve}\n").replace("Wants 20 km.", "Wants 15 km.")
    theirs = mutate(BASE, rok, "              rok: {stance: oppose}\n").replace("Wants 20 km.", "Wants 25 km.")
    positions = node(merged(ours, theirs).text, "pullback.distance")["positions"]
    assert positions == {"rok": {"stance": "reserve"}, "dprk": {"stance": "oppose", "note": "Wants 25 km."}}


def test_drafters_notes_changed_two_ways_are_both_kept():
    note = "            status: agreed\n            disposition: dissolve\n"
    result = merged(mutate(BASE, note, note + "            note: Check with the Command.\n"),
                    mutate(BASE, note, note + "            note: Ask the Council first.\n"))
    assert node(result.text, "unc.status")["note"] == ("Check with the Command. — Democratic People's Republic of "
                                                       "Korea: Ask the Council first.")


def test_a_move_on_one_side_and_an_edit_inside_on_the_other_both_take_effect():
    article = BASE[BASE.index("      - id: unc-article"):BASE.index("  - id: final\n")]
    moved = BASE.replace(article, "") + article.replace("\n      ", "\n  ").replace("      - id: unc-article",
                                                                                  "  - id: unc-article", 1)
    moved = moved.replace("  - id: unc-article\n  kind", "  - id: unc-article\n    kind")
    result = merged(moved, mutate(BASE, PULLBACK, "            pullback_km: 15\n"))
    body = read_yaml(result.text, "x.yaml")[0]["body"]
    assert [entry["id"] for entry in body] == ["military", "final", "unc-article"]
    assert node(result.text, "pullback.distance")["pullback_km"] == 15 and result.clean


def test_ours_keeps_its_comments_and_layout():
    ours = mutate(BASE, PULLBACK, "            pullback_km: 15  # as agreed in the working group\n")
    theirs = mutate(BASE, DAYS, "            deadline: {after: entry_into_force, days: 120}\n")
    assert merged(ours, theirs).text == mutate(ours, DAYS, "            deadline: {after: entry_into_force, days: 120}\n")


def test_a_bracket_needs_the_sides_parties():
    with pytest.raises(InputError, match="ours.yaml: pullback.distance: both sides changed it, and its options need proposers: "
                                         r"name the sides with --ours-party and --theirs-party \(or meta.drafted_by"):
        merged(mutate(BASE, PULLBACK, "            pullback_km: 15\n"),
               mutate(BASE, PULLBACK, "            pullback_km: 25\n"), ours_party=None, theirs_party=None)


def test_files_that_are_not_versions_of_one_agreement_are_refused():
    other = BASE
    for node_id in ("military", "pullback", "pullback.distance", "unc-article", "unc.status", "final"):
        other = other.replace(f"id: {node_id}\n", f"id: other-{node_id}\n")
    other = other.replace("{after: pullback.distance", "{after: other-pullback.distance")
    with pytest.raises(InputError, match=r"^theirs.yaml: not a version of base.yaml: it holds 3 of its 9 node ids$"):
        merged(BASE, other)


def test_an_unknown_party_is_refused():
    with pytest.raises(InputError, match=r"^ours.yaml: no party 'usa' \(parties: rok, dprk\)$"):
        merged(BASE, BASE, ours_party="usa", theirs_party="dprk")


def test_a_position_changed_two_ways_is_reported_once():
    dprk = "              dprk: {stance: oppose, note: Wants 20 km.}\n"
    result = merged(mutate(BASE, dprk, "              dprk: {stance: support, note: Wants 15 km.}\n"),
                    mutate(BASE, dprk, "              dprk: {stance: reserve, note: Wants 25 km.}\n"))
    assert [outcome.message for outcome in result.outcomes] == [
        "pullback.distance: both sides changed the position of dprk: dprk's kept"]
    assert node(result.text, "pullback.distance")["positions"]["dprk"] == {"stance": "reserve", "note": "Wants 25 km."}


def test_an_agreed_article_holding_a_new_bracket_is_marked_pending():
    note = "text: {en: The Parties shall review the phases annually."
    final = "    heading: {en: Final Provisions, ko: 최종 조항, zh: 最后条款}\n"
    base = mutate(BASE, final, final + "    status: agreed\n")
    result = merge_versions(Version.read("base.yaml", base),
                            Version.read("ours.yaml", mutate(base, note, note.replace("annually", "every year"))),
                            Version.read("theirs.yaml", mutate(base, note, note.replace("annually", "each year"))),
                            ours_party="rok", theirs_party="dprk")
    assert read_yaml(result.text, "x.yaml")[0]["body"][1]["status"] == "pending"
    assert result.outcomes[-1].message == "final: holds final.steps.note, now bracketed: pending"


def test_a_node_theirs_added_keeps_the_layout_it_was_written_in():
    article = ("  - id: added\n    kind: article\n    children:\n      - id: added.p1\n        kind: text\n"
               "        text:\n          en: >-\n            A paragraph long enough to be folded over two lines in\n"
               "            the file as its drafters wrote it.\n          ko: 한국어 문단.\n          zh: 中文段落。\n")
    result = merged(BASE, BASE + article)
    assert result.text.endswith(article)
