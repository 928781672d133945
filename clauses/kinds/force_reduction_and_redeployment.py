"""Mutual reduction, pull-back distances, ceilings, an air buffer zone, exercises and confidence-building.

A clause may pull listed categories back (every distance says what it is measured from: the Military
Demarcation Line, the edge of a zone, or the other side's posts), cap holdings in the area of pull-back,
cap a state's armed forces as a whole (Two Plus Four Art. 3(2)), and keep aircraft a set distance from the
line by type (an air buffer zone). It disposes of no function of the Armistice: pulling forces back from the
line neither replaces nor ends the ban on reinforcement from outside Korea (¶13(c)–(d)).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field

from clauses.armistice import Disposal
from clauses.base import ClauseBase, Days, Deadline, KindRule, Model, PartyRef, ZoneRef

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
Reference = Literal["line", "zone_edge", "opposing_posts"]
Aircraft = Literal["fixed_wing", "rotary_wing", "unmanned", "balloons"]
FlightPurpose = Literal["firefighting", "medical_evacuation", "rescue"]
Kilometres = Annotated[float, Field(gt=0, le=100)]
# the measure (clauses.measures) a pull-back distance is, by what it is measured from
PULLBACK_MEASURE = {"line": "pullback_from_line_km", "zone_edge": "pullback_from_zone_edge_km",
                    "opposing_posts": "distance_between_posts_km"}


class Ceiling(Model):
    """The most of one category a party may hold in the zone of reduction."""

    party: PartyRef
    category: Category
    maximum: Annotated[int, Field(ge=0, le=10_000_000)]


class NoFlyDistance(Model):
    """How close to the Military Demarcation Line one type of aircraft may not fly."""

    aircraft: Aircraft = Field(title="aircraft")
    km: Kilometres = Field(title="no-fly distance")


def _problems(clause: ForceReductionAndRedeployment) -> Iterator[tuple[str, str]]:
    """Yield (field, message) for each part of the clause that lacks what it needs."""
    if clause.pullback_km is None and clause.personnel_ceiling is None and not clause.no_fly:
        yield "kind", "the clause sets no measure: give 'pullback_km', 'personnel_ceiling' or 'no_fly'"
    if clause.pullback_km is not None and not clause.categories:
        yield "pullback_km", "a pull-back needs 'categories', what is pulled back"
    if clause.pullback_km is not None and clause.measured_from == "zone_edge" and clause.from_zone is None:
        yield "measured_from", "a pull-back measured from the zone's edge needs 'from_zone', the zone"
    if clause.pullback_km is None and (clause.categories or clause.ceilings):
        yield "categories", "categories and ceilings in the area of pull-back need 'pullback_km'"
    if (clause.personnel_ceiling is None) != (not clause.ceiling_parties):
        yield "personnel_ceiling", "a personnel ceiling needs 'ceiling_parties', and 'ceiling_parties' a ceiling"
    if (clause.exempt_flights or clause.notified_flights) and not clause.no_fly:
        yield "exempt_flights", "flights are exempted from no no-fly distance: give 'no_fly'"
    if len({distance.aircraft for distance in clause.no_fly}) < len(clause.no_fly):
        yield "no_fly", "one no-fly distance per type of aircraft"
    if clause.pullback_km is None and "exercises" in clause.model_fields_set and clause.exercises != "unrestricted":
        yield "exercises", "exercises are limited in the area of pull-back: give 'pullback_km'"


def force_measures(context: Any, visit: Any) -> Iterator[Any]:
    """A pull-back names what and from where, a ceiling whose forces, an exemption its no-fly distances."""
    clause = visit.model
    for field, message in _problems(clause):
        yield context.error(clause.id, message, (*visit.path, field), key=field == "kind")
    for alternative in clause.open_alternatives():
        if clause.override_problem(alternative) is None:
            for field, message in _problems(clause.variant(alternative)):
                yield context.error(clause.id, f"alternative {alternative.id}: {message}",
                                    (*visit.path, "alternatives"))


class ForceReductionAndRedeployment(ClauseBase):
    """Pull-back of listed categories, ceilings, national force ceilings, an air buffer zone and exercise rules."""

    kind: Literal["force_reduction_and_redeployment"]
    topic = "force_reduction_and_redeployment"
    due_field: ClassVar[str] = "deadline"
    lane = "military"
    deadline_measure: ClassVar[str | None] = "withdrawal_days"
    rules: ClassVar[tuple[KindRule, ...]] = (force_measures,)

    pullback_km: Kilometres | None = Field(None, title="pull-back distance")
    measured_from: Reference = Field("zone_edge", title="pull-back measured from")
    from_zone: ZoneRef | None = Field(None, title="zone")
    categories: list[Category] = Field([], title="categories pulled back")
    ceilings: list[Ceiling] = Field([], title="ceilings in the area of pull-back")
    personnel_ceiling: Annotated[int, Field(ge=0, le=10_000_000)] | None = Field(None, title="personnel ceiling")
    ceiling_parties: list[PartyRef] = Field([], title="parties whose armed forces are capped")
    no_fly: list[NoFlyDistance] = Field([], title="no-fly distances")
    exempt_flights: list[FlightPurpose] = Field([], title="flights exempted")
    notified_flights: bool = Field(False, title="flights notified in advance exempted")
    exercises: ExerciseRule = Field("notified", title="exercises")
    notice_days: Days | None = Field(None, title="notice")
    deadline: Deadline = Field(title="deadline")

    def disposals(self) -> list[Disposal]:
        """Return nothing: pull-backs, ceilings and no-fly distances do not touch the Armistice's reinforcement ban."""
        return []

    def precedent_deadline(self) -> str | None:
        """Return withdrawal_days when the clause withdraws or reduces forces; an air zone alone withdraws nothing."""
        return None if self.pullback_km is None and self.personnel_ceiling is None else type(self).deadline_measure

    def precedent_fields(self) -> dict[str, str]:
        """Return the measures the clause fixes: the pull-back by its reference, personnel ceiling, no-fly distances."""
        found = {PULLBACK_MEASURE[self.measured_from]: "pullback_km"} if self.pullback_km is not None else {}
        if self.personnel_ceiling is not None:
            found["personnel_ceiling"] = "personnel_ceiling"
        if self.no_fly:
            found["no_fly_distance_km"] = "no_fly"
        return found
