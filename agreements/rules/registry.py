"""Consistency rules: an ordered list of named checks, each yielding findings about a loaded draft."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from clauses.errors import Location
from agreements.model import Agreement
from agreements.schedule.sequencing import SequencingCycle, collect, due_days
from agreements.tree import Path, Reference, Visit, field_plans, iter_models, iter_references
from clauses.base import ENTRY_INTO_FORCE, ClauseBase, Node
from clauses.kinds.un_command_status import UnCommandStatus

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


@dataclass
class Index:
    """What the rules need to know about a draft, computed once."""

    agreement: Agreement
    visits: list[Visit] = field(init=False)
    references: list[Reference] = field(init=False)

    def __post_init__(self) -> None:
        self.visits = list(iter_models(self.agreement))
        self.references = list(iter_references(self.agreement))
        self.references += [ref for visit in self.visits for ref in _alternative_references(visit)]

    def locate(self, path: Path, key: bool = False) -> Location:
        """Return where a path is written, or the draft's name alone when it was not loaded from a file."""
        source = self.agreement.source
        return source.locate(path, key=key) if source else Location("<draft>")

    def finding(self, rule: str, severity: Severity, node_id: str, message: str, path: Path, key: bool = False):
        """Return a located finding."""
        return Finding(rule, severity, node_id, message, self.locate(path, key))

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
        data = node.model_dump(exclude={"alternatives", "children"}, exclude_defaults=True)
        variant = type(node).model_validate({**data, **alternative.set})
        for ref in iter_references(variant):
            if ref.path and ref.path[0] in alternative.set:
                path = (*visit.path, "alternatives", index, "set", *ref.path)
                yield Reference(path, ref.target, ref.value, alternative.id, ref.is_key)


Check = Callable[[Index], Iterator[Finding]]
NOUNS = {"party": "party", "body": "body", "zone": "zone", "actor": "party or body", "event": "step"}


def unique_ids(index: Index) -> Iterator[Finding]:
    """Every id (node, party, body, zone, step, alternative) appears once in the file."""
    first: dict[str, Path] = {}
    for visit in index.visits:
        node_id = getattr(visit.model, "id", None)
        if not isinstance(node_id, str):
            continue
        if node_id == ENTRY_INTO_FORCE:
            yield index.finding("unique-ids", "error", node_id, f"'{ENTRY_INTO_FORCE}' is reserved", (*visit.path, "id"))
        elif node_id in first:
            line = index.locate((*first[node_id], "id")).line
            yield index.finding("unique-ids", "error", node_id, f"duplicate id (first at line {line})", (*visit.path, "id"))
        else:
            first[node_id] = visit.path


def references_resolve(index: Index) -> Iterator[Finding]:
    """Every party, body, zone and step a draft names is registered or defined."""
    for ref in index.references:
        known = index.targets[ref.target]
        if ref.value in known:
            continue
        close = difflib.get_close_matches(ref.value, sorted(known), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        message = f"unknown {NOUNS[ref.target]} '{ref.value}'{hint}"
        yield index.finding("references-resolve", "error", ref.owner_id, message, ref.path, ref.is_key)


def sequencing_acyclic(index: Index) -> Iterator[Finding]:
    """No step waits, through deadlines and preconditions, for itself."""
    try:
        due_days(index.schedule)
    except SequencingCycle as cycle:
        start = index.schedule[cycle.cycle[0]]
        yield index.finding("sequencing-acyclic", "error", start.id, str(cycle), start.path)


def due_after_preconditions(index: Index) -> Iterator[Finding]:
    """No step falls due before a step it requires."""
    if index.due is None:
        return
    for item in index.schedule.values():
        own = index.due.get(item.id)
        for position, required in enumerate(item.requires):
            before = index.due.get(required)
            if own is not None and before is not None and own < before:
                message = f"falls due on day {own}, before its precondition '{required}' (day {before})"
                yield index.finding("due-after-preconditions", "error", item.id, message, (*item.path, "requires", position))


def dissolved_command_tasks(index: Index) -> Iterator[Finding]:
    """A UN Command that is dissolved is given no task after its dissolution."""
    for visit in index.visits:
        model = visit.model
        if isinstance(model, UnCommandStatus) and model.disposition == "dissolve" and index.due:
            yield from _tasks_after(index, visit, index.due.get(model.id))


def _tasks_after(index: Index, command_visit: Visit, dissolved_on: int | None) -> Iterator[Finding]:
    """Yield a finding for each reference to a dissolved command due after (or without) a date."""
    command = command_visit.model.command
    for ref in index.references:
        if ref.value != command or ref.target not in ("body", "actor") or _within(ref.path, command_visit.path):
            continue
        task_day = _enclosing_due(index, ref.path)
        if dissolved_on is None or (task_day is not None and task_day <= dissolved_on):
            continue
        when = "a standing task" if task_day is None else f"a task due on day {task_day}"
        message = f"'{command}' is dissolved on day {dissolved_on} but is given {when}"
        yield index.finding("dissolved-command-tasks", "error", ref.owner_id, message, ref.path)


def _within(path: Path, ancestor: Path) -> bool:
    """Return whether path lies inside ancestor."""
    return path[: len(ancestor)] == ancestor


def _enclosing_due(index: Index, path: Path) -> int | None:
    """Return the due day of the innermost scheduled item holding path, or None."""
    for end in range(len(path), -1, -1):
        if path[:end] in index.due_by_path:
            return index.due_by_path[path[:end]]
    return None


def agreed_without_alternatives(index: Index) -> Iterator[Finding]:
    """A node marked agreed carries no open alternatives."""
    for visit in index.visits:
        model = visit.model
        if isinstance(model, Node) and model.status.startswith("agreed") and model.open_alternatives():
            count = len(model.open_alternatives())
            remain = "1 open alternative remains" if count == 1 else f"{count} open alternatives remain"
            message = f"status is {model.status} but {remain}"
            yield index.finding("agreed-without-alternatives", "error", model.id, message, (*visit.path, "status"))


def command_successor(index: Index) -> Iterator[Finding]:
    """A transformed UN Command names its successor; transferred functions name who takes them."""
    for visit in index.visits:
        model = visit.model
        if not isinstance(model, UnCommandStatus):
            continue
        if model.disposition == "transform" and model.successor_body is None:
            yield index.finding("command-successor", "error", model.id, "a transformed command needs 'successor_body'", visit.path)
        if model.functions_transferred and model.transferred_to is None and model.successor_body is None:
            message = "functions are transferred but neither 'transferred_to' nor 'successor_body' says to whom"
            yield index.finding("command-successor", "error", model.id, message, (*visit.path, "functions_transferred"))


def unused_registry_entries(index: Index) -> Iterator[Finding]:
    """Every registered party, body and zone is named somewhere in the draft."""
    named = {ref.value for ref in index.references}
    registries = (("parties", "party"), ("bodies", "body"), ("zones", "zone"))
    for field_name, noun in registries:
        for position, entry in enumerate(getattr(index.agreement, field_name)):
            if entry.id not in named:
                message = f"{noun} '{entry.id}' is registered but never named"
                yield index.finding("unused-registry-entries", "warning", entry.id, message, (field_name, position, "id"))


def bracketed_but_supported(index: Index) -> Iterator[Finding]:
    """A bracketed node that every signatory supports, with no open option, is ready to be agreed."""
    signatories = {party.id for party in index.agreement.parties if party.role == "signatory"}
    for visit in index.visits:
        model = visit.model
        if not isinstance(model, Node) or model.status != "bracketed" or model.open_alternatives():
            continue
        supporters = {party for party, position in model.positions.items() if position.stance == "support"}
        if signatories and signatories <= supporters:
            message = "every signatory supports this bracketed text: mark it agreed?"
            yield index.finding("bracketed-but-supported", "warning", model.id, message, (*visit.path, "status"))


LANGUAGE_NAMES = {"en": "English", "ko": "Korean", "zh": "Chinese"}


def languages_complete(index: Index) -> Iterator[Finding]:
    """Every text, name and label, and every free-text node, exists in every authentic language."""
    wanted = index.agreement.meta.languages
    for visit in index.visits:
        pending = getattr(visit.model, "translation", {})
        for plan in field_plans(type(visit.model)):
            value = getattr(visit.model, plan.name)
            if not plan.lang_text or not value:
                continue
            for lang in wanted:
                if lang not in value:
                    severity = "warning" if pending.get(lang) == "pending" else "error"
                    message = f"no {LANGUAGE_NAMES[lang]} ({lang}) text in '{plan.name}'"
                    yield index.finding("languages-complete", severity, visit.owner_id, message, (*visit.path, plan.name))


RULES: tuple[tuple[str, Check], ...] = (
    ("unique-ids", unique_ids),
    ("references-resolve", references_resolve),
    ("sequencing-acyclic", sequencing_acyclic),
    ("due-after-preconditions", due_after_preconditions),
    ("dissolved-command-tasks", dissolved_command_tasks),
    ("agreed-without-alternatives", agreed_without_alternatives),
    ("command-successor", command_successor),
    ("unused-registry-entries", unused_registry_entries),
    ("bracketed-but-supported", bracketed_but_supported),
    ("languages-complete", languages_complete),
)


def armistice_coverage(index: Index) -> Iterator[Finding]:
    """Every function of the 1953 Armistice is continued, replaced or terminated by the draft (--strict only)."""
    from precedents.coverage import armistice_functions, coverage

    for item in coverage(index.agreement, armistice_functions()):
        if item.outcome == "gap":
            message = f"the 1953 Armistice's {item.summary}"
            yield index.finding("armistice-coverage", "warning", "-", message, ("body",))


STRICT_RULES: tuple[tuple[str, Check], ...] = (("armistice-coverage", armistice_coverage),)


def check(agreement: Agreement, strict: bool = False) -> list[Finding]:
    """Return every finding of every rule (with --strict, of the strict rules too), in rule then document order."""
    index = Index(agreement)
    rules = RULES + STRICT_RULES if strict else RULES
    return [finding for _, rule in rules for finding in rule(index)]
