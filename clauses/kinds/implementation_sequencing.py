"""Phases and steps of implementation with their preconditions (action for action)."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

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
    replaces_armistice: ClassVar[frozenset[str]] = frozenset({"political_conference"})

    principle: Principle = "action_for_action"
    phases: Annotated[list[Phase], Field(min_length=1)]
