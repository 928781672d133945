"""The United Nations Command's future and the fate of the Military Armistice Commission and the NNSC."""

from __future__ import annotations

from typing import ClassVar, Literal

from clauses.base import BodyRef, ClauseBase, Deadline

Disposition = Literal["dissolve", "transform", "retain_reduced"]
ArmisticeFunction = Literal[
    "military_armistice_commission",
    "neutral_nations_supervisory_commission",
    "dmz_access_control",
    "general_officer_talks",
    "repatriation_of_remains",
    "liaison",
]


class UnCommandStatus(ClauseBase):
    """Dissolve, transform or keep a reduced UN Command, and who inherits the armistice functions."""

    kind: Literal["un_command_status"]
    topic = "un_command_status"
    due_field: ClassVar[str] = "effective"

    command: BodyRef = "unc"
    disposition: Disposition
    effective: Deadline
    successor_body: BodyRef | None = None
    functions_transferred: list[ArmisticeFunction] = []
    transferred_to: BodyRef | None = None
