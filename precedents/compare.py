"""A draft beside the precedents: each clause's provisions on its topic, ranked, same measures side by side."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic import BaseModel

from agreements.document.context import scope_for
from agreements.document.compose import located_text
from agreements.index import index_of
from agreements.model import Agreement
from agreements.tree import field_plans, scheduled_items
from clauses.base import ClauseBase
from clauses.formatting import Naming
from clauses.languages import DEFAULT_LANGUAGE, language
from clauses.measures import BY_ID
from clauses.topics import TOPICS
from precedents.corpus import later_practice_by_function
from precedents.coverage import ARMISTICE, Coverage, coverage
from precedents.index import SearchIndex
from precedents.match import Match
from precedents.pax import PREFIX as PAX_PREFIX

PER_CLAUSE = 8
PER_MEASURE = 2  # the provisions fixing each measure of a clause shown first, so every measure is compared
# a zone's registry width_km is its total width across the line; per side is half of it
ZONE_WIDTHS = {"zone_width_total_km": 1.0, "zone_width_per_side_km": 0.5}
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
    in_words: dict[str, str] = field(default_factory=dict)  # values that are ids or choices, as a reader names them


@dataclass(frozen=True)
class SideBySide:
    """One value the draft fixes set beside one value a precedent fixes of the same measure."""

    measure: str
    draft: object
    match: Match
    precedent_measure: str
    shown: str


def side_by_side(clause: ClauseMatches) -> list[SideBySide]:
    """Return every pair of a draft value and a precedent value of the same measure, precedent by precedent."""
    return [SideBySide(measure, value, match, their_measure, shown) for measure, value in clause.parameters.items()
            for match in clause.matches for their_measure, shown in match.values() if their_measure == measure]


@dataclass
class PrecedentComparison:
    """The whole comparison: clause by clause, the topics the draft leaves out, and the Armistice's functions."""

    clauses: list[ClauseMatches]
    left_out: dict[str, list[str]]
    armistice: list[Coverage]


def draft_parameters(clause: ClauseBase, agreement: Agreement) -> dict:
    """Return what the clause fixes that precedents also measure, by measure id: its kind's fields and its due days."""
    found: dict = {}
    references = {plan.name: plan.value_ref for plan in field_plans(type(clause))}
    for measure, name in clause.precedent_fields().items():
        if measure in BY_ID and name in type(clause).model_fields:
            found.update(_measure(measure, getattr(clause, name), references.get(name), agreement))
    days = due_days(clause)
    if days is not None and clause.precedent_deadline() in BY_ID:
        found[clause.precedent_deadline()] = days
    return found


def due_days(clause: ClauseBase) -> int | None:
    """Return the days of a clause's own deadline, else the most days of the items it schedules (a phase's)."""
    kind = type(clause)
    if kind.due_field:
        timed = getattr(clause, kind.due_field)
        return None if timed is None else timed.days
    days = [getattr(visit.model, type(visit.model).due_field).days for visit in scheduled_items(clause)
            if "children" not in visit.path and getattr(visit.model, type(visit.model).due_field)]
    return max(days) if days else None


def _measure(measure: str, value, reference: str | None, agreement: Agreement) -> dict:
    """Return one measure of a clause: a zone's width (total, or half of it per side), a body, or the value itself."""
    if reference == "zone":
        zone = next((zone for zone in agreement.zones if zone.id == value), None)
        if zone is None or not zone.width_km or measure not in ZONE_WIDTHS:
            return {}
        return {measure: zone.width_km * ZONE_WIDTHS[measure]}
    if reference == "body":
        body = next((body for body in agreement.bodies if body.id == value), None)
        if body is None:
            return {}
        return {"body": body.names.get(DEFAULT_LANGUAGE, body.id), **({"members": body.members} if body.members else {})}
    if isinstance(value, list) and value and all(isinstance(item, BaseModel) for item in value):
        return {measure: [item.model_dump(mode="json") for item in value]}  # e.g. a no-fly distance per aircraft
    return {} if value is None or value == [] else {measure: value}


def compare_with_precedents(agreement: Agreement, search: SearchIndex, precedents: list[str] | None = None,
                            topic: str | None = None) -> PrecedentComparison:
    """Return every clause of the draft set beside the precedent provisions on its topic, best first."""
    search.check_agreements(list(precedents or []))
    precedents = with_text(search, precedents)
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
        results.append(ClauseMatches(clause.id, label, clause.topic, text, parameters, matches,
                                     in_words(parameters, Naming(ENGLISH, (scope,), clause.kind))))
    covered = {clause.topic for clause in index.paragraphs()}
    settled = search.settled_topics(list(precedents or []))
    left_out = {name: settled[name] for name in TOPICS if name in settled and name not in covered
                and (topic is None or name == topic)}
    armistice = coverage(agreement, later_practice_by_function()) if ARMISTICE in search.agreement_ids() else []
    return PrecedentComparison(results, left_out, armistice)


def in_words(parameters: dict, naming: Naming) -> dict[str, str]:
    """Return the values that are ids or enumerated choices (or lists of them) in words ('DPRK', 'retained …')."""
    found = {}
    for measure, value in parameters.items():
        items = value if isinstance(value, list) else [value]
        if items and all(isinstance(item, str) for item in items):
            found[measure] = ", ".join(naming.of(item) for item in items)
    return found


STEM = 6  # words are compared by their first six letters, so 'withdraw', 'withdrawal' and 'withdrawn' meet


def word_pattern(words) -> re.Pattern | None:
    """Return a pattern finding any of the words, by its first six letters at a word's start (None: no words)."""
    stems = sorted({word.lower()[:STEM] for word in words if word})
    return re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + ")") if stems else None


@dataclass(frozen=True)
class Relevance:
    """How a provision bears on a clause: the same topic, how many of its measures, whether it says one of its words."""

    same_topic: bool
    measures: int
    words: bool

    @property
    def shown(self) -> bool:
        """Return whether the provision is set beside the clause: it shares a measure, or the topic and a word."""
        return self.measures > 0 or (self.same_topic and self.words)

    @property
    def order(self) -> tuple[bool, bool, int]:
        """Return the sort key: a shared measure first (on the topic before off it), then the topic alone (words
        rank within, by BM25)."""
        return (not self.measures, not self.same_topic, -self.measures)


def relevance(match: Match, topic: str, parameters: dict, words: re.Pattern | None) -> Relevance:
    """Return how a provision bears on a clause of a topic, with its measures and its telling words (a word_pattern)."""
    shared = len(parameters.keys() & match.measures().keys())
    return Relevance(topic in match.topics, shared, bool(words and words.search(match.own_text)))


def with_text(search: SearchIndex, precedents: list[str] | None) -> list[str] | None:
    """Return the agreements to set beside clauses: those named, else all but PA-X imports (coding, no text).

    None means every agreement of the index (nothing was imported from PA-X).
    """
    if precedents:
        return list(precedents)
    every = search.agreement_ids()
    kept = [key for key in every if not key.startswith(PAX_PREFIX)]
    return None if len(kept) == len(every) else kept


def _ranked(index: SearchIndex, topic: str, text: str, precedents: list[str] | None,
            parameters: dict) -> list[Match]:
    """Return the provisions shown beside a clause: by topic and measure first, by words second.

    A provision is shown when it shares one of the clause's measures (on any topic: provisions fixing a quantity
    of one of them are looked up too), or its topic and one of its telling words in the provision's own words (its
    paraphrase and the sheet's words, not its agreement's title); those on the topic that fix the same measures come
    first, then the others by BM25 relevance to the clause's words. Each precedent
    agreement gets its best provision in before any gets a second one.
    """
    words = index.telling_words(text)
    found: list[Match] = []
    if words:
        found = index.matches([key for key, _ in index.search(words, topic=topic, agreements=precedents,
                                                                limit=4 * PER_CLAUSE, any_word=True)])
    seen = {match.provision for match in found}
    if len(found) < 4 * PER_CLAUSE:  # a measure, or a word FTS5 does not stem ('denuclearisation'), may still match
        found += index.matches([key for key in index.on_topic(topic, precedents, 4 * PER_CLAUSE) if key not in seen])
    seen = {match.provision for match in found}
    found += index.matches([key for key in index.with_measures(list(parameters), precedents, 4 * PER_CLAUSE)
                            if key not in seen])  # on any topic: the same quantity is worth setting side by side
    clause_words = word_pattern(words.split())
    standing = {match.provision: relevance(match, topic, parameters, clause_words) for match in found}
    ranked = sorted((match for match in found if standing[match.provision].shown),
                    key=lambda match: standing[match.provision].order)
    return _chosen(ranked, list(parameters))


def _chosen(ranked: list[Match], measures: list[str]) -> list[Match]:
    """Return at most PER_CLAUSE provisions in their order: the best few fixing each of the clause's measures, then
    each agreement's best before any second one."""
    order = {match.provision: place for place, match in enumerate(ranked)}
    fixed = {match.provision: match.measures().keys() for match in ranked}
    picked: dict[str, Match] = {}
    for measure in measures:
        fixing = [match for match in ranked if measure in fixed[match.provision] and match.provision not in picked]
        picked.update((match.provision, match) for match in fixing[:min(PER_MEASURE, PER_CLAUSE - len(picked))])
    rest = [match for match in ranked if match.provision not in picked]
    return sorted([*picked.values(), *_one_per_agreement_first(rest, PER_CLAUSE - len(picked))],
                  key=lambda match: order[match.provision])


def _one_per_agreement_first(ranked: list[Match], room: int) -> list[Match]:
    """Return at most `room` provisions in their order, each agreement's best taken before any second one."""
    order = {match.provision: place for place, match in enumerate(ranked)}
    chosen: dict[str, Match] = {}
    for match in ranked:
        chosen.setdefault(match.agreement, match)
    picked = sorted(chosen.values(), key=lambda match: order[match.provision])[:room]
    taken = {match.provision for match in picked}
    picked += [match for match in ranked if match.provision not in taken][: room - len(picked)]
    return sorted(picked, key=lambda match: order[match.provision])
