"""Rules on the functions of the Armistice and of the UN Command as they move: one event, one day; neutral hands.

A function moves when a clause or a step transfers it (`transfers`), and an Armistice body ends when a step
ends it (`ends`) or a clause ends it upon the transfer of its functions (`terminates`). Each such event has
the day the schedule computes for what holds it. Only settled text counts: an event written in a bracketed or
pending clause (or in a step of one) is a proposal, and settles nothing that could contradict another.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from agreements.index import AgreementIndex
from agreements.rules.context import Finding, RuleContext
from agreements.tree import Path, Visit
from clauses.armistice import NEUTRAL_SUPERVISION
from clauses.base import ENTRY_INTO_FORCE, ClauseBase, Deadline, Step


@dataclass(frozen=True)
class Event:
    """One dated event in the life of a function: transferred (to a body) or ended, where it is written."""

    function: str
    what: str  # transferred | ended
    day: int | None
    owner: str
    path: Path
    to: str | None = None

    @property
    def where(self) -> str:
        """Return the day and the owner, e.g. 'day 180 (step.unc-handover)'."""
        return f"day {self.day} ({self.owner})"


def _day(context: RuleContext, deadline: Deadline | None, default: int | None) -> int | None:
    """Return the day a deadline falls on (the default without one), None when it has no fixed day."""
    if deadline is None:
        return default
    if deadline.after == ENTRY_INTO_FORCE:
        return deadline.days
    base = (context.due or {}).get(deadline.after)
    return None if base is None else base + deadline.days


def _clause_events(context: RuleContext, visit: Visit) -> Iterator[Event]:
    """Yield the transfers and ends a clause writes (one with `all_transfers`), each on its day."""
    clause = visit.model
    own_day = (context.due or {}).get(clause.id)
    moved: dict[str, int | None] = {}
    for index, transfer in enumerate(clause.all_transfers()):
        day = _day(context, transfer.when, own_day)
        field = "transfers" if index < len(clause.transfers) else "functions_transferred"  # the shorthand last
        where = (*visit.path, field, index) if field == "transfers" else (*visit.path, field)
        for function in transfer.functions:
            moved.setdefault(function, day)
            yield Event(function, "transferred", day, clause.id, where, transfer.to)
    for index, function in enumerate(clause.terminates):
        yield Event(function, "ended", moved.get(function, own_day), clause.id, (*visit.path, "terminates", index))


def _step_events(context: RuleContext, visit: Visit) -> Iterator[Event]:
    """Yield the transfers and ends a step writes, on the step's day."""
    step = visit.model
    day = (context.due or {}).get(step.id)
    for index, transfer in enumerate(step.transfers):
        for function in transfer.functions:
            yield Event(function, "transferred", day, step.id, (*visit.path, "transfers", index), transfer.to)
    for index, function in enumerate(step.ends):
        yield Event(function, "ended", day, step.id, (*visit.path, "ends", index))


def dated_events(context: RuleContext, open_too: bool = False) -> list[tuple[Event, bool]]:
    """Return every transfer and end of a function the draft writes (with whether its text is settled), in order.

    Without open_too, only those of settled text.
    """
    found: list[tuple[Event, bool]] = []
    for visit in context.visits:
        if isinstance(visit.model, Step):
            events = _step_events(context, visit)
        elif isinstance(visit.model, ClauseBase) and hasattr(visit.model, "all_transfers"):
            events = _clause_events(context, visit)
        else:
            continue
        is_settled = context.index.settled(visit.path)
        if is_settled or open_too:
            found += [(event, is_settled) for event in events]
    return found


def functions_one_day(context: RuleContext) -> Iterator[Finding]:
    """A function moves on one day to one body; its Armistice body ends on one day, not before its functions move."""
    if context.due is None:
        return
    first: dict[tuple[str, str], Event] = {}
    events = [event for event, _ in dated_events(context)]
    for event in events:
        if event.day is None:
            continue
        earlier = first.setdefault((event.function, event.what), event)
        if earlier.day != event.day:
            message = f"'{event.function}' is {event.what} on day {event.day} here but on {earlier.where}"
            yield context.error(event.owner, message, event.path)
        elif earlier.to != event.to:
            message = f"'{event.function}' is transferred to '{event.to}' here but to '{earlier.to}' in {earlier.owner}"
            yield context.error(event.owner, message, event.path)
    ends: dict[str, Event] = {}  # the earliest day each Armistice body ends
    for event in events:
        if event.what == "ended" and event.day is not None and (
                event.function not in ends or event.day < ends[event.function].day):
            ends[event.function] = event
    for event in events:
        end = ends.get(event.function)
        if event.what == "transferred" and event.day is not None and end is not None and end.day < event.day:
            message = (f"'{event.function}' is transferred on day {event.day}, after its body has ended on "
                       f"{end.where}")
            yield context.error(event.owner, message, event.path)


def neutral_supervision_to_parties(context: RuleContext) -> Iterator[Finding]:
    """Supervision by neutral nations handed to a body of the parties themselves is no longer neutral (a warning)."""
    bodies = {body.id: body for body in context.agreement.bodies}
    parties = {party.id for party in context.agreement.parties if party.role in ("signatory", "guarantor")}
    for event, is_settled in dated_events(context, open_too=True):
        body = bodies.get(event.to or "")
        if event.function not in NEUTRAL_SUPERVISION or body is None:
            continue
        of_parties = body.composition == "parties" or (
            body.composition is None and body.members and set(body.members) <= parties)
        if of_parties:
            message = (f"neutral supervision ('{event.function}') goes to '{body.id}', a body of the parties "
                       "themselves: give it to a neutral or mixed body")
            message += "" if is_settled else " (proposed in open text)"
            yield context.warning(event.owner, message, event.path)


def supersessions(index: AgreementIndex) -> list[tuple[ClauseBase, str]]:
    """Return every settled clause that says how far the 1953 Armistice is replaced, with what it says."""
    return [(clause, clause.armistice_supersession()) for clause in index.clauses()
            if clause.armistice_supersession() is not None and index.settled(index.path(clause.id))]


def supersession_stated_once(context: RuleContext) -> Iterator[Finding]:
    """One settled clause says how far the 1953 Armistice is replaced: a second that differs is an error, one
    that repeats it a warning (the text would say it twice)."""
    stated = supersessions(context.index)
    for clause, extent in stated[1:]:
        first, said = stated[0]
        if extent != said:
            message = f"the Armistice is superseded '{extent}' here but '{said}' in {first.id}"
            yield context.error(clause.id, message, context.index.path(clause.id))
        else:
            message = f"{first.id} already says how far the Armistice is superseded; say it once"
            yield context.warning(clause.id, message, context.index.path(clause.id))
