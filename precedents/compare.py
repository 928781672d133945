"""A draft beside the precedents: for each clause the provisions on its topic, ranked, with parameters side by side."""

from __future__ import annotations

from dataclasses import dataclass, field

from agreements.model import Agreement, Article, Part
from agreements.numbering import positions
from agreements.document.context import scope_for
from agreements.document.segments import MissingText, own_text
from clauses.base import ClauseBase
from clauses.languages import language
from clauses.registry import TOPICS
from precedents.coverage import ARMISTICE, Coverage, coverage
from precedents.index import SearchIndex
from precedents.match import Match

PER_CLAUSE = 8
ENGLISH = language("en")


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
    """Return the clause parameters that precedents also fix: distances, days, bodies and members, disposition."""
    found: dict = {}
    for name in ("pullback_km", "width_km"):
        if getattr(clause, name, None) is not None:
            found["distance_km"] = getattr(clause, name)
    zone = next((z for z in agreement.zones if z.id == getattr(clause, "zone", None)), None)
    if zone is not None and zone.width_km:
        found["distance_km"] = zone.width_km
    timed = getattr(clause, type(clause).due_field or "", None) if type(clause).due_field else None
    if timed is not None:
        found["days"] = timed.days
    body_id = getattr(clause, "body", None) or getattr(clause, "successor_body", None)
    body = next((b for b in agreement.bodies if b.id == body_id), None)
    if body is not None:
        found["body"] = body.names.get("en", body.id)
        found["members"] = body.members
    if getattr(clause, "disposition", None) and clause.kind == "foreign_forces":
        found["foreign_forces"] = clause.disposition
    return found


def compare_with_precedents(agreement: Agreement, index: SearchIndex, precedents: list[str] | None = None,
                            topic: str | None = None) -> PrecedentComparison:
    """Return every clause of the draft set beside the precedent provisions on its topic, best first."""
    index.check_agreements(list(precedents or []))
    scope = scope_for(agreement)
    articles = _article_of(agreement)
    where = positions(agreement)
    results = []
    for clause in _clauses(agreement):
        if clause.topic == "text" or (topic and clause.topic != topic):
            continue
        try:
            text = own_text(clause, "en", scope)
        except MissingText:
            text = ""
        parameters = draft_parameters(clause, agreement)
        matches = _ranked(index, clause.topic, text, precedents, parameters)
        article = articles.get(clause.id)
        label = where[article].label(ENGLISH) if article in where else ""
        results.append(ClauseMatches(clause.id, label, clause.topic, text, parameters, matches))
    covered = {clause.topic for clause in _clauses(agreement)}
    settled = index.settled_topics(list(precedents or []))
    left_out = {name: settled[name] for name in TOPICS if name in settled and name not in covered
                and (topic is None or name == topic)}
    armistice = coverage(agreement, index.functions(ARMISTICE)) if ARMISTICE in index.agreement_ids() else []
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


def _clauses(agreement: Agreement) -> list[ClauseBase]:
    """Return the paragraphs of the draft (not their points), in order."""
    found = []
    for top in agreement.body:
        for article in top.children if isinstance(top, Part) else [top]:
            found += [clause for clause in article.children if isinstance(clause, ClauseBase)]
    return found


def _article_of(agreement: Agreement) -> dict[str, str]:
    """Return the article id of every paragraph."""
    found = {}
    for top in agreement.body:
        for article in top.children if isinstance(top, Part) else [top]:
            if isinstance(article, Article):
                found.update({clause.id: article.id for clause in article.children})
    return found
