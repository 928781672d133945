"""Basic relations of the two Koreas: respect, non-interference, liaison, exchanges."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from clauses.base import ClauseBase

Principle = Literal[
    "mutual_respect",
    "non_interference",
    "no_slander",
    "no_subversion",
    "special_interim_relationship",
    "equality",
]
Representation = Literal["liaison_office", "permanent_missions", "embassies", "none"]
Exchange = Literal["separated_families", "culture", "sport", "economy", "transport", "health", "environment"]


class InterKoreanRelations(ClauseBase):
    """How the two Koreas treat each other and keep in touch."""

    kind: Literal["inter_korean_relations"]
    topic = "inter_korean_relations"
    lane = "relations"

    principles: Annotated[list[Principle], Field(min_length=1)]
    representation: Representation = "liaison_office"
    exchanges: list[Exchange] = []
