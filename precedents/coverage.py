"""Armistice supersession coverage: what becomes of each function of the 1953 Armistice under the draft."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from agreements.index import index_of
from agreements.model import Agreement
from clauses.base import ClauseBase
from precedents.model import ArmisticeFunction

ARMISTICE = "armistice-1953"


@dataclass(frozen=True)
class Coverage:
    """What the draft does with one Armistice function: replaced, continued, terminated, or left open (a gap)."""

    function: str
    outcome: str  # replaced | continued | terminated | gap
    clause: str | None
    citations: tuple[str, ...]

    @property
    def summary(self) -> str:
        """Return one line, e.g. 'military_armistice_commission: replaced by unc.status (Art. II ¶19)'."""
        shown = ", ".join(self.citations[:3]) + (", …" if len(self.citations) > 3 else "")
        cited = f" ({shown})" if self.citations else ""
        if self.outcome == "gap":
            return f"{self.function}: neither continued, replaced nor terminated{cited}"
        return f"{self.function}: {self.outcome} by {self.clause}{cited}"


def _replacement(function: str, clauses: list[ClauseBase]) -> ClauseBase | None:
    """Return the first clause that takes over a function of the Armistice, or None."""
    return next((clause for clause in clauses if clause.takes_over(function)), None)


def coverage(agreement: Agreement, armistice: list[tuple[str, list[str]]]) -> list[Coverage]:
    """Return the fate under the draft of every function the Armistice's provisions (citation, functions) carry."""
    clauses = index_of(agreement).clauses()
    final = next((clause for clause in clauses if clause.armistice_supersession() is not None), None)
    supersession = final.armistice_supersession() if final is not None else None
    found: list[Coverage] = []
    functions: dict[str, list[str]] = {}
    for citation, carried in armistice:
        for function in carried:
            functions.setdefault(function, []).append(citation)
    for function, citations in functions.items():
        replacement = _replacement(function, clauses)
        if replacement is not None:
            found.append(Coverage(function, "replaced", replacement.id, tuple(citations)))
        elif supersession == "full":
            found.append(Coverage(function, "terminated", final.id, tuple(citations)))
        elif supersession in ("partial_until_bodies_replaced", "none"):
            found.append(Coverage(function, "continued", final.id, tuple(citations)))
        else:
            found.append(Coverage(function, "gap", None, tuple(citations)))
    return found


FUNCTIONS: tuple[ArmisticeFunction, ...] = ArmisticeFunction.__args__  # type: ignore[attr-defined]


@functools.cache
def armistice_functions() -> list[tuple[str, list[str]]]:
    """Return (citation, functions) of every provision of the shipped 1953 Armistice file."""
    from precedents.corpus import SHIPPED, load_file

    armistice = load_file(SHIPPED / f"{ARMISTICE}.yaml")
    return [(provision.citation, list(provision.functions)) for provision in armistice.provisions]
