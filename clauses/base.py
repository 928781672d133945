"""Building blocks shared by every clause kind: ids, languages, references, deadlines, negotiation state."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from clauses.armistice import ArmisticeBody, Disposal, TransferableFunction
from clauses.errors import worded
from clauses.languages import LANGUAGES

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)*$"
if TYPE_CHECKING:  # the union of every kind, resolved when clauses.registry builds the kinds
    from clauses.registry import Clause

MAX_DAYS = 7305  # twenty years: no step of a peace process is scheduled further out
MAX_TEXT = 20_000
MAX_ALTERNATIVES = 25  # options are lettered B … Z after the base text A
ENTRY_INTO_FORCE = "entry_into_force"


@dataclass(frozen=True)
class Ref:
    """Marks a string as a reference to a registered party, body, zone, actor or scheduled event."""

    target: Literal["party", "body", "zone", "actor", "event"]


Lang = Literal[LANGUAGES]  # type: ignore[valid-type]  # the languages with a file in templates/language/
NodeId = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=120)]
PartyRef = Annotated[NodeId, Ref("party")]
BodyRef = Annotated[NodeId, Ref("body")]
ZoneRef = Annotated[NodeId, Ref("zone")]
ActorRef = Annotated[NodeId, Ref("actor")]
EventRef = Annotated[NodeId, Ref("event")]
NOT_IN_DOCUMENTS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _printable(text: str) -> str:
    """Return text that a Word document can hold, or raise naming the first character it cannot."""
    match = NOT_IN_DOCUMENTS.search(text)
    if match:
        raise ValueError(f"control character U+{ord(match.group()):04X} cannot appear in an agreement's text")
    return text


Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT), AfterValidator(_printable)]
Label = Annotated[str, StringConstraints(min_length=1, max_length=40), AfterValidator(_printable)]
LangText = Annotated[dict[Lang, Text], Field(min_length=1)]
Days = Annotated[int, Field(ge=0, le=MAX_DAYS)]

InstrumentForm = Literal["peace_treaty", "peace_agreement", "framework_agreement", "declaration"]
Status = Literal["agreed", "agreed_ad_referendum", "bracketed", "pending"]
Stance = Literal["support", "oppose", "reserve"]
TranslationStatus = Literal["final", "draft", "pending", "needs_review"]
Track = Literal["denuclearization", "peace_regime", "military", "un_command", "border", "relations"]
KindRule = Callable[[Any, Any], Iterator[Any]]  # check(context, visit) yielding findings; its name is the rule's

OPEN_STATUSES = ("bracketed", "pending")
STRUCTURAL_FIELDS = frozenset(
    {"id", "kind", "children", "status", "proposed_by", "alternatives", "positions", "translation", "note", "footnote"}
)


class Model(BaseModel):
    """Base of every model: unknown keys are errors, so a misspelt field never passes silently."""

    model_config = ConfigDict(extra="forbid")


class Deadline(Model):
    """When an obligation falls due: `days` after entry into force or after another scheduled item."""

    after: EventRef = ENTRY_INTO_FORCE
    days: Days = 0


class Position(Model):
    """One party's stance on a node, with an optional note for the delegation."""

    stance: Stance
    note: Text | None = None


class Alternative(Model):
    """A competing option for a node: typed parameter overrides and/or its own text, or its deletion."""

    id: NodeId
    proposed_by: Annotated[list[PartyRef], Field(min_length=1)]
    set: dict[str, Any] = {}
    text: LangText | None = None
    delete: bool = False  # the proposers would strike the node: the option reads "Delete"
    withdrawn: bool = False

    @model_validator(mode="after")
    def _has_content(self) -> Alternative:
        if self.delete and (self.set or self.text):
            raise ValueError(f"alternative {self.id} deletes the node: it takes no 'set' or 'text'")
        if not self.set and not self.text and not self.delete:
            raise ValueError(f"alternative {self.id} needs 'set' (parameters), 'text' or 'delete: true'")
        return self


class Transfer(Model):
    """Functions handed to one body: on a day of their own (`when`), else on the day of what holds the transfer."""

    functions: Annotated[list[TransferableFunction], Field(min_length=1, title="functions transferred")]
    to: BodyRef = Field(title="transferred to")
    when: Deadline | None = Field(None, title="transferred")


class Step(Model):
    """A scheduled step of implementation, on one track, with its preconditions."""

    id: NodeId
    track: Track
    label: LangText
    deadline: Deadline | None = None
    requires: list[EventRef] = []
    by: list[ActorRef] = []
    transfers: list[Transfer] = Field([], title="functions transferred at this step")
    ends: list[ArmisticeBody] = Field([], title="Armistice bodies ending at this step")

    @model_validator(mode="after")
    def _transfers_at_the_step(self) -> Step:
        if any(transfer.when is not None for transfer in self.transfers):
            raise ValueError(f"step {self.id}: its transfers take place at the step itself; remove 'when'")
        return self

    due_field: ClassVar[str] = "deadline"
    event_phrase: ClassVar[str] = "event_step"  # the phrase that names it as an event ('the step “Freeze”')
    event_is_completion: ClassVar[bool] = True  # what others wait for is its completion (a crossing: its opening)

    def event_values(self, number: int, words: Any, scope: Any) -> dict[str, object]:
        """Return the values of the phrase naming this step: its label in the language."""
        return {"label": words.local(self.label)}


class Node(Model):
    """Any node of the agreement tree: a stable id plus its negotiation state."""

    id: NodeId
    status: Status = "pending"
    proposed_by: list[PartyRef] = []
    alternatives: Annotated[list[Alternative], Field(max_length=MAX_ALTERNATIVES)] = []
    positions: dict[PartyRef, Position] = {}
    translation: dict[Lang, TranslationStatus] = {}
    note: Text | None = None  # the drafters' own note: shown only in an internal edition (render --internal)
    footnote: LangText | None = None  # a footnote to the node's text, per language

    def open_alternatives(self) -> list[Alternative]:
        """Return the alternatives not withdrawn."""
        return [alt for alt in self.alternatives if not alt.withdrawn]


class ClauseBase(Node):
    """A substantive provision: typed parameters, optional text override per language, points below.

    A kind says in class variables what is specific to it: the timeline lane of what it schedules, the
    functions of the 1953 Armistice it takes over, which of its parameters precedents also fix, and its
    own consistency rules; its parameters' labels are their `Field(title=…)`.
    """

    model_config = ConfigDict(defer_build=True)  # built by clauses.registry, once the union is known

    kind: str
    text: LangText | None = None
    children: list[Clause] = []

    topic: ClassVar[str] = ""
    due_field: ClassVar[str | None] = None
    event_phrase: ClassVar[str] = "event_clause"
    event_is_completion: ClassVar[bool] = True
    lane: ClassVar[Track] = "peace_regime"
    replaces_armistice: ClassVar[frozenset[str]] = frozenset()
    precedent_measures: ClassVar[dict[str, str]] = {}  # measure (clauses.measures) → this kind's field
    deadline_measure: ClassVar[str | None] = None  # the measure its due days are (e.g. withdrawal_days)
    rules: ClassVar[tuple[KindRule, ...]] = ()

    def disposals(self) -> list[Disposal]:
        """Return what this clause's typed choices do with functions of the 1953 Armistice (see clauses.armistice).

        By default each function in `replaces_armistice` is replaced; a kind whose effect depends on its values
        overrides this.
        """
        return [Disposal(function, "replaced") for function in sorted(self.replaces_armistice)]

    def precedent_fields(self) -> dict[str, str]:
        """Return the measures this clause fixes (clauses.measures ids) and the field that holds each."""
        return dict(self.precedent_measures)

    def precedent_deadline(self) -> str | None:
        """Return the measure its due days are (clauses.measures id), or None when they measure nothing precedents fix."""
        return type(self).deadline_measure

    def event_values(self, number: int, words: Any, scope: Any) -> dict[str, object]:
        """Return the values of the phrase naming the measures of this clause: a reference to where it stands."""
        return {"ref": scope.reference(self.id, words)}

    def unlocks(self) -> list[tuple[str, str]]:
        """Return the scheduled items this clause ties together, action for action: (done first, unlocked by it)."""
        return []

    def armistice_supersession(self) -> str | None:
        """Return how far the agreement replaces the 1953 Armistice, when this clause says so (else None)."""
        return None

    def depositary_of_agreement(self) -> str | None:
        """Return the id of the agreement's depositary, when this clause names one (else None)."""
        return None

    def party_roles(self) -> dict[str, str]:
        """Return the role this clause gives each party it names as signatory, guarantor, witness or observer."""
        return {}

    def signatory_capacity(self) -> str | None:
        """Return in what capacity the parties' representatives sign, when this clause says so (else None)."""
        return None

    def variant(self, alternative: Alternative) -> ClauseBase:
        """Return this clause with an alternative's parameters set (raises ValidationError when they do not fit)."""
        from clauses.registry import clause_adapter  # the union is built after the kinds

        adapter = clause_adapter()
        data = adapter.dump_python(self, exclude={"alternatives", "children", "text"}, exclude_defaults=True)
        try:
            return adapter.validate_python({**data, **alternative.set})
        except ValidationError:  # validated again by the kind itself, for errors located in it
            return type(self).model_validate({**data, **alternative.set})

    def override_problem(self, alternative: Alternative) -> str | None:
        """Return why an alternative's `set` does not fit this clause's kind, or None when it fits."""
        structural = sorted(STRUCTURAL_FIELDS & alternative.set.keys())
        if structural:
            return f"alternative {alternative.id}: cannot set {', '.join(structural)}"
        try:
            self.variant(alternative)
        except ValidationError as error:
            return f"alternative {alternative.id}: set.{worded(error)}"
        return None
