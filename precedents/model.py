"""The precedent corpus: agreements, their provisions with citations and basis codes, and what is not yet verified."""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from clauses.base import Model, NodeId
from clauses.topics import TOPICS

Basis = Literal["T", "A", "C", "X", "S"]
Region = Literal["korea", "vietnam", "germany", "yemen"]
Topic = Literal[TOPICS]  # type: ignore[valid-type]
ArmisticeFunction = Literal[
    "cease_fire", "demarcation_line", "demilitarized_zone", "dmz_administration", "military_armistice_commission",
    "joint_observer_teams", "neutral_nations_supervisory_commission", "inspection_teams", "reinforcement_limits",
    "coastal_waters_and_islands", "prisoners_of_war", "political_conference", "duration_and_supersession",
]
Line = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
BASIS_MEANING = {"T": "seen in an authentic English text", "A": "seen in another authentic language",
                 "C": "seen only in a corrupted copy", "X": "seen only in an unofficial translation",
                 "S": "seen only in a secondary summary"}


class Parameters(Model):
    """What a provision fixes, typed where a clause kind has the same parameter; `as_stated` keeps the sheet's words."""

    distance_km: Annotated[float, Field(ge=0, le=10_000)] | None = Field(None, title="distance")
    days: Annotated[int, Field(ge=0, le=100_000)] | None = Field(None, title="time limit")
    hours: Annotated[int, Field(ge=0, le=100_000)] | None = Field(None, title="hours")
    body: Line | None = Field(None, title="body")
    members: list[Line] = Field([], title="members")
    foreign_forces: Literal["withdraw", "reduce", "retain", "prohibit_introduction"] | None = Field(
        None, title="foreign forces")
    as_stated: Line | None = Field(None, title="as stated")


class Provision(Model):
    """One provision of a precedent: where it is, how firm the source is, what it settles, in our own words."""

    id: NodeId
    citation: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    basis: Basis
    topics: Annotated[list[Topic], Field(min_length=1)]
    parameters: Parameters = Parameters()
    paraphrase: Line
    functions: list[ArmisticeFunction] = []


class PrecedentAgreement(Model):
    """A precedent agreement: who, when, where, in which languages, in what context, and its provisions."""

    id: NodeId
    title: Line
    short_title: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    date: datetime.date
    place: Line | None = None
    parties: list[Line] = []
    languages: list[Line] = []
    region: Region
    context: Line
    provisions: list[Provision] = []
    not_yet_verified: list[Line] = []
