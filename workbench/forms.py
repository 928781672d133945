"""Reading a posted form: its form token checked first, its values as strings, the draft's digest it was made from;
and a refused form shown again: the values the user posted, each error at the field it names."""

from __future__ import annotations

import hmac
from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request

from workbench.errors import FormTokenError
from workbench.parameters import FormField, FormGroup, leaves
from workbench.state import Bench

MAX_FIELDS = 200


async def posted_form(request: Request) -> FormData:
    """Return the form of a POST whose form token (field `csrf` or header X-CSRF-Token) is this workbench's."""
    bench: Bench = request.app.state.bench
    form = await request.form(max_files=0, max_fields=MAX_FIELDS)
    given = str(form.get("csrf") or request.headers.get("x-csrf-token") or "")
    if not hmac.compare_digest(given.encode(), bench.csrf.encode()):
        raise FormTokenError()
    return form


def field(form: FormData, name: str) -> str:
    """Return a form field as stripped text ('' when absent)."""
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def show_posted(items: list[FormField | FormGroup], posted: dict[str, Any]) -> None:
    """Show the values the user posted in the form's fields (a refused form is shown again as it was sent)."""
    for leaf in leaves(items):
        if leaf.key in posted:
            leaf.value = posted[leaf.key]


def value_words(leaf: FormField, value: Any, longest: int = 160) -> str:
    """Return a field's value in words ('15', 'yes', 'artillery, armoured vehicles', 'empty'), a long text cut short."""
    labels = dict(leaf.choices)
    if leaf.widget == "checkbox":
        return "yes" if value else "no"
    if leaf.widget == "checkboxes":
        return ", ".join(labels.get(choice, choice) for choice in value) or "none"
    text = str(value).strip() if value is not None else ""
    if not text:
        return "empty"
    text = labels.get(text, text) if leaf.widget == "select" else text
    return text if len(text) <= longest else text[:longest].rstrip() + "…"


def field_named(items: list[FormField | FormGroup], about: str) -> FormField | None:
    """Return the field a message names first (its longest matching key, else the first under its top key), or None."""
    named = about.split(":", 1)[0].strip().strip("'")
    fields = leaves(items)
    matches = [leaf for leaf in fields if named == leaf.key or named.startswith(
        (leaf.key + ".", leaf.key + "[", leaf.key + "="))]
    if matches:
        return max(matches, key=lambda leaf: len(leaf.key))
    top = named.split(".", 1)[0].split("[", 1)[0]
    return next((leaf for leaf in fields if leaf.key == top or leaf.key.startswith(top + ".")), None)


def place_errors(items: list[FormField | FormGroup], messages: list[tuple[str, str]]) -> list[str]:
    """Put each (message about a field, line to show) at the field it names; return the lines no field takes."""
    rest = []
    for about, line in messages:
        target = field_named(items, about)
        if target is None:
            rest.append(line)
        else:
            target.error = line if target.error is None else f"{target.error} · {line}"
    first = next((leaf for leaf in leaves(items) if leaf.error), None)
    if first is not None:
        first.focus = True
    return rest
