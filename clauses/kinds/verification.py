"""Verification bodies: membership, mandate, access and reporting."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal, get_args

from pydantic import Field

from clauses.armistice import Disposal
from clauses.base import ActorRef, BodyRef, ClauseBase

Mandate = Literal[
    "ceasefire_observance",
    "dmz_demilitarization",
    "force_reduction",
    "foreign_forces",
    "denuclearization",
    "demining",
    "border_crossings",
]
# what a mandate must cover to replace the Armistice's teams: watching the zone (¶26), inspecting what enters (¶42)
WatchesTheZone = Literal["ceasefire_observance", "dmz_demilitarization"]
InspectsEntry = Literal["foreign_forces", "force_reduction"]
Access = Literal["routine_inspection", "challenge_inspection", "continuous_monitoring", "aerial_observation"]


class Verification(ClauseBase):
    """Who verifies what, with which access, and how often it reports."""

    kind: Literal["verification"]
    topic = "verification"
    precedent_measures: ClassVar[dict[str, str]] = {"body": "body"}

    body: BodyRef
    mandate: Annotated[list[Mandate], Field(min_length=1)]
    access: Annotated[list[Access], Field(min_length=1)]
    notice_hours: Annotated[int, Field(ge=0, le=8760)] | None = Field(None, title="notice")
    report_every_days: Annotated[int, Field(gt=0, le=3650)] | None = Field(None, title="reporting interval")
    reports_to: list[ActorRef] = []

    def disposals(self) -> list[Disposal]:
        """Return the Armistice's teams this body replaces: observers in the zone, inspectors of what comes in."""
        mandate = set(self.mandate)
        found = []
        if mandate & set(get_args(WatchesTheZone)):
            found.append(Disposal("joint_observer_teams", "replaced", self.body))
        if mandate & set(get_args(InspectsEntry)):
            found.append(Disposal("inspection_teams", "replaced", self.body))
        return found
