"""A posted form turned into the `KEY=VALUE` assignments of what it changed, as `peacedraft set` and `add --set` take
them: the fields whose value differs from the one shown, in form order (boxes keep the order shown, those newly
ticked last); a nested model that had no value is set as one value; an optional field emptied is removed (null).
"""

from __future__ import annotations

import json
from typing import Any

from starlette.datastructures import FormData

from clauses.parameters import parse_assignment
from workbench.parameters import LIST_MARK, FormField, FormGroup, leaves, plain


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
    if item.widget == "checkboxes":  # the order shown kept, boxes newly ticked after
        kept = [choice for choice in item.value if choice in value]
        return f"{item.key}=[{', '.join(kept + [choice for choice in value if choice not in kept])}]"
    if item.widget == "checkbox":
        return f"{item.key}={'true' if value else 'false'}"
    text = value if item.lang else value.strip()
    if text == "" and item.optional:
        return f"{item.key}=null"
    return f"{item.key}={json.dumps(text, ensure_ascii=False) if item.free else text}"


def _data(item: FormField, value: Any) -> Any:
    """Return a field's value as data: a bool, a list of choices, the words, or the YAML it holds (None: empty)."""
    if item.widget in ("checkbox", "checkboxes"):
        return value
    text = value if item.lang else value.strip()
    if text == "" or item.free:
        return text or None
    return parse_assignment(f"{item.key}={text}")[1]


def same(item: FormField, value: Any) -> bool:
    """Return whether what the form says for a field is what it showed."""
    if item.widget == "checkboxes":
        return sorted(value) == sorted(item.value)  # boxes are posted in the order of the choices
    if item.widget == "checkbox":
        return value == item.value
    if item.widget == "yaml":
        return value.strip() == item.value.strip() or plain(_data(item, value)) == plain(_data(item, item.value))
    if item.lang is not None:
        return value == item.value
    shown = value.strip()
    if item.widget == "number" and shown and item.value:
        try:
            return float(shown) == float(item.value)
        except ValueError:
            return False
    return shown == item.value


def _whole(group: FormGroup, values: dict[str, Any]) -> str:
    """Return the assignment setting a group as one value (its empty fields left out; all empty: null or {})."""
    data = _group_data(group, values)
    if data:
        return f"{group.key}={json.dumps(plain(data), ensure_ascii=False)}"
    return f"{group.key}={'null' if group.optional else '{}'}"


def _group_data(group: FormGroup, values: dict[str, Any]) -> dict[str, Any]:
    """Return a group's values as a mapping by field name: what the form says, else what it showed."""
    data = {}
    for item in group.items:
        if isinstance(item, FormGroup):
            value = _group_data(item, values)
        else:
            posted = values.get(item.key)
            value = _data(item, posted if posted is not None else item.value)
        if value not in (None, [], {}):
            data[item.key.rsplit(".", 1)[-1]] = value
    return data


def changes(form: FormData, items: list[FormField | FormGroup]) -> tuple[list[str], dict[str, Any]]:
    """Return the assignments of the fields the form changes (in form order), and every value it posted by key."""
    assignments: list[str] = []
    posted: dict[str, Any] = {}
    for item in items:
        _collect(form, item, assignments, posted)
    return assignments, posted


def _collect(form: FormData, item: FormField | FormGroup, assignments: list[str], posted: dict[str, Any]) -> None:
    """Add an item's assignment (a group set whole: one, when any of its fields changed) and its posted values."""
    if isinstance(item, FormGroup) and not item.whole:
        for inner in item.items:
            _collect(form, inner, assignments, posted)
        return
    fields = leaves([item])
    values = {leaf.key: posted_value(form, leaf) for leaf in fields}
    posted.update({key: value for key, value in values.items() if value is not None})
    if any(values[leaf.key] is not None and not same(leaf, values[leaf.key]) for leaf in fields):
        whole = isinstance(item, FormGroup)
        assignments.append(_whole(item, values) if whole else assignment(item, values[item.key]))

