"""Status of the Military Demarcation Line and the Demilitarized Zone; peace-zone regime; maritime lines."""

from __future__ import annotations

from typing import ClassVar, Literal

from clauses.base import ClauseBase, ZoneRef

LineStatus = Literal["armistice_line_retained", "provisional_boundary", "new_line_to_be_agreed"]
ZoneRegime = Literal["demilitarized", "peace_zone", "joint_administration"]
MaritimeRegime = Literal["status_quo", "peace_zone", "joint_fishing_zone", "to_be_negotiated"]


class DemarcationAndDmz(ClauseBase):
    """What the line and the zone become under the peace regime."""

    kind: Literal["demarcation_and_dmz"]
    topic = "demarcation_and_dmz"
    lane = "military"
    replaces_armistice: ClassVar[frozenset[str]] = frozenset({"demarcation_line", "demilitarized_zone"})
    precedent_measures: ClassVar[dict[str, str]] = {"distance_km": "zone"}

    line: LineStatus
    zone: ZoneRef
    regime: ZoneRegime
    maritime: MaritimeRegime = "to_be_negotiated"
    maritime_zone: ZoneRef | None = None
    civilian_access: bool = False

    def takes_over(self, function: str) -> bool:
        """Return whether the clause takes over an Armistice function: the line and zone, and the sea once settled."""
        if function == "coastal_waters_and_islands":
            return self.maritime != "to_be_negotiated"
        return super().takes_over(function)
