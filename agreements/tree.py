"""Walking the agreement tree: every model with its path, the references it makes, and numbering."""

from __future__ import annotations

import functools
import types
import typing
from dataclasses import dataclass
from typing import Annotated, Iterator, Union

from pydantic import BaseModel

from clauses.base import Ref
from clauses.languages import DEFAULT_LANGUAGE

Path = tuple[typing.Union[str, int], ...]


@dataclass(frozen=True)
class Visit:
    """A model met while walking, where it stands, and the id of the nearest node that holds it."""

    path: Path
    model: BaseModel
    owner_id: str


@dataclass(frozen=True)
class Reference:
    """A string that names a party, body, zone, actor or event, and where it is written."""

    path: Path
    target: str
    value: str
    owner_id: str
    is_key: bool = False


@dataclass(frozen=True)
class FieldPlan:
    """How to walk one field of a model class: its name and the reference targets of values and keys."""

    name: str
    value_ref: str | None
    key_ref: str | None
    lang_text: bool = False
    holds_models: bool = False


def _find_ref(annotation: object) -> str | None:
    """Return the reference target marked anywhere inside a (non-dict) annotation, or None."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        for item in annotation.__metadata__:
            if isinstance(item, Ref):
                return item.target
        return _find_ref(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType, list, tuple):
        for arg in typing.get_args(annotation):
            found = _find_ref(arg)
            if found:
                return found
    return None


def _is_lang_text(annotation: object) -> bool:
    """Return whether an annotation is text per language (a dict keyed by language codes)."""
    if typing.get_origin(annotation) in (Union, types.UnionType):
        return any(_is_lang_text(arg) for arg in typing.get_args(annotation))
    if typing.get_origin(annotation) is Annotated:
        return _is_lang_text(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) is dict:
        key, value = typing.get_args(annotation)
        is_language = typing.get_origin(key) is typing.Literal and DEFAULT_LANGUAGE in typing.get_args(key)
        return is_language and typing.get_origin(value) is not typing.Literal
    return False


def _holds_models(annotation: object) -> bool:
    """Return whether values of an annotation may contain models (so the walk must look inside)."""
    if isinstance(annotation, type):
        return issubclass(annotation, BaseModel)
    return any(_holds_models(arg) for arg in typing.get_args(annotation))


def _plan_field(name: str, info) -> FieldPlan:
    """Return the walking plan of one pydantic field."""
    own = next((item.target for item in info.metadata if isinstance(item, Ref)), None)
    annotation = info.annotation
    if _is_lang_text(annotation):
        return FieldPlan(name, None, None, lang_text=True)
    holds = _holds_models(annotation)
    if typing.get_origin(annotation) is dict:
        key, value = typing.get_args(annotation)
        return FieldPlan(name, _find_ref(value), _find_ref(key), holds_models=holds)
    return FieldPlan(name, own or _find_ref(annotation), None, holds_models=holds)


@functools.cache
def field_plans(cls: type[BaseModel]) -> tuple[FieldPlan, ...]:
    """Return the walking plan of every field of a model class."""
    return tuple(_plan_field(name, info) for name, info in cls.model_fields.items())


def _children(value: object, path: Path) -> Iterator[tuple[Path, object]]:
    """Yield the items of a list or dict value, or the value itself, with their paths."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield (*path, index), item
    elif isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key), item
    else:
        yield path, value


def iter_models(root: BaseModel) -> Iterator[Visit]:
    """Yield every model of the tree in document order, parents before children."""
    stack: list[Visit] = [Visit((), root, getattr(root, "id", "-"))]
    while stack:
        visit = stack.pop()
        yield visit
        found: list[Visit] = []
        for plan in field_plans(type(visit.model)):
            if not plan.holds_models:
                continue
            value = getattr(visit.model, plan.name)
            for path, item in _children(value, (*visit.path, plan.name)):
                if isinstance(item, BaseModel):
                    found.append(Visit(path, item, getattr(item, "id", None) or visit.owner_id))
        stack.extend(reversed(found))


def iter_references(root: BaseModel) -> Iterator[Reference]:
    """Yield every reference written in the tree, in document order."""
    for visit in iter_models(root):
        for plan in field_plans(type(visit.model)):
            if plan.value_ref is None and plan.key_ref is None:
                continue
            yield from _field_references(visit, plan)


def _field_references(visit: Visit, plan: FieldPlan) -> Iterator[Reference]:
    """Yield the references made by one field of one model."""
    value = getattr(visit.model, plan.name)
    base = (*visit.path, plan.name)
    if plan.key_ref and isinstance(value, dict):
        for key in value:
            yield Reference((*base, key), plan.key_ref, key, visit.owner_id, is_key=True)
    if plan.value_ref:
        for path, item in _children(value, base):
            if isinstance(item, str):
                yield Reference(path, plan.value_ref, item, visit.owner_id)


def scheduled_items(root: BaseModel) -> Iterator[Visit]:
    """Yield every model that has an id and a due date of its own (steps, phases, timed clauses)."""
    for visit in iter_models(root):
        if getattr(type(visit.model), "due_field", None) and getattr(visit.model, "id", None):
            yield visit
