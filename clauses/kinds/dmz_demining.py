"""De-mining of the Demilitarized Zone: zones, phases, standard, joint teams, deadlines."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from clauses.base import BodyRef, ClauseBase, Deadline, Model, NodeId, ZoneRef

Standard = Literal["imas", "agreed_joint_standard", "national_standards"]


class DeminingPhase(Model):
    """One phase of clearance: where, how much, and by when."""

    id: NodeId
    zones: Annotated[list[ZoneRef], Field(min_length=1)]
    area_km2: Annotated[float, Field(gt=0, le=1000)] | None = None
    deadline: Deadline

    due_field: ClassVar[str] = "deadline"


class DmzDemining(ClauseBase):
    """Clearance of mines and unexploded ordnance from the zone, phase by phase."""

    kind: Literal["dmz_demining"]
    topic = "dmz_demining"

    standard: Standard
    teams: Annotated[list[BodyRef], Field(min_length=1)]
    phases: Annotated[list[DeminingPhase], Field(min_length=1)]
    remains_recovery_joint: bool = False
    verified_by: BodyRef | None = None
