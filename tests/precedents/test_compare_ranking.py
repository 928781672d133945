"""Compare ranks by topic and measure first and by words second, and shows nothing that shares neither."""

from __future__ import annotations

import pytest

from agreements.drafts import load_agreement
from agreements.examples import example_path
from precedents.compare import compare_with_precedents, relevance, word_pattern
from precedents.index import SearchIndex
from precedents.match import Match

ROUND_2 = load_agreement(str(example_path("round-2")))


@pytest.fixture(scope="module")
def comparison(tmp_path_factory):
    """Return round 2 compared with the shipped corpus, indexed in a fresh cache."""
    return compare_with_precedents(ROUND_2, SearchIndex.for_folders(folder=tmp_path_factory.mktemp("cache")))


def clause(comparison, node: str):
    """Return the comparison of one clause."""
    return next(item for item in comparison.clauses if item.node == node)


def test_every_provision_shown_shares_the_clauses_topic_or_a_measure(comparison):
    shown = [(item.node, match.provision) for item in comparison.clauses for match in item.matches]
    assert len(shown) >= 100
    strays = [(item.node, match.provision) for item in comparison.clauses for match in item.matches
              if item.topic not in match.topics and not item.parameters.keys() & match.measures().keys()]
    assert strays == []


def test_seats_in_the_bundestag_are_not_set_beside_the_parties_clause(comparison):
    beside = [match.provision for match in clause(comparison, "form.parties").matches]
    assert "unification-treaty-1990.art-42" not in beside
    assert "sanaa-1990.art-1" in beside  # on the topic and saying 'Republic' in its own words


def test_same_topic_and_same_measure_come_first(comparison):
    for item in comparison.clauses:
        words = {match.provision: relevance(match, item.topic, item.parameters, None) for match in item.matches}
        keys = [words[match.provision].order for match in item.matches]
        assert keys == sorted(keys), item.node
    usfk = clause(comparison, "foreign-forces.usfk").matches
    assert usfk[0].measures().keys() & {"withdrawal_days", "foreign_forces_disposition"}


def provision(paraphrase: str, topics: tuple[str, ...], parameters: dict | None = None) -> Match:
    """Return a provision of an agreement whose title says 'German Democratic Republic'."""
    return Match("x.art-1", "x", "Treaty of the German Democratic Republic", "germany", "Art. 1", ("T",), topics,
                 parameters or {}, paraphrase)


def test_a_word_counts_only_in_the_provisions_own_words_not_its_title():
    words = word_pattern(["democratic", "ratification"])
    assert not relevance(provision("Seats in parliament.", ("form_and_parties",)), "form_and_parties", {}, words).shown
    assert relevance(provision("Each party ratifies it.", ("form_and_parties",),
                               {"as_stated": "ratification by both"}), "form_and_parties", {}, words).shown


def test_a_shared_measure_is_enough_and_a_word_alone_on_another_topic_is_not():
    quantities = {"quantities": [{"measure": "withdrawal_days", "value": 60}]}
    other_topic = provision("Forces withdraw.", ("force_reduction_and_redeployment",), quantities)
    assert relevance(other_topic, "foreign_forces", {"withdrawal_days": 365}, None).shown
    assert not relevance(other_topic, "foreign_forces", {}, word_pattern(["withdraw"])).shown
    same = relevance(other_topic, "force_reduction_and_redeployment", {"withdrawal_days": 1}, None)
    assert same.order < relevance(other_topic, "force_reduction_and_redeployment", {}, word_pattern(["forces"])).order


def test_a_provision_fixing_the_same_quantity_is_compared_whatever_its_topic(comparison):
    from precedents.compare import side_by_side

    artillery = clause(comparison, "force.artillery")
    pairs = [(pair.measure, pair.draft, pair.match.provision, pair.shown) for pair in side_by_side(artillery)]
    assert ("pullback_from_line_km", 15.0, "armistice-1953.art-i-1", "2 km") in pairs
    assert "force_reduction_and_redeployment" not in next(
        match for match in artillery.matches if match.provision == "armistice-1953.art-i-1").topics



def test_each_measure_of_a_clause_is_compared(comparison):
    from precedents.compare import side_by_side

    measures = {pair.measure for pair in side_by_side(clause(comparison, "force.artillery"))}
    assert measures == {"pullback_from_line_km", "withdrawal_days"}


def test_the_drafts_ids_and_choices_are_set_beside_precedents_in_words(comparison):
    from precedents.views import _parameter_table

    lines = [line for item in comparison.clauses for line in _parameter_table(item)]
    assert any(line.startswith("    members: draft Republic of Korea, Democratic People's Republic of Korea, United "
                               "States, China | ") for line in lines)
    forces = next(line for line in lines if line.startswith("    what becomes of foreign forces: "))
    assert "_" not in forces and "draft retain with limits | " in forces
