"""Stationing, withdrawal and limits of foreign forces and their weapons."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from clauses.armistice import Disposal
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
    precedent_measures: ClassVar[dict[str, str]] = {"foreign_forces_disposition": "disposition"}
    deadline_measure: ClassVar[str | None] = "withdrawal_days"

    forces_of: PartyRef
    host: PartyRef
    disposition: Disposition
    personnel_ceiling: Annotated[int, Field(ge=0, le=1_000_000)] | None = Field(None, title="personnel ceiling")
    deadline: Deadline | None = None
    prohibited_weapons: list[Weapon] = []
    host_consent_required: bool = True

    def disposals(self) -> list[Disposal]:
        """Return the Armistice's ban on reinforcement replaced, when the clause withdraws or limits the forces."""
        limits = self.disposition != "retain" or self.personnel_ceiling is not None or self.prohibited_weapons
        return [Disposal("reinforcement_limits", "replaced")] if limits else []
