"""Walking the tree: every model in document order, every reference with its path."""

from __future__ import annotations

from agreements.drafts import parse_agreement
from agreements.tree import iter_models, iter_references, scheduled_items
from tests.conftest import BASE_DRAFT

AGREEMENT = parse_agreement(BASE_DRAFT.read_text(encoding="utf-8"), "base.yaml")


def test_models_come_parents_first_in_tree_order():
    ids = [visit.model.id for visit in iter_models(AGREEMENT) if hasattr(visit.model, "id")]
    assert ids == [
        "rok", "dprk", "unc", "jmc", "dmz", "military", "pullback", "pullback.distance", "pullback.distance.opt-b",
        "unc-article", "unc.status", "final", "final.parties", "final.steps", "final.steps.note", "phase-1",
        "step.liaison", "step.talks",
    ]


def test_references_carry_target_path_and_owner():
    refs = {(ref.target, ref.value, ref.owner_id, ref.is_key): ref.path for ref in iter_references(AGREEMENT)}
    assert refs[("zone", "dmz", "pullback.distance", False)] == ("body", 0, "children", 0, "children", 0, "from_zone")
    assert ("party", "dprk", "pullback.distance", True) in refs
    assert ("party", "dprk", "pullback.distance.opt-b", False) in refs
    assert ("event", "pullback.distance", "unc.status", False) in refs
    assert ("actor", "jmc", "step.talks", False) in refs
    assert ("body", "jmc", "unc.status", False) in refs


def test_scheduled_items_are_the_timed_models():
    assert [visit.model.id for visit in scheduled_items(AGREEMENT)] == [
        "pullback.distance", "unc.status", "step.liaison", "step.talks",
    ]
