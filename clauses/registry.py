"""The registry of clause kinds and the discriminated union `Clause` built from it."""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import Field

from clauses.base import ClauseBase
from clauses.border_controls import BorderControls
from clauses.demarcation_and_dmz import DemarcationAndDmz
from clauses.denuclearization import DenuclearizationLinkage
from clauses.dispute_resolution import DisputeResolution
from clauses.dmz_demining import DmzDemining
from clauses.end_of_war import EndOfWarAndNonAggression
from clauses.final_provisions import FinalProvisions
from clauses.force_reduction import ForceReductionAndRedeployment
from clauses.foreign_forces import ForeignForces
from clauses.form_and_parties import FormAndParties
from clauses.implementation_sequencing import ImplementationSequencing
from clauses.inter_korean_relations import InterKoreanRelations
from clauses.non_korean_parties_roles import NonKoreanPartiesRoles
from clauses.prisoners_and_remains import PrisonersAndRemains
from clauses.text import TextClause
from clauses.tracks import InterKoreanAndMultilateralTracks
from clauses.un_command_status import UnCommandStatus
from clauses.verification import Verification

CLAUSE_CLASSES: tuple[type[ClauseBase], ...] = (
    FormAndParties,
    NonKoreanPartiesRoles,
    EndOfWarAndNonAggression,
    DemarcationAndDmz,
    DmzDemining,
    ForceReductionAndRedeployment,
    ForeignForces,
    UnCommandStatus,
    InterKoreanRelations,
    InterKoreanAndMultilateralTracks,
    BorderControls,
    DenuclearizationLinkage,
    Verification,
    DisputeResolution,
    PrisonersAndRemains,
    ImplementationSequencing,
    FinalProvisions,
    TextClause,
)

KINDS: dict[str, type[ClauseBase]] = {cls.model_fields["kind"].annotation.__args__[0]: cls for cls in CLAUSE_CLASSES}
TOPICS: tuple[str, ...] = tuple(cls.topic for cls in CLAUSE_CLASSES if cls is not TextClause)

Clause = Annotated[Union[CLAUSE_CLASSES], Field(discriminator="kind")]

for _cls in CLAUSE_CLASSES:
    _cls.model_rebuild(_types_namespace={"Clause": Clause})
