"""Status of the Military Demarcation Line and the Demilitarized Zone; peace-zone regime; maritime lines."""

from __future__ import annotations

from typing import Literal

from clauses.base import ClauseBase, ZoneRef

LineStatus = Literal["armistice_line_retained", "provisional_boundary", "new_line_to_be_agreed"]
ZoneRegime = Literal["demilitarized", "peace_zone", "joint_administration"]
MaritimeRegime = Literal["status_quo", "peace_zone", "joint_fishing_zone", "to_be_negotiated"]


class DemarcationAndDmz(ClauseBase):
    """What the line and the zone become under the peace regime."""

    kind: Literal["demarcation_and_dmz"]
    topic = "demarcation_and_dmz"

    line: LineStatus
    zone: ZoneRef
    regime: ZoneRegime
    maritime: MaritimeRegime = "to_be_negotiated"
    maritime_zone: ZoneRef | None = None
    civilian_access: bool = False
