"""A node's form generated from its model's schema, and a posted form turned into `peacedraft set` assignments.

Every field of a node's kind becomes a typed input named by its dotted key, the key `peacedraft set` takes
(`pullback_km`, `deadline.days`, `text.ko`): numbers with min, max, step and unit from the field's
constraints, dates, selects for choices (Literal) and references (parties, bodies, zones), checkboxes for
yes/no, a box per choice for a list of choices, a text area per language for text, a fieldset for a nested
model, and the value in YAML for anything else (a list of ceilings: the same YAML `set` reads).

A posted form becomes the assignments of the fields whose value differs from the node's, in form order, each
written as `KEY=VALUE` exactly as it would be typed after `peacedraft set`: unchanged parameters are never
rewritten.
"""

from __future__ import annotations

import datetime
import json
import types
import typing
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, Union

from annotated_types import Ge, Gt, Le, Lt, MaxLen
from pydantic import BaseModel
from starlette.datastructures import FormData

from clauses.base import STRUCTURAL_FIELDS, Ref, Status, TranslationStatus
from clauses.languages import DEFAULT_LANGUAGE, LANGUAGES, language
from clauses.parameters import AssignmentError, describe, parse_assignment

LIST_MARK = "__list__."  # a hidden field that says a list of boxes was on the form (none ticked is a value too)
UNITS = (("_km2", "km²"), ("km", "km"), ("days", "days"), ("hours", "hours"))
TEXT_LABELS = {("text", True): "Text", ("text", False): "Own text (replaces the wording the clause's kind writes)",
               ("heading", True): "Heading", ("heading", False): "Heading"}
LONG_TEXT = 120  # a text field allowed more characters than this is a text area


@dataclass
class FormField:
    """One input of a node's form: its dotted name, how it is shown, its value as shown, and its error."""

    name: str
    label: str
    widget: str  # number | date | select | checkbox | checkboxes | text | textarea | yaml
    value: Any  # as shown: text, a list of ticked choices, or a bool
    hint: str = ""
    required: bool = False
    optional: bool = False  # may be left empty (null)
    minimum: float | int | None = None
    maximum: float | int | None = None
    step: str | None = None
    unit: str = ""
    max_length: int | None = None
    choices: list[tuple[str, str]] = field(default_factory=list)
    lang: str | None = None  # the language tag of a text in one language
    error: str | None = None
    focus: bool = False  # the first field in error: focused when the form comes back (htmx focuses autofocus)

    @property
    def id(self) -> str:
        """Return the input's id: `field-` and the dotted name with dots as hyphens ('field-deadline-days')."""
        return "field-" + self.name.replace(".", "-")

    @property
    def error_id(self) -> str:
        """Return the id of the input's error message ('field-deadline-days-error')."""
        return self.id + "-error"

    @property
    def hint_id(self) -> str:
        """Return the id of the input's hint."""
        return self.id + "-hint"


@dataclass
class FormGroup:
    """A fieldset: a nested model or a text per language, with its fields (and groups) in order."""

    name: str
    label: str
    items: list[FormField | FormGroup] = field(default_factory=list)
    whole: bool = False  # set as one value (translation statuses: `translation={…}`), not key by key

    @property
    def id(self) -> str:
        """Return the fieldset's id ('group-deadline')."""
        return "group-" + self.name.replace(".", "-")

    def fields(self) -> list[FormField]:
        """Return every field in the group and the groups below it, in order."""
        return [leaf for item in self.items for leaf in (item.fields() if isinstance(item, FormGroup) else [item])]


@dataclass(frozen=True)
class Registry:
    """The ids a reference may name, with their names: parties, bodies, zones (for selects), and other ids."""

    parties: list[tuple[str, str]]
    bodies: list[tuple[str, str]]
    zones: list[tuple[str, str]]
    events: list[str]
    languages: list[str]

    @classmethod
    def of(cls, agreement: Any, event_ids: list[str]) -> Registry:
        """Return the registry of a draft (names in the default language when it has them, else its first language)."""
        def name(entry) -> str:
            names = entry.names
            return names.get(DEFAULT_LANGUAGE) or next(iter(names.values()), entry.id)
        return cls([(party.id, name(party)) for party in agreement.parties],
                   [(body.id, name(body)) for body in agreement.bodies],
                   [(zone.id, name(zone)) for zone in agreement.zones],
                   event_ids, list(agreement.meta.languages))

    def targets(self, ref: str) -> list[tuple[str, str]] | None:
        """Return the choices of a reference (None: any id, typed)."""
        return {"party": self.parties, "body": self.bodies, "zone": self.zones,
                "actor": self.parties + self.bodies}.get(ref)


def _unwrap(annotation: Any, metadata: list) -> tuple[Any, list, bool]:
    """Return the annotation without Annotated and Optional, its metadata, and whether None is allowed."""
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


def _flat(metadata: list) -> list:
    """Return constraint objects, those grouped in a FieldInfo or a pydantic constraint set taken out."""
    return [inner for item in metadata for inner in (getattr(item, "metadata", None) or [item])]


def _unit(name: str) -> str:
    """Return the unit a field's name says ('pullback_km' → km, 'notice_days' → days), or ''."""
    return next((unit for suffix, unit in UNITS if name == suffix.lstrip("_") or name.endswith(suffix)), "")


def _shown(value: Any) -> str:
    """Return a scalar as the input shows it ('15' for 15.0, '' for None)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value)


def _yaml_flow(value: Any) -> str:
    """Return plain data as one line of YAML flow style, as `peacedraft set` reads it (JSON is such YAML)."""
    return json.dumps(_plain(value), ensure_ascii=False)


def _plain(value: Any) -> Any:
    """Return data with models dumped as they are written (unset fields left out), dates as ISO text."""
    if isinstance(value, BaseModel):
        return _plain(value.model_dump(mode="json", exclude_unset=True))
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def node_form(node: BaseModel, registry: Registry) -> tuple[list[FormField | FormGroup], list[FormField | FormGroup]]:
    """Return a node's form: its parameters and texts, then its state (status, proposers, note, translation)."""
    kind = type(node)
    parameters = []
    for name, info in kind.model_fields.items():
        if name in STRUCTURAL_FIELDS or name == "kind":
            continue
        label = info.title or TEXT_LABELS.get((name, info.is_required())) or name.replace("_", " ")
        parameters.append(_item(name, label, info.annotation, list(info.metadata), getattr(node, name),
                                info.is_required(), registry))
    return parameters, _state(node, registry)


def _state(node: BaseModel, registry: Registry) -> list[FormField | FormGroup]:
    """Return the fields of a node's negotiation state."""
    status = FormField("status", "Status", "select", node.status, choices=_literal_choices(Status), required=True)
    proposers = FormField("proposed_by", "Proposed by", "checkboxes", list(node.proposed_by),
                          choices=registry.parties, hint="the parties proposing the text")
    note = FormField("note", "Drafters' note", "textarea", node.note or "", optional=True, max_length=20_000,
                     hint="shown only in the internal edition")
    translation = FormGroup("translation", "Translation", whole=True, items=[
        FormField(f"translation.{lang}", language(lang).name, "select", node.translation.get(lang, ""),
                  choices=[("", "(not set)"), *_literal_choices(TranslationStatus)], optional=True)
        for lang in registry.languages])
    return [status, proposers, note, translation]


def _literal_choices(annotation: Any) -> list[tuple[str, str]]:
    """Return the choices of a Literal as (value, label) pairs."""
    return [(str(value), str(value).replace("_", " ")) for value in typing.get_args(annotation)]


def _item(name: str, label: str, annotation: Any, metadata: list, value: Any, required: bool,
          registry: Registry) -> FormField | FormGroup:
    """Return the field (or fieldset) of one model field, named by its dotted key."""
    hint = describe(annotation, metadata)
    inner, metadata, optional = _unwrap(annotation, metadata)
    constraints = _flat(metadata)
    ref = next((item.target for item in constraints if isinstance(item, Ref)), None)
    origin = typing.get_origin(inner)
    leaf = name.rsplit(".", 1)[-1]
    common = {"hint": hint, "required": required and not optional, "optional": optional}
    if ref:
        targets = registry.targets(ref)
        if targets is None:
            return FormField(name, label, "text", _shown(value), choices=[(event, event) for event in registry.events],
                             **common)
        return FormField(name, label, "select", _shown(value),
                         choices=([("", "(none)")] if optional else []) + targets, **common)
    if origin is Literal:
        return FormField(name, label, "select", _shown(value),
                         choices=([("", "(none)")] if optional else []) + _literal_choices(inner), **common)
    if inner is bool:
        return FormField(name, label, "checkbox", bool(value), **common)
    if inner in (int, float):
        bounds = {type(item): item for item in constraints if isinstance(item, (Ge, Gt, Le, Lt))}
        minimum = bounds[Ge].ge if Ge in bounds else (bounds[Gt].gt + (1 if inner is int else 0)) if Gt in bounds \
            else None
        maximum = bounds[Le].le if Le in bounds else (bounds[Lt].lt - (1 if inner is int else 0)) if Lt in bounds \
            else None
        return FormField(name, label, "number", _shown(value), minimum=minimum, maximum=maximum,
                         step="1" if inner is int else "any", unit=_unit(leaf), **common)
    if inner is datetime.date:
        return FormField(name, label, "date", _shown(value), **common)
    if inner is str:
        length = next((item.max_length for item in constraints if isinstance(item, MaxLen)), None)
        length = length or next((getattr(item, "max_length", None) for item in constraints
                                 if getattr(item, "max_length", None)), None)
        widget = "textarea" if length and length > LONG_TEXT else "text"
        return FormField(name, label, widget, _shown(value), max_length=length, **common)
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        items = [_item(f"{name}.{sub}", info.title or sub.replace("_", " "), info.annotation, list(info.metadata),
                       getattr(value, sub) if value is not None else None, info.is_required(), registry)
                 for sub, info in inner.model_fields.items()]
        return FormGroup(name, label, items)
    if origin is dict and _is_language_text(inner):
        texts = value or {}
        return FormGroup(name, label, [
            FormField(f"{name}.{lang}", language(lang).name, "textarea", texts.get(lang, ""), optional=True,
                      lang=language(lang).tag, max_length=20_000)
            for lang in [*registry.languages, *(lang for lang in texts if lang not in registry.languages)]])
    if origin is list:
        element, element_metadata, _ = _unwrap(typing.get_args(inner)[0], [])
        element_ref = next((item.target for item in _flat(element_metadata) if isinstance(item, Ref)), None)
        choices = registry.targets(element_ref) if element_ref else \
            _literal_choices(element) if typing.get_origin(element) is Literal else None
        if choices is not None:
            return FormField(name, label, "checkboxes", [_shown(item) for item in value or []], choices=choices,
                             **common)
    return FormField(name, label, "yaml", _yaml_flow(value) if value not in (None, [], {}) else "",
                     **{**common, "hint": f"{hint}, written in YAML"})


def _is_language_text(annotation: Any) -> bool:
    """Return whether a dict annotation is text per language (its keys the languages)."""
    key = typing.get_args(annotation)[0] if typing.get_args(annotation) else None
    key, _, _ = _unwrap(key, [])
    return typing.get_origin(key) is Literal and set(typing.get_args(key)) <= set(LANGUAGES)


def leaves(items: list[FormField | FormGroup]) -> list[FormField]:
    """Return every field of a form, in order."""
    return [leaf for item in items for leaf in (item.fields() if isinstance(item, FormGroup) else [item])]


def posted_value(form: FormData, item: FormField) -> Any:
    """Return what the form says for a field, as shown (text, a list of ticked choices, or a bool); None: absent."""
    if item.widget == "checkboxes":
        if f"{LIST_MARK}{item.name}" not in form:
            return None
        return [str(value) for value in form.getlist(item.name)]
    values = form.getlist(item.name)
    if not values:
        return None
    if item.widget == "checkbox":
        return str(values[-1]) == "true"
    return str(values[-1]).replace("\r\n", "\n")


def assignment(item: FormField, value: Any) -> str:
    """Return the `KEY=VALUE` that sets a field to what the form says, as it would be typed after `peacedraft set`."""
    if item.widget == "checkboxes":
        return f"{item.name}=[{', '.join(value)}]"
    if item.widget == "checkbox":
        return f"{item.name}={'true' if value else 'false'}"
    free = item.widget in ("text", "textarea") and not item.choices  # words, not an id or a number
    text = value if item.lang else value.strip()
    if text == "" and item.optional:
        return f"{item.name}=null"
    return f"{item.name}={json.dumps(text, ensure_ascii=False) if free else text}"


def _same(item: FormField, value: Any) -> bool:
    """Return whether what the form says for a field is what the node has."""
    if item.widget == "checkboxes":
        return list(value) == list(item.value)
    if item.widget == "checkbox":
        return value == item.value
    if item.widget == "yaml":
        if value.strip() == item.value.strip():
            return True
        try:
            return _plain(parse_assignment(f"x={value}")[1]) == _plain(parse_assignment(f"x={item.value}")[1])
        except AssignmentError:
            return False
    if item.lang is not None:
        return value == item.value
    shown = value.strip()
    if item.widget == "number" and shown and item.value:
        try:
            return float(shown) == float(item.value)
        except ValueError:
            return False
    return shown == item.value


def changes(form: FormData, items: list[FormField | FormGroup]) -> tuple[list[str], dict[str, Any]]:
    """Return the assignments of the fields the form changes (in form order), and every value it posted by name.

    A fieldset set as a whole (translation statuses) is one assignment holding all its values when any changed.
    """
    assignments: list[str] = []
    posted: dict[str, Any] = {}
    for item in items:
        if isinstance(item, FormGroup) and item.whole:
            values = {leaf.name: posted_value(form, leaf) for leaf in item.fields()}
            posted.update({name: value for name, value in values.items() if value is not None})
            if any(value is not None and not _same(leaf, value) for leaf, value in zip(item.fields(), values.values())):
                whole = {leaf.name.rsplit(".", 1)[-1]: (value if value is not None else leaf.value)
                         for leaf, value in zip(item.fields(), values.values())}
                whole = {key: value for key, value in whole.items() if value}
                assignments.append(f"{item.name}={json.dumps(whole, ensure_ascii=False)}")
            continue
        for leaf in item.fields() if isinstance(item, FormGroup) else [item]:
            value = posted_value(form, leaf)
            if value is None:
                continue
            posted[leaf.name] = value
            if not _same(leaf, value):
                assignments.append(assignment(leaf, value))
    return assignments, posted


def show_posted(items: list[FormField | FormGroup], posted: dict[str, Any]) -> None:
    """Show the values the user posted in the form's fields (a refused form is shown again as it was sent)."""
    for leaf in leaves(items):
        if leaf.name in posted:
            leaf.value = posted[leaf.name]


def place_errors(items: list[FormField | FormGroup], messages: list[tuple[str, str]]) -> list[str]:
    """Put each (message about a field, line to show) at the field it names; return the lines no field takes.

    A message names its field first ('deadline.days: input should be …'); the longest name that matches wins,
    so 'deadline.days' is placed at its input rather than at 'deadline'.
    """
    fields = leaves(items)
    rest = []
    for about, line in messages:
        matches = [leaf for leaf in fields
                   if about.startswith(leaf.name + ":") or about.startswith(leaf.name + ".")]
        if not matches:
            top = about.split(":", 1)[0].split(".", 1)[0]
            matches = [leaf for leaf in fields if leaf.name == top or leaf.name.startswith(top + ".")][:1]
        if matches:
            target = max(matches, key=lambda leaf: len(leaf.name))
            target.error = line if target.error is None else f"{target.error} · {line}"
        else:
            rest.append(line)
    first = next((leaf for leaf in fields if leaf.error), None)
    if first is not None:
        first.focus = True
    return rest
