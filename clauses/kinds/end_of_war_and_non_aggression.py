"""End of the state of war, the cease-fire made permanent, non-aggression and non-use of force."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from clauses.armistice import Disposal
from clauses.base import ClauseBase

Domain = Literal["land", "sea", "air"]


class EndOfWarAndNonAggression(ClauseBase):
    """Declares the war ended and binds the parties not to use force."""

    kind: Literal["end_of_war_and_non_aggression"]
    topic = "end_of_war_and_non_aggression"

    end_state_of_war: bool = True
    effective: Literal["signature", "entry_into_force"] = "entry_into_force"
    ceasefire_permanent: bool = True
    non_aggression: bool = True
    non_use_of_force: bool = True
    domains: list[Domain] = ["land", "sea", "air"]
    forces_compliance: bool = Field(False, title="compliance of armed forces")

    def disposals(self) -> list[Disposal]:
        """Return the cease-fire replaced (made permanent, or force forbidden everywhere) and the commanders' duty."""
        everywhere = {"land", "sea", "air"} <= set(self.domains)
        found = [Disposal("cease_fire", "replaced")] if self.ceasefire_permanent or (
            self.non_aggression and everywhere) else []
        return found + ([Disposal("violations_and_discipline", "replaced")] if self.forces_compliance else [])
