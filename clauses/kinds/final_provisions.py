"""Entry into force, authentic languages, amendment and supersession of the 1953 Armistice."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from clauses.base import ActorRef, ClauseBase, Days, Lang

EntryIntoForce = Literal["signature", "ratification_by_all", "days_after_last_ratification"]
Supersession = Literal["full", "partial_until_bodies_replaced", "none"]


class FinalProvisions(ClauseBase):
    """How the agreement comes into force, in which languages, and what it replaces."""

    kind: Literal["final_provisions"]
    topic = "final_provisions"
    replaces_armistice: ClassVar[frozenset[str]] = frozenset({"duration_and_supersession"})

    entry_into_force: EntryIntoForce
    days_after: Days | None = None
    authentic_languages: Annotated[list[Lang], Field(min_length=1)]
    supersedes_armistice: Supersession
    amendment: Literal["consensus_of_parties", "signatories_in_writing"] = "consensus_of_parties"
    depositary: ActorRef | None = None

    def armistice_supersession(self) -> str:
        """Return how far the agreement replaces the 1953 Armistice: full, partial_until_bodies_replaced or none."""
        return self.supersedes_armistice

    def depositary_of_agreement(self) -> str | None:
        """Return the id of the depositary this clause names (the original is then done in a single copy)."""
        return self.depositary
