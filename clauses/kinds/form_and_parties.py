"""Form of the instrument, its parties, who signs it, the instruments linked to it, ratification and registration."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field

from clauses.base import ClauseBase, InstrumentForm, KindRule, LangText, Model, NodeId, PartyRef

SignatoryCapacity = Literal["heads_of_state", "heads_of_government", "foreign_ministers", "plenipotentiaries",
                            "military_commanders"]
LinkedForm = Literal["protocol", "annex", "exchange_of_letters", "agreed_minute", "side_agreement"]


class LinkedInstrument(Model):
    """One instrument of the package beside the agreement: its form, title, parties and whether it is part of it."""

    id: NodeId
    form: LinkedForm = Field(title="form of the linked instrument")
    title: LangText = Field(title="title of the linked instrument")
    parties: list[PartyRef] = Field([], title="parties to the linked instrument")  # none: all the Parties
    integral_part: bool = Field(True, title="integral part of the agreement")


def signatories_named(context: Any, visit: Any) -> Iterator[Any]:
    """The parties this clause names are the draft's signatories, those the title page and the signatures list."""
    clause = visit.model
    signatories = [party.id for party in context.agreement.parties if party.role == "signatory"]
    unnamed = [key for key in signatories if key not in clause.parties]
    not_signing = [key for key in clause.parties if key not in signatories]
    if unnamed:
        yield context.warning(clause.id, f"registered as signatories but not named among the parties here: "
                                         f"{', '.join(unnamed)}", (*visit.path, "parties"))
    if not_signing:
        yield context.warning(clause.id, f"named among the parties here but not registered as signatories: "
                                         f"{', '.join(not_signing)}", (*visit.path, "parties"))


def linked_instrument_parties(context: Any, visit: Any) -> Iterator[Any]:
    """A linked instrument is concluded by parties of the agreement; an exchange of letters by two or more of them."""
    clause = visit.model
    for number, instrument in enumerate(clause.instruments):
        path = (*visit.path, "instruments", number)
        outside = [key for key in instrument.parties if key not in clause.parties]
        if outside:
            yield context.error(instrument.id, f"{', '.join(outside)} is not a party to the agreement "
                                               f"({', '.join(clause.parties)})", (*path, "parties"))
        if instrument.form == "exchange_of_letters" and len(instrument.parties) == 1:
            yield context.error(instrument.id, "an exchange of letters is between at least two parties (none: all the "
                                               "parties)", (*path, "parties"))
        if instrument.form == "annex" and instrument.parties:
            yield context.error(instrument.id, "an annex is part of the agreement itself and has no parties of its "
                                               "own", (*path, "parties"))


class FormAndParties(ClauseBase):
    """The instrument's form, the parties bound by it, who signs for them and the instruments linked to it."""

    kind: Literal["form_and_parties"]
    topic = "form_and_parties"
    rules: ClassVar[tuple[KindRule, ...]] = (signatories_named, linked_instrument_parties)

    instrument: InstrumentForm = Field(title="form of the instrument")
    parties: Annotated[list[PartyRef], Field(min_length=2)] = Field(title="parties")
    ratification_required: bool = Field(True, title="ratification required")
    register_with_un: bool = Field(True, title="registration with the United Nations")
    signed_by: SignatoryCapacity = Field("plenipotentiaries", title="signatory capacity")
    instruments: list[LinkedInstrument] = Field([], title="linked instruments")

    def party_roles(self) -> dict[str, str]:
        """Return every party this clause names as a signatory."""
        return {key: "signatory" for key in self.parties}

    def signatory_capacity(self) -> str:
        """Return in what capacity the parties' representatives sign this instrument."""
        return self.signed_by
