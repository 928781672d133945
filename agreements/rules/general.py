"""The consistency rules every draft is held to, whatever its kinds: each a check yielding findings.

A rule's name is its function's name with dashes ('unique-ids'); its docstring says what it checks.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from agreements.crossrefs import iter_text_references
from agreements.rules.context import Finding, RuleContext
from agreements.schedule.sequencing import SequencingCycle, due_days
from agreements.tree import Path, field_plans
from clauses.base import ENTRY_INTO_FORCE, Node
from clauses.languages import language_name

NOUNS = {"party": "party", "body": "body", "zone": "zone", "actor": "party or body", "event": "step"}


def unique_ids(context: RuleContext) -> Iterator[Finding]:
    """Every id (node, party, body, zone, step, alternative) appears once in the file."""
    first: dict[str, Path] = {}
    for visit in context.visits:
        node_id = getattr(visit.model, "id", None)
        if not isinstance(node_id, str):
            continue
        if node_id == ENTRY_INTO_FORCE:
            yield context.error(node_id, f"'{ENTRY_INTO_FORCE}' is reserved", (*visit.path, "id"))
        elif node_id in first:
            line = context.index.locate((*first[node_id], "id")).line
            yield context.error(node_id, f"duplicate id (first at line {line})", (*visit.path, "id"))
        else:
            first[node_id] = visit.path


def references_resolve(context: RuleContext) -> Iterator[Finding]:
    """Every party, body, zone and step a draft names is registered or defined."""
    for ref in context.references:
        known = context.targets[ref.target]
        if ref.value in known:
            continue
        close = difflib.get_close_matches(ref.value, sorted(known), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        yield context.error(ref.owner_id, f"unknown {NOUNS[ref.target]} '{ref.value}'{hint}", ref.path, ref.is_key)


def sequencing_acyclic(context: RuleContext) -> Iterator[Finding]:
    """No step waits, through deadlines and preconditions, for itself."""
    try:
        due_days(context.schedule)
    except SequencingCycle as cycle:
        start = context.schedule[cycle.cycle[0]]
        yield context.error(start.id, str(cycle), start.path)


def due_after_preconditions(context: RuleContext) -> Iterator[Finding]:
    """No step falls due before a step it requires."""
    if context.due is None:
        return
    for item in context.schedule.values():
        own = context.due.get(item.id)
        for position, required in enumerate(item.requires):
            before = context.due.get(required)
            if own is not None and before is not None and own < before:
                message = f"falls due on day {own}, before its precondition '{required}' (day {before})"
                yield context.error(item.id, message, (*item.path, "requires", position))


def annexes_referred_to(context: RuleContext) -> Iterator[Finding]:
    """Every annex and protocol is named, by a cross-reference ({ref:ID}), in a text outside it."""
    referred = set()
    for reference in iter_text_references(context.agreement):
        target = _annex_at(context.index.path(reference.target))
        if target is not None and target != _annex_at(reference.path):
            referred.add(target)
    for position, annex in enumerate(context.agreement.annexes):
        if position not in referred:
            message = f"no text outside the {annex.kind} refers to it: write {{ref:{annex.id}}} where the text " \
                "relies on it"
            yield context.warning(annex.id, message, ("annexes", position, "id"))


def _annex_at(path: Path) -> int | None:
    """Return the position of the annex a path stands in, or None outside the annexes."""
    return path[1] if len(path) > 1 and path[0] == "annexes" else None


def agreed_without_alternatives(context: RuleContext) -> Iterator[Finding]:
    """A node marked agreed carries no open alternatives."""
    for visit in context.visits:
        model = visit.model
        if isinstance(model, Node) and model.status.startswith("agreed") and model.open_alternatives():
            count = len(model.open_alternatives())
            remain = "1 open alternative remains" if count == 1 else f"{count} open alternatives remain"
            yield context.error(model.id, f"status is {model.status} but {remain}", (*visit.path, "status"))


def unused_registry_entries(context: RuleContext) -> Iterator[Finding]:
    """Every registered party, body and zone is named somewhere in the draft."""
    named = {ref.value for ref in context.references}
    for field_name, noun in (("parties", "party"), ("bodies", "body"), ("zones", "zone")):
        for position, entry in enumerate(getattr(context.agreement, field_name)):
            if entry.id not in named:
                message = f"{noun} '{entry.id}' is registered but never named"
                yield context.warning(entry.id, message, (field_name, position, "id"))


def bracketed_but_supported(context: RuleContext) -> Iterator[Finding]:
    """A bracketed node that every signatory supports, with no open option, is ready to be agreed."""
    signatories = {party.id for party in context.agreement.parties if party.role == "signatory"}
    for visit in context.visits:
        model = visit.model
        if not isinstance(model, Node) or model.status != "bracketed" or model.open_alternatives():
            continue
        supporters = {party for party, position in model.positions.items() if position.stance == "support"}
        if signatories and signatories <= supporters:
            message = "every signatory supports this bracketed text: mark it agreed?"
            yield context.warning(model.id, message, (*visit.path, "status"))


def languages_complete(context: RuleContext) -> Iterator[Finding]:
    """Every text, name and label, and every free-text node, exists in every authentic language."""
    wanted = context.agreement.meta.languages
    for visit in context.visits:
        pending = _translation_of(context, visit)
        for plan in field_plans(type(visit.model)):
            value = getattr(visit.model, plan.name)
            if not plan.lang_text or not value:
                continue
            for lang in wanted:
                if lang not in value:
                    message = f"no {language_name(lang)} ({lang}) text in '{plan.name}'"
                    path = (*visit.path, plan.name)
                    yield (context.warning if pending.get(lang) == "pending" else context.error)(
                        visit.owner_id, message, path)


def _translation_of(context: RuleContext, visit) -> dict:
    """Return the translation status of a visited model: an option's texts wait for translation as its node's do."""
    if len(visit.path) > 2 and visit.path[-2] == "alternatives":
        return getattr(context.index.holders(visit.path[:-2])[0], "translation", {})
    return getattr(visit.model, "translation", {})
