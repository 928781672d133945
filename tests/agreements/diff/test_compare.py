"""Structural differences keyed on ids: the shipped round 1 → round 2 changes, and the edge cases."""

from __future__ import annotations

import json
import re

from agreements.diff.compare import compare_agreements, parameter_changes
from agreements.diff.words import EQUAL, WORD, word_diff, words_in
from agreements.drafts import load_agreement, parse_agreement
from agreements.examples import example_path
from tests.agreements.diff.long_texts import prose
from tests.conftest import BASE_DRAFT, mutate

SCAFFOLD = BASE_DRAFT.parents[3] / "agreements" / "scaffold.yaml"

ROUND_1 = load_agreement(str(example_path("round-1")))
ROUND_2 = load_agreement(str(example_path("round-2")))
COMPARISON = compare_agreements(ROUND_1, ROUND_2)
COUNTS = dict.fromkeys(["added", "removed", "moved", "renumbered", "status", "alternatives", "positions", "notes",
                        "parameters", "text", "meta", "registry"], 0)
STABLE_REPORT = {
    "schema": "peacedraft.diff/1",
    "old": {"file": "r1.yaml", "round": 1, "version": "R1", "date": "2027-01-15"},
    "new": {"file": "r2.yaml", "round": 1, "version": "R2", "date": "2027-01-15"},
    "related": True,
    "counts": {**COUNTS, "status": 1, "notes": 1, "parameters": 1, "text": 2, "meta": 1},
    "changes": [
        {"kind": "meta", "node": "meta", "article": "", "summary": "version: R1 → R2", "field": "version",
         "old": "R1", "new": "R2"},
        {"kind": "parameters", "node": "pullback.distance", "article": "pullback",
         "summary": "pullback.distance: pull-back distance: 10 km → 15 km",
         "parameters": [{"parameter": "pullback_km", "old": 10.0, "new": 15.0}]},
        {"kind": "text", "node": "pullback.distance", "article": "pullback",
         "summary": "pullback.distance: text changed (en +1 −1 words, ko +1 −1 words, zh +1 −1 characters): − “10”; "
                    "+ “15”", "field": "text",
         "diff": {"en": [[0, "The Parties shall, within 90 days after the entry into force of this Agreement, withdraw "
                             "their artillery and armoured vehicles to a distance of not less than "], [-1, "10"],
                         [1, "15"], [0, " kilometres from the boundary of the Demilitarized Zone on their respective "
                                        "sides. Military exercises in that area shall be notified to the other Parties "
                                        "in advance."]],
                  "ko": [[0, "당사자들은 이 협정 발효 후 90일 이내에 각자의 야포 및 장갑차량을 비무장지대의 자기 측 경계선으로부터 "],
                         [-1, "10킬로미터"], [1, "15킬로미터"],
                         [0, " 이상 떨어진 지역으로 철수시킨다. 해당 지역에서의 군사연습은 사전에 다른 당사자들에게 통보한다."]],
                  "zh": [[0, "各当事方应于本协定生效后90日内将其火炮和装甲车辆后撤至距非军事区本方一侧边界不少于"], [-1, "10"], [1, "15"],
                         [0, "公里之处。该区域内的军事演习应事先通知其他当事方。"]]}},
        {"kind": "status", "node": "unc.status", "article": "unc-article",
         "summary": "unc.status: status agreed → bracketed", "from": "agreed", "to": "bracketed"},
        {"kind": "notes", "node": "unc.status", "article": "unc-article",
         "summary": "unc.status: note added: “Check the date with the UN.”", "old": None,
         "new": "Check the date with the UN."},
        {"kind": "text", "node": "final.steps.note", "article": "final",
         "summary": "final.steps.note: text changed (en +3 −1 words): − “annually”; + “every two years”", "field": "text",
         "diff": {"en": [[0, "The Parties shall review the phases "], [-1, "annually"], [1, "every two years"],
                         [0, "."]]}},
    ],
}


def summaries(kind: str) -> list[str]:
    """Return the summaries of one kind of change between the shipped rounds."""
    return [change.summary for change in COMPARISON.changes if change.kind == kind]


def test_typed_parameters_change_with_their_units():
    assert "force.artillery: pull-back distance: 10 km → 15 km" in summaries("parameters")
    assert "force.guard-posts: deadline: 90 → 180 days after entry into force" in summaries("parameters")


def test_articles_added_removed_and_moved():
    assert "art.incidents added as Article 10" in summaries("added")
    assert "art.interim-measures removed (was Article 23)" in summaries("removed")
    assert summaries("moved") == ["art.prisoners-remains moved from Article 11 in Part II to Article 19 in Part V"]


def test_renumbering_is_reported_apart_and_is_not_a_text_change():
    assert "Article 10 is now Article 11" in summaries("renumbered")
    renumbered = {change.node for change in COMPARISON.changes if change.kind == "renumbered"}
    texts = {change.node for change in COMPARISON.changes if change.kind == "text"}
    assert renumbered and not renumbered & texts


def test_brackets_resolved_and_opened():
    assert "unc.status: status bracketed → agreed ad referendum" in summaries("status")
    assert "prisoners.repatriation: status agreed ad referendum → bracketed" in summaries("status")
    assert ("unc.status: bracket settled: none of the options adopted as tabled (Option A (Democratic People's "
            "Republic of Korea, China), Option B (United States), Option C (Republic of Korea))"
            in summaries("alternatives"))
    assert "foreign-forces.usfk: options: Option B (Democratic People's Republic of Korea) withdrawn" in summaries(
        "alternatives")  # still bracketed: a withdrawal, not a settlement
    assert "preamble.denuclearization: options: Option C (China) tabled" in summaries("alternatives")


def test_parameters_name_steps_parties_and_items_in_words_not_ids():
    said = summaries("parameters")
    assert ("unc.status: effective: 365 days after entry into force → 90 days after the completion of the step "
            "“Verified dismantlement of the nuclear facilities at Yongbyon”") in said
    assert ("form.parties: linked instruments: — → Exchange of Letters on Interim Restraint "
            "(form: exchange of letters, integral part: no)") in said
    assert ("denuc.linkage: scope: − chemical weapons, biological weapons; links: + (denuclearization step: the step "
            "“Verified dismantlement of the nuclear facilities at Yongbyon”, peace step: the dissolution of the "
            "United Nations Command)") in said
    assert "prisoners.repatriation: categories: + abducted persons" in said


def test_positions_name_the_parties_and_stances_in_words():
    assert ("foreign-forces.usfk: positions: Democratic People's Republic of Korea oppose → reserve"
            in summaries("positions"))


def test_identical_versions_have_no_changes():
    comparison = compare_agreements(ROUND_2, ROUND_2)
    assert comparison.changes == [] and comparison.related


def test_unrelated_drafts_are_flagged_and_fully_replaced():
    base = parse_agreement(BASE_DRAFT.read_text(encoding="utf-8"), "base.yaml")
    scaffold = load_agreement(str(SCAFFOLD))
    comparison = compare_agreements(scaffold, base)
    assert not comparison.related
    counts = comparison.counts()
    assert (counts["added"], counts["removed"]) == (len(base.body), len(scaffold.body))


def test_text_changes_carry_word_diffs_per_language():
    text = BASE_DRAFT.read_text(encoding="utf-8")
    changed = mutate(text, "en: The Parties shall review the phases annually.",
                     "en: The Parties shall review the phases every two years.")
    comparison = compare_agreements(parse_agreement(text, "a"), parse_agreement(changed, "b"))
    [change] = [c for c in comparison.changes if c.kind == "text"]
    assert change.details["diff"]["en"] == [[0, "The Parties shall review the phases "], [-1, "annually"],
                                            [1, "every two years"], [0, "."]]


def test_parameter_changes_follow_ids_in_lists():
    old = {"phases": [{"id": "p1", "deadline": {"after": "entry_into_force", "days": 30}}]}
    new = {"phases": [{"id": "p1", "deadline": {"after": "entry_into_force", "days": 60}}]}
    assert parameter_changes(old, new) == [{"parameter": "phases[p1].deadline",
                                            "old": {"after": "entry_into_force", "days": 30},
                                            "new": {"after": "entry_into_force", "days": 60}}]


def test_json_report_is_stable():
    """The report of a known comparison: every key, in order, and every value."""
    text = BASE_DRAFT.read_text(encoding="utf-8")
    changed = mutate(text, "  version: R1", "  version: R2")
    changed = mutate(changed, "pullback_km: 10", "pullback_km: 15")
    changed = mutate(changed, "status: agreed\n            disposition", "status: bracketed\n            disposition")
    changed = mutate(changed, "phases annually.", "phases every two years.")
    changed = mutate(changed, "            disposition: dissolve\n",
                     "            disposition: dissolve\n            note: Check the date with the UN.\n")
    report = compare_agreements(parse_agreement(text, "a"), parse_agreement(changed, "b"),
                                notes=True).to_json("r1.yaml", "r2.yaml")
    assert json.dumps(report, ensure_ascii=False) == json.dumps(STABLE_REPORT, ensure_ascii=False)


NOTE = "            disposition: dissolve\n"


def test_drafters_notes_added_changed_and_removed():
    """A drafters' note is reported as its own kind of change: added, rewritten, removed."""
    text = BASE_DRAFT.read_text(encoding="utf-8")
    noted = mutate(text, NOTE, NOTE + "            note: Check the date with the UN.\n")
    rewritten = mutate(text, NOTE, NOTE + "            note: The UN agrees to the date.\n")
    versions = [parse_agreement(version, "x") for version in (text, noted, rewritten)]
    said = [[change.summary for change in compare_agreements(old, new, notes=True).changes]
            for old, new in ((versions[0], versions[1]), (versions[1], versions[2]), (versions[1], versions[0]))]
    assert said == [["unc.status: note added: “Check the date with the UN.”"],
                    ["unc.status: note changed: “Check the date with the UN.” → "
                     "“The UN agrees to the date.”"],
                    ["unc.status: note removed (was “Check the date with the UN.”)"]]


def test_drafters_notes_are_left_out_unless_asked_for():
    """The notes are internal: a comparison made for others (a package) does not list them."""
    text = BASE_DRAFT.read_text(encoding="utf-8")
    noted = mutate(text, NOTE, NOTE + "            note: Check the date with the UN.\n")
    assert compare_agreements(parse_agreement(text, "a"), parse_agreement(noted, "b")).changes == []


def test_the_shipped_rounds_change_eight_notes():
    notes = [change.summary for change in compare_agreements(ROUND_1, ROUND_2, notes=True).changes
             if change.kind == "notes"]
    assert len(notes) == 8
    assert "economy.cooperation: note removed (was “Tabled by the Republic of Korea at the last session; not yet " \
           "discussed.”)" in notes


def test_a_text_written_over_a_template_counts_the_words_the_reader_saw():
    """A text override replaces the template's text: the words counted are those of the text the reader saw
    (the template's 58 English words) against the new one; Chinese is counted in characters."""
    text = BASE_DRAFT.read_text(encoding="utf-8")
    overridden = mutate(text, "        instrument: peace_agreement\n        parties: [rok, dprk]\n",
                        "        instrument: peace_agreement\n        parties: [rok, dprk]\n"
                        "        text: {en: The two Parties conclude this Agreement., zh: 双方缔结本协定。}\n")
    [change] = compare_agreements(parse_agreement(text, "a"), parse_agreement(overridden, "b")).changes
    assert change.summary.startswith("final.parties: text changed (en +5 −57 words, zh +7 −74 characters): "
                                     "− “Parties to this Agreement are the Republic of…”; + “two Parties conclude this "
                                     "Agreement”")
    assert change.details["diff"]["en"][:2] == [[0, "The "], [-1, "Parties to this Agreement are the Republic of "
                                                              "Korea and the Democratic People's Republic of Korea. "
                                                              "Each Party shall ratify this Agreement in accordance "
                                                              "with its constitutional procedures. Upon its entry "
                                                              "into force, this Agreement shall be registered with "
                                                              "the Secretariat of the United Nations in accordance "
                                                              "with Article 102 of the Charter of the United Nations"]]


def test_a_long_text_replaced_by_an_unrelated_one_counts_every_character_deleted_and_inserted():
    """Two unrelated 10,000-character Chinese texts in one node: the summary counts all their characters."""
    base = BASE_DRAFT.read_text(encoding="utf-8")
    old_text, new_text = prose("zh", 10_000, 1), prose("zh", 10_000, 2)
    old, new = (parse_agreement(mutate(base, "zh: 各当事方应每年审查各阶段。", f"zh: {text}"), "base.yaml")
                for text in (old_text, new_text))
    change = next(change for change in compare_agreements(old, new).changes if change.kind == "text")
    counts = re.search(r"zh \+(\d+) −(\d+) characters", change.summary).groups()
    kept = words_in(word_diff(old_text, new_text), EQUAL)
    assert kept < 100
    assert tuple(map(int, counts)) == (len(WORD.findall(new_text)) - kept, len(WORD.findall(old_text)) - kept)
