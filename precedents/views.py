"""Text and JSON views of precedents, search results and comparisons (every provision shows its basis code)."""

from __future__ import annotations

import textwrap

from clauses.formatting import show
from precedents.compare import PrecedentComparison
from precedents.corpus import Corpus
from precedents.match import Match
from precedents.model import Parameters, PrecedentAgreement



def _label(name: str) -> str:
    """Return what a reader calls a precedent parameter ('time limit')."""
    return Parameters.model_fields[name].title


def show_value(name: str, value) -> str:
    """Return a parameter value for reading ('2 km', '60 days', '48 hours', 'Canada, Poland')."""
    if name == "hours":
        return f"{value} hours"
    return ", ".join(map(str, value)) if isinstance(value, list) else show(name, value)


def match_line(match: Match) -> str:
    """Return 'Paris 1973, Art. 5 [T] (foreign_forces): paraphrase — days: 60'."""
    typed = {key: value for key, value in match.parameters.items() if key != "as_stated"}
    details = "; ".join(f"{_label(key)}: {show_value(key, value)}" for key, value in typed.items())
    return (f"{match.short_title}, {match.citation} [{match.basis}] ({', '.join(match.topics)}): {match.paraphrase}"
            + (f" — {details}" if details else ""))


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
    lines += ["  " + match_line(Match.of(agreement, provision)) for provision in agreement.provisions]
    if agreement.not_yet_verified:
        lines += ["", "Not yet verified (not loaded as facts)"]
        lines += [f"  - {line}" for line in agreement.not_yet_verified]
    return lines


def comparison_json(comparison: PrecedentComparison) -> dict:
    """Return a comparison as JSON data."""
    return {
        "clauses": [{"node": c.node, "article": c.article, "topic": c.topic, "text": c.text,
                     "parameters": c.parameters, "precedents": [m.to_json() for m in c.matches]} for c in comparison.clauses],
        "left_out": comparison.left_out,
        "armistice": [{"function": item.function, "outcome": item.outcome, "clause": item.clause,
                       "citations": list(item.citations)} for item in comparison.armistice],
    }


def comparison_lines(comparison: PrecedentComparison) -> list[str]:
    """Return the comparison as text: per clause its precedents and a parameter table; then gaps and coverage."""
    lines: list[str] = []
    for clause in comparison.clauses:
        lines += ["", f"{clause.article} · {clause.node} ({clause.topic})"]
        lines += ["  " + match_line(match) for match in clause.matches] or ["  (no precedent on this topic)"]
        lines += _parameter_table(clause.parameters, clause.matches)
    if comparison.left_out:
        lines += ["", "Topics the precedents settle that the draft leaves out"]
        lines += [f"  {topic}: {', '.join(names)}" for topic, names in comparison.left_out.items()]
    if comparison.armistice:
        lines += ["", "The 1953 Armistice's functions under this draft"]
        lines += [f"  {item.summary}" for item in comparison.armistice]
    return lines[1:] if lines and not lines[0] else lines


def _parameter_table(draft: dict, matches: list[Match]) -> list[str]:
    """Return 'distance: draft 15 km | Geneva 1954, Art. 1 [T] 5 km' lines for parameters both sides fix."""
    lines = []
    for name, value in draft.items():
        others = [f"{m.short_title}, {m.citation} [{m.basis}] {show_value(name, m.parameters[name])}"
                  for m in matches if name in m.parameters]
        if others:
            lines.append(f"    {_label(name)}: draft {show_value(name, value)} | " + " | ".join(others))
    return lines
