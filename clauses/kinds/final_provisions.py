"""Entry into force, duration and withdrawal, authentic languages, amendment and supersession of the 1953 Armistice."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field

from clauses.armistice import Disposal
from clauses.base import ActorRef, ClauseBase, Days, KindRule, Lang

EntryIntoForce = Literal["signature", "ratification_by_all", "days_after_last_ratification"]
Supersession = Literal["full", "partial_until_bodies_replaced", "none"]
Duration = Literal["indefinite", "fixed_term"]
Renewal = Literal["automatic", "by_agreement"]
Withdrawal = Literal["not_permitted", "on_notice"]
Months = Annotated[int, Field(ge=1, le=60)]


def duration_and_withdrawal(context: Any, visit: Any) -> Iterator[Any]:
    """A fixed term gives its years; withdrawal on notice gives the notice and a depositary to receive it."""
    clause = visit.model
    if clause.duration == "fixed_term" and clause.term_years is None:
        yield context.error(clause.id, "a fixed term needs 'term_years'", (*visit.path, "duration"))
    if clause.renewal and clause.duration != "fixed_term":
        yield context.error(clause.id, "only a fixed term is renewed", (*visit.path, "renewal"))
    if clause.withdrawal == "on_notice" and clause.withdrawal_notice_months is None:
        yield context.error(clause.id, "withdrawal on notice needs 'withdrawal_notice_months'",
                            (*visit.path, "withdrawal"))
    if clause.withdrawal == "on_notice" and clause.depositary is None:
        yield context.error(clause.id, "withdrawal on notice needs a 'depositary' to receive the notification",
                            (*visit.path, "withdrawal"))


class FinalProvisions(ClauseBase):
    """How the agreement comes into force, how long it lasts, in which languages, and what it replaces."""

    kind: Literal["final_provisions"]
    topic = "final_provisions"
    rules: ClassVar[tuple[KindRule, ...]] = (duration_and_withdrawal,)

    entry_into_force: EntryIntoForce = Field(title="entry into force")
    days_after: Days | None = Field(None, title="days after the last ratification")
    authentic_languages: Annotated[list[Lang], Field(min_length=1)] = Field(title="authentic languages")
    supersedes_armistice: Supersession | None = Field(None, title="supersession of the Armistice")  # None: silent
    amendment: Literal["consensus_of_parties", "signatories_in_writing"] = Field("consensus_of_parties",
                                                                                 title="amendment")
    depositary: ActorRef | None = Field(None, title="depositary")
    duration: Duration | None = Field(None, title="duration")  # None: the clause says nothing on it
    term_years: Annotated[int, Field(ge=1, le=100)] | None = Field(None, title="term in years")
    renewal: Renewal | None = Field(None, title="renewal")
    withdrawal: Withdrawal | None = Field(None, title="withdrawal")
    withdrawal_notice_months: Months | None = Field(None, title="notice of withdrawal in months")

    def armistice_supersession(self) -> str | None:
        """Return how far the agreement replaces the 1953 Armistice (None: this clause leaves it to another)."""
        return self.supersedes_armistice

    def disposals(self) -> list[Disposal]:
        """Return the Armistice's own final articles (¶61–63) replaced, when this clause states the supersession."""
        return [] if self.supersedes_armistice is None else [Disposal("duration_and_supersession", "replaced")]

    def depositary_of_agreement(self) -> str | None:
        """Return the id of the depositary this clause names (the original is then done in a single copy)."""
        return self.depositary
