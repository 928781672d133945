"""Text and JSON views of precedents, search results and comparisons (every provision shows all its basis codes)."""

from __future__ import annotations

import textwrap

from clauses.formatting import show
from precedents.compare import ClauseMatches, PrecedentComparison, side_by_side
from precedents.corpus import Corpus
from precedents.match import Match
from clauses.measures import BY_ID
from precedents.model import PrecedentAgreement, shown_basis


def _label(measure: str) -> str:
    """Return what a reader calls a measure ('pull-back from the line')."""
    return BY_ID[measure].title if measure in BY_ID else measure


def show_value(measure: str, value) -> str:
    """Return a draft's value of a measure for reading ('2 km', '60 days', 'Canada, Poland')."""
    unit = BY_ID[measure].unit if measure in BY_ID else ""
    if isinstance(value, list):
        return ", ".join(show_value(measure, item) for item in value)
    if isinstance(value, dict):  # one of several values, with what it applies to: {'aircraft': …, 'km': 40}
        numbers = [item for item in value.values() if isinstance(item, (int, float)) and not isinstance(item, bool)]
        words = [str(item) for item in value.values() if item not in numbers]
        return show_value(measure, numbers[0]) + (f" ({', '.join(words)})" if words else "") if numbers else show(measure, value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and unit:
        number = f"{int(value):,}" if float(value).is_integer() else f"{value:g}"
        return f"{number} {unit}"
    return show(measure, value)


def match_line(match: Match) -> str:
    """Return 'Paris 1973, Art. 5 [T] (foreign_forces): paraphrase — period for withdrawing forces: 60 days'."""
    details = "; ".join(f"{_label(measure)}: {', '.join(values)}" for measure, values in match.measures().items())
    return (f"{match.cited} ({', '.join(match.topics)}): {match.paraphrase}" + (f" — {details}" if details else ""))


def agreement_json(agreement: PrecedentAgreement, corpus: Corpus, provisions: bool = True) -> dict:
    """Return an agreement as JSON data, with its provisions."""
    data = agreement.model_dump(mode="json", exclude={"provisions"})
    data["provision_count"] = len(agreement.provisions)
    if provisions:
        data["provisions"] = [Match.of(agreement, provision).to_json() for provision in agreement.provisions]
    return data


def list_lines(corpus: Corpus) -> list[str]:
    """Return a line per agreement."""
    width = max(len(key) for key in corpus.agreements)
    return [f"{agreement.id:<{width}}  {agreement.date}  {agreement.region:<8} {len(agreement.provisions):>3} provisions"
            f"{f', {len(agreement.not_yet_verified)} not yet verified' if agreement.not_yet_verified else ''}"
            f"  {agreement.short_title}" for agreement in corpus.agreements.values()]


def show_lines(agreement: PrecedentAgreement, corpus: Corpus) -> list[str]:
    """Return an agreement's description, provisions and the facts not yet verified."""
    wrap = textwrap.TextWrapper(width=100, initial_indent="  ", subsequent_indent="  ")
    lines = [f"{agreement.title}", f"{agreement.date}" + (f", {agreement.place}" if agreement.place else ""),
             f"parties: {'; '.join(agreement.parties) or '—'}", f"languages: {', '.join(agreement.languages) or '—'}",
             "", wrap.fill(" ".join(agreement.context.split())), "", "Provisions"]
    lines += ["  " + _provision_line(agreement, provision) for provision in agreement.provisions]
    if agreement.later_practice:
        lines += ["", "Later practice (not treaty text)"]
        lines += [f"  - {', '.join(item.functions)}: {item.line}" + (" (contradictory)" if item.contradictory else "")
                  for item in agreement.later_practice]
    if agreement.not_yet_verified:
        lines += ["", "Not yet verified (not loaded as facts)"]
        lines += [f"  - {line}" for line in agreement.not_yet_verified]
    return lines


def _provision_line(agreement: PrecedentAgreement, provision) -> str:
    """Return a provision's line; a mis-cited row points to the provision that holds its content."""
    if provision.moved_to:
        return (f"{provision.citation} {shown_basis(provision.basis)}: mis-cited in the sources — its content is "
                f"{provision.moved_to}; as stated: {provision.parameters.as_stated}")
    earlier = f" (earlier {shown_basis(provision.earlier_basis)})" if provision.earlier_basis else ""
    return match_line(Match.of(agreement, provision)) + earlier


def comparison_json(comparison: PrecedentComparison) -> dict:
    """Return a comparison as JSON data."""
    return {
        "clauses": [{"node": c.node, "article": c.article, "topic": c.topic, "text": c.text,
                     "parameters": c.parameters, "precedents": [m.to_json() for m in c.matches]} for c in comparison.clauses],
        "left_out": comparison.left_out,
        "armistice": [{"function": item.function, "title": item.title, "outcome": item.outcome, "clause": item.clause,
                       "body": item.body, "paragraphs": list(item.paragraphs), "proposed_in": list(item.proposed),
                       "later_practice": list(item.practice)}
                      for item in comparison.armistice],
    }


def comparison_lines(comparison: PrecedentComparison) -> list[str]:
    """Return the comparison as text: per clause its precedents and a parameter table; then gaps and coverage."""
    lines: list[str] = []
    for clause in comparison.clauses:
        lines += ["", f"{clause.article} · {clause.node} ({clause.topic})"]
        lines += ["  " + match_line(match) for match in clause.matches] or ["  (no precedent on this topic)"]
        lines += _parameter_table(clause)
    if comparison.left_out:
        lines += ["", "Topics the precedents settle that the draft leaves out"]
        lines += [f"  {topic}: {', '.join(names)}" for topic, names in comparison.left_out.items()]
    if comparison.armistice:
        lines += ["", "The 1953 Armistice's functions under this draft"]
        for item in comparison.armistice:
            lines += [f"  {item.summary}"] + [f"    later practice: {line}" for line in item.practice]
    return lines[1:] if lines and not lines[0] else lines


def _parameter_table(clause: ClauseMatches) -> list[str]:
    """Return 'pull-back from the line: draft 2 km | Korean Armistice 1953, Art. I ¶1 [T] 2 km' per measure both fix."""
    rows: dict[str, list[str]] = {}
    for pair in side_by_side(clause):
        rows.setdefault(pair.measure, []).append(f"{pair.match.cited} {pair.shown}")
    return [f"    {_label(measure)}: draft {clause.in_words.get(measure) or show_value(measure, clause.parameters[measure])}"
            " | " + " | ".join(others) for measure, others in rows.items()]
