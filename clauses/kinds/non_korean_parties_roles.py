"""What the United States, China and the United Nations do: signatory, guarantor, witness; assurances."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from clauses.base import ClauseBase, Model, PartyRef

Role = Literal["signatory", "guarantor", "witness", "observer"]
Assurance = Literal[
    "security_assurance",
    "non_aggression",
    "non_use_of_nuclear_weapons",
    "diplomatic_normalization",
    "economic_assistance",
    "respect_for_sovereignty",
]


class PartyRole(Model):
    """One non-Korean party's role and the assurances it gives, and to whom."""

    party: PartyRef
    role: Role
    assurances: list[Assurance] = []
    assured: list[PartyRef] = []


class NonKoreanPartiesRoles(ClauseBase):
    """Roles and assurances of the parties other than the two Koreas."""

    kind: Literal["non_korean_parties_roles"]
    topic = "non_korean_parties_roles"

    roles: Annotated[list[PartyRole], Field(min_length=1)]
