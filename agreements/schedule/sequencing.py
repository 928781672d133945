"""The implementation schedule: scheduled items, their order (graphlib) and the day each falls due."""

from __future__ import annotations

import graphlib
from collections.abc import Mapping
from dataclasses import dataclass

from agreements.tree import Path, Visit, scheduled_items
from clauses.base import ENTRY_INTO_FORCE, Deadline


@dataclass(frozen=True)
class Scheduled:
    """An item with a due date of its own: a step, a phase, a crossing or a timed clause."""

    id: str
    path: Path
    deadline: Deadline | None
    requires: tuple[str, ...]

    def predecessors(self) -> set[str]:
        """Return the ids this item waits for: the event its deadline counts from and its preconditions."""
        found = set(self.requires)
        if self.deadline is not None and self.deadline.after != ENTRY_INTO_FORCE:
            found.add(self.deadline.after)
        return found


class SequencingCycle(Exception):
    """The items wait for each other in a circle."""

    def __init__(self, cycle: list[str]):
        super().__init__(f"sequencing cycle: {' → '.join(cycle)} (each waits for the next)")
        self.cycle = cycle


def _scheduled(visit: Visit) -> Scheduled:
    """Return the schedule entry of one scheduled model."""
    model = visit.model
    deadline = getattr(model, type(model).due_field)
    return Scheduled(model.id, visit.path, deadline, tuple(getattr(model, "requires", ())))


def collect(root) -> dict[str, Scheduled]:
    """Return every scheduled item of the agreement by id (the first, where an id repeats)."""
    items: dict[str, Scheduled] = {}
    for visit in scheduled_items(root):
        items.setdefault(visit.model.id, _scheduled(visit))
    return items


def order(items: dict[str, Scheduled]) -> list[str]:
    """Return the item ids, each after everything it waits for; raise SequencingCycle on a cycle."""
    sorter = graphlib.TopologicalSorter({key: item.predecessors() & items.keys() for key, item in items.items()})
    try:
        return list(sorter.static_order())
    except graphlib.CycleError as error:
        raise SequencingCycle(list(error.args[1])[::-1]) from None


def due_days(items: dict[str, Scheduled]) -> dict[str, int | None]:
    """Return the day after entry into force each item falls due, None where it has no fixed day."""
    days: dict[str, int | None] = {}
    for key in order(items):
        days[key] = due_day(items[key], days)
    return days


def due_day(item: Scheduled, known: Mapping[str, int | None]) -> int | None:
    """Return one item's due day from the days already known."""
    if item.deadline is None:
        return None
    if item.deadline.after == ENTRY_INTO_FORCE:
        return item.deadline.days
    base = known.get(item.deadline.after)
    return None if base is None else base + item.deadline.days
