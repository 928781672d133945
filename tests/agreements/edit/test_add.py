"""A whole draft composed from nothing with add, set and position, then validated and rendered in three languages."""

from __future__ import annotations

from agreements.drafts import load_agreement
from agreements.tree import iter_models
from cli import main
from clauses.base import ClauseBase
from clauses.topics import TOPICS

CHOICES = {
    "form_and_parties": ["form/four-party-treaty", "--party", "usa=signatory", "--party", "prc=signatory"],
    "non_korean_parties_roles": ["roles/signatories-mutual-assurances", "--party", "un=witness"],
    "end_of_war_and_non_aggression": ["end_war/on-entry-into-force"],
    "demarcation_and_dmz": ["dmz/peace-zone"],
    "dmz_demining": ["demining/phased-joint-imas"],
    "force_reduction_and_redeployment": ["forces/guard-posts"],
    "foreign_forces": ["foreign/usfk-capped"],
    "un_command_status": ["unc_status/dissolve", "--as", "unc.status", "--set", "effective.days=365"],
    "inter_korean_relations": ["relations/special-relationship"],
    "inter_korean_and_multilateral_tracks": ["tracks/inter-korean-and-four-party"],
    "border_controls": ["border/pre-registered-lists"],
    "denuclearization_linkage": ["denuc/action-for-action"],
    "verification": ["verify/four-party-commission"],
    "dispute_resolution": ["disputes/dialogue-and-commissions"],
    "prisoners_and_remains": ["pow/comprehensive"],
    "implementation_sequencing": ["seq/three-phase-action-for-action"],
    "final_provisions": ["final/ratification-full-supersession"],
}


def run(runner, *args: str) -> str:
    """Run a command that must succeed; return its stderr."""
    result = runner.invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stderr


def test_compose_a_full_draft_with_add_set_and_position(runner, tmp_path):
    draft = str(tmp_path / "draft.yaml")
    run(runner, "new", draft)
    assert set(CHOICES) <= set(TOPICS)
    for topic in CHOICES:
        run(runner, "add", draft, *CHOICES[topic])
    run(runner, "add", draft, "unc_status/transform", "--alternative-to", "unc.status", "--proposed-by", "usa")
    run(runner, "set", draft, "forces.guard-posts", "pullback_km=3", "deadline.days=120")
    run(runner, "position", draft, "unc.status", "usa", "oppose", "--note", "Keep the Command until denuclearization")
    run(runner, "position", draft, "unc.status", "dprk", "support")
    run(runner, "set", draft, "form.four-party-treaty", "status=agreed")

    validation = runner.invoke(main, ["validate", draft])
    assert validation.exit_code == 0, validation.output
    agreement = load_agreement(draft)
    kinds = {visit.model.kind for visit in iter_models(agreement) if isinstance(visit.model, ClauseBase)}
    assert kinds >= set(CHOICES)
    unc = next(visit.model for visit in iter_models(agreement) if getattr(visit.model, "id", None) == "unc.status")
    assert unc.status == "bracketed" and unc.positions["usa"].stance == "oppose"

    texts = {lang: runner.invoke(main, ["render", draft, "--lang", lang]).stdout for lang in ("en", "ko", "zh")}
    assert "Article 19" in texts["en"] and "not less than 3 kilometres" in texts["en"]
    assert "[Option B (United States): The United Nations Command shall be transformed" in texts["en"]
    assert "제19조" in texts["ko"] and "3킬로미터" in texts["ko"]
    assert "第十九条" in texts["zh"] and "3公里" in texts["zh"]
    assert all("⟨no" not in text for text in texts.values())
