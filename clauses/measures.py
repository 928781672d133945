"""What a number means: the measures that a draft clause and a precedent provision may both fix.

A number is compared with another only when both measure the same thing from the same reference point:
a pull-back from the line is not a pull-back from the zone's edge, a zone's width on one side of the line
is not its total width, and a commission's meeting recess is not a deadline. Draft kinds name their
measures (`ClauseBase.precedent_fields`), precedent rows are typed with them; both use these ids.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Measure:
    """A measure: its id, how it is shown beside a number, and its unit."""

    id: str
    title: str
    unit: str  # km, days, hours, persons, items, or "" for a name


MEASURES: tuple[Measure, ...] = (
    Measure("pullback_from_line_km", "pull-back from the line", "km"),
    Measure("pullback_from_zone_edge_km", "pull-back from the zone's edge", "km"),
    Measure("zone_width_per_side_km", "zone width on each side of the line", "km"),
    Measure("zone_width_total_km", "total zone width", "km"),
    Measure("distance_between_posts_km", "distance between opposing posts", "km"),
    Measure("no_fly_distance_km", "no-fly distance from the line", "km"),
    Measure("live_fire_ban_distance_km", "distance from the line within which live-fire drills stop", "km"),
    Measure("zone_length_km", "length of a zone along a river or coast", "km"),
    Measure("withdrawal_days", "period for withdrawing forces", "days"),
    Measure("clearance_days", "period for clearing mines and hazards", "days"),
    Measure("repatriation_days", "period for repatriation", "days"),
    Measure("implementation_days", "period for carrying out the measure", "days"),
    Measure("notice_days", "notice", "days"),
    Measure("meeting_recess_days", "longest recess of a body's meetings", "days"),
    Measure("ceasefire_hours", "hours from signature to the cease-fire", "hours"),
    Measure("personnel_ceiling", "ceiling on armed forces personnel", "persons"),
    Measure("foreign_forces_disposition", "what becomes of foreign forces", ""),
    Measure("body", "body", ""),
    Measure("members", "members", ""),
)
MEASURE_IDS: tuple[str, ...] = tuple(measure.id for measure in MEASURES)
BY_ID: dict[str, Measure] = {measure.id: measure for measure in MEASURES}
