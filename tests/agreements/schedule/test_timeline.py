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

R2_TEXT = example_path("round-2").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def round_2():
    """Return the timeline of the shipped round-2 example."""
    return schedule(load_agreement(str(example_path("round-2"))))


def by_id(timeline) -> dict:
    """Return the entries of a timeline by key (an option's items: id@B)."""
    return {entry.key: entry for entry in timeline.entries}


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
    assert len(round_2.entries) == 39 and round_2.unscheduled == ()  # the air buffer zone (confidence.no-fly) is timed


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


def test_labels_are_english_labels_or_names(round_2):
    entries = by_id(round_2)
    assert entries["denuc.yongbyon"].label == "Verified dismantlement of the nuclear facilities at Yongbyon"
    assert entries["crossing.gyeongui"].label == "Gyeongui Line Crossing"


@pytest.mark.parametrize("item, en, ko, zh", [
    ("dmz.demining.phase-2", "Phase 2 of demining", "지뢰 제거 제2단계", "第二阶段排雷"),
    ("unc.status", "Dissolution of the United Nations Command", "국제연합군사령부의 해체", "联合国军司令部解散"),
    ("force.artillery", "Pull-back of Forces and Limitation of Exercises (paragraph 2 of Article 8)",
     "병력의 후방 재배치와 군사연습의 제한(제8조제2항)", "兵力后撤与演习限制（第八条第二款）"),
    ("confidence.no-fly", "Military Confidence-Building Measures (paragraph 1 of Article 9)",
     "군사적 신뢰구축 조치(제9조제1항)", "建立军事互信措施（第九条第一款）"),
    ("crossing.panmunjom", "Panmunjom Crossing", "판문점 통행지점", "板门店通行点"),
])
def test_an_item_without_a_label_is_named_in_words_in_each_language(item, en, ko, zh):
    agreement = load_agreement(str(example_path("round-2")))
    assert [by_id(schedule(agreement, lang))[item].label for lang in ("en", "ko", "zh")] == [en, ko, zh]


def test_title_and_subtitle_in_the_language(round_2):
    korean = schedule(load_agreement(str(example_path("round-2"))), "ko")
    assert (round_2.title, round_2.subtitle) == ("Korean Peninsula Peace Agreement", "Round 2 · R2 · 25 June 2027")
    assert (korean.title, korean.subtitle, korean.lang) == ("한반도 평화협정", "제2차 협상 · R2 · 2027년 6월 25일", "ko")


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
        "day   90  military          pullback.distance  Option A: Pull-back of Forces (paragraph 1 of Article 1)",
        "day   90  military          pullback.distance  Option B (Democratic People's Republic of Korea): "
        "Pull-back of Forces (paragraph 1 of Article 1)",
        "day  120  un_command        unc.status         Dissolution of the United Nations Command",
        "day    -  relations         step.liaison       Liaison office opens  (no fixed day: no deadline)",
        "day    -  military          step.talks         Military talks  "
        "(no fixed day: counts from “Liaison office opens”, which has no fixed day)",
    ]


def test_an_item_due_the_same_day_as_its_precondition_comes_after_it(base_text):
    timeline = base_timeline(mutate(base_text, "deadline: {after: entry_into_force, days: 90}",
                                    "deadline: {after: step.liaison, days: 0}"))
    assert [(entry.key, entry.day) for entry in timeline.entries] == [
        ("step.liaison", 60), ("pullback.distance", 60), ("pullback.distance@B", 60), ("step.talks", 70),
        ("unc.status", 90)]


def test_text_lines_of_the_base_draft(base_text):
    assert text_lines(base_timeline(base_text)) == [
        "day   60  relations         step.liaison       Liaison office opens",
        "day   70  military          step.talks         Military talks",
        "day   90  military          pullback.distance  Option A: Pull-back of Forces (paragraph 1 of Article 1)",
        "day   90  military          pullback.distance  Option B (Democratic People's Republic of Korea): "
        "Pull-back of Forces (paragraph 1 of Article 1)",
        "day  120  un_command        unc.status         Dissolution of the United Nations Command",
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
        "id": "pullback.distance", "key": "pullback.distance@B",
        "label": "Option B (Democratic People's Republic of Korea): Pull-back of Forces (paragraph 1 of Article 1)",
        "track": "military", "day": 90, "after": "entry_into_force", "requires": [], "owner": "pullback.distance",
        "article": "pullback", "option": "B", "alternative": "pullback.distance.opt-b",
    }
    assert data["entries"][2] == {
        "id": "unc.status", "key": "unc.status", "label": "Dissolution of the United Nations Command",
        "track": "un_command", "day": 120, "after": "pullback.distance", "requires": [], "owner": "unc.status",
        "article": "unc-article", "option": None, "alternative": None,
    }
    assert (data["entries"][0]["option"], data["lang"]) == ("A", "en")
    assert data["entries"][4]["day"] is None and data["entries"][4]["owner"] == "final.steps"
    assert data["links"] == [{"from": "step.liaison", "to": "step.talks", "kind": "requires"}]


def test_every_open_option_of_a_bracketed_clause_is_scheduled(round_2):
    options = [(entry.key, entry.day, entry.option, entry.alternative) for entry in round_2.entries if entry.option]
    assert options == [
        ("prisoners.repatriation", 180, "A", None),
        ("prisoners.repatriation@B", 180, "B", "prisoners.repatriation.alt-without-abductees"),
        ("foreign-forces.usfk", 365, "A", None),
        ("foreign-forces.usfk@B", 365, "B", "foreign-forces.usfk.alt-missile-defence"),  # the withdrawn one has none
    ]
    labels = [line for line in text_lines(round_2) if "foreign-forces.usfk" in line]
    assert labels == [
        "day  365  military          foreign-forces.usfk        Option A (Republic of Korea, United States): "
        "Foreign Forces (paragraph 1 of Article 13)",
        "day  365  military          foreign-forces.usfk        Option B (China): Foreign Forces (paragraph 1 of Article 13)",
    ]


def test_an_option_with_its_own_deadline_falls_on_its_own_day(base_text):
    timeline = base_timeline(mutate(base_text, "set: {pullback_km: 20}",
                                    "set: {pullback_km: 20, deadline: {after: entry_into_force, days: 150}}"))
    days = {entry.key: entry.day for entry in timeline.entries}
    assert (days["pullback.distance"], days["pullback.distance@B"], days["unc.status"]) == (90, 150, 120)
    assert timeline.to_json()["entries"][-1]["key"] == "pullback.distance@B"  # sorted by its own day, last


def test_an_option_s_items_count_from_each_other_first():
    text = mutate(R2_TEXT, "          - id: dmz.demining\n            kind: dmz_demining\n            status: agreed\n",
                  "          - id: dmz.demining\n            kind: dmz_demining\n            status: bracketed\n"
                  "            alternatives:\n"
                  "              - id: dmz.demining.alt-fast\n"
                  "                proposed_by: [dprk]\n"
                  "                set:\n"
                  "                  phases:\n"
                  "                    - {id: dmz.demining.phase-1, zones: [dmz], deadline: {days: 90}}\n"
                  "                    - {id: dmz.demining.phase-2, zones: [dmz],\n"
                  "                       deadline: {after: dmz.demining.phase-1, days: 365}}\n")
    timeline = schedule(parse_agreement(text, "r2.yaml"))
    days = {entry.key: entry.day for entry in timeline.entries}
    assert [days.get(f"dmz.demining.phase-{n}@B") for n in (1, 2, 3)] == [90, 455, None]  # B has two phases
    assert [days[f"dmz.demining.phase-{n}"] for n in (1, 2, 3)] == [180, 725, 1820]
    assert days["step.customs-arrangement"] == 180  # the rest of the draft counts from option A
    assert by_id(timeline)["dmz.demining.phase-2@B"].label == "Option B (Democratic People's Republic of Korea): Phase 2 of demining"


def with_steps_option(base_text: str, *steps: str) -> str:
    """Return the base draft whose sequencing gains an option of the ROK with one phase of the given steps."""
    return mutate(base_text, "      - id: final.steps\n        kind: implementation_sequencing\n",
                  "      - id: final.steps\n        kind: implementation_sequencing\n"
                  "        alternatives:\n"
                  "          - id: final.steps.alt\n"
                  "            proposed_by: [rok]\n"
                  "            set:\n"
                  "              phases:\n"
                  "                - id: phase-1\n"
                  "                  label: {en: First phase}\n"
                  "                  steps:\n" + "".join(steps))


def test_an_option_s_preconditions_link_its_own_items(base_text):
    text = with_steps_option(base_text,
                  "                    - {id: step.liaison, track: relations, label: {en: Liaison}, deadline: {days: 30}}\n"
                  "                    - {id: step.talks, track: military, label: {en: Talks}, requires: [step.liaison],\n"
                  "                       deadline: {after: step.liaison, days: 10}}\n")
    timeline = base_timeline(text)
    days = {entry.key: entry.day for entry in timeline.entries}
    assert (days["step.liaison@B"], days["step.talks@B"], days["step.talks"]) == (30, 40, 70)
    assert Link("step.liaison@B", "step.talks@B", "requires") in timeline.links
    assert by_id(timeline)["step.talks@B"].label == "Option B (Republic of Korea): Talks"


def test_an_option_of_text_alone_fixes_no_day_and_says_so(base_text):
    timeline = base_timeline(mutate(base_text, "set: {pullback_km: 20}", "text: {en: Forces shall be pulled back later.}"))
    assert [entry.key for entry in timeline.unscheduled] == ["pullback.distance@B"]
    assert text_lines(timeline)[-1] == (
        "day    -  military          pullback.distance  Option B (Democratic People's Republic of Korea): "
        "Pull-back of Forces (paragraph 1 of Article 1)  (no fixed day: the option is text alone, with no typed deadline)")


def test_an_option_whose_items_wait_for_each_other_fixes_no_day(base_text):
    text = with_steps_option(base_text,
                  "                    - {id: step.liaison, track: relations, label: {en: Liaison},\n"
                  "                       deadline: {after: step.talks, days: 5}}\n"
                  "                    - {id: step.talks, track: military, label: {en: Talks},\n"
                  "                       deadline: {after: step.liaison, days: 10}}\n")
    timeline = base_timeline(text)
    assert [entry.key for entry in timeline.unscheduled] == ["step.liaison@B", "step.talks@B"]
    assert text_lines(timeline)[-1].endswith("Option B (Republic of Korea): Talks  "
                                             "(no fixed day: the option's items wait for each other in a circle)")
