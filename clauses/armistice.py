"""The functions of the 1953 Armistice a peace agreement must dispose of, and the paragraphs that carry each.

One function is one job the Armistice does (the cease-fire, the line, the zone, a commission …), named
here once: precedent rows are tagged with these ids, clause kinds say which of them they dispose of and
how (`ClauseBase.disposals`), and the coverage check asks of each what the draft makes of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Outcome = Literal["replaced", "continued", "terminated"]


@dataclass(frozen=True)
class ArmisticeFunction:
    """One function of the Armistice: its id, what it is, its paragraphs, and whether ending it needs a successor."""

    id: str
    title: str
    paragraphs: tuple[str, ...]
    essential: bool = False  # ending it without a replacement leaves the peninsula without it


@dataclass(frozen=True)
class Disposal:
    """What one clause does with one Armistice function: replaces, continues or terminates it (and by which body)."""

    function: str
    outcome: Outcome
    body: str | None = None


FUNCTIONS: tuple[ArmisticeFunction, ...] = (
    ArmisticeFunction("cease_fire", "the cease-fire on land, at sea and in the air, and the ban on blockade",
                      ("¶6", "¶12", "¶14", "¶15", "¶16"), essential=True),
    ArmisticeFunction("demarcation_line", "the Military Demarcation Line and its markers",
                      ("¶1", "¶2–3", "¶4"), essential=True),
    ArmisticeFunction("demilitarized_zone", "the Demilitarized Zone and the withdrawal of forces from it",
                      ("¶1", "¶2–3", "¶4", "¶13(a)"), essential=True),
    ArmisticeFunction("dmz_administration", "crossing the line, entry into the zone and its civil administration",
                      ("¶7", "¶8", "¶9", "¶10", "¶11")),
    ArmisticeFunction("han_river_estuary", "civil shipping in the Han River Estuary", ("¶5",)),
    ArmisticeFunction("coastal_islands", "the coastal islands and the five northwest island groups", ("¶13(b)",)),
    ArmisticeFunction("reinforcement_limits", "the ban on reinforcing personnel and combat matériel from outside Korea",
                      ("¶13(c)", "¶13(d)", "¶43")),
    ArmisticeFunction("violations_and_discipline", "the commanders' duty to enforce the terms and punish violators",
                      ("¶13(e)", "¶17")),
    ArmisticeFunction("remains", "the recovery of the dead from known burial places", ("¶13(f)",)),
    ArmisticeFunction("military_armistice_commission", "the Military Armistice Commission and its support",
                      ("¶13(g)–(j)", "¶18", "¶19–22", "¶24", "¶25", "¶29–35")),
    ArmisticeFunction("joint_observer_teams", "the Joint Observer Teams", ("¶23", "¶26", "¶27")),
    ArmisticeFunction("neutral_nations_supervisory_commission", "neutral supervision by the NNSC",
                      ("¶18", "¶28", "¶36–39", "¶41", "¶42", "¶44", "¶45", "¶47–50")),
    ArmisticeFunction("inspection_teams", "the Neutral Nations Inspection Teams at the ports of entry",
                      ("¶40", "¶42", "¶43", "¶46")),
    ArmisticeFunction("prisoners_of_war", "the release and repatriation of prisoners of war", ("¶51–58",)),
    ArmisticeFunction("displaced_civilians", "the return of displaced civilians", ("¶59",)),
    ArmisticeFunction("political_conference", "the recommended political conference", ("¶60",)),
    ArmisticeFunction("duration_and_supersession", "amendment, duration and supersession of the Armistice",
                      ("¶61", "¶62", "¶63")),
)
FUNCTION_IDS: tuple[str, ...] = tuple(function.id for function in FUNCTIONS)
BY_ID: dict[str, ArmisticeFunction] = {function.id: function for function in FUNCTIONS}
FunctionId = Literal[FUNCTION_IDS]  # type: ignore[valid-type]
# the provisions a supersession clause may continue or end: all but the final articles it settles itself
ContinuableFunction = Literal[tuple(key for key in FUNCTION_IDS if key != "duration_and_supersession")]  # type: ignore[valid-type]

# What the UN Command does by practice and the Armistice does not give it (the fact sheet attributes neither to
# the Armistice): a transfer may hand these on too, but they are no function of the Armistice.
COMMAND_PRACTICE: tuple[str, ...] = ("general_officer_talks", "liaison")
# The Armistice's own bodies and teams, each named by the function it is: what a step or a clause can end.
ARMISTICE_BODIES: tuple[str, ...] = ("military_armistice_commission", "joint_observer_teams",
                                     "neutral_nations_supervisory_commission", "inspection_teams")
# Supervision by neutral nations: handed to a body of the parties themselves, it is no longer neutral.
NEUTRAL_SUPERVISION: frozenset[str] = frozenset({"neutral_nations_supervisory_commission", "inspection_teams"})
TransferableFunction = Literal[FUNCTION_IDS + COMMAND_PRACTICE]  # type: ignore[valid-type]
ArmisticeBody = Literal[ARMISTICE_BODIES]  # type: ignore[valid-type]
