"""Every topic has a typed clause kind; parameters are checked; alternatives fit their kind."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from clauses.registry import CLAUSE_CLASSES, KINDS, Clause
from clauses.topics import TOPICS

DESIGN_TOPICS = [
    "form_and_parties", "non_korean_parties_roles", "end_of_war_and_non_aggression", "demarcation_and_dmz",
    "dmz_demining", "force_reduction_and_redeployment", "foreign_forces", "un_command_status",
    "inter_korean_relations", "inter_korean_and_multilateral_tracks", "border_controls",
    "denuclearization_linkage", "verification", "dispute_resolution", "prisoners_and_remains",
    "implementation_sequencing", "final_provisions",
]

LABEL = {"en": "x", "ko": "엑스", "zh": "叉"}
SAMPLES = {
    "form_and_parties": {"instrument": "peace_treaty", "parties": ["rok", "dprk"]},
    "non_korean_parties_roles": {"roles": [{"party": "usa", "role": "guarantor", "assurances": ["security_assurance"]}]},
    "end_of_war_and_non_aggression": {"effective": "signature"},
    "demarcation_and_dmz": {"line": "provisional_boundary", "zone": "dmz", "regime": "peace_zone"},
    "dmz_demining": {"standard": "imas", "teams": ["jdt"],
                     "phases": [{"id": "p1", "zones": ["dmz"], "deadline": {"days": 180}}]},
    "force_reduction_and_redeployment": {"pullback_km": 15, "from_zone": "dmz", "categories": ["artillery"],
                                         "deadline": {"days": 90}},
    "foreign_forces": {"forces_of": "usa", "host": "rok", "disposition": "retain_with_limits",
                       "prohibited_weapons": ["nuclear_weapons"]},
    "un_command_status": {"disposition": "transform", "effective": {"days": 365}, "successor_body": "pmc"},
    "inter_korean_relations": {"principles": ["mutual_respect", "non_interference"]},
    "inter_korean_and_multilateral_tracks": {"tracks": [{"id": "t1", "forum": "inter_korean",
                                             "participants": ["rok", "dprk"], "matters": ["dmz_demining"]}]},
    "border_controls": {"people": "permit", "goods": "customs_declared", "money": "declared_above_threshold",
                        "cash_threshold_usd": 10000,
                        "crossings": [{"id": "c1", "name": LABEL, "modes": ["road", "rail"]}]},
    "denuclearization_linkage": {"scope": ["nuclear_weapons"], "verifier": "iaea",
                                 "steps": [{"id": "s1", "track": "denuclearization", "label": LABEL}],
                                 "links": [{"denuclearization_step": "s1", "peace_step": "s2"}]},
    "verification": {"body": "pvc", "mandate": ["demining"], "access": ["routine_inspection"], "notice_hours": 24},
    "dispute_resolution": {"ladder": [{"mechanism": "consultation", "within_days": 30}, {"mechanism": "arbitration"}]},
    "prisoners_and_remains": {"categories": ["remains"], "deadline": {"days": 60}},
    "implementation_sequencing": {"phases": [{"id": "ph1", "label": LABEL,
                                              "steps": [{"id": "s1", "track": "military", "label": LABEL}]}]},
    "final_provisions": {"entry_into_force": "ratification_by_all", "authentic_languages": ["en", "ko", "zh"],
                         "supersedes_armistice": "full"},
    "establishment": {"body": "jmc", "by": ["rok", "dprk"], "deadline": {"days": 30}},
    "armistice_supersession": {"extent": "partial_until_bodies_replaced", "continued": ["prisoners_of_war"]},
    "text": {"text": LABEL},
}

ADAPTER = TypeAdapter(Clause)


def clause(kind: str, **changes) -> dict:
    """Return a valid clause of a kind as plain data, with changes applied."""
    return {"id": "n1", "kind": kind, **SAMPLES[kind], **changes}


def test_every_design_topic_has_a_kind():
    assert list(TOPICS)[:len(DESIGN_TOPICS)] == DESIGN_TOPICS  # in the design's order; a topic added comes after
    assert set(KINDS) == set(TOPICS) | {"establishment", "armistice_supersession", "text"}  # kinds of no topic
    assert len(CLAUSE_CLASSES) == len(TOPICS) + 3


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_each_kind_validates_its_sample(kind):
    node = ADAPTER.validate_python(clause(kind))
    assert type(node) is KINDS[kind]
    assert node.status == "pending"


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_each_kind_refuses_unknown_fields(kind):
    with pytest.raises(ValidationError) as caught:
        ADAPTER.validate_python(clause(kind, colour="blue"))
    assert caught.value.errors()[0]["type"] == "extra_forbidden"


@pytest.mark.parametrize(
    ("kind", "field", "value"),
    [
        ("force_reduction_and_redeployment", "pullback_km", -5),
        ("force_reduction_and_redeployment", "pullback_km", 1000),
        ("force_reduction_and_redeployment", "deadline", {"days": 10**9}),
        ("un_command_status", "disposition", "abolish"),
        ("foreign_forces", "personnel_ceiling", -1),
        ("border_controls", "people", "open_door"),
        ("verification", "mandate", []),
        ("final_provisions", "authentic_languages", ["fr"]),
        ("dispute_resolution", "ladder", [{"mechanism": "duel"}]),
        ("dmz_demining", "phases", []),
    ],
)
def test_typed_parameters_are_checked(kind, field, value):
    with pytest.raises(ValidationError):
        ADAPTER.validate_python(clause(kind, **{field: value}))


def test_children_are_clauses_of_any_kind():
    node = ADAPTER.validate_python(clause("un_command_status", children=[clause("text", id="n1.a")]))
    assert [child.id for child in node.children] == ["n1.a"]


def test_alternative_overrides_are_checked_against_the_kind():
    good = {"id": "n1.b", "proposed_by": ["dprk"], "set": {"disposition": "dissolve"}}
    bad = {**good, "id": "n1.c", "set": {"disposition": "abolish"}}
    node = ADAPTER.validate_python(clause("un_command_status", alternatives=[good, bad]))
    assert node.override_problem(node.alternatives[0]) is None
    assert node.override_problem(node.alternatives[1]) == (
        "alternative n1.c: set.disposition: input should be 'dissolve', 'transform' or 'retain_reduced'"
    )


def test_alternative_cannot_change_structure_or_be_empty():
    node = ADAPTER.validate_python(clause("text", alternatives=[{"id": "b", "proposed_by": ["rok"], "set": {"id": "x"}}]))
    assert node.override_problem(node.alternatives[0]) == "alternative b: cannot set id"
    with pytest.raises(ValidationError, match="needs 'set'"):
        ADAPTER.validate_python(clause("text", alternatives=[{"id": "b", "proposed_by": ["rok"]}]))


def test_deadline_defaults_to_entry_into_force():
    node = ADAPTER.validate_python(clause("prisoners_and_remains"))
    assert (node.deadline.after, node.deadline.days) == ("entry_into_force", 60)
