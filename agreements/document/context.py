"""The template scope of a draft: its registered names, its scheduled events and its cross-references."""

from __future__ import annotations

from pathlib import Path

from agreements.model import Agreement
from agreements.numbering import positions
from agreements.tree import Visit, scheduled_items
from clauses.base import ClauseBase
from clauses.kinds.border_controls import CrossingPoint
from clauses.kinds.dmz_demining import DeminingPhase
from clauses.languages import Language, number_values
from clauses.scope import EventWording, Scope


def _local(text: dict[str, str] | None, words: Language) -> str:
    """Return a text in the language of words, else in English."""
    text = text or {}
    return text.get(words.code) or text.get("en") or ""


def scope_for(agreement: Agreement, user_folder: Path | None = None) -> Scope:
    """Return the scope in which a draft's clause templates are rendered."""
    where = positions(agreement)
    scope = Scope(user_folder=user_folder)
    for entry in (*agreement.parties, *agreement.bodies, *agreement.zones):
        scope.names[entry.id] = entry.names
    for party in agreement.parties:
        if party.short_names:
            scope.short_names[party.id] = party.short_names
    for key, position in where.items():
        scope.references[key] = position.reference
    for visit in scheduled_items(agreement):
        scope.events[visit.model.id] = _event_wording(visit, scope)
    return scope


def _event_wording(visit: Visit, scope: Scope) -> tuple[str, EventWording]:
    """Return the kind of a scheduled item and how to name it in a language."""
    model = visit.model
    if isinstance(model, CrossingPoint):
        return "crossing", lambda words: words.phrase("event_crossing", label=_local(model.name, words))
    if isinstance(model, DeminingPhase):
        number = visit.path[-1] + 1
        return "demining_phase", lambda words: words.phrase("event_demining_phase", **number_values(number))
    if isinstance(model, ClauseBase):
        return "clause", lambda words: words.phrase("event_clause", ref=scope.reference(model.id, words))
    return "step", lambda words: words.phrase("event_step", label=_local(model.label, words))
