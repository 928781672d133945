"""Mutual reduction, pull-back distances, ceilings, exercises and confidence-building."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from clauses.base import ClauseBase, Days, Deadline, Model, PartyRef, ZoneRef

Category = Literal[
    "artillery",
    "multiple_rocket_launchers",
    "armour",
    "infantry",
    "guard_posts",
    "combat_aircraft",
    "drones",
    "naval_combatants",
]
ExerciseRule = Literal["suspended", "notified", "limited_in_size", "unrestricted"]


class Ceiling(Model):
    """The most of one category a party may hold in the zone of reduction."""

    party: PartyRef
    category: Category
    maximum: Annotated[int, Field(ge=0, le=10_000_000)]


class ForceReductionAndRedeployment(ClauseBase):
    """Pull-back of listed categories from the line, ceilings and exercise rules."""

    kind: Literal["force_reduction_and_redeployment"]
    topic = "force_reduction_and_redeployment"
    due_field: ClassVar[str] = "deadline"
    lane = "military"
    replaces_armistice: ClassVar[frozenset[str]] = frozenset({"reinforcement_limits"})
    precedent_measures: ClassVar[dict[str, str]] = {"distance_km": "pullback_km"}

    pullback_km: Annotated[float, Field(gt=0, le=100, title="pull-back distance")]
    from_zone: ZoneRef
    categories: Annotated[list[Category], Field(min_length=1)]
    ceilings: list[Ceiling] = []
    exercises: ExerciseRule = "notified"
    notice_days: Days | None = Field(None, title="notice")
    deadline: Deadline
