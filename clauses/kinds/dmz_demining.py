"""De-mining of the Demilitarized Zone: zones, phases, standard, joint teams, deadlines."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field

from clauses.armistice import Disposal
from clauses.base import BodyRef, ClauseBase, Deadline, Model, NodeId, ZoneRef
from clauses.numerals import number_values

Standard = Literal["imas", "agreed_joint_standard", "national_standards"]


class DeminingPhase(Model):
    """One phase of clearance: where, how much, and by when."""

    id: NodeId
    zones: Annotated[list[ZoneRef], Field(min_length=1)]
    area_km2: Annotated[float, Field(gt=0, le=1000)] | None = None
    deadline: Deadline

    due_field: ClassVar[str] = "deadline"
    event_phrase: ClassVar[str] = "event_demining_phase"
    event_is_completion: ClassVar[bool] = True

    def event_values(self, number: int, words: Any, scope: Any) -> dict[str, object]:
        """Return the values of the phrase naming this phase: its number, in every way of writing it."""
        return number_values(number)


class DmzDemining(ClauseBase):
    """Clearance of mines and unexploded ordnance from the zone, phase by phase."""

    kind: Literal["dmz_demining"]
    topic = "dmz_demining"
    lane = "military"
    deadline_measure: ClassVar[str | None] = "clearance_days"  # the most days of its phases

    standard: Standard
    teams: Annotated[list[BodyRef], Field(min_length=1)]
    phases: Annotated[list[DeminingPhase], Field(min_length=1)]
    remains_recovery_joint: bool = False
    verified_by: BodyRef | None = None

    def disposals(self) -> list[Disposal]:
        """Return nothing: clearing hazards carries out part of ¶13(a) and leaves the zone to its own clause."""
        return []
