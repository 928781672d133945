"""Form fields for a clause kind's parameters, and the `KEY=VALUE` assignments a posted form makes of them.

Each parameter becomes one typed control: a number with its bounds, step and unit, a date, a choice for an
enumeration or a yes/no, a set of checkboxes for a list of choices, a text field for an id, two fields for a
deadline (what it counts from, and days), or a text area holding the value in YAML flow style for anything
deeper. A posted form gives back only the values that differ from the option's defaults, as the `--set`
assignments the editing layer takes, so an untouched form adds the option exactly as `peacedraft add` does.
"""

from __future__ import annotations

import datetime
import json
import types
import typing
from dataclasses import dataclass, replace
from typing import Annotated, Any, Union

from annotated_types import Ge, Gt, Le, Lt
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from starlette.datastructures import FormData

from clauses.base import STRUCTURAL_FIELDS, Ref
from clauses.parameters import describe

PREFIX = "set."  # form fields of parameters are named 'set.<dotted key>'
UNITS = (("_km2", "km²"), ("_km", "km"), ("_days", "days"), ("_hours", "hours"), ("_months", "months"),
         ("_years", "years"), ("_usd", "USD"))
SCALARS = (bool, int, float, str, datetime.date)


@dataclass(frozen=True)
class ParameterField:
    """One control of the add form: its dotted key, label, control, shown value (values, for a set), limits, unit."""

    key: str
    label: str
    control: str  # number | date | select | checkboxes | text | yaml
    value: str = ""
    values: tuple[str, ...] = ()  # the checked boxes of a set of choices
    choices: tuple[str, ...] = ()
    minimum: str = ""
    maximum: str = ""
    step: str = ""
    unit: str = ""
    hint: str = ""  # the parameter's type in words, as `clauses show` gives it
    required: bool = False

    @property
    def name(self) -> str:
        """Return the form field's name."""
        return PREFIX + self.key


def _unwrapped(annotation: Any) -> tuple[Any, list, bool]:
    """Return an annotation's core type, its constraints (flattened) and whether it may be None."""
    metadata: list = []
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation, *extra = typing.get_args(annotation)
            for item in extra:
                metadata += [item, *(item.metadata if isinstance(item, FieldInfo) else [])]
        elif origin in (Union, types.UnionType):
            arguments = [argument for argument in typing.get_args(annotation) if argument is not type(None)]
            optional = optional or len(arguments) < len(typing.get_args(annotation))
            if len(arguments) != 1:
                return annotation, metadata, optional
            annotation = arguments[0]
        else:
            return annotation, metadata, optional


def _unit(key: str) -> str:
    """Return the unit a parameter's name says ('pullback_km' → 'km'), or ''."""
    last = "_" + key.rsplit(".", 1)[-1]
    return next((unit for suffix, unit in UNITS if last.endswith(suffix) or last == suffix), "")


def _shown(value: Any) -> str:
    """Return a value as a form shows it: '15' for 15.0, 'true', '' for None, YAML flow for anything deeper."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _bounds(core: Any, metadata: list) -> dict[str, str]:
    """Return the min, max and step of a number field from its constraints."""
    whole = core is int
    bounds = {"step": "1" if whole else "any"}
    for item in metadata:
        if isinstance(item, Ge):
            bounds["minimum"] = _shown(item.ge)
        elif isinstance(item, Gt):
            bounds["minimum"] = _shown(item.gt + 1 if whole else item.gt)
        elif isinstance(item, Le):
            bounds["maximum"] = _shown(item.le)
        elif isinstance(item, Lt):
            bounds["maximum"] = _shown(item.lt - 1 if whole else item.lt)
    return bounds


def _scalar_field(key: str, label: str, info: FieldInfo, value: Any, required: bool) -> ParameterField | None:
    """Return the control of a one-value parameter, or None when the value is deeper than one field."""
    core, metadata, optional = _unwrapped(info.annotation)
    metadata += [inner for item in info.metadata for inner in [item, *getattr(item, "metadata", [])]]
    common = {"key": key, "label": label, "value": _shown(value), "hint": describe(info.annotation, info.metadata),
              "required": required and not optional}
    if any(isinstance(item, Ref) for item in metadata):
        return ParameterField(control="text", **common)
    if typing.get_origin(core) is typing.Literal:
        choices = tuple(str(choice) for choice in typing.get_args(core))
        return ParameterField(control="select", choices=("",) * optional + choices, **common)
    if core is bool:
        return ParameterField(control="select", choices=("",) * optional + ("true", "false"), **common)
    if core in (int, float):
        return ParameterField(control="number", unit=_unit(key), **_bounds(core, metadata), **common)
    if core is datetime.date:
        return ParameterField(control="date", **common)
    if core is str:
        return ParameterField(control="text", **common)
    return None


def _choices_of_list(annotation: Any) -> tuple[str, ...] | None:
    """Return the choices of a list of enumerated values, or None for any other type."""
    core, _, _ = _unwrapped(annotation)
    if typing.get_origin(core) is not list:
        return None
    item, _, _ = _unwrapped(typing.get_args(core)[0])
    return tuple(str(choice) for choice in typing.get_args(item)) if typing.get_origin(item) is typing.Literal else None


def _flat_model(annotation: Any) -> type[BaseModel] | None:
    """Return the model of a parameter whose every field is one value (a deadline), or None."""
    core, _, _ = _unwrapped(annotation)
    if not (isinstance(core, type) and issubclass(core, BaseModel)):
        return None
    inner = [_unwrapped(info.annotation)[0] for info in core.model_fields.values()]
    return core if all(kind in SCALARS or typing.get_origin(kind) is typing.Literal for kind in inner) else None


def _fields_of(name: str, info: FieldInfo, value: Any) -> list[ParameterField]:
    """Return the controls of one parameter of a kind, given the option's value of it."""
    label = info.title or name.replace("_", " ")
    choices = _choices_of_list(info.annotation)
    if choices is not None:
        return [ParameterField(name, label, "checkboxes", values=tuple(map(str, value or [])), choices=choices,
                               hint=describe(info.annotation, info.metadata))]
    model = _flat_model(info.annotation)
    if model is not None:
        given = value or {}
        return [_scalar_field(f"{name}.{inner}", f"{label}: {inner_info.title or inner.replace('_', ' ')}",
                              inner_info, given.get(inner), value is not None and inner_info.is_required())
                for inner, inner_info in model.model_fields.items()]
    field = _scalar_field(name, label, info, value, info.is_required())
    if field is not None:
        return [field]
    return [ParameterField(name, label, "yaml", value=_shown(value), hint=describe(info.annotation, info.metadata))]


def parameter_fields(kind: type[BaseModel], defaults: dict[str, Any]) -> tuple[ParameterField, ...]:
    """Return the controls of a kind's parameters, showing the option's values (`model_dump(mode='json')`)."""
    fields: list[ParameterField] = []
    for name, info in kind.model_fields.items():
        if name not in STRUCTURAL_FIELDS and name != "text":
            fields += _fields_of(name, info, defaults.get(name))
    return tuple(fields)


def with_posted(fields: tuple[ParameterField, ...], form: FormData) -> tuple[ParameterField, ...]:
    """Return the controls showing the values a form posted (for a form shown again after a refusal)."""
    posted = set(form.getlist("fields"))
    return tuple(_posted(field, form) if field.key in posted else field for field in fields)


def _posted(field: ParameterField, form: FormData) -> ParameterField:
    """Return one control showing its posted value."""
    if field.control == "checkboxes":
        return replace(field, values=tuple(str(value) for value in form.getlist(field.name)))
    value = form.get(field.name)
    return replace(field, value=value.strip() if isinstance(value, str) else "")


def assignments(fields: tuple[ParameterField, ...], form: FormData) -> tuple[str, ...]:
    """Return the `KEY=VALUE` assignments of the values a form changed from the option's defaults, in field order."""
    changed = [(field, shown) for field, shown in zip(fields, with_posted(fields, form)) if shown != field]
    groups = _deadline_groups(fields)
    done: list[str] = []
    for field, shown in changed:
        parent = field.key.rpartition(".")[0]
        if parent and groups.get(parent):
            whole = _whole(parent, with_posted(fields, form))
            if whole not in done:
                done.append(whole)
        else:
            done.append(f"{field.key}={_assigned(shown)}")
    return tuple(done)


def _deadline_groups(fields: tuple[ParameterField, ...]) -> dict[str, bool]:
    """Return, per flattened model, whether it had no value (so a change sets it whole, not one key of it)."""
    groups: dict[str, bool] = {}
    for field in fields:
        parent = field.key.rpartition(".")[0]
        if parent:
            groups[parent] = groups.get(parent, True) and field.value == ""
    return groups


def _whole(parent: str, fields: tuple[ParameterField, ...]) -> str:
    """Return the assignment setting a flattened model whole (null when every one of its fields is empty)."""
    members = [field for field in fields if field.key.rpartition(".")[0] == parent]
    if all(field.value == "" for field in members):
        return f"{parent}=null"
    inner = ", ".join(f"{field.key.rpartition('.')[2]}: {_assigned(field)}" for field in members if field.value)
    return f"{parent}={{{inner}}}"


def _assigned(field: ParameterField) -> str:
    """Return a control's value as the VALUE of an assignment (YAML): 'null' when emptied, a flow list for a set."""
    if field.control == "checkboxes":
        return "[" + ", ".join(field.values) + "]"
    if field.value == "" and field.control in ("number", "select", "date", "text"):
        return "null"
    return field.value
