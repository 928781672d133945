"""Compose: the clause library by topic beside a draft, and adding an option to the draft from a form.

GET /compose/{path}?topic=… shows every topic and its options (a topic's options in full: texts in each
language, rationale, precedents, parameters, and a form to add each). POST /compose/{path}/add adds one
through the editing layer `peacedraft add` uses, expecting the file the page was made from.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from agreements.edit.add import add_alternative, add_option, default_id
from agreements.edit.draft import EditResult
from agreements.edit.registration import standard_registry
from clauses.errors import DraftError, Location, Problem, StaleDraftError
from clauses.library import find_option
from clauses.topics import TOPICS
from workbench.errors import error_line
from workbench.forms import field, field_named, posted_form, show_posted
from workbench.pages.compose_library import (DraftPlaces, OptionView, draft_places, library_view, option_fields,
                                             option_view, topic_names)
from workbench.posted import changes
from workbench.state import Bench

MODES = ("article", "under", "alternative")
KEPT = "What you chose and typed is kept below, in a form made from the newer file: check it and add again."
CHOICE_FIELDS = {"PD-E035": "as", "PD-E031": "proposed_by", "PD-E098": "parties"}


@dataclass(frozen=True)
class AddForm:
    """The add form of one option as shown: its controls and choices, what was posted, and any refusal."""

    option: OptionView
    fields: tuple  # the parameters' fields and fieldsets (workbench/parameters.py)
    values: dict[str, str]  # mode, under, alternative_to, proposed_by, as, parties
    digest: str
    error: str = ""
    error_field: str = ""  # the key of the control the refusal is about ('' for the form as a whole)
    assignments: tuple[str, ...] = ()  # the `--set KEY=VALUE` of the parameters the form changed


def blank_form(option: OptionView, places: DraftPlaces, digest: str = "") -> AddForm:
    """Return an option's add form with its defaults, its references offering what the draft registers."""
    return AddForm(option, option_fields(option.id, places.registry), {"mode": MODES[0]}, digest or places.digest)


async def compose_page(request: Request) -> Response:
    """Return the library beside a draft: every topic and option; the chosen topic's options in full."""
    bench: Bench = request.app.state.bench
    path = request.path_params["path"]
    places = draft_places(str(bench.resolve(path)))
    topic = request.query_params.get("topic", "")
    if topic and topic not in TOPICS:
        return bench.page(request, "compose.html", status=404, **_context(path, places, "", {}),
                          unknown_topic=topic)
    forms = {view.id: blank_form(view, places) for view in library_view().get(topic, ())}
    return bench.page(request, "compose.html", **_context(path, places, topic, forms))


def _context(path: str, places: DraftPlaces, topic: str, forms: dict[str, AddForm]) -> dict:
    """Return what compose.html needs."""
    return {"draft": path, "path": path, "places": places, "topics": library_view(), "topic": topic,
            "forms": forms, "modes": MODES, "topic_names": topic_names()}


async def add_from_library(request: Request) -> Response:
    """Add an option to the draft; on a refused value show the form again with the error at its field (400)."""
    form = await posted_form(request)
    bench: Bench = request.app.state.bench
    path = request.path_params["path"]
    file = str(bench.resolve(path))
    option = option_view(field(form, "option"))
    places = draft_places(file)
    posted = _posted_form(option, form, places)
    try:
        result = await run_in_threadpool(_add, file, option, posted)
    except DraftError as error:
        line = error_line(error).replace(str(bench.root) + os.sep, "")
        refused = replace(posted, error=line, error_field=_field_of(error, posted))
        return _reshow(request, path, places, refused)
    except StaleDraftError:  # what was chosen and typed is kept, the form made from the newer file
        stale = f"{error_line(StaleDraftError(path))} {KEPT}"
        return _reshow(request, path, places, replace(posted, error=stale, digest=draft_places(file).digest), 409)
    anchor = _new_node(option, posted.values, places)
    if request.headers.get("hx-request") == "true":
        fresh = draft_places(file)
        return bench.page(request, "_compose_added.html", path=path, places=fresh, result=result, anchor=anchor,
                          said=added_sentence(option, posted.values, fresh, anchor),
                          form=blank_form(option, fresh, result.digest), topic_options=library_view()[option.topic])
    return RedirectResponse(f"/draft/{quote(path)}#{quote(anchor)}", status_code=303)


def _posted_form(option: OptionView, form: FormData, places: DraftPlaces) -> AddForm:
    """Return the add form as posted: its values shown as sent, and the parameters it changed from the option's."""
    values = {name: field(form, name) for name in ("mode", "under", "alternative_to", "proposed_by", "as", "parties")}
    values["mode"] = values["mode"] if values["mode"] in MODES else MODES[0]
    fields = option_fields(option.id, places.registry)
    assignments, posted = changes(form, list(fields))
    show_posted(list(fields), posted)
    return AddForm(option, fields, values, field(form, "digest"), assignments=tuple(assignments))


def _add(file: str, option: OptionView, posted: AddForm) -> EditResult:
    """Return the result of adding the option as the form says (raises DraftError or StaleDraftError)."""
    values = posted.values
    assignments = posted.assignments
    parties = tuple(part for part in values["parties"].replace(",", " ").split() if part)
    if values["mode"] == "alternative":
        target, party = values["alternative_to"], values["proposed_by"]
        _require(file, target, "alternative_to", "choose the clause the option is an alternative to")
        _require(file, party, "proposed_by", "choose the party that proposes the alternative", "PD-E031")
        return add_alternative(file, option.id, target, party, assignments, parties, expect=posted.digest)
    under = values["under"] if values["mode"] == "under" else None
    if values["mode"] == "under":
        _require(file, under, "under", "choose the part, article or clause to add under")
    return add_option(file, option.id, under, values["as"] or None, assignments, parties, expect=posted.digest)


class MissingChoice(DraftError):
    """A form left out a choice its mode needs (the clause, the party, the place to add under)."""

    def __init__(self, file: str, message: str, key: str, code: str):
        super().__init__([Problem(Location(file), "-", message, code)])
        self.key = key


def _require(file: str, value: str | None, key: str, message: str, code: str = "PD-E036") -> None:
    """Raise MissingChoice when a choice the mode needs is empty (a party: PD-E031, else PD-E036)."""
    if not value:
        raise MissingChoice(file, message, key, code)


def _field_of(error: DraftError, posted: AddForm) -> str:
    """Return the key of the control a refusal is about ('' when it is about the form as a whole)."""
    if isinstance(error, MissingChoice):
        return error.key
    code = error.problems[0].code
    if code == "PD-E036":
        return "alternative_to" if posted.values["mode"] == "alternative" else "under"
    if code in ("PD-E032", "PD-E033"):
        return _parameter_of(error.problems[0].message, posted)
    return CHOICE_FIELDS.get(code, "")


def _parameter_of(message: str, posted: AddForm) -> str:
    """Return the key of the parameter a `--set` refusal names ('--set: deadline.days: …' → 'deadline.days')."""
    named = field_named(list(posted.fields), message.removeprefix("--set").lstrip(": "))
    return named.key if named is not None else ""


def _new_node(option: OptionView, values: dict[str, str], places: DraftPlaces) -> str:
    """Return the id of the node the document page shows the addition at (an alternative: its clause)."""
    if values["mode"] == "alternative":
        return values["alternative_to"]
    return values["as"] or default_id(find_option(option.id), set(places.ids) | set(standard_registry()))


def _reshow(request: Request, path: str, places: DraftPlaces, refused: AddForm, status: int = 400) -> Response:
    """Return the form shown again with its error (the fragment for htmx, else the whole topic page)."""
    bench: Bench = request.app.state.bench
    if request.headers.get("hx-request") == "true":
        return bench.page(request, "_compose_form.html", status=status, path=path, places=places, form=refused)
    forms = {view.id: blank_form(view, places, refused.digest) for view in library_view()[refused.option.topic]}
    forms[refused.option.id] = refused
    return bench.page(request, "compose.html", status=status,
                      **_context(path, places, refused.option.topic, forms))


def added_sentence(option: OptionView, values: dict[str, str], places: DraftPlaces, anchor: str) -> str:
    """Return what was added, in words: the option's title, the place it now has and the party proposing it."""
    where = dict(places.holders).get(anchor, anchor)
    if values["mode"] == "alternative":
        party = dict(places.short).get(values["proposed_by"], values["proposed_by"])
        return f"Added “{option.title}” as an alternative to {where}, proposed by {party}."
    return f"Added “{option.title}” as {where}."


routes = [
    Route("/compose/{path:path}/add", add_from_library, methods=["POST"]),
    Route("/compose/{path:path}", compose_page, methods=["GET"]),
]
