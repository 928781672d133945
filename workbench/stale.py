"""A form sent from a page made from an older version of the file, merged three ways.

Every edit form carries the values it was shown with, in one hidden field `was` (the values by name as compact
JSON, compressed, base64url): what the user changed is a field whose posted value differs from its `was` value,
not from what the file now holds. Sent stale, the form is shown again made from the newer file: the fields the user
changed keep what was typed, every other field shows the newer file, and a field the file changed too says what was
typed, what the file now holds and what it held. Nothing is written until that form is saved, against the newer
file, so only the user's changes are written on top of it. The values are not signed: they only tell which of the
sender's own fields were changed.
"""

from __future__ import annotations

import base64
import json
import zlib
from dataclasses import replace
from typing import Any

from starlette.datastructures import FormData

from workbench.forms import value_words
from workbench.parameters import FormField, FormGroup, leaves
from workbench.posted import posted_value, same

WAS = "was"  # the name of the hidden field holding the values a form was shown with
LARGEST = 1 << 20  # bytes the values may take once inflated
CHOICES = ("select", "checkbox", "checkboxes")  # fields chosen, not typed
POSITION = (("stance", "chose"), ("note", "typed"))  # the parts of a position form, and what the user did to each


def encode_was(values: dict[str, Any]) -> str:
    """Return the text of a form's hidden `was` field: its values by name, packed."""
    data = json.dumps(values, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(zlib.compress(data, 9)).decode().rstrip("=")


def decode_was(form: FormData) -> dict[str, Any] | None:
    """Return the values a posted form was shown with, by name (None: it has no readable `was`)."""
    text = form.get(WAS)
    if not isinstance(text, str) or not text:
        return None
    try:
        inflate = zlib.decompressobj()
        data = inflate.decompress(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)), LARGEST)
        values = None if inflate.unconsumed_tail else json.loads(data)
    except (ValueError, zlib.error):
        return None
    return values if isinstance(values, dict) else None


def shown_values(items: list[FormField | FormGroup]) -> dict[str, Any]:
    """Return each field's value as shown, by dotted key."""
    return {leaf.key: leaf.value for leaf in leaves(items)}


def merge(form: FormData, items: list[FormField | FormGroup], was: dict[str, Any] | None) -> tuple[int, int]:
    """Return (fields changed, conflicts), showing in a form made from the newer file what the user changed."""
    changed = conflicts = 0
    for leaf in leaves(items):
        value = posted_value(form, leaf)
        if value is None:
            continue
        known = was is not None and leaf.key in was
        before = replace(leaf, value=was[leaf.key]) if known else leaf
        if same(before, value):
            continue  # left alone: the newer file's value stays
        changed += 1
        if not same(leaf, value) and not (known and same(before, leaf.value)):
            conflicts += 1
            verb = "chose" if leaf.widget in CHOICES else "typed"
            leaf.now = f"You {verb} {value_words(leaf, value)}; the file now holds {value_words(leaf, leaf.value)}"
            if known:
                leaf.now += f" (it held {value_words(leaf, before.value)} when you opened the page)"
        leaf.value = value
    return changed, conflicts


def merge_position(posted: dict[str, str], was: dict[str, Any] | None,
                   now: dict[str, str]) -> tuple[dict[str, str], list[str], int]:
    """Return a position form's stance and note to show, a line per conflict, and how many parts the user changed."""
    shown, lines, changed = dict(now), [], 0
    for part, verb in POSITION:
        before = str(was.get(part, now[part])) if was is not None else now[part]
        if posted[part] == before:
            continue
        changed += 1
        shown[part] = posted[part]
        if now[part] not in (before, posted[part]):
            held = f" (it held {_words(part, before)} when you opened the page)" if was is not None else ""
            lines.append(f"{part.capitalize()}: you {verb} {_words(part, posted[part])}; the file now holds "
                         f"{_words(part, now[part])}{held}")
    return shown, lines, changed


def _words(part: str, value: str) -> str:
    """Return a stance or a note in words ('support', '“Needs 20 km.”', 'no position', 'no note')."""
    if not value:
        return f"no {'position' if part == 'stance' else part}"
    return value if part == "stance" else f"“{value if len(value) <= 160 else value[:160].rstrip() + '…'}”"


def kept_words(changed: int, conflicts: int) -> str:
    """Return the line saying what a form sent stale now shows."""
    if not changed:
        return "You changed nothing in this form, so nothing is lost: it now shows the newer file."
    line = ("What you typed is kept in the form, now made from the newer file; the fields you did not change show "
            "what the file now holds.")
    if conflicts:
        return (f"{line} Where the file changed a field you changed too, the field says what it held, what it "
                "now holds and what you typed: check those, then save again to write your changes.")
    return f"{line} Save again to write your changes on top of it."
