"""Which forum decides what: inter-Korean talks against peace-regime talks with other nations."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from clauses.base import ClauseBase, Model, NodeId, PartyRef
from clauses.topics import TOPICS

Forum = Literal["inter_korean", "trilateral", "four_party", "six_party", "un_security_council"]
Matter = Literal[TOPICS]  # type: ignore[valid-type]


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
    replaces_armistice: ClassVar[frozenset[str]] = frozenset({"political_conference"})

    tracks: Annotated[list[NegotiationTrack], Field(min_length=1)]
