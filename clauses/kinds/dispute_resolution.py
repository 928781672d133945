"""Settlement of disputes: consultation, joint commissions, escalation, third-party settlement."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from clauses.base import BodyRef, ClauseBase, Model

Mechanism = Literal[
    "consultation",
    "joint_commission",
    "good_offices",
    "mediation",
    "conciliation",
    "arbitration",
    "international_court_of_justice",
    "un_security_council",
]


class Rung(Model):
    """One step of the dispute ladder and the days it may take before the next."""

    mechanism: Mechanism
    body: BodyRef | None = None
    within_days: Annotated[int, Field(gt=0, le=3650)] | None = None


class DisputeResolution(ClauseBase):
    """The ladder of mechanisms a dispute climbs, in order."""

    kind: Literal["dispute_resolution"]
    topic = "dispute_resolution"

    ladder: Annotated[list[Rung], Field(min_length=1)]
    binding_final_rung: bool = False
