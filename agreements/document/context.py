"""The template scope of a draft: its registered names, its scheduled events and its cross-references."""

from __future__ import annotations

from pathlib import Path

from agreements.index import index_of
from agreements.model import Agreement
from agreements.tree import Visit, scheduled_items
from clauses.scope import EventWording, Scope


def scope_for(agreement: Agreement, user_folder: Path | None = None) -> Scope:
    """Return the scope in which a draft's clause templates are rendered."""
    scope = Scope(user_folder=user_folder)
    for entry in (*agreement.parties, *agreement.bodies, *agreement.zones):
        scope.names[entry.id] = entry.names
        scope.records[entry.id] = entry
    for party in agreement.parties:
        if party.short_names:
            scope.short_names[party.id] = party.short_names
    for key, number in index_of(agreement).numbers.items():
        scope.references[key] = number.reference
    for visit in scheduled_items(agreement):
        scope.events[visit.model.id] = _event_wording(visit, scope)
    return scope


def _event_wording(visit: Visit, scope: Scope) -> tuple[bool, EventWording]:
    """Return whether a scheduled item's event is its completion, and how to name it in a language."""
    model = visit.model
    number = visit.path[-1] + 1 if visit.path and isinstance(visit.path[-1], int) else 1
    return model.event_is_completion, lambda words: words.phrase(model.event_phrase,
                                                                 **model.event_values(number, words, scope))
