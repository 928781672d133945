"""Denuclearization and other weapons of mass destruction, step for step with the peace regime."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from clauses.base import BodyRef, ClauseBase, EventRef, Model, Step

Scope = Literal[
    "nuclear_weapons",
    "fissile_material",
    "enrichment_and_reprocessing",
    "ballistic_missiles",
    "chemical_weapons",
    "biological_weapons",
]


class Linkage(Model):
    """One denuclearization step tied to one peace-regime step (action for action)."""

    denuclearization_step: EventRef
    peace_step: EventRef


class DenuclearizationLinkage(ClauseBase):
    """What is given up, who verifies it, and which peace steps each step unlocks."""

    kind: Literal["denuclearization_linkage"]
    topic = "denuclearization_linkage"
    lane = "denuclearization"

    scope: Annotated[list[Scope], Field(min_length=1)]
    verifier: BodyRef | None = None
    steps: list[Step] = []
    links: list[Linkage] = []

    def unlocks(self) -> list[tuple[str, str]]:
        """Return each denuclearization step with the peace step it unlocks."""
        return [(link.denuclearization_step, link.peace_step) for link in self.links]
