"""The Agreement: metadata, registries of parties, bodies and zones, preamble, and the body tree."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

from pydantic import ConfigDict, Field, PrivateAttr, field_validator, model_validator

from clauses.armistice import TransferableFunction
from clauses.base import ActorRef, InstrumentForm, Label, Lang, LangText, Model, Node, NodeId, PartyRef
from clauses.establishment import Chair, Composition, DecisionRule, Level, Meetings
from clauses.languages import LANGUAGES
from clauses.registry import CLAUSE_CLASSES, Clause

if TYPE_CHECKING:
    from agreements.yamlsource import SourceMap

FORMAT_VERSION = 1
PartyRole = Literal["signatory", "guarantor", "witness", "observer"]
BodyKind = Literal["command", "commission", "committee", "team", "mission", "office", "secretariat", "agency"]
AnnexKind = Literal["annex", "protocol"]
ZoneKind = Literal["demilitarized_zone", "peace_zone", "buffer_zone", "maritime_zone", "crossing_area", "joint_area",
                   "estuary", "islands"]


class Meta(Model):
    """What the draft is: title, form, round and version, date, authentic languages."""

    title: LangText
    short_title: LangText | None = None
    form: InstrumentForm
    round: Annotated[int, Field(ge=1, le=999)]
    version: Label
    date: datetime.date
    place: LangText | None = None
    drafted_by: PartyRef | None = None  # the side whose drafters' notes an internal edition shows
    languages: Annotated[list[Lang], Field(min_length=1, max_length=len(LANGUAGES))]

    @field_validator("languages")
    @classmethod
    def _languages_once(cls, languages: list[str]) -> list[str]:
        """Refuse a language named twice."""
        if len(set(languages)) != len(languages):
            raise ValueError("each language may be named once")
        return languages


class Party(Model):
    """A state or organisation taking part, with its names per language and its role."""

    id: NodeId
    names: LangText
    short_names: LangText | None = None
    role: PartyRole


class Body(Model):
    """A commission, team or other body the agreement sets up or refers to."""

    id: NodeId
    names: LangText
    short_names: LangText | None = None  # how the text refers to it after naming it in full
    kind: BodyKind
    members: list[PartyRef] = Field([], title="members")
    composition: Composition | None = Field(None, title="composition")  # parties, neutral, mixed, international
    level: Level | None = Field(None, title="level of representation")
    chair: Chair | None = Field(None, title="chair")
    decisions: DecisionRule | None = Field(None, title="decision rule")
    meetings: Meetings | None = Field(None, title="meetings")
    observers: list[ActorRef] = Field([], title="observers")


class Zone(Model):
    """A geographic zone named in the agreement."""

    id: NodeId
    names: LangText
    kind: ZoneKind
    width_km: Annotated[float, Field(gt=0, le=100)] | None = None


class Recital(Node):
    """One recital of the preamble."""

    text: LangText


class Article(Node):
    """An article: a heading and its paragraphs (typed clauses)."""

    model_config = ConfigDict(defer_build=True)  # built within the Agreement, on its own when first used

    kind: Literal["article"]
    heading: LangText | None = None
    children: list[Clause] = []


class Part(Node):
    """A part grouping articles under a heading."""

    model_config = ConfigDict(defer_build=True)  # built within the Agreement, on its own when first used

    kind: Literal["part"]
    heading: LangText
    children: list[Article] = []


BodyNode = Annotated[Union[Part, Article], Field(discriminator="kind")]
AnnexNode = Annotated[Union[(Article, *CLAUSE_CLASSES)], Field(discriminator="kind")]


class Annex(Node):
    """An annex or protocol: numbered apart from the body, holding articles, or paragraphs with no article."""

    model_config = ConfigDict(defer_build=True)  # built within the Agreement, on its own when first used

    kind: AnnexKind
    heading: LangText
    children: list[AnnexNode] = []

    @model_validator(mode="after")
    def _articles_or_paragraphs(self) -> Annex:
        """Refuse an annex that mixes articles and paragraphs."""
        articles = sum(isinstance(child, Article) for child in self.children)
        if 0 < articles < len(self.children):
            raise ValueError(f"{self.kind} {self.id} holds articles or paragraphs, not both: put the paragraphs "
                             "in an article")
        return self

    def articles(self) -> list[Article]:
        """Return the articles of the annex (none when it holds paragraphs directly)."""
        return [child for child in self.children if isinstance(child, Article)]


class Agreement(Model):
    """A whole draft agreement, as kept in one YAML file."""

    peacedraft: Literal[1] = FORMAT_VERSION
    meta: Meta
    parties: Annotated[list[Party], Field(min_length=2)]
    bodies: list[Body] = []
    zones: list[Zone] = []
    preamble: list[Recital] = []
    body: list[BodyNode] = []
    annexes: list[Annex] = []  # annexes and protocols, after the signatures, each numbered apart

    _source: SourceMap | None = PrivateAttr(default=None)
    _index: Any = PrivateAttr(default=None)  # agreements.index.AgreementIndex, built on first use

    @property
    def source(self) -> SourceMap | None:
        """Return the source map of the file this agreement was loaded from, or None."""
        return self._source
