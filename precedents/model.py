"""The precedent corpus: agreements, their provisions with citations and basis codes, and what is not yet verified."""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, model_validator

from clauses.armistice import FunctionId
from clauses.base import Model, NodeId
from clauses.measures import MEASURES
from clauses.topics import TOPICS

Basis = Literal["T", "A", "C", "X", "S", "P"]
BASIS_ORDER = ("T", "A", "C", "X", "S", "P")  # strongest first
CODED = "P"  # a topic's presence in a database's coding: no text of the agreement seen
Region = Literal["korea", "vietnam", "germany", "yemen", "other"]
Topic = Literal[TOPICS]  # type: ignore[valid-type]
NUMBER_MEASURES = tuple(measure.id for measure in MEASURES if measure.unit not in ("",))
NumberMeasure = Literal[NUMBER_MEASURES]  # type: ignore[valid-type]
Unit = Literal["km", "m", "days", "hours", "persons"]
ForeignForces = Literal["withdraw", "reduce", "retain", "retain_with_limits", "prohibit_introduction"]
Line = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
BASIS_MEANING = {"T": "seen in an authentic English text", "A": "seen in another authentic language",
                 "C": "seen only in a corrupted copy", "X": "seen only in an unofficial translation",
                 "S": "seen only in a secondary summary",
                 "P": "coded by PA-X: the topic is present in the agreement by the PA-X coding; no text seen"}


def ordered_codes(codes: list[str]) -> list[str]:
    """Return basis codes without repeats, strongest first (T, A, C, X, S)."""
    return sorted(dict.fromkeys(codes), key=BASIS_ORDER.index)


def weakest(codes: list[str] | tuple[str, ...]) -> str:
    """Return the weakest of a provision's basis codes (the one a reader must allow for)."""
    return max(codes, key=BASIS_ORDER.index)


def shown_basis(codes: list[str] | tuple[str, ...]) -> str:
    """Return every basis code as the fact sheet writes them, strongest first ('[T][S]')."""
    return "".join(f"[{code}]" for code in ordered_codes(list(codes)))


def _as_list(codes: object) -> object:
    """Read a single code ('basis: S', as files of the first schema have it) as a list of one."""
    return [codes] if isinstance(codes, str) else codes


# every code of a row once, strongest first
Codes = Annotated[list[Basis], BeforeValidator(_as_list), AfterValidator(ordered_codes)]


class Quantity(Model):
    """One number a provision fixes: which measure it is, its value as the sheet gives it, and how exact it is."""

    measure: NumberMeasure
    value: Annotated[float, Field(ge=0, le=10_000_000)]
    unit: Unit | None = Field(None, description="the unit the sheet states, when not the measure's own (72 hours)")
    approximate: bool = Field(False, description="the sheet says '~', 'about' or 'approximately'")
    at_most: bool = Field(False, description="the sheet says 'up to', 'within … of each other' or '≤'")
    scope: Line | None = Field(None, description="what the number applies to, in the sheet's words")


class Parameters(Model):
    """What a provision fixes, typed by measure (clauses.measures); `as_stated` keeps the sheet's words."""

    quantities: list[Quantity] = Field([], title="numbers")
    body: Line | None = Field(None, title="body")
    members: list[Line] = Field([], title="members")
    foreign_forces_disposition: ForeignForces | None = Field(None, title="what becomes of foreign forces")
    as_stated: Line | None = Field(None, title="as stated")

    @model_validator(mode="before")
    @classmethod
    def _no_untyped_numbers(cls, data: object) -> object:
        """Refuse the first schema's untyped numbers: a number must say which measure it is."""
        if isinstance(data, dict):
            for name in ("distance_km", "days", "hours"):
                if name in data:
                    raise ValueError(f"'{name}' says no measure: give it as quantities: [{{measure: …, value: "
                                     f"{data[name]}}}] with a measure of clauses.measures")
        return data


class Provision(Model):
    """One provision of a precedent: where it is, every basis code of its row, what it settles, in our own words."""

    id: NodeId
    citation: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    basis: Annotated[Codes, Field(min_length=1)]
    earlier_basis: Codes = Field([], description="the codes before the sheet's upgrade ('(earlier …)')")
    topics: Annotated[list[Topic], Field(min_length=1)]
    parameters: Parameters = Parameters()
    paraphrase: Line
    functions: list[FunctionId] = []
    moved_to: NodeId | None = Field(None, description="the sheet finds the row mis-cited: its content is this provision's")


class LaterPractice(Model):
    """A fact of later practice about a function of the Armistice (not treaty text), with its basis codes."""

    functions: Annotated[list[FunctionId], Field(min_length=1)]
    paragraphs: list[Annotated[str, StringConstraints(min_length=1, max_length=40)]] = []
    when: Annotated[str, StringConstraints(min_length=1, max_length=80)] | None = None
    basis: Annotated[Codes, Field(min_length=1)]
    paraphrase: Line
    contradictory: bool = Field(False, description="the sources give contradictory dates or facts")

    @property
    def line(self) -> str:
        """Return 'when: paraphrase [S]' for reading beside a function."""
        when = f"{self.when}: " if self.when else ""
        return f"{when}{self.paraphrase} {shown_basis(self.basis)}"


class PaxCoding(Model):
    """What the PA-X Peace Agreements Database records of an agreement: its id and how it classes it."""

    id: Annotated[int, Field(ge=0)] = Field(description="AgtId")
    country: Line | None = Field(None, description="Con: the country or entity of the conflict")
    region: Line | None = Field(None, description="Reg")
    stage: Line | None = Field(None, description="Stage: pre-negotiation, framework, comprehensive, implementation …")
    type: Line | None = Field(None, description="Agtp: interstate, interstate/intrastate, intrastate, local")
    status: Line | None = Field(None, description="Status: signed, agreed, unilateral …")
    codes: list[Annotated[str, StringConstraints(min_length=1, max_length=40)]] = Field(
        [], description="the PA-X codes present, as the table names its columns")


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
    later_practice: list[LaterPractice] = []
    not_yet_verified: list[Line] = []
    pax: PaxCoding | None = Field(None, description="the agreement as the PA-X database codes it (import-pax)")
