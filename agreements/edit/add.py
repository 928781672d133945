"""Composing a draft from the clause library: add an option as a paragraph, a point, or an alternative."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from agreements.edit.draft import EditResult, edit_draft, node_in
from agreements.edit.insertion import Insertion
from agreements.edit.registration import needed, party_roles, register_names, standard_registry
from clauses.errors import DraftError, Location, Problem
from agreements.index import index_of
from agreements.model import Agreement, Annex, Article, Part
from agreements.tree import iter_models, iter_references
from agreements.edit.yamledit import styled
from clauses.base import ClauseBase
from clauses.library import LibraryOption, find_option
from clauses.parameters import AssignmentError, apply_assignment, explain, parse_assignment
from clauses.registry import KINDS


def default_id(option: LibraryOption, taken: set[str]) -> str:
    """Return a free id for a node added from an option: 'unc_status/dissolve' → 'unc-status.dissolve' (then '…-2')."""
    prefix, name = option.id.split("/")
    base = f"{prefix.replace('_', '-')}.{name.replace('_', '-')}"
    candidates = (base if number == 1 else f"{base}-{number}" for number in range(1, len(taken) + 3))
    return next(key for key in candidates if key not in taken and f"art.{key}" not in taken)


def clause_data(option: LibraryOption, node_id: str, assignments: list[str], file: str) -> dict[str, Any]:
    """Return the option's clause as plain data with its id, local ids prefixed, and `--set` values applied."""
    data = _prefixed({"id": node_id, **option.clause}, option, node_id)
    kind = KINDS[option.kind]
    for text in assignments:
        try:
            keys, value = parse_assignment(text)
            apply_assignment(data, keys, value, kind)
        except AssignmentError as error:
            raise DraftError([Problem(Location(file), node_id, f"--set {error}", "PD-E032")]) from None
    try:
        option.instantiate(node_id, _without_id(data))
    except ValidationError as error:
        raise DraftError([Problem(Location(file), node_id, f"--set: {explain(error, kind)}", "PD-E033")]) from None
    return data


def _prefixed(data: dict, option: LibraryOption, prefix: str) -> dict:
    """Return data with the ids of nested items, and the scheduled events that name them, prefixed by the node id."""
    clause = option.instantiate()
    nested = [visit for visit in iter_models(clause) if visit.path and getattr(visit.model, "id", None)]
    renames = {visit.model.id: f"{prefix}.{visit.model.id}" for visit in nested}
    paths = [(*visit.path, "id") for visit in nested]
    paths += [ref.path for ref in iter_references(clause) if ref.target == "event" and ref.value in renames]
    renamed = copy.deepcopy(data)
    for path in paths:
        holder = renamed
        for step in path[:-1]:
            holder = holder[step]
        holder[path[-1]] = renames[holder[path[-1]]]
    return renamed


def _taken(agreement: Agreement) -> set[str]:
    """Return every id used in the draft."""
    return set(index_of(agreement).by_id)


def _refuse_taken(ids: list[str], agreement: Agreement, file: str) -> None:
    """Raise a DraftError if any of the new ids is already used in the draft."""
    taken = _taken(agreement)
    for key in ids:
        if key in taken:
            message = f"id '{key}' already exists (choose another with --as)"
            raise DraftError([Problem(Location(file), key, message, "PD-E035")])


@dataclass(frozen=True)
class Placed:
    """An option placed in a draft: the node to append (an article around the clause, when it needs one), the part,
    article, clause or annex it goes under (None: the body), the clause, and the summary of the edit."""

    node: dict
    target: Any
    clause: ClauseBase
    summary: str


def add_option(path: str, option_id: str, under: str | None = None, as_id: str | None = None,
               assignments: tuple[str, ...] = (), parties: tuple[str, ...] = (), *,
               expect: str | None = None) -> EditResult:
    """Add a library option to a draft: as a new article, or under a part, an article or a clause; the parties it needs
    and the draft lacks are registered only in the roles `parties` gives them (`usa=guarantor`)."""
    option = find_option(option_id)

    def place(agreement: Agreement) -> Placed:
        """Return the option placed in the draft: its node, where it goes, its clause and the summary."""
        node_id = as_id or default_id(option, _taken(agreement) | set(standard_registry()))
        data = clause_data(option, node_id, list(assignments), path)
        clause = option.instantiate(node_id, _without_id(data))
        new_ids = [visit.model.id for visit in iter_models(clause) if isinstance(getattr(visit.model, "id", None), str)]
        target = _target(agreement, under, path)
        wrapper = None if _holds_paragraphs(target) else f"art.{node_id}"
        _refuse_taken(new_ids + ([wrapper] if wrapper else []), agreement, path)
        node = {"id": wrapper, "kind": "article", "heading": option.heading, "children": [data]} if wrapper else data
        where = "in a new article" if wrapper and target is None else f"under {target.id}"
        return Placed(node, target, clause, f"added {option.id} as {node_id} {where}")

    def insertion(agreement: Agreement) -> Insertion | None:
        """Return the node to append by its own lines, or None when the edit registers names (a whole edit)."""
        placed = place(agreement)
        if parties or needed(agreement, placed.clause):  # registrations are made in the whole document
            return None
        holder = ("body",) if placed.target is None else (*index_of(agreement).by_id[placed.target.id].path,
                                                          "children")
        return Insertion(holder, placed.node, placed.summary)

    def change(document: CommentedMap, agreement: Agreement) -> tuple[str, tuple[str, ...]]:
        """Return the summary and registrations of the option added to the round-trip document."""
        placed = place(agreement)
        roles = party_roles(parties, path, placed.clause.id)
        registered = register_names(document, agreement, placed.clause, roles, option.id, path)
        target = placed.target
        holder = document if target is None else node_in(document, target.id, path)
        holder.setdefault("body" if target is None else "children", CommentedSeq()).append(styled(placed.node))
        return placed.summary, tuple(registered)

    return edit_draft(path, change, insertion=insertion, expect=expect)


def _holds_paragraphs(target) -> bool:
    """Return whether a clause added under a target goes in as it is (an article, a clause, an annex of paragraphs)
    rather than in an article of its own (the body, a part, an annex of articles)."""
    if isinstance(target, Annex):
        return not target.articles()
    return isinstance(target, (Article, ClauseBase))


def _target(agreement: Agreement, under: str | None, file: str):
    """Return the part, article, clause or annex to add under (None: the end of the body)."""
    if under is None:
        return None
    model = index_of(agreement).model(under)
    if isinstance(model, (Part, Article, ClauseBase, Annex)):
        return model
    message = f"--under: no part, article, clause or annex with id '{under}'"
    raise DraftError([Problem(Location(file), under, message, "PD-E036")])


def add_alternative(path: str, option_id: str, target_id: str, proposed_by: str,
                    assignments: tuple[str, ...] = (), parties: tuple[str, ...] = (), *,
                    expect: str | None = None) -> EditResult:
    """Add a library option as an alternative to an existing clause, proposed by a party; the clause becomes bracketed.

    The parties the option needs and the draft lacks are registered only in the roles `parties` gives them."""
    option = find_option(option_id)

    def change(document: CommentedMap, agreement: Agreement) -> tuple[str, tuple[str, ...]]:
        target = _target(agreement, target_id, path)
        if not isinstance(target, ClauseBase):
            raise DraftError([Problem(Location(path), target_id, "--alternative-to needs a clause", "PD-E036")])
        alternative_id = f"{target_id}.alt-{option.id.split('/')[1]}"
        _refuse_taken([alternative_id], agreement, path)
        data = clause_data(option, alternative_id, list(assignments), path)
        roles = party_roles(parties, path, alternative_id)
        if proposed_by not in {party.id for party in agreement.parties} | set(roles):
            raise DraftError([Problem(Location(path), alternative_id, f"unknown party '{proposed_by}'", "PD-E031")])
        alternative = {"id": alternative_id, "proposed_by": [proposed_by]}
        if option.kind == target.kind:
            alternative["set"] = _differences(target, option, data)
        else:
            alternative["text"] = _texts(agreement, option, data)
        clause = option.instantiate(alternative_id, _without_id(data))
        registered = register_names(document, agreement, clause, roles, option.id, path)
        node = node_in(document, target_id, path)
        node.setdefault("alternatives", CommentedSeq()).append(styled(alternative))
        if "status" in node:
            node["status"] = "bracketed"
        else:
            node.insert(list(node).index("kind") + 1, "status", "bracketed")
        return (f"added {option.id} as alternative {alternative_id} to {target_id}, proposed by {proposed_by}",
                tuple(registered))

    return edit_draft(path, change, expect=expect)


def _without_id(data: dict) -> dict:
    """Return clause data without its id."""
    return {key: value for key, value in data.items() if key != "id"}


def _differences(target: ClauseBase, option: LibraryOption, data: dict) -> dict[str, Any]:
    """Return the option's parameters that differ from the target clause's, as plain data."""
    proposed = option.instantiate(target.id, _without_id(data))
    current = target.model_dump(mode="json")
    wanted = proposed.model_dump(mode="json")
    skip = {"id", "kind", "children", "alternatives", "positions", "status", "proposed_by", "translation", "note", "text"}
    # a value as it was given ('10' stays 10, not the model's 10.0) where it is the one the model holds
    return {key: data[key] if key in data and data[key] == value else value for key, value in wanted.items()
            if key not in skip and current.get(key) != value}


def _texts(agreement: Agreement, option: LibraryOption, data: dict) -> dict[str, str]:
    """Return an option's clause text in every authentic language of the draft."""
    from agreements.document.context import scope_for  # the templates are loaded only for an alternative's text
    from clauses.rendering import clause_text

    clause = option.instantiate(data["id"], _without_id(data))
    scope = scope_for(agreement)
    return {lang: clause_text(clause, lang, scope) for lang in agreement.meta.languages}
