"""The edit forms of a node: its text in each language, its parameters as a form generated from its kind's schema,
its negotiation state, and a position form for each party.

GET  /node/{path}?id=ID          the node's page (or, for htmx, the fragment of its main region)
POST /node/{path}/set            `peacedraft set PATH ID KEY=VALUE…` with the fields that changed
POST /node/{path}/position       `peacedraft position PATH ID PARTY STANCE --note …`

Every form carries the digest of the file it was made from (`expect`) and the values it was shown with (`was`): a
file changed since is left as it is (409) and the form is shown again from the newer file, keeping only the fields
the user changed (workbench/stale.py). A refused value is shown at its field with the message the command line
prints (400), the form as the user sent it and the file untouched. A change that is written redirects back to the
node (303), or returns the node's fragment to htmx.
"""

from __future__ import annotations

from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from agreements.edit.draft import EditResult, set_position, set_values
from agreements.index import index_of
from agreements.model import Recital
from clauses.base import Node, Status, TranslationStatus
from clauses.errors import DraftError, PeacedraftError
from clauses.languages import language
from workbench.document_view import finding_list, node_texts
from workbench.errors import error_reply
from workbench.forms import field, place_errors, posted_form, show_posted
from workbench.parameters import FormField, FormGroup, kind_form, literal_choices
from workbench.posted import changes
from workbench.reading import Registry, Snapshot, relative_error, snapshot
from workbench.stale import decode_was, encode_was, kept_words, merge, merge_position, shown_values
from workbench.state import Bench
from workbench.wording import place_name, short_names

try:
    from clauses.errors import StaleDraftError
except ImportError:  # the library without expect= (before PD-E110)
    class StaleDraftError(PeacedraftError):  # type: ignore[no-redef]
        """A draft changed on disk since the page that edits it read it."""

STANCES = ("support", "oppose", "reserve")


def stale_message(draft: str) -> str:
    """Return the line shown when a form was made from an older version of the file."""
    return (f"{draft} changed since this page was loaded (someone saved a newer version); the file was not changed: "
            "the form below now shows the newer file with your changes kept; check them and save again [PD-E110]")


def _node(snap: Snapshot, draft: str, node_id: str) -> Node | Response:
    """Return the node with an id, or the one-line page saying there is none (404)."""
    if not node_id:
        return error_reply(f"{draft}: which node? give its id (/node/{draft}?id=ID)", "PD-E030", 400)
    node = snap.node(node_id)
    if node is None:
        return error_reply(f"{draft}: no node with id '{node_id}'", "PD-E030", 404)
    return node


def _events(snap: Snapshot) -> list[str]:
    """Return the ids a deadline may count from: entry into force, then every id of the draft."""
    return ["entry_into_force", *index_of(snap.agreement).by_id]


def node_form(node: Node, registry: Registry) -> tuple[list[FormField | FormGroup], list[FormField | FormGroup]]:
    """Return a node's form: its parameters and texts, then its state (status, proposers, note, translation)."""
    return kind_form(node, registry), _state(node, registry)


def _state(node: Node, registry: Registry) -> list[FormField | FormGroup]:
    """Return the fields of a node's negotiation state."""
    status = FormField("status", "Status", "select", node.status, choices=literal_choices(Status), required=True)
    proposers = FormField("proposed_by", "Proposed by", "checkboxes", list(node.proposed_by),
                          choices=registry.parties, hint="the parties proposing the text")
    note = FormField("note", "Drafters' note", "textarea", node.note or "", optional=True, max_length=20_000,
                     free=True, hint="shown only in the internal edition")
    translation = FormGroup("translation", "Translation", whole=True, items=[
        FormField(f"translation.{code}", language(code).name, "select", node.translation.get(code, ""),
                  choices=[("", "(not set)"), *literal_choices(TranslationStatus)], optional=True,
                  label_lang=language(code).tag)
        for code in registry.languages])
    return [status, proposers, note, translation]


def _page(request: Request, draft: str, snap: Snapshot, node: Node, status: int = 200, *, form=None,
          form_errors: list[str] = (), positions: dict[str, dict] | None = None, notice: str = "",
          stale: str = "", kept: str = "", sent: str = "") -> HTMLResponse:
    """Return the node's page: its texts, findings, parameter form, state and position forms."""
    bench: Bench = request.app.state.bench
    registry = Registry.of(snap.agreement, _events(snap))
    shown = node_form(node, registry)
    was = encode_was(shown_values(shown[0] + shown[1]))  # the values the file holds, whatever the form shows
    parameters, state = form if form is not None else shown
    place = index_of(snap.agreement).places.get(node.id)
    where = place_name(place.number) if place is not None and place.number is not None else ""
    where = where or ("Preamble" if isinstance(node, Recital) else "") or node.id
    parties = [(party.id, name) for party, (_, name) in zip(snap.agreement.parties, registry.parties)]
    shown_positions = {}
    for party, _ in parties:
        current = node.positions.get(party)
        held = _position(current)
        shown_positions[party] = {**held, "was": encode_was(held), "error": "", "now": ""}
    for party, values in (positions or {}).items():
        shown_positions[party].update(values)
    return bench.page(request, "node.html", status, draft=draft, node=node, digest=snap.digest,
                      kind=getattr(node, "kind", "recital"), texts=node_texts(snap, node.id), place=where,
                      findings=finding_list(snap.findings_at(node.id), "node-findings")
                      if snap.findings_at(node.id) else "",
                      parameters=parameters, state=state, form_errors=list(form_errors), parties=parties,
                      positions=shown_positions, stances=STANCES, notice=notice, stale=stale, sent=sent,
                      kept=kept, was=was, party_names=dict(short_names(snap.agreement)),
                      action=f"/node/{quote(draft)}", back=f"/draft/{quote(draft)}#node-{node.id}")


async def node_page(request: Request) -> Response:
    """Return a node's page."""
    bench: Bench = request.app.state.bench
    draft = request.path_params["path"]
    snap = snapshot(bench.resolve(draft), draft)
    node = _node(snap, draft, request.query_params.get("id", ""))
    if isinstance(node, Response):
        return node
    saved = request.query_params.get("saved", "")
    forms = {"node-form", *(f"position-{party.id}" for party in snap.agreement.parties)}
    sent = saved if saved in forms else ""
    return _page(request, draft, snap, node, notice="Saved." if sent else "", sent=sent)


def _done(request: Request, draft: str, node_id: str, summary: str, saved: str,
          result: EditResult | None = None) -> Response:
    """Return the reply to a change written: the node's fragment to htmx, else a redirect back to the node."""
    if request.headers.get("hx-request") == "true":
        bench: Bench = request.app.state.bench
        snap = snapshot(bench.resolve(draft), draft, (result.digest, result.findings) if result else None)
        return _page(request, draft, snap, snap.node(node_id), notice=f"Saved: {summary}.", sent=saved)
    return RedirectResponse(f"/node/{quote(draft)}?id={quote(node_id)}&saved={quote(saved)}#saved-notice",
                            status_code=303)


async def _posted(request: Request):
    """Return (bench, draft, file, form, snapshot, node, expect) of a posted node form, or the reply refusing it."""
    bench: Bench = request.app.state.bench
    form = await posted_form(request)
    draft = request.path_params["path"]
    path = bench.resolve(draft)
    snap = snapshot(path, draft)
    node = _node(snap, draft, field(form, "id"))
    if isinstance(node, Response):
        return node
    expect = field(form, "expect")
    if not expect:
        return error_reply(f"{draft}: the form does not say which version of the file it was made from; reload "
                           "the page", "PD-E110", 400)
    if expect != snap.digest:
        return _stale(request, draft, snap, node, form)
    return bench, draft, path, form, snap, node, expect


def _position(current) -> dict[str, str]:
    """Return a party's stance and note as the file holds them ('' for none)."""
    return {"stance": current.stance if current else "", "note": (current.note or "").strip() if current else ""}


def _stale(request: Request, draft: str, snap: Snapshot, node: Node, form) -> Response:
    """Return the node's page as the file now is, keeping in the form that was sent what the user changed (409)."""
    # the user's changes are the fields that differ from the values the page was shown with (`was`); the form
    # carries the newer file's digest and values, so saving it again writes those changes on top of the newer file
    node = snap.node(node.id) or node
    was = decode_was(form)
    party = field(form, "party")
    if party:
        if party not in {entry.id for entry in snap.agreement.parties}:
            return error_reply(f"{draft}: {node.id}: unknown party '{party}'", "PD-E031", 400)
        posted = {"stance": field(form, "stance"), "note": str(form.get("note") or "").replace("\r\n", "\n").strip()}
        shown, lines, changed = merge_position(posted, was, _position(node.positions.get(party)))
        return _page(request, draft, snap, node, 409, stale=stale_message(draft), sent=f"position-{party}",
                     kept=kept_words(changed, len(lines)), positions={party: {**shown, "now": " · ".join(lines)}})
    registry = Registry.of(snap.agreement, _events(snap))
    parameters, state = node_form(node, registry)
    changed, conflicts = merge(form, parameters + state, was)
    return _page(request, draft, snap, node, 409, form=(parameters, state), stale=stale_message(draft),
                 kept=kept_words(changed, conflicts), sent="node-form")


async def set_node(request: Request) -> Response:
    """Set the parameters and state the form changed (`peacedraft set`), or show the form again with its errors."""
    posted = await _posted(request)
    if isinstance(posted, Response):
        return posted
    bench, draft, path, form, snap, node, expect = posted
    registry = Registry.of(snap.agreement, _events(snap))
    parameters, state = node_form(node, registry)
    assignments, values = changes(form, parameters + state)
    if not assignments:
        return _done(request, draft, node.id, "nothing changed", "node-form")
    try:
        result = set_values(str(path), node.id, tuple(assignments), expect=expect)
    except StaleDraftError:
        return _stale(request, draft, snapshot(path, draft), node, form)
    except DraftError as error:
        error = relative_error(error, str(path), draft)
        show_posted(parameters + state, values)
        rest = place_errors(parameters + state, [(problem.message, str(problem)) for problem in error.problems])
        return _page(request, draft, snap, node, 400, form=(parameters, state), form_errors=rest)
    except PeacedraftError as error:
        error = relative_error(error, str(path), draft)
        show_posted(parameters + state, values)
        return _page(request, draft, snap, node, 400, form=(parameters, state),
                     form_errors=[" · ".join(error.lines())])
    return _done(request, draft, node.id, result.summary, "node-form", result)


async def set_node_position(request: Request) -> Response:
    """Record a party's stance and note on the node (`peacedraft position`), or show the form again with its error."""
    posted = await _posted(request)
    if isinstance(posted, Response):
        return posted
    bench, draft, path, form, snap, node, expect = posted
    party, stance = field(form, "party"), field(form, "stance")
    note = str(form.get("note") or "").replace("\r\n", "\n").strip()
    parties = {entry.id for entry in snap.agreement.parties}
    form_id = f"position-{party}"
    problem = "" if party in parties else f"{draft}: {node.id}: unknown party '{party}' [PD-E031]"
    if not problem and stance not in STANCES:
        problem = f"{draft}: {node.id}: choose support, oppose or reserve for {party} [PD-E031]"
    if problem:
        if party not in parties:
            return error_reply(problem.removesuffix(" [PD-E031]"), "PD-E031", 400)
        return _page(request, draft, snap, node, 400,
                     positions={party: {"stance": stance, "note": note, "error": problem}})
    current = node.positions.get(party)
    if current and current.stance == stance and (current.note or "") == note:
        return _done(request, draft, node.id, f"{node.id}: {party} {stance}s (unchanged)", form_id)
    try:
        result = set_position(str(path), node.id, party, stance, note or None, expect=expect)
    except StaleDraftError:
        return _stale(request, draft, snapshot(path, draft), node, form)
    except PeacedraftError as error:
        line = " · ".join(relative_error(error, str(path), draft).lines())
        return _page(request, draft, snap, node, 400,
                     positions={party: {"stance": stance, "note": note, "error": line}})
    return _done(request, draft, node.id, result.summary, form_id, result)


routes = [
    Route("/node/{path:path}/set", set_node, methods=["POST"]),
    Route("/node/{path:path}/position", set_node_position, methods=["POST"]),
    Route("/node/{path:path}", node_page, methods=["GET"]),
]


