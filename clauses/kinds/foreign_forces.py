"""Stationing, withdrawal and limits of foreign forces and their weapons."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from clauses.base import ClauseBase, Deadline, PartyRef

Disposition = Literal["withdraw", "reduce", "retain", "retain_with_limits"]
Weapon = Literal[
    "nuclear_weapons",
    "strategic_bombers",
    "intermediate_range_missiles",
    "missile_defence",
    "aircraft_carriers",
]


class ForeignForces(ClauseBase):
    """What becomes of one state's forces stationed on the territory of another."""

    kind: Literal["foreign_forces"]
    topic = "foreign_forces"
    due_field: ClassVar[str] = "deadline"
    lane = "military"
    replaces_armistice: ClassVar[frozenset[str]] = frozenset({"reinforcement_limits"})
    precedent_measures: ClassVar[dict[str, str]] = {"foreign_forces": "disposition"}

    forces_of: PartyRef
    host: PartyRef
    disposition: Disposition
    personnel_ceiling: Annotated[int, Field(ge=0, le=1_000_000)] | None = Field(None, title="personnel ceiling")
    deadline: Deadline | None = None
    prohibited_weapons: list[Weapon] = []
    host_consent_required: bool = True
