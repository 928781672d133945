"""Form fields generated from a clause kind's schema, and a posted form turned into `KEY=VALUE` assignments.

Each field of a kind becomes a typed input named by the dotted key `peacedraft set` and `add --set` take
(`pullback_km`, `deadline.days`, `text.ko`): a number with the min and max of its constraints, a step from its
type (its `multiple_of`, else 1 for a whole number, any for a decimal) and the unit its name says (formatting); a
date; a select for a choice or a reference; a checkbox for yes/no; a box per choice for a list of choices; a text
area per language for text; a fieldset for a nested model; YAML flow style for anything deeper. Each form has its
own prefixes (`field-deadline-days`; `add-forces-artillery-set-deadline-days`, name `set.deadline.days`), so
several forms on one page never share an id. A posted form becomes the assignments of the fields whose value
differs from the one shown, in form order (boxes keep the order shown, those newly ticked last); a nested model
that had no value is set as one value.
"""

from __future__ import annotations

import datetime
import json
import typing
from dataclasses import dataclass, field
from typing import Any, Literal

from annotated_types import Ge, Gt, Le, Lt, MaxLen, MultipleOf
from pydantic import BaseModel

from clauses.base import STRUCTURAL_FIELDS, Ref
from clauses.formatting import unit_of
from clauses.languages import LANGUAGES, language
from clauses.parameters import describe, unwrapped
from workbench.reading import Registry
from workbench.wording import REFERENCE_WORDS, REMOVE, number_hint, term_labels

LIST_MARK = "__list__."  # a hidden field that says a list of boxes was on the form (none ticked is a value too)
TEXT_LABELS = {("text", True): "Text", ("text", False): "Own wording (instead of the standard wording)",
               ("heading", True): "Heading", ("heading", False): "Heading"}
LONG_TEXT = 120  # a text field allowed more characters than this is a text area
TEXTS = ("text", "heading")  # the fields holding a node's own words, not parameters of its kind


@dataclass(frozen=True)
class FormPrefixes:
    """How one form names its inputs: the prefix of their ids and the prefix of their names."""

    ids: str = "field-"
    names: str = ""


NODE_FORM = FormPrefixes()  # the node form: id 'field-deadline-days', name 'deadline.days'


@dataclass
class FormField:
    """One input of a form: its dotted key, how it is shown, its value as shown, and its error."""

    key: str
    label: str
    widget: str  # number | date | select | checkbox | checkboxes | text | textarea | yaml
    value: Any  # as shown: text, a list of ticked choices, or a bool
    hint: str = ""
    required: bool = False
    optional: bool = False  # may be left empty (null)
    minimum: str = ""
    maximum: str = ""
    step: str = ""
    unit: str = ""
    max_length: int | None = None
    choices: list[tuple[str, str]] = field(default_factory=list)
    ids: bool = False  # the choices are ids, shown beside their names ('China (prc)')
    lang: str | None = None  # the language tag of a text in one language
    label_lang: str | None = None  # the language tag of the label, a language named in itself ('한국어')
    free: bool = False  # words, quoted when assigned (not an id, a number, a choice or YAML)
    prefixes: FormPrefixes = NODE_FORM
    error: str | None = None
    now: str = ""  # what the file now holds, when a stale form shows another value
    focus: bool = False  # the first field in error: focused when the form comes back (htmx focuses autofocus)

    @property
    def name(self) -> str:
        """Return the input's name: the form's prefix and the dotted key ('deadline.days', 'set.deadline.days')."""
        return self.prefixes.names + self.key

    @property
    def id(self) -> str:
        """Return the input's id: the form's prefix and the key with dots as hyphens ('field-deadline-days')."""
        return self.prefixes.ids + self.key.replace(".", "-")

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

    key: str
    label: str
    items: list[FormField | FormGroup] = field(default_factory=list)
    whole: bool = False  # set as one value (translation statuses, a model that had none), not key by key
    optional: bool = False  # may be null: set whole and emptied, it is null (else {})
    prefixes: FormPrefixes = NODE_FORM

    @property
    def id(self) -> str:
        """Return the fieldset's id: the form's prefix and the key with dots as hyphens ('field-deadline')."""
        return self.prefixes.ids + self.key.replace(".", "-")


@dataclass(frozen=True)
class _Build:
    """What a form is built with: the draft's registry (None: references are typed ids) and the form's prefixes."""

    registry: Registry | None
    prefixes: FormPrefixes
    kind: str | None = None  # the clause kind, whose terms name its choices

    def targets(self, ref: str | None) -> list[tuple[str, str]] | None:
        """Return the choices of a reference (None: any id, typed)."""
        return self.registry.targets(ref) if self.registry is not None and ref else None


def _flat(metadata: list) -> list:
    """Return constraint objects, those grouped in a FieldInfo or a pydantic constraint set taken out."""
    return [inner for item in metadata for inner in (getattr(item, "metadata", None) or [item])]


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


def plain(value: Any) -> Any:
    """Return data with models dumped as they are written (unset fields left out), dates as ISO text."""
    if isinstance(value, BaseModel):
        return plain(value.model_dump(mode="json", exclude_unset=True))
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def literal_choices(annotation: Any) -> list[tuple[str, str]]:
    """Return the choices of a Literal as (value, label) pairs."""
    return [(str(value), str(value).replace("_", " ")) for value in typing.get_args(annotation)]


def kind_form(node: BaseModel, registry: Registry | None, prefixes: FormPrefixes = NODE_FORM,
              texts: bool = True) -> list[FormField | FormGroup]:
    """Return the fields of a node's parameters (and, with texts, its own text and heading), showing its values."""
    build = _Build(registry, prefixes, getattr(node, "kind", None))
    items = []
    for key, info in type(node).model_fields.items():
        if key in STRUCTURAL_FIELDS or (key in TEXTS and not texts):
            continue
        label = info.title or TEXT_LABELS.get((key, info.is_required())) or key.replace("_", " ")
        items.append(_item(key, label, info.annotation, list(info.metadata), getattr(node, key),
                           info.is_required(), build))
    return items


def _item(key: str, label: str, annotation: Any, metadata: list, value: Any, required: bool,
          build: _Build) -> FormField | FormGroup:
    """Return the field (or fieldset) of one model field, named by its dotted key."""
    inner, metadata, optional = unwrapped(annotation, metadata)
    hint = REMOVE if optional else ""
    constraints = _flat(metadata)
    ref = next((item.target for item in constraints if isinstance(item, Ref)), None)
    origin = typing.get_origin(inner)
    common = {"hint": hint, "required": required and not optional, "optional": optional, "prefixes": build.prefixes}
    if ref:
        return _reference(key, label, ref, value, build, common)
    if origin is Literal:
        choices = ([("", "(none)")] if optional else []) + term_labels(typing.get_args(inner), build.kind)
        return FormField(key, label, "select", _shown(value), choices=choices, **{**common, "hint": ""})
    if inner is bool:
        return FormField(key, label, "checkbox", bool(value), **{**common, "hint": ""})
    if inner in (int, float):
        return _number(key, label, inner, constraints, value, common)
    if inner is datetime.date:
        return FormField(key, label, "date", _shown(value), **common)
    if inner is str:
        return _text(key, label, constraints, value, common)
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return _model(key, label, inner, value, optional, build)
    if origin is dict and _is_language_text(inner):
        return _language_texts(key, label, value or {}, build)
    if origin is list:
        boxes = _boxes(key, label, typing.get_args(inner)[0], value, build, common)
        if boxes is not None:
            return boxes
    shown = json.dumps(plain(value), ensure_ascii=False) if value not in (None, [], {}) else ""  # JSON is YAML
    described = describe(inner, metadata).replace("list of ", "a list of ", 1)
    return FormField(key, label, "yaml", shown, **{**common, "hint": f"{described}, written in YAML flow style "
                                                                      "([{name: value, …}, …])"})


def _reference(key: str, label: str, ref: str, value: Any, build: _Build, common: dict) -> FormField:
    """Return a select of the ids a reference may name, or a text field for any id (the draft's events offered)."""
    targets = build.targets(ref)
    if targets is None:
        events = build.registry.events if build.registry is not None else []
        hint = "; ".join(part for part in (REFERENCE_WORDS[ref], common["hint"]) if part)
        return FormField(key, label, "text", _shown(value), choices=[(event, event) for event in events],
                         **{**common, "hint": hint})
    choices = ([("", "(none)")] if common["optional"] else []) + targets
    return FormField(key, label, "select", _shown(value), choices=choices, ids=True, **{**common, "hint": ""})


def _number(key: str, label: str, inner: type, constraints: list, value: Any, common: dict) -> FormField:
    """Return a number input: its bounds, its step (1 for whole numbers, else multiple_of or any) and its unit."""
    whole = 1 if inner is int else 0
    found = {type(item): item for item in constraints if isinstance(item, (Ge, Gt, Le, Lt, MultipleOf))}
    minimum = found[Ge].ge if Ge in found else found[Gt].gt + whole if Gt in found else None
    maximum = found[Le].le if Le in found else found[Lt].lt - whole if Lt in found else None
    step = found[MultipleOf].multiple_of if MultipleOf in found else "1" if whole else "any"
    bounds = {name: getattr(item, name) for item in found.values() for name in ("ge", "gt", "le", "lt")
              if hasattr(item, name)}
    hint = number_hint(bool(whole), bounds, unit_of(key), common["optional"])
    return FormField(key, label, "number", _shown(value), minimum=_shown(minimum), maximum=_shown(maximum),
                     step=_shown(step), unit=unit_of(key), **{**common, "hint": hint})


def _text(key: str, label: str, constraints: list, value: Any, common: dict) -> FormField:
    """Return a text field, or a text area when the text may be long."""
    length = next((item.max_length for item in constraints if isinstance(item, MaxLen)), None)
    length = length or next((getattr(item, "max_length", None) for item in constraints
                             if getattr(item, "max_length", None)), None)
    widget = "textarea" if length and length > LONG_TEXT else "text"
    return FormField(key, label, widget, _shown(value), max_length=length, free=True, **common)


def _model(key: str, label: str, model: type[BaseModel], value: Any, optional: bool, build: _Build) -> FormGroup:
    """Return the fieldset of a nested model: set key by key, or as one value when it had none."""
    items = [_item(f"{key}.{sub}", info.title or sub.replace("_", " "), info.annotation, list(info.metadata),
                   getattr(value, sub) if value is not None else None,
                   info.is_required() and value is not None, build)
             for sub, info in model.model_fields.items()]
    return FormGroup(key, label, items, whole=value is None, optional=optional, prefixes=build.prefixes)


def _language_texts(key: str, label: str, texts: dict, build: _Build) -> FormGroup:
    """Return a text area per language: the draft's languages, then any other the node has."""
    languages = build.registry.languages if build.registry is not None else list(LANGUAGES)
    return FormGroup(key, label, [
        FormField(f"{key}.{code}", language(code).name, "textarea", texts.get(code, ""), optional=True,
                  lang=language(code).tag, label_lang=language(code).tag, max_length=20_000, free=True, prefixes=build.prefixes)
        for code in [*languages, *(code for code in texts if code not in languages)]], prefixes=build.prefixes)


def _boxes(key: str, label: str, element: Any, value: Any, build: _Build, common: dict) -> FormField | None:
    """Return a box per choice for a list of choices or of references with choices, else None."""
    element, element_metadata, _ = unwrapped(element, [])
    element_ref = next((item.target for item in _flat(element_metadata) if isinstance(item, Ref)), None)
    choices = build.targets(element_ref) if element_ref else \
        term_labels(typing.get_args(element), build.kind) if typing.get_origin(element) is Literal else None
    if choices is None:
        return None
    return FormField(key, label, "checkboxes", [_shown(item) for item in value or []], choices=choices,
                     ids=bool(element_ref), **{**common, "hint": ""})


def _is_language_text(annotation: Any) -> bool:
    """Return whether a dict annotation is text per language (its keys the languages)."""
    key = typing.get_args(annotation)[0] if typing.get_args(annotation) else None
    key, _, _ = unwrapped(key, [])
    return typing.get_origin(key) is Literal and set(typing.get_args(key)) <= set(LANGUAGES)


def leaves(items: list[FormField | FormGroup]) -> list[FormField]:
    """Return every field of a form, in order."""
    return [leaf for item in items for leaf in (leaves(item.items) if isinstance(item, FormGroup) else [item])]
