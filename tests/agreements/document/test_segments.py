"""Brackets and options: inline when options differ in one phrase, whole otherwise; agreed text bare."""

from __future__ import annotations

from agreements.drafts import parse_agreement
from agreements.document.context import scope_for
from agreements.document.segments import Bracket, Option, node_segments
from agreements.render.text import format_segments
from agreements.tree import iter_models
from clauses.languages import language
from tests.conftest import BASE_DRAFT, mutate

BASE = BASE_DRAFT.read_text(encoding="utf-8")


def node_text(text: str, node_id: str, lang: str = "en") -> str:
    """Return one node's rendered text with its brackets."""
    agreement = parse_agreement(text, "d.yaml")
    node = next(visit.model for visit in iter_models(agreement) if getattr(visit.model, "id", None) == node_id)
    scope = scope_for(agreement)
    return format_segments(node_segments(node, lang, scope), language(lang), scope)


def test_options_differing_in_one_number_bracket_only_that_number():
    assert node_text(BASE, "pullback.distance") == (
        "The Parties shall, within 90 days after the entry into force of this Agreement, withdraw their artillery "
        "and armoured vehicles to a distance of not less than [10] [20 (Democratic People's Republic of Korea)] "
        "kilometres from the Demilitarized Zone. Military exercises in that area shall be notified to the other "
        "Parties in advance."
    )


def test_proposers_label_every_option_in_every_language():
    text = mutate(BASE, "            status: bracketed\n", "            status: bracketed\n            proposed_by: [rok]\n")
    assert "[10 (Republic of Korea)] [20 (Democratic People's Republic of Korea)]" in node_text(text, "pullback.distance")
    assert "[10킬로미터(대한민국 제안)] [20킬로미터(조선민주주의인민공화국 제안)]" in node_text(text, "pullback.distance", "ko")
    chinese = node_text(text, "pullback.distance", "zh")
    assert "[10（大韩民国）] [20（朝鲜民主主义人民共和国）]" in chinese


def test_options_that_differ_throughout_are_whole_labelled_options():
    text = mutate(BASE, "set: {pullback_km: 20}", "set: {pullback_km: 20, categories: [drones], exercises: suspended}")
    rendered = node_text(text, "pullback.distance")
    assert rendered.startswith("[Option A: The Parties shall")
    assert " [Option B (Democratic People's Republic of Korea): The Parties shall" in rendered


def test_bracketed_without_options_and_agreed_text():
    text = mutate(BASE, "set: {pullback_km: 20}", "set: {pullback_km: 20}\n                withdrawn: true")
    assert node_text(text, "pullback.distance").startswith("[The Parties shall") and node_text(text, "pullback.distance").endswith("advance.]")
    assert "[" not in node_text(BASE, "unc.status")


def test_segments_keep_the_shared_sentence_outside_the_bracket():
    agreement = parse_agreement(BASE, "d.yaml")
    node = next(visit.model for visit in iter_models(agreement) if getattr(visit.model, "id", None) == "pullback.distance")
    segments = node_segments(node, "zh", scope_for(agreement))
    assert isinstance(segments[1], Bracket) and segments[1].inline
    assert segments[1].options == (Option(None, (), "10"), Option(None, ("dprk",), "20"))
    assert segments[0].endswith("不少于") or "10" not in segments[0]
