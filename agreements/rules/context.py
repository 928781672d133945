"""What the consistency rules read: a draft's index, its references and schedule, computed once; and a finding."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from agreements.index import AgreementIndex, index_of
from agreements.model import Agreement
from agreements.schedule.sequencing import SequencingCycle, collect, due_days
from agreements.tree import Path, Reference, Visit, iter_references
from clauses.base import ENTRY_INTO_FORCE, ClauseBase
from clauses.errors import Location

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One thing a rule found, located at a node (and a field of it)."""

    rule: str
    severity: Severity
    node_id: str
    message: str
    location: Location

    def __str__(self) -> str:
        return f"{self.location}: {self.node_id}: {self.severity}: {self.message} [{self.rule}]"


class RuleContext:
    """A draft as the rules see it: every model, every reference (alternatives' too), the schedule."""

    def __init__(self, agreement: Agreement):
        self.agreement = agreement
        self.index: AgreementIndex = index_of(agreement)
        self.visits: list[Visit] = self.index.visits
        self.references: list[Reference] = list(iter_references(agreement))
        self.references += [ref for visit in self.visits for ref in _alternative_references(visit)]

    def error(self, node_id: str, message: str, path: Path, key: bool = False) -> Finding:
        """Return an error at a path (the running rule names itself)."""
        return Finding("", "error", node_id, message, self.index.locate(path, key))

    def warning(self, node_id: str, message: str, path: Path, key: bool = False) -> Finding:
        """Return a warning at a path (the running rule names itself)."""
        return Finding("", "warning", node_id, message, self.index.locate(path, key))

    @cached_property
    def schedule(self):
        """Return the scheduled items by id."""
        return collect(self.agreement)

    @cached_property
    def due(self) -> dict[str, int | None] | None:
        """Return the due day of every scheduled item, or None when the schedule has a cycle."""
        try:
            return due_days(self.schedule)
        except SequencingCycle:
            return None

    @cached_property
    def due_by_path(self) -> dict[Path, int | None]:
        """Return the due day of every scheduled item by where it stands."""
        due = self.due or {}
        return {item.path: due.get(item.id) for item in self.schedule.values()}

    def enclosing_due(self, path: Path) -> int | None:
        """Return the due day of the innermost scheduled item holding path, or None."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.due_by_path:
                return self.due_by_path[path[:end]]
        return None

    @cached_property
    def targets(self) -> dict[str, set[str]]:
        """Return the ids each kind of reference may name."""
        parties = {party.id for party in self.agreement.parties}
        bodies = {body.id for body in self.agreement.bodies}
        return {
            "party": parties,
            "body": bodies,
            "zone": {zone.id for zone in self.agreement.zones},
            "actor": parties | bodies,
            "event": set(self.schedule) | {ENTRY_INTO_FORCE},
        }


def _alternative_references(visit: Visit) -> Iterator[Reference]:
    """Yield the references an alternative's parameter overrides make, located in its `set`."""
    node = visit.model
    if not isinstance(node, ClauseBase):
        return
    for index, alternative in enumerate(node.alternatives):
        if not alternative.set or node.override_problem(alternative):
            continue
        for ref in iter_references(node.variant(alternative)):
            if ref.path and ref.path[0] in alternative.set:
                path = (*visit.path, "alternatives", index, "set", *ref.path)
                yield Reference(path, ref.target, ref.value, alternative.id, ref.is_key)
