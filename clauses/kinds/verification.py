"""Verification bodies: membership, mandate, access and reporting."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

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
Access = Literal["routine_inspection", "challenge_inspection", "continuous_monitoring", "aerial_observation"]


class Verification(ClauseBase):
    """Who verifies what, with which access, and how often it reports."""

    kind: Literal["verification"]
    topic = "verification"
    replaces_armistice: ClassVar[frozenset[str]] = frozenset({"joint_observer_teams", "inspection_teams"})
    precedent_measures: ClassVar[dict[str, str]] = {"body": "body"}

    body: BodyRef
    mandate: Annotated[list[Mandate], Field(min_length=1)]
    access: Annotated[list[Access], Field(min_length=1)]
    notice_hours: Annotated[int, Field(ge=0, le=8760)] | None = Field(None, title="notice")
    report_every_days: Annotated[int, Field(gt=0, le=3650)] | None = Field(None, title="reporting interval")
    reports_to: list[ActorRef] = []
