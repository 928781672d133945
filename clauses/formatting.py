"""Parameter values and names as a reader expects them: '15 km', '180 days after entry into force', 'notice'.

The name of a parameter is its field's `title` where the kind gives one, else the field name in words; the
reports (diff, memo, positions matrix, precedent views) all word parameters through this module.
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass
from typing import Any, Union

from pydantic import BaseModel

from clauses.base import ENTRY_INTO_FORCE
from clauses.languages import Language
from clauses.scope import Scope, standard_names

ITEM = re.compile(r"\[[^\]]*\]$")
OWN_NAMES = ("title", "label", "name")  # the fields of text per language that name an item of a list
UNITS = ("km", "days")  # fields whose value says what it is once its unit is written ('25 km')
# The unit of a parameter, by how its name ends: the one place the reports and the workbench's forms learn it
NAME_UNITS = (("km2", "km²"), ("km", "km"), ("hours", "hours"), ("days", "days"), ("months", "months"),
              ("years", "years"), ("usd", "USD"))


@dataclass(frozen=True)
class Naming:
    """What a reader calls the ids and enumerated values a parameter holds: steps, parties, bodies, zones, terms.

    The scopes are searched in order (the new version's, then the old one's, for an id the new one dropped).
    """

    words: Language
    scopes: tuple[Scope, ...] = ()
    kind: str = ""

    def of(self, value: str) -> str:
        """Return a scheduled item's, party's (short), body's or zone's name, a term of the clause's kind, or the value."""
        for scope in self.scopes:
            if value in scope.events:
                return scope.event_name(value, self.words)
            if value in scope.names:
                return scope.short_name(value, self.words.code)
        if value in standard_names():
            return self.scopes[0].name(value, self.words.code) if self.scopes else value
        term = self.words.terms.get(self.kind, {}).get(value)
        return term or value.replace("_", " ")

    def event(self, key: str) -> str:
        """Return what a deadline counts from ('the completion of the step “Freeze”')."""
        if key == ENTRY_INTO_FORCE:
            return "entry into force"
        scope = next((scope for scope in self.scopes if key in scope.events), None)
        return scope.event(key, self.words) if scope is not None else key


def show(name: str, value: Any, naming: Naming | None = None) -> str:
    """Return a parameter value as a reader expects it ('15 km', '180 days after entry into force').

    With a naming, ids and enumerated values are given in words and an item of a list by its title and fields.
    """
    if isinstance(value, dict) and set(value) == {"after", "days"}:
        return f"{value['days']} days after {_counted_from(value['after'], naming)}"
    if value is None:
        return "—"
    if naming is not None:
        return _in_words(name, value, naming)
    if isinstance(value, list):
        return "[" + ", ".join(show(name, item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {show(key, item)}" for key, item in value.items()) + "}"
    return _scalar(name, value)


def _counted_from(key: str, naming: Naming | None) -> str:
    """Return what a deadline counts from: entry into force, the event in words, or (without a naming) the id."""
    if naming is not None:
        return naming.event(key)
    return "entry into force" if key == ENTRY_INTO_FORCE else key


def unit_of(name: str) -> str:
    """Return the unit a parameter's (dotted) name says ('pullback_km' → 'km', 'deadline.days' → 'days'), or ''."""
    last = name.rsplit(".", 1)[-1]
    return next((unit for ending, unit in NAME_UNITS if last == ending or last.endswith("_" + ending)), "")


def _scalar(name: str, value: Any) -> str:
    """Return a number with the unit its name says ('15 km', '30 days', '72 hours'), or any other value as it is."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    unit = unit_of(name)
    return f"{value} {unit}" if unit else str(value)


def _in_words(name: str, value: Any, naming: Naming) -> str:
    """Return a value in words: lists joined, an item by its title and its other fields, yes/no, names for ids."""
    if isinstance(value, list):
        shown = [show(name, item, naming) for item in value]
        return ("; " if any(isinstance(item, dict) for item in value) else ", ").join(shown) or "none"
    if isinstance(value, dict):
        return _item_in_words(value, naming)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return naming.of(value)
    return _scalar(name, value)


def _item_in_words(item: dict, naming: Naming) -> str:
    """Return an item of a list: its title (else its id in words), then its other fields ('form: exchange of …')."""
    own = next((item[key] for key in OWN_NAMES if isinstance(item.get(key), dict)), None)
    lead = (own.get(naming.words.code) or next(iter(own.values()), "")) if own else None
    fields = [_field_in_words(key, value, naming) for key, value in item.items()
              if key not in ("id", *OWN_NAMES) and value not in (None, [], {})]
    if lead is None and "id" in item:
        lead = naming.of(item["id"])
    if lead is None:
        return f"({', '.join(fields)})"
    return f"{lead} ({', '.join(fields)})" if fields else lead


def _field_in_words(key: str, value: Any, naming: Naming) -> str:
    """Return one field of an item: 'form: exchange of letters', or a measure alone ('25 km', '30 days')."""
    shown = show(key, value, naming)
    return shown if key in UNITS else f"{key.replace('_', ' ')}: {shown}"


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


def describe_parameter(change: dict, model: type[BaseModel] | None, naming: Naming | None = None) -> str:
    """Return 'pull-back distance: 10 km → 15 km' for one parameter change of a clause of a kind."""
    name = change["parameter"]
    last = name.rsplit(".", 1)[-1]
    title = parameter_label(model, name)
    old, new = change["old"], change["new"]
    if isinstance(old, dict) and isinstance(new, dict) and old.get("after") == new.get("after") and "days" in old:
        return f"{title}: {old['days']} → {new['days']} days after {_counted_from(old['after'], naming)}"
    if naming is not None and isinstance(old, list) and isinstance(new, list) and _mostly_kept(old, new):
        return f"{title}: " + "; ".join(_list_delta(last, old, new, naming))
    return f"{title}: {show(last, old, naming)} → {show(last, new, naming)}"


def _mostly_kept(old: list, new: list) -> bool:
    """Return whether two lists share items and were changed by adding or removing items only, in order."""
    kept = [item for item in new if item in old]
    return bool(kept) and kept == [item for item in old if item in new]


def _list_delta(name: str, old: list, new: list, naming: Naming) -> list[str]:
    """Return the items a list gained ('+ abducted persons') and lost ('− chemical weapons')."""
    added = [show(name, item, naming) for item in new if item not in old]
    removed = [show(name, item, naming) for item in old if item not in new]
    joiner = "; " if any(isinstance(item, dict) for item in (*old, *new)) else ", "
    return ([f"+ {joiner.join(added)}"] if added else []) + ([f"− {joiner.join(removed)}"] if removed else [])
