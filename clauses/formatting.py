"""Parameter values and names as a reader expects them: '15 km', '180 days after entry into force', 'notice'.

The name of a parameter is its field's `title` where the kind gives one, else the field name in words; the
reports (diff, memo, positions matrix, precedent views) all word parameters through this module.
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any, Union

from pydantic import BaseModel

from clauses.base import ENTRY_INTO_FORCE

ITEM = re.compile(r"\[[^\]]*\]$")


def show(name: str, value: Any) -> str:
    """Return a parameter value as a reader expects it ('15 km', '180 days after entry into force')."""
    if isinstance(value, dict) and set(value) == {"after", "days"}:
        after = "entry into force" if value["after"] == ENTRY_INTO_FORCE else value["after"]
        return f"{value['days']} days after {after}"
    if value is None:
        return "—"
    if isinstance(value, list):
        return "[" + ", ".join(show(name, item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {show(key, item)}" for key, item in value.items()) + "}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if name.endswith("_km"):
        return f"{value} km"
    if name.endswith("days"):
        return f"{value} days"
    return str(value)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """Return the model class an annotation holds (directly, in a list or as an optional), or None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, Union, types.UnionType, typing.Annotated):
        for argument in typing.get_args(annotation):
            found = _model_in(argument)
            if found is not None:
                return found
    return None


def _title(model: type[BaseModel] | None, parameter: str) -> str | None:
    """Return the title a kind gives the field a dotted parameter path ends in ('crossings[x].deadline'), or None."""
    names = [ITEM.sub("", part) for part in re.split(r"\.(?![^\[]*\])", parameter)]  # not the dots of an item's id
    for depth, name in enumerate(names):
        info = model.model_fields.get(name) if model is not None else None
        if info is None:
            return None
        if depth == len(names) - 1:
            return info.title
        model = _model_in(info.annotation)
    return None


def parameter_label(model: type[BaseModel] | None, parameter: str) -> str:
    """Return what a reader calls a parameter: its title, else its name in words (a nested one keeps its path)."""
    title = _title(model, parameter)
    if title:
        return title
    return parameter if "." in parameter else parameter.replace("_", " ")


def describe_parameter(change: dict, model: type[BaseModel] | None) -> str:
    """Return 'pull-back distance: 10 km → 15 km' for one parameter change of a clause of a kind."""
    name = change["parameter"]
    last = name.rsplit(".", 1)[-1]
    title = parameter_label(model, name)
    old, new = change["old"], change["new"]
    if isinstance(old, dict) and isinstance(new, dict) and old.get("after") == new.get("after") and "days" in old:
        after = "entry into force" if old["after"] == ENTRY_INTO_FORCE else old["after"]
        return f"{title}: {old['days']} → {new['days']} days after {after}"
    return f"{title}: {show(last, old)} → {show(last, new)}"
