"""The options of a clause with open alternatives on the timeline: the items each option schedules, and their days.

Option A is the clause as written; each alternative not withdrawn is an option of its own (B, C …, as the
text letters them). An alternative that sets parameters schedules the items of the clause with them set
(its own deadline, phases or steps); its items count from each other first, then from the rest of the draft.
An alternative that is text alone fixes no day: its items are listed with the reason. (An alternative whose
parameters do not fit its clause is refused when the draft is loaded.) The points below the clause are the same in every option and are not repeated.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from agreements.index import AgreementIndex
from agreements.schedule.labels import place_number
from agreements.schedule.sequencing import Scheduled, SequencingCycle, collect, due_day, order
from agreements.tree import scheduled_items
from clauses.base import Alternative, ClauseBase

TEXT_ONLY = "the option is text alone, with no typed deadline"
CIRCLE = "the option's items wait for each other in a circle"


@dataclass(frozen=True)
class Option:
    """One option of a clause: its letter, the alternative (None for A), its items with their days."""

    clause: ClauseBase
    letter: str
    alternative: Alternative | None
    items: dict[str, Scheduled]
    models: dict[str, tuple[BaseModel, int]]  # id → the item and its place in its list (1 …)
    days: dict[str, int | None]
    reason: str | None = None  # why the option's items have no fixed day
    variant: ClauseBase | None = None  # the clause with the alternative's parameters set

    @property
    def links(self) -> list[tuple[str, str]]:
        """Return the items the option ties together, action for action, as timeline keys."""
        clause = self.variant or self.clause
        return [(self.key(first), self.key(unlocked)) for first, unlocked in clause.unlocks()]

    @property
    def proposers(self) -> list[str]:
        """Return the parties that propose this option."""
        return list(self.alternative.proposed_by if self.alternative else self.clause.proposed_by)

    def key(self, item_id: str) -> str:
        """Return the timeline key of one of the option's items, or of an item it names (its own, else the draft's)."""
        return f"{item_id}@{self.letter}" if self.alternative and item_id in self.items else item_id


def options(index: AgreementIndex, days: dict[str, int | None]) -> Iterator[Option]:
    """Yield every option of every clause with open alternatives that schedules items, A first."""
    for clause in index.clauses():
        alternatives = clause.open_alternatives()
        base = clause.model_copy(update={"children": []})  # the points below are common to every option
        items, models = _items(base)
        if not alternatives or not items:
            continue
        yield Option(clause, "A", None, items, models, {key: days.get(key) for key in items})
        for number, alternative in enumerate(alternatives, 1):
            yield _alternative(clause, chr(ord("A") + number), alternative, (items, models), days)


def _items(root: BaseModel) -> tuple[dict[str, Scheduled], dict[str, tuple[BaseModel, int]]]:
    """Return the scheduled items below a model (itself included) and each item with its place in its list."""
    models = {}
    for visit in scheduled_items(root):
        models.setdefault(visit.model.id, (visit.model, place_number(visit.path)))
    return collect(root), models


def _alternative(clause: ClauseBase, letter: str, alternative: Alternative, base: tuple, days: dict) -> Option:
    """Return one alternative as an option: the items of the clause with its parameters set, and their days."""
    items, models = base
    if not alternative.set:
        return Option(clause, letter, alternative, items, models, dict.fromkeys(items), TEXT_ONLY)
    variant = clause.variant(alternative)
    items, models = _items(variant)
    try:
        own = own_days(items, days)
    except SequencingCycle:
        return Option(clause, letter, alternative, items, models, dict.fromkeys(items), CIRCLE)
    return Option(clause, letter, alternative, items, models, own, variant=variant)


def own_days(items: dict[str, Scheduled], days: dict[str, int | None]) -> dict[str, int | None]:
    """Return the day of each of an option's items: counted from its own items first, else from the draft's."""
    found: dict[str, int | None] = {}
    for key in order(items):
        found[key] = due_day(items[key], ChainMap(found, days))
    return found
