"""Which forum decides what, in which format and in what order: inter-Korean talks and talks with other nations."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field

from clauses.base import ClauseBase, KindRule, Model, NodeId, PartyRef
from clauses.topics import TOPICS

Forum = Literal["inter_korean", "us_dprk", "trilateral", "four_party", "two_plus_two", "six_party",
                "un_security_council"]
Matter = Literal[TOPICS]  # type: ignore[valid-type]
Order = Literal["in_parallel", "in_sequence", "first_then_parallel"]
# how many participants a format has (the Security Council is not a format of talks: any number)
FORUM_SIZE = {"inter_korean": 2, "us_dprk": 2, "trilateral": 3, "four_party": 4, "two_plus_two": 4, "six_party": 6}


class NegotiationTrack(Model):
    """One forum, in its format, who sits in it and which topics it decides."""

    id: NodeId
    forum: Forum = Field(title="format of the talks")
    participants: Annotated[list[PartyRef], Field(min_length=2)] = Field(title="participants")
    matters: Annotated[list[Matter], Field(min_length=1)] = Field(title="matters")


def forum_participants(context: Any, visit: Any) -> Iterator[Any]:
    """A track has as many participants as its format names (two-party, three-party, four-party, six-party)."""
    for number, track in enumerate(visit.model.tracks):
        size = FORUM_SIZE.get(track.forum)
        if size is not None and len(set(track.participants)) != size:
            message = f"{track.forum} talks have {size} participants, not {len(set(track.participants))}"
            yield context.warning(track.id, message, (*visit.path, "tracks", number, "participants"))


class InterKoreanAndMultilateralTracks(ClauseBase):
    """Division of labour between the inter-Korean and the multilateral tracks, and the order they run in."""

    kind: Literal["inter_korean_and_multilateral_tracks"]
    topic = "inter_korean_and_multilateral_tracks"
    replaces_armistice: ClassVar[frozenset[str]] = frozenset({"political_conference"})
    rules: ClassVar[tuple[KindRule, ...]] = (forum_participants,)

    tracks: Annotated[list[NegotiationTrack], Field(min_length=1)] = Field(title="tracks")
    order: Order | None = Field(None, title="order of the tracks")  # None: the clause says nothing on it
