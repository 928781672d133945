"""What becomes of the 1953 Armistice: replaced in full or in part, and which of its provisions continue or cease.

A clause of its own, so that the parties can settle the supersession while the rest of the final provisions
is still in brackets; each function it names is one of clauses.armistice, and the Armistice coverage reads
them as express continuations and terminations.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar, Literal

from pydantic import Field

from clauses.armistice import ContinuableFunction, Disposal
from clauses.base import ClauseBase, KindRule

Supersession = Literal["full", "partial_until_bodies_replaced", "none"]
ITSELF = "duration_and_supersession"  # what the clause itself replaces (its lists cannot name it)


def supersession_consistent(context: Any, visit: Any) -> Iterator[Any]:
    """A provision is continued or terminated, not both; a full supersession continues nothing, none ends nothing."""
    clause = visit.model
    for function in sorted(set(clause.continued) & set(clause.terminated)):
        yield context.error(clause.id, f"'{function}' is both continued and terminated", (*visit.path, "terminated"))
    if clause.extent == "full" and clause.continued:
        message = ("a full supersession ends the whole Armistice: use 'partial_until_bodies_replaced' "
                   "to continue some of it")
        yield context.error(clause.id, message, (*visit.path, "continued"))
    if clause.extent == "none" and clause.terminated:
        message = ("with extent 'none' the Armistice stays in force whole: use 'partial_until_bodies_replaced' "
                   "to end some of it")
        yield context.error(clause.id, message, (*visit.path, "terminated"))


class ArmisticeSupersession(ClauseBase):
    """How far the agreement replaces the Armistice, and the Armistice's provisions that continue or cease."""

    kind: Literal["armistice_supersession"]
    rules: ClassVar[tuple[KindRule, ...]] = (supersession_consistent,)

    extent: Supersession = Field(title="supersession of the Armistice")
    continued: list[ContinuableFunction] = Field([], title="Armistice provisions that continue to apply")
    terminated: list[ContinuableFunction] = Field([], title="Armistice provisions that cease to apply")

    def armistice_supersession(self) -> str:
        """Return how far the agreement replaces the Armistice: full, partial_until_bodies_replaced or none."""
        return self.extent

    def disposals(self) -> list[Disposal]:
        """Return the supersession replaced by this clause, and each provision it continues or terminates."""
        return ([Disposal(ITSELF, "replaced")] + [Disposal(function, "continued") for function in self.continued]
                + [Disposal(function, "terminated") for function in self.terminated])

