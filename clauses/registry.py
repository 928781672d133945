"""The registry of clause kinds and the discriminated union `Clause` built from it."""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import Field

from clauses.base import ClauseBase
from clauses.kinds.border_controls import BorderControls
from clauses.kinds.demarcation_and_dmz import DemarcationAndDmz
from clauses.kinds.denuclearization_linkage import DenuclearizationLinkage
from clauses.kinds.dispute_resolution import DisputeResolution
from clauses.kinds.dmz_demining import DmzDemining
from clauses.kinds.end_of_war_and_non_aggression import EndOfWarAndNonAggression
from clauses.kinds.final_provisions import FinalProvisions
from clauses.kinds.force_reduction_and_redeployment import ForceReductionAndRedeployment
from clauses.kinds.foreign_forces import ForeignForces
from clauses.kinds.form_and_parties import FormAndParties
from clauses.kinds.implementation_sequencing import ImplementationSequencing
from clauses.kinds.inter_korean_relations import InterKoreanRelations
from clauses.kinds.non_korean_parties_roles import NonKoreanPartiesRoles
from clauses.kinds.prisoners_and_remains import PrisonersAndRemains
from clauses.text import TextClause
from clauses.kinds.inter_korean_and_multilateral_tracks import InterKoreanAndMultilateralTracks
from clauses.kinds.un_command_status import UnCommandStatus
from clauses.kinds.verification import Verification

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
