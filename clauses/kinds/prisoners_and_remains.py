"""Prisoners of war, detainees, separated families and the recovery of remains."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from clauses.armistice import Disposal
from clauses.base import BodyRef, ClauseBase, Deadline

Category = Literal[
    "prisoners_of_war",
    "civilian_detainees",
    "abductees",
    "separated_families",
    "remains",
]

# the Armistice's functions a category replaces: ¶51–58 prisoners, ¶13(f) the dead, ¶59 displaced civilians
ARMISTICE_BY_CATEGORY = {"prisoners_of_war": "prisoners_of_war", "remains": "remains",
                         "separated_families": "displaced_civilians"}


class PrisonersAndRemains(ClauseBase):
    """Release and repatriation of persons, and the search for and return of remains."""

    kind: Literal["prisoners_and_remains"]
    topic = "prisoners_and_remains"
    due_field: ClassVar[str] = "deadline"
    lane = "relations"
    precedent_measures: ClassVar[dict[str, str]] = {"body": "body"}
    deadline_measure: ClassVar[str | None] = "repatriation_days"

    categories: Annotated[list[Category], Field(min_length=1)]
    voluntary_repatriation: bool = True
    body: BodyRef | None = None
    deadline: Deadline | None = None
    icrc_role: bool = True

    def disposals(self) -> list[Disposal]:
        """Return the Armistice's arrangements for prisoners, remains and displaced civilians this clause replaces."""
        replaced = [function for category, function in ARMISTICE_BY_CATEGORY.items() if category in self.categories]
        return [Disposal(function, "replaced", self.body) for function in dict.fromkeys(replaced)]
