"""A draft beside the precedents: for each clause the provisions on its topic, ranked, with parameters side by side."""

from __future__ import annotations

from dataclasses import dataclass, field

from agreements.document.context import scope_for
from agreements.document.compose import located_text
from agreements.index import index_of
from agreements.model import Agreement
from agreements.tree import field_plans
from clauses.base import ClauseBase
from clauses.languages import DEFAULT_LANGUAGE, language
from clauses.topics import TOPICS
from precedents.coverage import ARMISTICE, Coverage, coverage
from precedents.index import SearchIndex
from precedents.match import Match
from precedents.model import Parameters

PER_CLAUSE = 8
ENGLISH = language(DEFAULT_LANGUAGE)


@dataclass
class ClauseMatches:
    """One clause of the draft and the precedents on its point."""

    node: str
    article: str
    topic: str
    text: str
    parameters: dict
    matches: list[Match] = field(default_factory=list)


@dataclass
class PrecedentComparison:
    """The whole comparison: clause by clause, the topics the draft leaves out, and the Armistice's functions."""

    clauses: list[ClauseMatches]
    left_out: dict[str, list[str]]
    armistice: list[Coverage]


def draft_parameters(clause: ClauseBase, agreement: Agreement) -> dict:
    """Return what the clause fixes that precedents also fix: its kind's measures, and the days of its deadline."""
    found: dict = {}
    references = {plan.name: plan.value_ref for plan in field_plans(type(clause))}
    for measure, name in clause.precedent_measures.items():
        found.update(_measure(measure, getattr(clause, name), references.get(name), agreement))
    timed = getattr(clause, type(clause).due_field) if type(clause).due_field else None
    if timed is not None:
        found["days"] = timed.days
    return {name: found[name] for name in Parameters.model_fields if name in found}


def _measure(measure: str, value, reference: str | None, agreement: Agreement) -> dict:
    """Return one measure of a clause: a zone's width, a body's name and members, or the value itself."""
    if reference == "zone":
        zone = next((zone for zone in agreement.zones if zone.id == value), None)
        return {measure: zone.width_km} if zone is not None and zone.width_km else {}
    if reference == "body":
        body = next((body for body in agreement.bodies if body.id == value), None)
        if body is None:
            return {}
        return {"body": body.names.get(DEFAULT_LANGUAGE, body.id), "members": body.members}
    return {} if value is None else {measure: value}


def compare_with_precedents(agreement: Agreement, search: SearchIndex, precedents: list[str] | None = None,
                            topic: str | None = None) -> PrecedentComparison:
    """Return every clause of the draft set beside the precedent provisions on its topic, best first."""
    search.check_agreements(list(precedents or []))
    scope = scope_for(agreement)
    index = index_of(agreement)
    results = []
    for clause in index.paragraphs():
        if not clause.topic or (topic and clause.topic != topic):
            continue
        text = located_text(agreement, clause, DEFAULT_LANGUAGE, scope)
        parameters = draft_parameters(clause, agreement)
        matches = _ranked(search, clause.topic, text, precedents, parameters)
        article = index.places[clause.id].article
        label = index.numbers[article].label(ENGLISH) if article in index.numbers else ""
        results.append(ClauseMatches(clause.id, label, clause.topic, text, parameters, matches))
    covered = {clause.topic for clause in index.paragraphs()}
    settled = search.settled_topics(list(precedents or []))
    left_out = {name: settled[name] for name in TOPICS if name in settled and name not in covered
                and (topic is None or name == topic)}
    armistice = coverage(agreement, search.functions(ARMISTICE)) if ARMISTICE in search.agreement_ids() else []
    return PrecedentComparison(results, left_out, armistice)


def _ranked(index: SearchIndex, topic: str, text: str, precedents: list[str] | None,
            parameters: dict) -> list[Match]:
    """Return the provisions on a topic: those fixing the clause's parameters, then those most like its words.

    Each precedent agreement gets its best provision in before any gets a second one.
    """
    scored: list[Match] = []
    words = index.telling_words(text)
    if words:
        scored = index.matches([key for key, _ in
                                index.search(words, topic=topic, agreements=precedents, limit=4 * PER_CLAUSE,
                                             any_word=True)])
    seen = {match.provision for match in scored}
    ranked = list(scored)
    if len(scored) < 4 * PER_CLAUSE:
        ranked += index.matches([key for key in index.on_topic(topic, precedents, 4 * PER_CLAUSE) if key not in seen])
    ranked.sort(key=lambda match: -len(parameters.keys() & match.parameters.keys()))
    order = {match.provision: place for place, match in enumerate(ranked)}
    chosen: dict[str, Match] = {}
    for match in ranked:
        chosen.setdefault(match.agreement, match)
    picked = sorted(chosen.values(), key=lambda match: order[match.provision])[:PER_CLAUSE]
    taken = {match.provision for match in picked}
    picked += [match for match in ranked if match.provision not in taken][: PER_CLAUSE - len(picked)]
    return sorted(picked, key=lambda match: order[match.provision])
