"""The registry of clause kinds, one per topic module, and the discriminated union `Clause` built from it."""

from __future__ import annotations

import importlib
import typing
from typing import Annotated, Union

from pydantic import Field

from clauses.base import ClauseBase
from clauses.errors import PeacedraftError
from clauses.text import TextClause
from clauses.topics import TOPICS


def kind_of(cls: type[ClauseBase]) -> str:
    """Return the `kind` value a clause class is written with."""
    return typing.get_args(cls.model_fields["kind"].annotation)[0]


def _topic_class(topic: str) -> type[ClauseBase]:
    """Return the clause kind a topic module defines: the clause class whose topic is the module's name."""
    module = importlib.import_module(f"clauses.kinds.{topic}")
    found = [value for value in vars(module).values() if isinstance(value, type) and issubclass(value, ClauseBase)
             and value.__module__ == module.__name__ and value.topic == topic]
    if len(found) != 1:
        raise PeacedraftError(f"clauses/kinds/{topic}.py: defines {len(found)} clause classes with topic "
                              f"'{topic}'; a topic module defines exactly one", "PD-E038")
    return found[0]


CLAUSE_CLASSES: tuple[type[ClauseBase], ...] = (*(_topic_class(topic) for topic in TOPICS), TextClause)
KINDS: dict[str, type[ClauseBase]] = {kind_of(cls): cls for cls in CLAUSE_CLASSES}

Clause = Annotated[Union[CLAUSE_CLASSES], Field(discriminator="kind")]

for _cls in CLAUSE_CLASSES:
    _cls.model_rebuild(_types_namespace={"Clause": Clause})
