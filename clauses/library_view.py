"""What `clauses show` tells about an option: parameters with types and defaults, rationale, precedents, text."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator

from pydantic import BaseModel

from clauses.languages import DEFAULT_LANGUAGE
from clauses.library import find_option
from clauses.linebreaks import wrap_columns
from clauses.parameters import parameters
from clauses.registry import KINDS
from clauses.rendering import clause_text
from clauses.scope import Scope


def option_report(option_id: str, lang: str) -> dict:
    """Return everything a drafter needs to know about an option, as plain data."""
    option = find_option(option_id)
    clause = option.instantiate()
    defaults = clause.model_dump(mode="json")
    return {
        "id": option.id,
        "title": option.title,
        "topic": option.kind,
        "heading": option.heading.get(lang) or option.heading.get(DEFAULT_LANGUAGE),
        "parameters": [
            {"name": parameter.name, "type": parameter.description, "required": parameter.required,
             "value": defaults.get(parameter.name)}
            for parameter in parameters(KINDS[option.kind])
        ],
        "rationale": " ".join(option.rationale.split()),
        "citations": [citation.model_dump() for citation in option.citations],
        "lang": lang,
        "text": clause_text(clause, lang, option_scope(clause)),
    }


def option_scope(clause: BaseModel) -> Scope:
    """Return the scope of an option's text: its own steps, phases and crossings named as a draft names them.

    An option's scheduled items have local ids ('step-freeze', 'phase-1'); without a draft around it, they
    are registered here so that the text reads 'the step “Freeze …”' or 'phase 1 of demining', not the id.
    An event outside the option is named as a step provided for elsewhere in the agreement.
    """
    scope = Scope(elsewhere=lambda words: words.phrase("event_elsewhere"))
    for item, number in _scheduled(clause):
        scope.events[item.id] = (item.event_is_completion, _wording(item, number, scope))
    return scope


def _scheduled(model: BaseModel) -> Iterator[tuple[BaseModel, int]]:
    """Yield the items with an id and a due date of their own below a model, each with its place in its list."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = value if isinstance(value, list) else [value]
        for number, item in enumerate(items, 1):
            if not isinstance(item, BaseModel):
                continue
            if getattr(type(item), "due_field", None) and getattr(item, "id", None):
                yield item, number
            yield from _scheduled(item)


def _wording(item: BaseModel, number: int, scope: Scope):
    """Return how a scheduled item is named in a language, as a draft's scope names it."""
    return lambda words: words.phrase(item.event_phrase, **item.event_values(number, words, scope))


def format_report(report: dict) -> str:
    """Return an option report as readable text (the option's text wrapped by display columns, in any script)."""
    wrap = textwrap.TextWrapper(width=96, initial_indent="  ", subsequent_indent="  ")
    deeper = textwrap.TextWrapper(width=96, initial_indent="    ", subsequent_indent="    ")
    lines = [f"{report['id']} — {report['title']}", f"topic: {report['topic']}", "", "Parameters"]
    width = max(len(row["name"]) for row in report["parameters"])
    for row in report["parameters"]:
        marker = "*" if row["required"] else " "
        lines.append(f"  {row['name']:<{width}}{marker} = {_value(row['value'])}")
        lines.append(f"  {'':<{width}}   {row['type']}")
    lines += ["", "Rationale", wrap.fill(report["rationale"]), "", "Precedents"]
    for citation in report["citations"] or [{"precedent": "(none in the fact sheet)", "provision": "", "basis": "",
                                              "relevance": ""}]:
        basis = f" [{citation['basis']}]" if citation["basis"] else ""
        lines.append(f"  {citation['precedent']} {citation['provision']}{basis}")
        if citation["relevance"]:
            lines.append(deeper.fill(" ".join(citation["relevance"].split())))
    lines += ["", f"Text ({report['lang']})", *(f"  {line}" for line in wrap_columns(report["text"], 94))]
    return "\n".join(lines)


def _value(value: object) -> str:
    """Return a default value compactly."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_value(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    return "—" if value is None else str(value)
