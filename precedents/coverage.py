"""Armistice coverage by content: what the draft's settled, typed choices make of each function of the 1953 Armistice.

Each function (clauses.armistice) is replaced by a clause (and the body it names), continued, terminated by an
express clause, or open. Only settled clauses count: a bracketed or pending clause settles nothing, and what it
would do is shown as proposed. The final provisions' supersession disposes of what no clause names: `none`
continues the whole Armistice, `partial_until_bodies_replaced` continues the functions of its bodies until
they are assumed, `full` terminates the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from agreements.index import AgreementIndex, index_of
from agreements.model import Agreement
from agreements.rules.functions import supersessions
from clauses.armistice import BY_ID, FUNCTIONS, ArmisticeFunction, Disposal
from clauses.base import ClauseBase

ARMISTICE = "armistice-1953"
# the functions the Armistice's own bodies perform, which a partial supersession keeps until they are assumed
BODY_FUNCTIONS = frozenset({"military_armistice_commission", "joint_observer_teams",
                            "neutral_nations_supervisory_commission", "inspection_teams", "dmz_administration",
                            "han_river_estuary"})
DEMARCATION = ("demarcation_line", "demilitarized_zone")


@dataclass(frozen=True)
class Coverage:
    """What the draft does with one Armistice function, by which clause and body, and what practice did to it."""

    function: str
    outcome: str  # replaced | continued | terminated | open
    clause: str | None
    body: str | None = None
    paragraphs: tuple[str, ...] = ()
    proposed: tuple[str, ...] = ()  # open clauses that would dispose of it
    practice: tuple[str, ...] = ()  # later practice, each with its basis code

    @property
    def title(self) -> str:
        """Return what the function is, in words."""
        return BY_ID[self.function].title if self.function in BY_ID else self.function

    @property
    def summary(self) -> str:
        """Return one line, e.g. 'military_armistice_commission (¶19–22, …): replaced by unc.status (body jmc)'."""
        shown = ", ".join(self.paragraphs[:4]) + (", …" if len(self.paragraphs) > 4 else "")
        head = f"{self.function} ({shown})" if shown else self.function
        if self.outcome == "open":
            pending = f"; proposed only in {', '.join(self.proposed)}" if self.proposed else ""
            return f"{head}: open — neither replaced, continued nor terminated by a settled clause{pending}"
        by = f" by {self.clause}" if self.clause else ""
        body = f" (to {self.body})" if self.body else ""
        return f"{head}: {self.outcome}{by}{body}"


def _supersession(index: AgreementIndex) -> tuple[str | None, str | None]:
    """Return the settled supersession of the Armistice and the clause that states it, or (None, None)."""
    stated = supersessions(index)
    return (stated[0][1], stated[0][0].id) if stated else (None, None)


def _by_supersession(function: ArmisticeFunction, supersession: str | None) -> str | None:
    """Return what the final provisions' supersession makes of a function no clause names, or None."""
    if supersession == "none" or (supersession == "partial_until_bodies_replaced" and function.id in BODY_FUNCTIONS):
        return "continued"
    if supersession == "full":
        return "terminated"
    return None


def _disposition(function: ArmisticeFunction, disposals: list[tuple[ClauseBase, Disposal]],
                 supersession: tuple[str | None, str | None]) -> tuple[str, str | None, str | None]:
    """Return (outcome, clause, body) for one function: express clauses first, replacement before the rest."""
    for outcome in ("replaced", "continued", "terminated"):
        for clause, disposal in disposals:
            if disposal.function == function.id and disposal.outcome == outcome:
                return outcome, clause.id, disposal.body
    outcome = _by_supersession(function, supersession[0])
    return (outcome, supersession[1], None) if outcome else ("open", None, None)


def coverage(agreement: Agreement, practice: dict[str, list[str]] | None = None) -> list[Coverage]:
    """Return the fate under the draft of every function of the Armistice, with its later practice beside it."""
    index = index_of(agreement)
    clauses = index.clauses()
    settled_disposals, proposed = [], {}
    for clause in clauses:
        is_settled = index.settled(index.path(clause.id))
        for disposal in clause.disposals():
            if is_settled:
                settled_disposals.append((clause, disposal))
            else:
                proposed.setdefault(disposal.function, []).append(clause.id)
    supersession = _supersession(index)
    found = []
    for function in FUNCTIONS:
        outcome, clause, body = _disposition(function, settled_disposals, supersession)
        found.append(Coverage(function.id, outcome, clause, body, function.paragraphs,
                              tuple(dict.fromkeys(proposed.get(function.id, []))),
                              tuple((practice or {}).get(function.id, []))))
    return found


def problems(items: list[Coverage], mentions_demarcation: bool) -> list[tuple[Coverage, str, bool]]:
    """Return (coverage, message, is_error) for every function the draft leaves open or ends without a successor."""
    found = []
    for item in items:
        function = BY_ID[item.function]
        if item.outcome == "open":
            found.append((item, f"the 1953 Armistice's {item.summary}", False))
        elif item.outcome == "terminated" and item.function in DEMARCATION and mentions_demarcation:
            message = (f"the draft refers to the Military Demarcation Line or the Demilitarized Zone but {item.clause} "
                       f"terminates the Armistice's {item.function} ({', '.join(item.paragraphs)}: {function.title}) "
                       f"without replacing it")
            found.append((item, message, True))
        elif item.outcome == "terminated" and function.essential and item.function not in DEMARCATION:
            message = (f"the 1953 Armistice's {item.function} ({', '.join(item.paragraphs)}: {function.title}) "
                       f"is terminated by {item.clause} and nothing replaces it")
            found.append((item, message, False))
    return found
