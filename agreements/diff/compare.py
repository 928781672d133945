"""Structural differences between two versions of a draft, keyed on stable ids, never on positions."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from agreements.index import Place, index_of
from agreements.model import Agreement
from agreements.diff.words import DELETE, INSERT, word_diff
from clauses.base import STRUCTURAL_FIELDS, ClauseBase, Node
from clauses.formatting import describe_parameter, parameter_label, show
from clauses.languages import DEFAULT_LANGUAGE, language

KINDS = ("added", "removed", "moved", "renumbered", "status", "alternatives", "positions", "parameters", "text",
         "meta", "registry")


@dataclass(frozen=True)
class Change:
    """One difference: its kind, the node, the article it falls in, a one-line summary and structured details."""

    kind: str
    node: str
    article: str
    summary: str
    details: dict = field(default_factory=dict)


def label(place: Place | None) -> str:
    """Return 'Article 7', 'paragraph 2 of Article 7' or 'the preamble' for a node's place (in the default language)."""
    if place is None or place.number is None:
        return "the preamble" if place is not None else "—"
    words = language(DEFAULT_LANGUAGE)
    if place.number.level in ("part", "article"):
        return place.number.label(words)
    return place.number.reference(words)


def parameter_changes(old: Any, new: Any, path: str = "") -> list[dict]:
    """Return the changed parameters between two plain values: dicts by key, lists of items with ids by id."""
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict) and not ({"after", "days"} == set(old) == set(new)):
        found = []
        for key in dict.fromkeys([*old, *new]):
            found += parameter_changes(old.get(key), new.get(key), f"{path}.{key}" if path else key)
        return found
    if _identified(old) and _identified(new):
        old_items, new_items = ({item["id"]: item for item in items} for items in (old, new))
        found = []
        for key in dict.fromkeys([*old_items, *new_items]):
            found += parameter_changes(old_items.get(key), new_items.get(key), f"{path}[{key}]")
        return found
    return [{"parameter": path, "old": old, "new": new}]


def _identified(value: Any) -> bool:
    """Return whether a value is a list of mappings that all carry an id."""
    return isinstance(value, list) and all(isinstance(item, dict) and "id" in item for item in value)


def _parameters(node: Node) -> dict:
    """Return a clause's typed parameters as plain data."""
    if not isinstance(node, ClauseBase):
        return {}
    return node.model_dump(mode="json", exclude={*STRUCTURAL_FIELDS, "text"})


@dataclass
class Comparison:
    """The differences between an old and a new version of a draft."""

    old: Agreement
    new: Agreement
    changes: list[Change]
    related: bool

    def counts(self) -> dict[str, int]:
        """Return the number of changes of each kind (every kind listed)."""
        return {kind: sum(change.kind == kind for change in self.changes) for kind in KINDS}

    def to_json(self, old_name: str, new_name: str) -> dict:
        """Return the comparison in the documented JSON form (schema peacedraft.diff/1)."""
        def version(name: str, agreement: Agreement) -> dict:
            meta = agreement.meta
            return {"file": name, "round": meta.round, "version": meta.version, "date": meta.date.isoformat()}

        return {
            "schema": "peacedraft.diff/1",
            "old": version(old_name, self.old),
            "new": version(new_name, self.new),
            "related": self.related,
            "counts": self.counts(),
            "changes": [{"kind": c.kind, "node": c.node, "article": c.article, "summary": c.summary, **c.details}
                        for c in self.changes],
        }


def compare_agreements(old: Agreement, new: Agreement) -> Comparison:
    """Return every difference between two versions, node by node."""
    old_placed, new_placed = index_of(old).places, index_of(new).places
    shared = old_placed.keys() & new_placed.keys()
    moved = _moved(old_placed, new_placed, shared)
    changes = [*_meta_changes(old, new), *_registry_changes(old, new)]
    for node_id, placed in new_placed.items():
        if node_id not in old_placed:
            if placed.parent in old_placed or placed.parent in ("body", "preamble"):
                changes.append(Change("added", node_id, placed.article, f"{node_id} added as {label(placed)}"))
            continue
        before = old_placed[node_id]
        if node_id in moved:
            summary = f"{node_id} moved from {label(before)} to {label(placed)}"
            changes.append(Change("moved", node_id, placed.article, summary,
                                  {"from": label(before), "to": label(placed)}))
        elif _renumbered(before, placed):
            changes.append(Change("renumbered", node_id, placed.article, f"{label(before)} is now {label(placed)}",
                                  {"from": label(before), "to": label(placed)}))
        changes += _node_changes(before.node, placed.node, placed.article)
    for node_id, placed in old_placed.items():
        if node_id not in new_placed and (placed.parent in new_placed or placed.parent in ("body", "preamble")):
            changes.append(Change("removed", node_id, placed.article, f"{node_id} removed (was {label(placed)})"))
    related = bool(shared) or not (old_placed and new_placed)
    return Comparison(old, new, changes, related)


def _renumbered(before: Place, after: Place) -> bool:
    """Return whether a node's own number changed (not merely the number of the article it is in)."""
    if before.number is None or after.number is None:
        return False
    words = language(DEFAULT_LANGUAGE)
    return before.number.label(words) != after.number.label(words)


def _moved(old: dict[str, Place], new: dict[str, Place], shared: set[str]) -> set[str]:
    """Return the shared nodes that changed parent or order among the siblings that stayed with them."""
    moved = {key for key in shared if old[key].parent != new[key].parent}
    parents: dict[str, list[str]] = {}
    for key, placed in new.items():
        if key in shared and key not in moved:
            parents.setdefault(placed.parent, []).append(key)
    for siblings in parents.values():
        before = sorted(siblings, key=lambda key: old[key].index)
        matcher = difflib.SequenceMatcher(None, before, siblings, autojunk=False)
        kept = {key for block in matcher.get_matching_blocks() for key in siblings[block.b:block.b + block.size]}
        moved |= set(siblings) - kept
    return moved


def _node_changes(old: Node, new: Node, article: str) -> list[Change]:
    """Return the changes of one node present in both versions."""
    changes = []
    if old.status != new.status:
        changes.append(Change("status", new.id, article, f"{new.id}: status {old.status} → {new.status}",
                              {"from": old.status, "to": new.status}))
    changes += _alternative_changes(old, new, article)
    changes += _position_changes(old, new, article)
    found = parameter_changes(_parameters(old), _parameters(new))
    if getattr(old, "kind", None) != getattr(new, "kind", None):
        found.insert(0, {"parameter": "kind", "old": getattr(old, "kind", None), "new": getattr(new, "kind", None)})
    if found:
        summary = f"{new.id}: " + "; ".join(describe_parameter(change, type(new)) for change in found)
        changes.append(Change("parameters", new.id, article, summary, {"parameters": found}))
    changes += _text_changes(old, new, article)
    return changes


def _alternative_changes(old: Node, new: Node, article: str) -> list[Change]:
    """Return the alternatives tabled and withdrawn."""
    before = {alternative.id: alternative for alternative in old.open_alternatives()}
    after = {alternative.id: alternative for alternative in new.open_alternatives()}
    tabled = [key for key in after if key not in before]
    withdrawn = [key for key in before if key not in after]
    if not tabled and not withdrawn:
        return []
    parts = [f"+ {key} ({', '.join(after[key].proposed_by)})" for key in tabled] + [f"− {key}" for key in withdrawn]
    return [Change("alternatives", new.id, article, f"{new.id}: alternatives {'; '.join(parts)}",
                   {"tabled": tabled, "withdrawn": withdrawn})]


def _position_changes(old: Node, new: Node, article: str) -> list[Change]:
    """Return the parties whose stance or note changed."""
    moves = []
    for party in dict.fromkeys([*old.positions, *new.positions]):
        before, after = old.positions.get(party), new.positions.get(party)
        if before != after:
            moves.append({"party": party, "from": before.stance if before else None,
                          "to": after.stance if after else None, "note": after.note if after else None})
    if not moves:
        return []
    said = "; ".join(f"{move['party']} {move['to']} (note changed)" if move["from"] == move["to"]
                     else f"{move['party']} {move['from'] or '—'} → {move['to'] or '—'}" for move in moves)
    return [Change("positions", new.id, article, f"{new.id}: positions {said}", {"positions": moves})]


def _text_changes(old: Node, new: Node, article: str) -> list[Change]:
    """Return the changes of written text (free text, overrides, headings), word by word per language."""
    changes = []
    for name in ("text", "heading"):
        before, after = getattr(old, name, None) or {}, getattr(new, name, None) or {}
        if before == after:
            continue
        per_language = {lang: word_diff(before.get(lang, ""), after.get(lang, ""))
                        for lang in dict.fromkeys([*before, *after]) if before.get(lang) != after.get(lang)}
        counts = ", ".join(f"{lang} +{_words(diff, INSERT)} −{_words(diff, DELETE)} words"
                           for lang, diff in per_language.items())
        changes.append(Change("text", new.id, article, f"{new.id}: {name} changed ({counts})",
                              {"field": name, "diff": {lang: [[op, text] for op, text in diff]
                                                       for lang, diff in per_language.items()}}))
    return changes


def _words(diff: list[tuple[int, str]], operation: int) -> int:
    """Return how many words a diff inserts or deletes."""
    return sum(len(text.split()) or 1 for op, text in diff if op == operation and text.strip())


def _meta_changes(old: Agreement, new: Agreement) -> list[Change]:
    """Return changes of the title, round, version, date and languages."""
    before, after = old.meta.model_dump(mode="json"), new.meta.model_dump(mode="json")
    found = [key for key in after if before.get(key) != after.get(key)]
    return [Change("meta", "meta", "", f"{key}: {show(key, before.get(key))} → {show(key, after.get(key))}",
                   {"field": key, "old": before.get(key), "new": after.get(key)}) for key in found]


def _registry_changes(old: Agreement, new: Agreement) -> list[Change]:
    """Return the parties, bodies and zones registered, unregistered or changed."""
    changes = []
    for registry in ("parties", "bodies", "zones"):
        before = {entry.id: entry for entry in getattr(old, registry)}
        after = {entry.id: entry for entry in getattr(new, registry)}
        for key in dict.fromkeys([*before, *after]):
            if before.get(key) == after.get(key):
                continue
            verb = "registered" if key not in before else "unregistered" if key not in after else "changed"
            if verb == "changed":  # name what changed by its label ('meetings', 'decision rule')
                entry = type(after[key])
                fields = [name for name in entry.model_fields
                          if getattr(before[key], name) != getattr(after[key], name)]
                verb += ": " + ", ".join(parameter_label(entry, name) for name in fields)
            changes.append(Change("registry", key, "", f"{registry}: {key} {verb}", {"registry": registry}))
    return changes
