"""Armistice coverage by content: settled clauses dispose of functions, open ones settle nothing, warnings fire."""

from __future__ import annotations

import re

import pytest
from pydantic import TypeAdapter

import precedents.rules  # noqa: F401  (registers the coverage rule)
from agreements.drafts import load_agreement, parse_agreement
from agreements.examples import example_path
from agreements.rules.registry import check
from clauses.errors import DraftError
from clauses.registry import Clause
from clauses.armistice import BY_ID, FUNCTION_IDS
from precedents.coverage import coverage
from tests.conftest import BASE_DRAFT
from tests.factsheet import FACT_SHEET, rows, sections

FINAL_ONLY = """\
peacedraft: 1
meta:
  title: {en: Final provisions only}
  form: peace_agreement
  round: 1
  version: R1
  date: 2027-01-15
  languages: [en]
parties:
  - {id: rok, names: {en: Republic of Korea}, role: signatory}
  - {id: dprk, names: {en: Democratic People's Republic of Korea}, role: signatory}
body:
  - id: final
    kind: article
    children:
      - id: final.provisions
        kind: final_provisions
        status: agreed
        entry_into_force: signature
        authentic_languages: [en]
        supersedes_armistice: SUPERSESSION
"""


def outcomes(text: str) -> dict[str, str]:
    """Return the outcome of every Armistice function under a draft given as YAML text."""
    return {item.function: item.outcome for item in coverage(parse_agreement(text, "d.yaml"))}


def coverage_findings(text: str) -> list[str]:
    """Return the strict findings of the coverage rule on a draft given as YAML text."""
    found = check(parse_agreement(text, "d.yaml"), strict=True)
    return [f"{finding.severity}: {finding.message}" for finding in found if finding.rule == "armistice-coverage"]


def test_every_function_is_reported_in_the_order_of_the_armistice():
    assert tuple(outcomes(BASE_DRAFT.read_text(encoding="utf-8"))) == FUNCTION_IDS


def test_a_minimal_draft_leaves_functions_open_and_says_so():
    text = BASE_DRAFT.read_text(encoding="utf-8")
    found = outcomes(text)
    assert found["prisoners_of_war"] == found["cease_fire"] == "open"
    warnings = coverage_findings(text)
    assert any(line.startswith("warning: the 1953 Armistice's prisoners_of_war (¶51–58): open") for line in warnings)


def test_full_supersession_alone_terminates_the_cease_fire_without_a_successor():
    found = outcomes(FINAL_ONLY.replace("SUPERSESSION", "full"))
    assert set(found.values()) == {"terminated", "replaced"} and found["duration_and_supersession"] == "replaced"
    warnings = coverage_findings(FINAL_ONLY.replace("SUPERSESSION", "full"))
    assert ("warning: the 1953 Armistice's cease_fire (¶6, ¶12, ¶14, ¶15, ¶16: the cease-fire on land, at sea and in the air, "
            "and the ban on blockade) is terminated by final.provisions and nothing replaces it") in warnings


def test_partial_supersession_keeps_only_the_bodies_and_leaves_the_rest_open():
    found = outcomes(FINAL_ONLY.replace("SUPERSESSION", "partial_until_bodies_replaced"))
    assert found["military_armistice_commission"] == found["neutral_nations_supervisory_commission"] == "continued"
    assert found["cease_fire"] == found["prisoners_of_war"] == "open"
    assert len(coverage_findings(FINAL_ONLY.replace("SUPERSESSION", "partial_until_bodies_replaced"))) >= 5


def test_no_supersession_continues_the_whole_armistice():
    assert set(outcomes(FINAL_ONLY.replace("SUPERSESSION", "none")).values()) == {"continued", "replaced"}


def test_bracketed_text_settles_nothing():
    end_of_war = ("body:\n  - id: peace\n    kind: article\n    children:\n      - id: peace.end\n"
                  "        kind: end_of_war_and_non_aggression\n        status: STATUS\n")
    text = FINAL_ONLY.replace("SUPERSESSION", "partial_until_bodies_replaced").replace("body:\n", end_of_war, 1)
    settled = outcomes(text.replace("STATUS", "agreed"))["cease_fire"]
    found = coverage(parse_agreement(text.replace("STATUS", "bracketed"), "d.yaml"))
    item = next(item for item in found if item.function == "cease_fire")
    assert (settled, item.outcome, item.proposed) == ("replaced", "open", ("peace.end",))
    assert item.summary.endswith("open — neither replaced, continued nor terminated by a settled clause; "
                                 "proposed only in peace.end")


def test_terminating_the_line_while_the_text_uses_it_is_an_error():
    with_line = FINAL_ONLY.replace("SUPERSESSION", "full").replace(
        "body:\n", "body:\n  - id: crossing\n    kind: article\n    children:\n      - id: crossing.text\n"
                   "        kind: text\n        status: agreed\n        text: {en: No person shall cross the "
                   "Military Demarcation Line without a permit.}\n", 1)
    found = coverage_findings(with_line)
    assert sum(line.startswith("error: the draft refers to the Military Demarcation Line") for line in found) == 2
    assert ("error: the draft refers to the Military Demarcation Line or the Demilitarized Zone but final.provisions "
            "terminates the Armistice's demarcation_line (¶1, ¶2–3, ¶4: the Military Demarcation Line and its "
            "markers) without replacing it") in found
    assert not any(line.startswith("error:") for line in coverage_findings(FINAL_ONLY.replace("SUPERSESSION", "full")))


SUPERSESSION = """\
      - id: final.supersession
        kind: armistice_supersession
        status: STATUS
        extent: EXTENT
        continued: [reinforcement_limits, prisoners_of_war]
        terminated: [political_conference]
"""


def with_supersession(status: str = "agreed", extent: str = "partial_until_bodies_replaced",
                      final: str = "partial_until_bodies_replaced") -> str:
    """Return the final-provisions draft with a supersession clause of its own."""
    clause = SUPERSESSION.replace("STATUS", status).replace("EXTENT", extent)
    return FINAL_ONLY.replace("SUPERSESSION", final) + clause


def test_a_supersession_clause_continues_and_terminates_expressly():
    found = outcomes(with_supersession())
    assert (found["reinforcement_limits"], found["prisoners_of_war"], found["political_conference"]) == (
        "continued", "continued", "terminated")
    assert found["cease_fire"] == "open"
    bracketed = outcomes(with_supersession(status="bracketed"))
    assert bracketed["reinforcement_limits"] == bracketed["prisoners_of_war"] == "open"


def test_the_supersession_is_said_once():
    found = check(parse_agreement(with_supersession(final="full"), "d.yaml"))
    assert [(item.rule, item.message) for item in found if item.severity == "error"] == [
        ("supersession-stated-once",
         "the Armistice is superseded 'partial_until_bodies_replaced' here but 'full' in final.provisions")]
    twice = [(item.severity, item.message) for item in check(parse_agreement(with_supersession(), "d.yaml"))
             if item.rule == "supersession-stated-once"]
    assert twice == [("warning", "final.provisions already says how far the Armistice is superseded; say it once")]
    once = FINAL_ONLY.replace("        supersedes_armistice: SUPERSESSION\n", "") + SUPERSESSION.replace(
        "STATUS", "agreed").replace("EXTENT", "partial_until_bodies_replaced")
    assert not [item for item in check(parse_agreement(once, "d.yaml")) if item.rule == "supersession-stated-once"]


@pytest.mark.parametrize("change, message", [
    (("terminated: [political_conference]", "terminated: [prisoners_of_war]"),
     "'prisoners_of_war' is both continued and terminated"),
    (("extent: partial_until_bodies_replaced\n        continued", "extent: full\n        continued"),
     "a full supersession ends the whole Armistice: use 'partial_until_bodies_replaced' to continue some of it"),
    (("extent: partial_until_bodies_replaced\n        continued", "extent: none\n        continued"),
     "with extent 'none' the Armistice stays in force whole: use 'partial_until_bodies_replaced' to end some of it"),
])
def test_a_supersession_clause_says_one_thing(change, message):
    text = with_supersession(final="full").replace("        supersedes_armistice: full\n", "").replace(*change)
    errors = [item.message for item in check(parse_agreement(text, "d.yaml")) if item.severity == "error"]
    assert errors == [message]


def test_the_supersession_clause_cannot_name_what_it_settles_itself():
    text = with_supersession().replace("terminated: [political_conference]", "terminated: [duration_and_supersession]")
    with pytest.raises(DraftError, match=r"final.supersession: terminated\[0\]: input should be 'cease_fire'"):
        parse_agreement(text, "d.yaml")


# what round 2 makes of each function (outcome, clause, body), and words the fact sheet's rows for its
# paragraphs use of it: the function table and the round are both checked against the sheet
ROUND_2 = {
    "cease_fire": (("replaced", "end-of-war.declaration", None), "cessation of hostilities"),
    "demarcation_line": (("continued", "demarcation.line", None), "Military Demarcation Line"),
    "demilitarized_zone": (("replaced", "demarcation.line", None), "Demilitarized Zone"),
    "dmz_administration": (("replaced", "unc.status", "jmc"), "cross the MDL"),
    "han_river_estuary": (("continued", "demarcation.line", None), "Han River Estuary"),
    "coastal_islands": (("continued", "demarcation.line", None), "island"),
    "reinforcement_limits": (("continued", "final.supersession", None), "reinforcing"),
    "violations_and_discipline": (("replaced", "end-of-war.declaration", None), "punish"),
    "remains": (("replaced", "unc.status", "jmc"), "graves-registration"),
    "military_armistice_commission": (("replaced", "unc.status", "jmc"), "Military Armistice Commission"),
    "joint_observer_teams": (("replaced", "unc.status", "jmc"), "Joint Observer Teams"),
    "neutral_nations_supervisory_commission": (("replaced", "unc.status", "prvc"),
                                               "Neutral Nations Supervisory Commission"),
    "inspection_teams": (("replaced", "unc.status", "prvc"), "inspection teams"),
    "prisoners_of_war": (("continued", "final.supersession", None), "POW"),
    "displaced_civilians": (("continued", "final.supersession", None), "civilians"),
    "political_conference": (("replaced", "tracks.division", None), "political conference"),
    "duration_and_supersession": (("replaced", "final.supersession", None), "superseded"),
}


def sheet_rows_for(paragraph: str) -> list[str]:
    """Return the fact sheet's Armistice rows (citation and cells) that carry a paragraph such as '¶19–22'."""
    key = re.match(r"¶(\d+(?:\([a-z]\))?)", paragraph).group(1)
    pattern = re.compile(rf"¶{re.escape(key)}(?![0-9])")
    return [" ".join(cells) for cells in rows(sections()["armistice-1953"]) if pattern.search(cells[0])]


@pytest.mark.parametrize("function", FUNCTION_IDS)
def test_round_2_disposes_of_each_function(function):
    expected, _ = ROUND_2[function]
    item = next(item for item in coverage(load_agreement(str(example_path("round-2")))) if item.function == function)
    assert (item.outcome, item.clause, item.body) == expected


@pytest.mark.skipif(not FACT_SHEET.exists(), reason="the precedent fact sheet (shared/reference) is not beside this checkout")
@pytest.mark.parametrize("function", FUNCTION_IDS)
def test_the_fact_sheet_rows_of_each_function_s_paragraphs_speak_of_it(function):
    _, words = ROUND_2[function]
    found = [sheet_rows_for(paragraph) for paragraph in BY_ID[function].paragraphs]
    assert all(found), f"a paragraph of {function} has no row in the fact sheet"
    assert any(words.lower() in row.lower() for rows_of in found for row in rows_of)


def test_round_2_and_round_1_are_clean_because_everything_is_disposed_of():
    for name in ("round-1", "round-2"):
        found = coverage(load_agreement(str(example_path(name))))
        assert {item.outcome for item in found} <= {"replaced", "continued", "terminated"}
        assert not [item for item in check(load_agreement(str(example_path(name))), strict=True)
                    if item.rule == "armistice-coverage"]


@pytest.mark.parametrize("kind, fields, expected", [
    ("foreign_forces", {"forces_of": "usa", "host": "rok", "disposition": "retain"}, []),
    ("foreign_forces", {"forces_of": "usa", "host": "rok", "disposition": "retain", "personnel_ceiling": 28500},
     [("reinforcement_limits", "replaced")]),
    ("foreign_forces", {"forces_of": "usa", "host": "rok", "disposition": "withdraw"},
     [("reinforcement_limits", "replaced")]),
    ("end_of_war_and_non_aggression", {"ceasefire_permanent": False, "domains": ["land", "air"]}, []),
    ("end_of_war_and_non_aggression", {"ceasefire_permanent": False}, [("cease_fire", "replaced")]),
    ("end_of_war_and_non_aggression", {"forces_compliance": True},
     [("cease_fire", "replaced"), ("violations_and_discipline", "replaced")]),
    ("prisoners_and_remains", {"categories": ["separated_families", "remains"]},
     [("remains", "replaced"), ("displaced_civilians", "replaced")]),
    ("verification", {"body": "prvc", "mandate": ["denuclearization"], "access": ["routine_inspection"]}, []),
    ("verification", {"body": "prvc", "mandate": ["dmz_demilitarization", "foreign_forces"],
                      "access": ["routine_inspection"]},
     [("joint_observer_teams", "replaced"), ("inspection_teams", "replaced")]),
])
def test_a_clause_disposes_of_what_its_values_say(kind, fields, expected):
    clause = TypeAdapter(Clause).validate_python({"id": "n", "kind": kind, **fields})
    assert [(item.function, item.outcome) for item in clause.disposals()] == expected
