"""Phases and steps of implementation with their preconditions (action for action)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from clauses.armistice import FUNCTION_IDS, Disposal
from clauses.base import ClauseBase, LangText, Model, NodeId, Step

Principle = Literal["action_for_action", "simultaneous", "sequential"]


class Phase(Model):
    """A named group of steps."""

    id: NodeId
    label: LangText
    steps: Annotated[list[Step], Field(min_length=1)]


class ImplementationSequencing(ClauseBase):
    """The order in which the agreement is carried out."""

    kind: Literal["implementation_sequencing"]
    topic = "implementation_sequencing"

    principle: Principle = "action_for_action"
    phases: Annotated[list[Phase], Field(min_length=1)]

    def disposals(self) -> list[Disposal]:
        """Return what the steps do with the Armistice: each function a step transfers, each body a step ends."""
        steps = [step for phase in self.phases for step in phase.steps]
        moved = [Disposal(function, "replaced", transfer.to) for step in steps for transfer in step.transfers
                 for function in transfer.functions if function in FUNCTION_IDS]
        return moved + [Disposal(body, "terminated") for step in steps for body in step.ends]
