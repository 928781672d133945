"""The registry of clause kinds, one per topic module, and the discriminated union `Clause` built from it."""

from __future__ import annotations

import copy
import functools
import importlib
import typing
from typing import Annotated, Union

from pydantic import Field, TypeAdapter

from clauses.base import ClauseBase, Track
from clauses.errors import PeacedraftError
from clauses.establishment import Establishment
from clauses.supersession import ArmisticeSupersession
from clauses.text import TextClause
from clauses.topics import TOPICS


def kind_of(cls: type[ClauseBase]) -> str:
    """Return the `kind` value a clause class is written with ('' when it has none)."""
    return next(iter(typing.get_args(cls.model_fields["kind"].annotation)), "")


def _topic_class(topic: str) -> type[ClauseBase]:
    """Return the clause kind a topic module defines, checked: one class, kind and topic its id, a known lane."""
    module = importlib.import_module(f"clauses.kinds.{topic}")
    found = [value for value in vars(module).values() if isinstance(value, type) and issubclass(value, ClauseBase)
             and value.__module__ == module.__name__ and value.topic == topic]
    where = f"clauses/kinds/{topic}.py"
    if len(found) != 1:
        raise PeacedraftError(f"{where}: defines {len(found)} clause classes with topic '{topic}'; a topic module "
                              "defines exactly one", "PD-E038")
    if kind_of(found[0]) != topic:
        raise PeacedraftError(f"{where}: kind is '{kind_of(found[0])}'; write kind: Literal[\"{topic}\"]", "PD-E038")
    if found[0].lane not in typing.get_args(Track):
        raise PeacedraftError(f"{where}: lane '{found[0].lane}' is not one of {', '.join(typing.get_args(Track))}",
                              "PD-E038")
    return found[0]


CLAUSE_CLASSES: tuple[type[ClauseBase], ...] = (*(_topic_class(topic) for topic in TOPICS), Establishment, ArmisticeSupersession, TextClause)
KINDS: dict[str, type[ClauseBase]] = {kind_of(cls): cls for cls in CLAUSE_CLASSES}

Clause = Annotated[Union[CLAUSE_CLASSES], Field(discriminator="kind")]


def _build_once() -> None:
    """Build the union's schema once, in the first kind; every other kind builds its validator on first use.

    The kinds are declared with `defer_build`: building each at once would rebuild the whole recursive union (their
    `children`) twenty times. The other kinds take the first kind's resolved `children` field, so their fields are
    complete at once (the tree walks them) and their later builds reuse the first kind's schemas.
    """
    first, *others = CLAUSE_CLASSES
    first.model_rebuild(_types_namespace={"Clause": Clause})
    for cls in others:
        cls.__pydantic_fields__["children"] = copy.copy(first.__pydantic_fields__["children"])


_build_once()


@functools.cache
def clause_adapter() -> TypeAdapter:
    """Return the validator and serializer of any clause kind, built once (building it costs as much as a whole
    clause check)."""
    return TypeAdapter(Clause)
