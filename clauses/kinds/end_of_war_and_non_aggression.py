"""End of the state of war, the cease-fire made permanent, non-aggression and non-use of force."""

from __future__ import annotations

from typing import ClassVar, Literal

from clauses.base import ClauseBase

Domain = Literal["land", "sea", "air"]


class EndOfWarAndNonAggression(ClauseBase):
    """Declares the war ended and binds the parties not to use force."""

    kind: Literal["end_of_war_and_non_aggression"]
    topic = "end_of_war_and_non_aggression"
    replaces_armistice: ClassVar[frozenset[str]] = frozenset({"cease_fire"})

    end_state_of_war: bool = True
    effective: Literal["signature", "entry_into_force"] = "entry_into_force"
    ceasefire_permanent: bool = True
    non_aggression: bool = True
    non_use_of_force: bool = True
    domains: list[Domain] = ["land", "sea", "air"]
