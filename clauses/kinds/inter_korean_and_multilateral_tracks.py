"""Which forum decides what: inter-Korean talks against peace-regime talks with other nations."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from clauses.base import ClauseBase, Model, NodeId, PartyRef

Forum = Literal["inter_korean", "trilateral", "four_party", "six_party", "un_security_council"]
Matter = Literal[
    "form_and_parties",
    "non_korean_parties_roles",
    "end_of_war_and_non_aggression",
    "demarcation_and_dmz",
    "dmz_demining",
    "force_reduction_and_redeployment",
    "foreign_forces",
    "un_command_status",
    "inter_korean_relations",
    "border_controls",
    "denuclearization_linkage",
    "verification",
    "dispute_resolution",
    "prisoners_and_remains",
    "implementation_sequencing",
    "final_provisions",
]


class NegotiationTrack(Model):
    """One forum, who sits in it and which topics it decides."""

    id: NodeId
    forum: Forum
    participants: Annotated[list[PartyRef], Field(min_length=2)]
    matters: Annotated[list[Matter], Field(min_length=1)]


class InterKoreanAndMultilateralTracks(ClauseBase):
    """Division of labour between the inter-Korean and the multilateral tracks."""

    kind: Literal["inter_korean_and_multilateral_tracks"]
    topic = "inter_korean_and_multilateral_tracks"

    tracks: Annotated[list[NegotiationTrack], Field(min_length=1)]
