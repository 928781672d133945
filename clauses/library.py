"""The clause library: per topic, options a drafter can add, each a typed clause with defaults, a rationale and citations."""

from __future__ import annotations

import difflib
import functools
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, ValidationError
from ruamel.yaml import YAML

from clauses.base import ClauseBase, LangText, Model
from clauses.cache import cached_data
from clauses.errors import PeacedraftError, worded
from clauses.registry import clause_adapter
from clauses.topics import TOPICS

LIBRARY = Path(__file__).resolve().parent / "library"
PRECEDENTS = (
    "armistice-1953", "paris-1973", "geneva-1954", "two-plus-four-1990", "basic-treaty-1972",
    "unification-treaty-1990", "aden-1989", "sanaa-1990", "amman-1994", "stockholm-2018",
    "inter-korean-basic-1991", "denuclearization-declaration-1992", "panmunjom-2018", "cma-2018", "six-party-2005",
)
OptionId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*/[a-z0-9][a-z0-9_-]*$", max_length=80)]
PLACEHOLDER_ID = "option"


class LibraryError(PeacedraftError):
    """The clause library is broken, or an option does not exist."""


class Citation(Model):
    """A precedent provision an option draws on, with the fact sheet's basis code."""

    precedent: Literal[PRECEDENTS]  # type: ignore[valid-type]
    provision: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    basis: Literal["T", "A", "C", "X", "S"]
    relevance: Annotated[str, StringConstraints(min_length=1, max_length=2000)]


class LibraryOption(Model):
    """One option: a typed clause with default parameters, what it is for, and what it draws on."""

    id: OptionId
    title: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    heading: LangText
    rationale: Annotated[str, StringConstraints(min_length=1, max_length=4000)]
    clause: dict[str, Any]
    citations: list[Citation] = []

    @property
    def kind(self) -> str:
        """Return the clause kind the option instantiates."""
        return self.clause["kind"]

    def instantiate(self, node_id: str = PLACEHOLDER_ID, changes: dict[str, Any] | None = None) -> ClauseBase:
        """Return the option's clause with an id and any parameter changes applied (raises ValidationError)."""
        return clause_adapter().validate_python({"id": node_id, **self.clause, **(changes or {})})


class TopicOptions(Model):
    """The options of one topic, as kept in `clauses/library/<topic>.yaml`."""

    topic: Literal[TOPICS]  # type: ignore[valid-type]
    options: Annotated[list[LibraryOption], Field(min_length=1)]


def _load_topic(path: Path) -> TopicOptions:
    """Return the options of one topic file, checking that every default clause is valid."""
    try:
        raw = path.read_bytes()
        topic = TopicOptions.model_validate(cached_data("library", raw, lambda _: YAML(typ="safe").load(raw.decode())))
        for option in topic.options:
            option.instantiate()
    except ValidationError as error:
        raise LibraryError(f"{path.name}: {worded(error)}", "PD-E038") from None
    if path.stem != topic.topic:
        raise LibraryError(f"{path.name}: holds topic '{topic.topic}'", "PD-E038")
    return topic


@functools.cache
def library() -> dict[str, LibraryOption]:
    """Return every option of the shipped library by id, in topic order."""
    options: dict[str, LibraryOption] = {}
    for topic in TOPICS:
        path = LIBRARY / f"{topic}.yaml"
        if path.exists():
            for option in _load_topic(path).options:
                if option.id in options:
                    raise LibraryError(f"{path.name}: option {option.id} is defined twice", "PD-E038")
                options[option.id] = option
    return options


def find_option(option_id: str) -> LibraryOption:
    """Return an option by id, or raise LibraryError naming the closest ids."""
    options = library()
    if option_id in options:
        return options[option_id]
    close = difflib.get_close_matches(option_id, list(options), n=3)
    hint = f" (did you mean {', '.join(close)}?)" if close else " (`peacedraft clauses list` shows them)"
    raise LibraryError(f"unknown option '{option_id}'{hint}", "PD-E037")
