"""Prisoners of war, detainees, separated families and the recovery of remains."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from clauses.base import BodyRef, ClauseBase, Deadline

Category = Literal[
    "prisoners_of_war",
    "civilian_detainees",
    "abductees",
    "separated_families",
    "remains",
]


class PrisonersAndRemains(ClauseBase):
    """Release and repatriation of persons, and the search for and return of remains."""

    kind: Literal["prisoners_and_remains"]
    topic = "prisoners_and_remains"
    due_field: ClassVar[str] = "deadline"
    lane = "relations"
    replaces_armistice: ClassVar[frozenset[str]] = frozenset({"prisoners_of_war"})
    precedent_measures: ClassVar[dict[str, str]] = {"body": "body"}

    categories: Annotated[list[Category], Field(min_length=1)]
    voluntary_repatriation: bool = True
    body: BodyRef | None = None
    deadline: Deadline | None = None
    icrc_role: bool = True
