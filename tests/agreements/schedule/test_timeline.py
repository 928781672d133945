"""The timeline: days along chains, lanes from tracks or topics, links, unscheduled items, cycles, JSON."""

from __future__ import annotations

import json

import pytest

from agreements.drafts import load_agreement, parse_agreement
from clauses.errors import DraftError
from agreements.examples import example_path
from agreements.edit.add import add_option
from agreements.schedule.timeline import FORMAT, Link, schedule, text_lines
from tests.conftest import BASE_DRAFT, mutate


@pytest.fixture(scope="module")
def round_2():
    """Return the timeline of the shipped round-2 example."""
    return schedule(load_agreement(str(example_path("round-2"))))


def by_id(timeline) -> dict:
    """Return the entries of a timeline by id."""
    return {entry.id: entry for entry in timeline.entries}


def base_timeline(text: str):
    """Return the timeline of a (mutated) base draft."""
    return schedule(parse_agreement(text, "base.yaml"))


def test_days_add_up_along_the_denuclearization_chain(round_2):
    entries = by_id(round_2)
    chain = ["denuc.freeze", "denuc.declaration", "denuc.yongbyon", "denuc.icbm", "denuc.complete"]
    assert [entries[key].day for key in chain] == [30, 90, 365, 730, 1825]
    assert (entries["denuc.yongbyon"].after, entries["denuc.yongbyon"].requires) == (
        "denuc.declaration", ("denuc.declaration", "denuc.iaea-return"))
    assert entries["unc.status"].day == 455 and entries["step.regime-complete"].day == 1915


def test_entries_sort_by_day_and_after_what_they_wait_for(round_2):
    days = [entry.day for entry in round_2.entries]
    assert days == sorted(days)
    day_30 = [entry.id for entry in round_2.entries if entry.day == 30]
    assert day_30.index("denuc.freeze") < day_30.index("step.exercise-adjustment")
    assert len(round_2.entries) == 37 and round_2.unscheduled == ()  # the air buffer zone (confidence.no-fly) is timed


@pytest.mark.parametrize("item, lane, owner, article", [
    ("unc.status", "un_command", "unc.status", "art.unc"),
    ("dmz.demining.phase-1", "military", "dmz.demining", "art.demining"),
    ("force.guard-posts", "military", "force.guard-posts", "art.force-reduction"),
    ("foreign-forces.usfk", "military", "foreign-forces.usfk", "art.foreign-forces"),
    ("crossing.panmunjom", "border", "crossings.regime", "art.crossings"),
    ("prisoners.repatriation", "relations", "prisoners.repatriation", "art.prisoners-remains"),
    ("denuc.freeze", "denuclearization", "denuc.linkage", "art.denuclearization"),
    ("step.unc-handover", "un_command", "seq.plan", "art.sequencing"),
    ("step.sanctions-review", "peace_regime", "seq.plan", "art.sequencing"),
])
def test_lanes_come_from_the_track_or_the_holding_clause(round_2, item, lane, owner, article):
    entry = by_id(round_2)[item]
    assert (entry.track, entry.owner, entry.article) == (lane, owner, article)


@pytest.mark.parametrize("option, lane", [
    ("border/individual-permits", "border"),
    ("demining/pilot-then-review", "military"), ("forces/artillery", "military"), ("foreign/withdraw", "military"),
    ("pow/comprehensive", "relations"),
])
def test_an_item_a_clause_schedules_takes_its_kind_s_lane(tmp_path, option, lane):
    draft = tmp_path / "draft.yaml"
    draft.write_text(BASE_DRAFT.read_text(encoding="utf-8"), encoding="utf-8")
    before = {entry.id for entry in schedule(load_agreement(str(draft))).entries}
    parties = ("usa=signatory",) if option == "foreign/withdraw" else ()  # the base draft has no United States
    node_id = add_option(str(draft), option, as_id="added", parties=parties).summary.split(" as ")[1].split()[0]
    added = [entry for entry in schedule(load_agreement(str(draft))).entries if entry.id not in before]
    assert added and all(entry.owner == node_id for entry in added)
    assert {entry.track for entry in added} == {lane}


def test_lanes_in_fixed_order_and_only_those_used(round_2):
    assert round_2.lanes == ("denuclearization", "peace_regime", "military", "un_command", "border", "relations")
    assert base_timeline(BASE_DRAFT.read_text(encoding="utf-8")).lanes == ("military", "un_command", "relations")


def test_labels_are_english_labels_or_names_else_ids(round_2):
    entries = by_id(round_2)
    assert entries["denuc.yongbyon"].label == "Verified dismantlement of the nuclear facilities at Yongbyon"
    assert entries["crossing.gyeongui"].label == "Gyeongui Line Crossing"
    assert entries["dmz.demining.phase-2"].label == "dmz.demining.phase-2"


def test_action_for_action_links_and_preconditions(round_2):
    actions = [(link.source, link.target) for link in round_2.links if link.kind == "action_for_action"]
    assert actions == [
        ("denuc.freeze", "step.exercise-adjustment"), ("denuc.declaration", "step.usa-dprk-liaison"),
        ("denuc.yongbyon", "step.sanctions-review"), ("denuc.yongbyon", "unc.status"),
        ("denuc.complete", "step.diplomatic-relations"),
    ]
    requires = {(link.source, link.target) for link in round_2.links if link.kind == "requires"}
    assert len(requires) == 25  # the hand-over also waits for the verification commission
    assert {("denuc.iaea-return", "denuc.yongbyon"), ("crossing.donghae", "step.border-review")} <= requires
    assert ("dmz.demining.phase-1", "crossing.panmunjom") not in requires  # a deadline's start is not a precondition


def test_links_to_unknown_events_are_left_out(base_text):
    text = mutate(base_text, "requires: [step.liaison]", "requires: [step.liaison, step.nowhere]")
    assert base_timeline(text).links == (Link("step.liaison", "step.talks", "requires"),)


def test_unscheduled_items_come_last_with_their_reason(base_text):
    timeline = base_timeline(mutate(base_text, "deadline: {days: 60}", "requires: []"))
    assert [entry.id for entry in timeline.unscheduled] == ["step.liaison", "step.talks"]
    assert text_lines(timeline) == [
        "day   90  military          pullback.distance  pullback.distance",
        "day  120  un_command        unc.status         unc.status",
        "day    -  relations         step.liaison       Liaison office opens  (no fixed day: no deadline)",
        "day    -  military          step.talks         Military talks  "
        "(no fixed day: counts from step.liaison, which has no fixed day)",
    ]


def test_an_item_due_the_same_day_as_its_precondition_comes_after_it(base_text):
    timeline = base_timeline(mutate(base_text, "deadline: {after: entry_into_force, days: 90}",
                                    "deadline: {after: step.liaison, days: 0}"))
    assert [(entry.id, entry.day) for entry in timeline.entries] == [
        ("step.liaison", 60), ("pullback.distance", 60), ("step.talks", 70), ("unc.status", 90)]


def test_text_lines_of_the_base_draft(base_text):
    assert text_lines(base_timeline(base_text)) == [
        "day   60  relations         step.liaison       Liaison office opens",
        "day   70  military          step.talks         Military talks",
        "day   90  military          pullback.distance  pullback.distance",
        "day  120  un_command        unc.status         unc.status",
    ]


def test_a_cycle_is_a_located_draft_error(base_text):
    text = mutate(base_text, "deadline: {after: entry_into_force, days: 90}", "deadline: {after: unc.status, days: 5}")
    with pytest.raises(DraftError) as caught:
        base_timeline(text)
    assert str(caught.value) == ("base.yaml:39:13: pullback.distance: sequencing cycle: "
                                 "pullback.distance → unc.status → pullback.distance (each waits for the next) [PD-E045]")


def test_json_shape(base_text):
    data = base_timeline(mutate(base_text, "deadline: {days: 60}", "requires: []")).to_json()
    assert json.loads(json.dumps(data)) == data
    assert (data["format"], data["title"], data["version"]) == (FORMAT, "Test Peace Agreement", "R1")
    assert data["format"] == "peacedraft.timeline/1"
    assert data["lanes"] == ["military", "un_command", "relations"]
    assert data["unscheduled"] == ["step.liaison", "step.talks"]
    assert data["entries"][1] == {
        "id": "unc.status", "label": "unc.status", "track": "un_command", "day": 120, "after": "pullback.distance",
        "requires": [], "owner": "unc.status", "article": "unc-article",
    }
    assert data["entries"][3]["day"] is None and data["entries"][3]["owner"] == "final.steps"
    assert data["links"] == [{"from": "step.liaison", "to": "step.talks", "kind": "requires"}]
