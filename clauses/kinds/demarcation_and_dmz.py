"""Status of the Military Demarcation Line and the Demilitarized Zone; peace-zone regime; maritime lines.

The land line (the Military Demarcation Line) and the maritime line (in the West Sea, where the Armistice
drew no line and the Northern Limit Line is observed) are separate choices, and so are the Han River
Estuary (Armistice ¶5) and the five northwest island groups (¶13(b)). A clause says nothing of any of them
it leaves unset, so one article can hold the land line and another the sea.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar, Literal

from pydantic import Field, field_validator

from clauses.armistice import Disposal
from clauses.base import ClauseBase, KindRule, ZoneRef

LandLine = Literal["armistice_line_retained", "provisional_boundary", "new_line_to_be_agreed"]
ZoneRegime = Literal["demilitarized", "peace_zone", "joint_administration"]
MaritimeLine = Literal["northern_limit_line", "new_line_to_be_agreed", "to_be_negotiated"]
PendingAtSea = Literal["armistice_arrangements", "northern_limit_line", "joint_zone"]
MaritimeRegime = Literal["peace_zone", "joint_fishing_zone"]
EstuaryRegime = Literal["armistice_arrangements", "open_to_civil_shipping", "joint_use"]
IslandsStatus = Literal["status_unaffected", "to_be_negotiated"]

# what each choice does with the Armistice's functions (clauses.armistice); a choice not listed disposes of nothing
LINE_OUTCOME = {"armistice_line_retained": "continued", "provisional_boundary": "replaced",
                "new_line_to_be_agreed": "replaced"}
ESTUARY_OUTCOME = {"armistice_arrangements": "continued", "open_to_civil_shipping": "replaced", "joint_use": "replaced"}
ISLANDS_OUTCOME = {"status_unaffected": "continued"}
# the values an earlier `maritime` field held, and what a draft writes for them now
RETIRED_MARITIME = {"to_be_negotiated": "write 'maritime_line: to_be_negotiated'",
                    "status_quo": "write 'pending_at_sea: armistice_arrangements' (or 'northern_limit_line')"}
NEEDS_ZONE = (("regime", "zone"), ("maritime", "maritime_zone"), ("estuary", "estuary_zone"),
              ("islands", "islands_zone"))


def _problems(clause: DemarcationAndDmz) -> Iterator[tuple[str, str]]:
    """Yield (field, message) for each choice that lacks what it needs."""
    for choice, zone in NEEDS_ZONE:
        if getattr(clause, choice) is not None and getattr(clause, zone) is None:
            yield choice, f"'{choice}: {getattr(clause, choice)}' needs '{zone}' (a zone of the registry)"
    if clause.pending_at_sea == "joint_zone" and clause.maritime_zone is None:
        yield "pending_at_sea", "a joint zone pending the maritime line needs 'maritime_zone', the zone it is"
    if clause.pending_at_sea is not None and clause.maritime_line == "northern_limit_line":
        yield "pending_at_sea", "nothing is pending when the Northern Limit Line remains the maritime line"
    if clause.zone is not None and clause.regime is None and not clause.civilian_access:
        yield "zone", "'zone' is named but neither 'regime' nor 'civilian_access' says what becomes of it"


def demarcation_choices(context: Any, visit: Any) -> Iterator[Any]:
    """Each choice names what it needs: a regime, maritime regime, estuary or islands choice its zone (every option)."""
    clause = visit.model
    for field, message in _problems(clause):
        yield context.error(clause.id, message, (*visit.path, field))
    for alternative in clause.open_alternatives():
        if clause.override_problem(alternative) is None:
            for field, message in _problems(clause.variant(alternative)):
                yield context.error(clause.id, f"alternative {alternative.id}: {message}",
                                    (*visit.path, "alternatives"))


class DemarcationAndDmz(ClauseBase):
    """What the land line and its zone, the maritime line, the estuary and the northwest islands become."""

    kind: Literal["demarcation_and_dmz"]
    topic = "demarcation_and_dmz"
    lane = "military"
    rules: ClassVar[tuple[KindRule, ...]] = (demarcation_choices,)

    line: LandLine | None = Field(None, title="land line")
    zone: ZoneRef | None = Field(None, title="zone along the line")
    regime: ZoneRegime | None = Field(None, title="regime of the zone")
    civilian_access: bool = Field(False, title="civilian access to the zone")
    maritime_line: MaritimeLine | None = Field(None, title="maritime line")
    pending_at_sea: PendingAtSea | None = Field(None, title="at sea pending the maritime line")
    maritime: MaritimeRegime | None = Field(None, title="maritime zone regime")
    maritime_zone: ZoneRef | None = Field(None, title="maritime zone")
    estuary: EstuaryRegime | None = Field(None, title="Han River Estuary")
    estuary_zone: ZoneRef | None = Field(None, title="estuary zone")
    islands: IslandsStatus | None = Field(None, title="northwest islands")
    islands_zone: ZoneRef | None = Field(None, title="islands zone")

    @field_validator("maritime", mode="before")
    @classmethod
    def _retired_maritime(cls, value: Any) -> Any:
        """Return the value, or refuse a value the field held before the maritime line had a field of its own."""
        if isinstance(value, str) and value in RETIRED_MARITIME:
            raise ValueError(f"'{value}' is no longer a maritime zone regime: {RETIRED_MARITIME[value]}")
        return value

    def disposals(self) -> list[Disposal]:
        """Return the line continued or replaced, the zone replaced by its regime, the estuary and islands as set."""
        found = []
        if self.line is not None:
            found.append(Disposal("demarcation_line", LINE_OUTCOME[self.line]))
        if self.regime is not None and self.zone is not None:
            found.append(Disposal("demilitarized_zone", "replaced"))
        if self.estuary in ESTUARY_OUTCOME:
            found.append(Disposal("han_river_estuary", ESTUARY_OUTCOME[self.estuary]))
        if self.islands in ISLANDS_OUTCOME or self.pending_at_sea == "armistice_arrangements":
            found.append(Disposal("coastal_islands", "continued"))
        return found

    def precedent_fields(self) -> dict[str, str]:
        """Return the zone's total width (from the registry) when the clause sets a regime for a zone along the line."""
        return {"zone_width_total_km": "zone"} if self.zone is not None else {}
