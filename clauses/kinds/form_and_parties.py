"""Form of the instrument, its parties, ratification and registration with the United Nations."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from clauses.base import ClauseBase, InstrumentForm, PartyRef


class FormAndParties(ClauseBase):
    """The instrument's form and the parties bound by it."""

    kind: Literal["form_and_parties"]
    topic = "form_and_parties"

    instrument: InstrumentForm
    parties: Annotated[list[PartyRef], Field(min_length=2)]
    ratification_required: bool = True
    register_with_un: bool = True
