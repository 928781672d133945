"""A body the agreement sets up, and how a body is made up: its composition, chair, decisions and meetings.

The make-up is typed on the registered body (agreements.model.Body takes these fields); the clause that
establishes the body says who sets it up and when, and its text is rendered from the body's make-up.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from clauses.base import ActorRef, BodyRef, ClauseBase, Deadline, Model, PartyRef

# who sits on it: the parties themselves, neutral States, the parties with neutral members or a neutral chair,
# or an international organisation's own staff
Composition = Literal["parties", "neutral", "mixed", "international"]
Level = Literal["heads_of_government", "ministerial", "senior_officials", "general_officers", "experts"]
DecisionRule = Literal["consensus", "unanimity", "majority", "two_thirds_majority"]
ChairMode = Literal["co_chairs", "rotating", "party", "neutral"]
MeetingUnit = Literal["days", "months", "years"]


class Chair(Model):
    """Who chairs a body: one co-chair per member, a chair rotating among them, a named party, or a neutral chair."""

    mode: ChairMode = Field(title="chair")
    party: PartyRef | None = Field(None, title="chairing party")
    designated_by: ActorRef | None = Field(None, title="neutral chair designated by")

    @model_validator(mode="after")
    def _party_when_named(self) -> Chair:
        if (self.mode == "party") != (self.party is not None):
            raise ValueError("'party' names the chair when, and only when, mode is 'party'")
        if self.designated_by is not None and self.mode != "neutral":
            raise ValueError("'designated_by' is for a neutral chair (mode: neutral)")
        return self


class Meetings(Model):
    """How often a body meets at least, and whether any member may call a meeting."""

    every: Annotated[int, Field(ge=1, le=366, title="meets at least every")]
    unit: MeetingUnit = Field(title="meeting interval unit")
    on_request: bool = Field(False, title="meets at any member's request")


class Establishment(ClauseBase):
    """A body set up by the agreement: by whom and by when; its make-up is the registered body's."""

    kind: Literal["establishment"]

    body: BodyRef = Field(title="body established")
    by: list[PartyRef] = Field([], title="established by")  # none: the Parties
    deadline: Deadline | None = Field(None, title="established within")  # none: by this Agreement itself
