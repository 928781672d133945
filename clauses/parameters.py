"""Parameters of a clause kind: readable type descriptions, and `--set KEY=VALUE` parsed and explained."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Annotated, Any, Union

from annotated_types import Ge, Gt, Le, Lt, MaxLen, MinLen
from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from clauses.base import STRUCTURAL_FIELDS, Ref
from clauses.errors import error_path, error_words
from clauses.languages import DEFAULT_LANGUAGE, LANGUAGES

REF_WORDS = {"party": "party id", "body": "body id", "zone": "zone id", "actor": "party or body id",
             "event": "step id or entry_into_force"}


# what a value that is not an id is told, by what the id names (None: an id of anything)
PATTERN_WORDS = {"event": "write the id of a step of the schedule or 'entry_into_force' (entry into force)",
                 "party": "write the id of a party of the draft", "body": "write the id of a body of the draft",
                 "zone": "write the id of a zone of the draft", "actor": "write the id of a party or body of the draft",
                 None: "write an id: lower-case letters and digits, with '-', '_' or '.' between"}


class AssignmentError(ValueError):
    """A `--set KEY=VALUE` cannot be applied."""


@dataclass(frozen=True)
class Parameter:
    """One typed parameter of a clause kind."""

    name: str
    description: str
    required: bool
    default: Any


def _bounds(metadata: list) -> str:
    """Return numeric or length bounds as words: ' (> 0, ≤ 100)'."""
    words = []
    flat = [inner for item in metadata for inner in (getattr(item, "metadata", None) or [item])]
    for item in flat:
        for cls, sign, attribute in ((Gt, ">", "gt"), (Ge, "≥", "ge"), (Lt, "<", "lt"), (Le, "≤", "le"),
                                     (MinLen, "at least", "min_length"), (MaxLen, "at most", "max_length")):
            if isinstance(item, cls):
                words.append(f"{sign} {getattr(item, attribute):,}")
    return f" ({', '.join(words)})" if words else ""


def describe(annotation: Any, metadata: list | None = None) -> str:
    """Return a readable description of a parameter's type."""
    metadata = list(metadata or [])
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        inner, *extra = typing.get_args(annotation)
        return describe(inner, metadata + extra)
    ref = next((item.target for item in metadata if isinstance(item, Ref)), None)
    if ref:
        return REF_WORDS[ref]
    if origin is typing.Literal:
        return "one of " + " | ".join(str(value) for value in typing.get_args(annotation))
    if origin in (Union, types.UnionType):
        parts = [describe(arg) for arg in typing.get_args(annotation) if arg is not type(None)]
        return " or ".join(parts) + " (optional)"
    if origin is list:
        inner = describe(typing.get_args(annotation)[0]).replace("one of ", "any of ", 1)
        return "list of " + inner + _bounds(metadata)
    if origin is dict:
        key, value = typing.get_args(annotation)
        if typing.get_origin(key) is typing.Literal and DEFAULT_LANGUAGE in typing.get_args(key):
            return f"text per language {{{', '.join(LANGUAGES)}}}"
        return f"mapping of {describe(key)} to {describe(value)}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"{annotation.__name__} {{{', '.join(annotation.model_fields)}}}"
    names = {bool: "true | false", int: "whole number", float: "number", str: "text"}
    return names.get(annotation, getattr(annotation, "__name__", str(annotation))) + _bounds(metadata)


def parameters(kind: type[BaseModel]) -> list[Parameter]:
    """Return the typed parameters of a clause kind (its fields beyond the shared node fields)."""
    rows = []
    for name, info in kind.model_fields.items():
        if name in STRUCTURAL_FIELDS or name == "text":
            continue
        rows.append(Parameter(name, describe(info.annotation, info.metadata), info.is_required(), info.default))
    return rows


def parse_assignment(text: str) -> tuple[list[str], Any]:
    """Return the key path and the YAML value of 'KEY=VALUE' ('effective.days=180' → (['effective','days'], 180))."""
    key, sign, raw = text.partition("=")
    if not sign or not key.strip():
        raise AssignmentError(f"'{text}': write KEY=VALUE")
    try:
        value = YAML(typ="safe").load(raw) if raw.strip() else ""
    except YAMLError:
        value = raw
    if isinstance(value, (dict, list)) and not raw.lstrip().startswith(("{", "[")):
        value = raw.strip()
    return key.strip().split("."), value


def apply_assignment(data: dict, path: list[str], value: Any, kind: type[BaseModel]) -> None:
    """Set a (dotted) parameter in a clause's plain data, refusing names the kind does not have."""
    if path[0] not in kind.model_fields or path[0] in STRUCTURAL_FIELDS:
        known = ", ".join(parameter.name for parameter in parameters(kind))
        raise AssignmentError(f"no parameter '{path[0]}' in {_kind_name(kind)} (parameters: {known})")
    target = data
    for part in path[:-1]:
        target = target.setdefault(part, {})
        if not isinstance(target, dict):
            raise AssignmentError(f"'{'.'.join(path)}': '{part}' is not a mapping")
    target[path[-1]] = value


def _kind_name(kind: type[BaseModel]) -> str:
    """Return the `kind` value of a clause class."""
    return typing.get_args(kind.model_fields["kind"].annotation)[0]


def explain(error: ValidationError, kind: type[BaseModel]) -> str:
    """Return the first validation error as 'field: expected …, got …'."""
    first = error.errors(include_url=False)[0]
    where = error_path(first).removeprefix(_kind_name(kind) + ".")
    expected = _expected(kind, first["loc"])
    message = error_words(first)
    ref = _reference_at(kind, first["loc"]) if first["type"] == "string_pattern_mismatch" else None
    if ref or first["type"] == "string_pattern_mismatch":
        message = PATTERN_WORDS.get(ref, PATTERN_WORDS[None])
    got = f", got {first['input']!r}" if first["type"] != "missing" else ""
    return f"{where}: {message}{got}" + (f" (expected {expected})" if expected else "")


def _reference_at(kind: type[BaseModel], loc: tuple) -> str | None:
    """Return what a field at a pydantic location refers to ('event', 'zone' …), or None for no reference."""
    annotation: Any = kind
    metadata: list = []
    for part in loc:
        annotation, metadata = _inside(annotation, metadata)
        fields = getattr(annotation, "model_fields", None) if isinstance(annotation, type) else None
        if isinstance(part, str) and fields and part in fields:
            annotation, metadata = fields[part].annotation, list(fields[part].metadata)
        elif isinstance(part, int) and typing.get_origin(annotation) is list:
            annotation, metadata = typing.get_args(annotation)[0], []
    annotation, metadata = _inside(annotation, metadata)
    flat = [inner for item in metadata for inner in (getattr(item, "metadata", None) or [item])]
    return next((item.target for item in flat if isinstance(item, Ref)), None)


def _inside(annotation: Any, metadata: list) -> tuple[Any, list]:
    """Return an annotation without Annotated and Optional, with the metadata gathered on the way."""
    annotation, metadata, _ = unwrapped(annotation, metadata)
    return annotation, metadata


def unwrapped(annotation: Any, metadata: list) -> tuple[Any, list, bool]:
    """Return an annotation without Annotated and Optional, its metadata gathered, and whether None is allowed."""
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation, *extra = typing.get_args(annotation)
            metadata = metadata + extra
        elif origin in (Union, types.UnionType):
            args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            optional = optional or len(args) < len(typing.get_args(annotation))
            if len(args) != 1:
                return annotation, metadata, optional
            annotation = args[0]
        else:
            return annotation, metadata, optional


def _expected(kind: type[BaseModel], loc: tuple) -> str:
    """Return the description of the top-level field an error is about, or ''."""
    names = [part for part in loc if isinstance(part, str) and part in kind.model_fields]
    if not names:
        return ""
    info = kind.model_fields[names[0]]
    return describe(info.annotation, info.metadata)
