"""The United Nations Command's future and the fate of the Military Armistice Commission and the NNSC."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field

from clauses.armistice import FUNCTION_IDS, ArmisticeBody, Disposal
from clauses.base import BodyRef, ClauseBase, Deadline, KindRule, Model, PartyRef, Transfer

Disposition = Literal["dissolve", "transform", "retain_reduced"]
# the shorthand of the first drafts (`functions_transferred` + `transferred_to`), read as one transfer
ShorthandFunction = Literal[
    "military_armistice_commission",
    "neutral_nations_supervisory_commission",
    "dmz_access_control",
    "general_officer_talks",
    "repatriation_of_remains",
    "liaison",
]
SHORTHAND = {"dmz_access_control": "dmz_administration", "repatriation_of_remains": "remains"}
CouncilMeasure = Literal["endorse_agreement", "end_command_mandate", "review_sanctions"]


class SecurityCouncilRequest(Model):
    """A resolution of the Security Council the parties request: what it is to do, who asks, and by when."""

    measures: Annotated[list[CouncilMeasure], Field(min_length=1, title="Security Council resolution")]
    requested_by: list[PartyRef] = Field([], title="resolution requested by")  # none: the Parties jointly
    when: Deadline | None = Field(None, title="resolution requested")  # none: the clause's effective date


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
    """Dissolve, transform or keep a reduced UN Command; which bodies take which functions, and when."""

    kind: Literal["un_command_status"]
    topic = "un_command_status"
    due_field: ClassVar[str] = "effective"
    lane = "un_command"
    event_phrase: ClassVar[str] = "event_command"  # what waits for it waits for the Command's dissolution …
    event_is_completion: ClassVar[bool] = False
    precedent_measures: ClassVar[dict[str, str]] = {"body": "successor_body"}
    deadline_measure: ClassVar[str | None] = "implementation_days"
    rules: ClassVar[tuple[KindRule, ...]] = (dissolved_command_tasks, command_successor)

    command: BodyRef = "unc"
    disposition: Disposition
    effective: Deadline
    successor_body: BodyRef | None = None
    transfers: list[Transfer] = Field([], title="transfers of functions")
    terminates: list[ArmisticeBody] = Field([], title="Armistice bodies ending upon the transfer of their functions")
    security_council: SecurityCouncilRequest | None = Field(None, title="Security Council resolution")
    functions_transferred: list[ShorthandFunction] = Field([], title="functions transferred (shorthand)")
    transferred_to: BodyRef | None = Field(None, title="functions transferred to (shorthand)")

    def all_transfers(self) -> list[Transfer]:
        """Return the transfers: those written out, then the shorthand as one transfer (to its body or successor)."""
        found = list(self.transfers)
        to = self.transferred_to or self.successor_body
        if self.functions_transferred and to is not None:
            functions = list(dict.fromkeys(SHORTHAND.get(name, name) for name in self.functions_transferred))
            found.append(Transfer(functions=functions, to=to))
        return found

    def disposals(self) -> list[Disposal]:
        """Return each Armistice function transferred as replaced (with its body); a body it ends, else terminated."""
        found = [Disposal(function, "replaced", transfer.to) for transfer in self.all_transfers()
                 for function in transfer.functions if function in FUNCTION_IDS]
        moved = {disposal.function for disposal in found}
        return found + [Disposal(function, "terminated") for function in self.terminates if function not in moved]

    def event_values(self, number: int, words: Any, scope: Any) -> dict[str, object]:
        """Return the values of the phrase naming what this clause does to the Command: its dissolution …"""
        command = words.phrase("name_in_text", name=scope.name(self.command, words.code))
        return {"what": words.term(f"event_{self.disposition}", "un_command_status"), "command": command}
