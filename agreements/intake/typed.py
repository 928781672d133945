"""A number the partner changed in a typed clause, as the parameter it is: found by rendering, never by guessing.

Each new number of the partner's text is tried in each numeric parameter of the clause (its own numbers and
the days of its deadlines); the variant is rendered in the document's language, and a setting is taken only
when the variant's paragraph reads exactly as the partner's.
"""

from __future__ import annotations

import re
from collections import Counter

from pydantic import ValidationError

from agreements.diff.redline import paragraphs_of
from agreements.index import index_of
from agreements.model import Agreement
from clauses.base import ClauseBase

NUMBER = re.compile(r"\d+(?:\.\d+)?")
MAX_TRIES = 24  # renders tried for one paragraph at most
_ALONE = {"alternatives": [], "status": "agreed"}  # a node rendered as its own text only, without brackets


def typed_setting(agreement: Agreement, node_id: str, lang: str, before: str, after: str,
                  alone: bool = False) -> tuple[dict, str] | None:
    """Return the `set` of a typed alternative giving the partner's text, and its description ('x 15 → 20'), or None.

    Alone: the partner's text is the node's own text with no options (it changed one option within a sentence).
    """
    model = index_of(agreement).model(node_id)
    if not isinstance(model, ClauseBase) or model.kind == "text":
        return None
    new_numbers = list((Counter(NUMBER.findall(after)) - Counter(NUMBER.findall(before))).elements())
    tries = [(slot, _number(number)) for number in dict.fromkeys(new_numbers) for slot in _numeric_slots(model)]
    for slot, number in tries[:MAX_TRIES]:
        setting = _setting(model, slot, number)
        if setting is not None and _renders_as(agreement, node_id, {**setting, **_ALONE} if alone else setting,
                                               lang, after):
            return setting, f"{'.'.join(slot)} {_number(str(_value(model, slot)))} → {number}"
    return None


def _number(digits: str) -> int | float:
    """Return a number as written ('20', '2.5'), whole when it is whole ('10.0' is 10)."""
    value = float(digits)
    return int(value) if value.is_integer() else value


def _numeric_slots(model: ClauseBase) -> list[tuple[str, ...]]:
    """Return the paths of a clause's numeric parameters (a distance may be fractional) and its deadlines' days."""
    data = model.model_dump(exclude={"alternatives", "children", "text", "positions", "translation"})
    slots = []
    for name, value in data.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            slots.append((name,))
        elif isinstance(value, dict) and isinstance(value.get("days"), int):
            slots.append((name, "days"))
    return slots


def _value(model: ClauseBase, slot: tuple[str, ...]) -> object:
    """Return the clause's value at a parameter path."""
    value = model.model_dump()
    for key in slot:
        value = value[key]
    return value


def _setting(model: ClauseBase, slot: tuple[str, ...], number: int) -> dict | None:
    """Return the `set` that puts a number at a parameter path (a deadline whole), or None when it does not fit."""
    if len(slot) == 1:
        setting = {slot[0]: number}
    else:
        setting = {slot[0]: {**model.model_dump(mode="json", exclude_defaults=False)[slot[0]], slot[1]: number}}
    try:
        type(model).model_validate({**model.model_dump(exclude={"alternatives", "children"}), **setting})
    except ValidationError:
        return None
    return setting


def _renders_as(agreement: Agreement, node_id: str, setting: dict, lang: str, wanted: str) -> bool:
    """Return whether the draft with the node's parameters set renders the node's paragraph as wanted."""
    data = agreement.model_dump(mode="json", exclude_defaults=True)
    node = _find(data, node_id)
    node.update(setting)
    try:
        variant = Agreement.model_validate(data)
    except ValidationError:
        return False
    paragraph = next((item for item in paragraphs_of(variant, lang) if item.key == f"node:{node_id}"), None)
    return paragraph is not None and paragraph.text.strip() == wanted.strip()


def _find(data: object, node_id: str) -> dict:
    """Return the mapping of a node in plain draft data (KeyError when absent)."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if value.get("id") == node_id and ("kind" in value or "text" in value):
                return value
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    raise KeyError(node_id)
