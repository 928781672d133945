"""What the United States, China and the United Nations do: signatory, guarantor, witness; assurances."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field

from clauses.base import ClauseBase, KindRule, Model, PartyRef

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
    role: Role = Field(title="role")
    assurances: list[Assurance] = Field([], title="assurances")
    assured: list[PartyRef] = Field([], title="parties assured")


def roles_registered(context: Any, visit: Any) -> Iterator[Any]:
    """The role this clause gives a party is the role the party is registered with (the signatures follow it)."""
    registered = {party.id: party.role for party in context.agreement.parties}
    for number, entry in enumerate(visit.model.roles):
        if entry.party in registered and registered[entry.party] != entry.role:
            message = f"{entry.party} is given the role {entry.role} here but is registered as {registered[entry.party]}"
            yield context.warning(visit.model.id, message, (*visit.path, "roles", number, "role"))


class NonKoreanPartiesRoles(ClauseBase):
    """Roles and assurances of the parties other than the two Koreas."""

    kind: Literal["non_korean_parties_roles"]
    topic = "non_korean_parties_roles"
    rules: ClassVar[tuple[KindRule, ...]] = (roles_registered,)

    roles: Annotated[list[PartyRole], Field(min_length=1)] = Field(title="roles of the parties")

    def party_roles(self) -> dict[str, str]:
        """Return the role this clause gives each party."""
        return {entry.party: entry.role for entry in self.roles}
