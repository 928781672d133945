"""The United Nations Command's future and the fate of the Military Armistice Commission and the NNSC."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar, Literal

from clauses.base import BodyRef, ClauseBase, Deadline, KindRule

Disposition = Literal["dissolve", "transform", "retain_reduced"]
ArmisticeFunction = Literal[
    "military_armistice_commission",
    "neutral_nations_supervisory_commission",
    "dmz_access_control",
    "general_officer_talks",
    "repatriation_of_remains",
    "liaison",
]
# the functions of the 1953 Armistice that a transfer of the Command's functions takes over
ARMISTICE_FUNCTIONS = {"military_armistice_commission": "military_armistice_commission",
                       "neutral_nations_supervisory_commission": "neutral_nations_supervisory_commission",
                       "dmz_administration": "dmz_access_control"}


def dissolved_command_tasks(context: Any, visit: Any) -> Iterator[Any]:
    """A UN Command that is dissolved is given no task after its dissolution."""
    clause = visit.model
    if clause.disposition != "dissolve" or not context.due:
        return
    dissolved_on = context.due.get(clause.id)
    for ref in context.references:
        if ref.value != clause.command or ref.target not in ("body", "actor") or ref.path[:len(visit.path)] == visit.path:
            continue
        task_day = context.enclosing_due(ref.path)
        if dissolved_on is None or (task_day is not None and task_day <= dissolved_on):
            continue
        when = "a standing task" if task_day is None else f"a task due on day {task_day}"
        yield context.error(ref.owner_id, f"'{clause.command}' is dissolved on day {dissolved_on} but is given {when}",
                            ref.path)


def command_successor(context: Any, visit: Any) -> Iterator[Any]:
    """A transformed UN Command names its successor; transferred functions name who takes them."""
    clause = visit.model
    if clause.disposition == "transform" and clause.successor_body is None:
        yield context.error(clause.id, "a transformed command needs 'successor_body'", visit.path)
    if clause.functions_transferred and clause.transferred_to is None and clause.successor_body is None:
        message = "functions are transferred but neither 'transferred_to' nor 'successor_body' says to whom"
        yield context.error(clause.id, message, (*visit.path, "functions_transferred"))


class UnCommandStatus(ClauseBase):
    """Dissolve, transform or keep a reduced UN Command, and who inherits the armistice functions."""

    kind: Literal["un_command_status"]
    topic = "un_command_status"
    due_field: ClassVar[str] = "effective"
    lane = "un_command"
    precedent_measures: ClassVar[dict[str, str]] = {"body": "successor_body"}
    rules: ClassVar[tuple[KindRule, ...]] = (dissolved_command_tasks, command_successor)

    command: BodyRef = "unc"
    disposition: Disposition
    effective: Deadline
    successor_body: BodyRef | None = None
    functions_transferred: list[ArmisticeFunction] = []
    transferred_to: BodyRef | None = None

    def takes_over(self, function: str) -> bool:
        """Return whether the functions transferred include an Armistice body's or the DMZ's administration."""
        return ARMISTICE_FUNCTIONS.get(function) in self.functions_transferred
