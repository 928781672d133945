"""Structural differences between two versions of a draft, keyed on stable ids, never on positions."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from agreements.model import Agreement, Article, Part
from agreements.numbering import Position, positions
from agreements.diff.words import DELETE, INSERT, word_diff
from clauses.base import ENTRY_INTO_FORCE, STRUCTURAL_FIELDS, ClauseBase, Node
from clauses.languages import language

ENGLISH = language("en")
LABELS = {"pullback_km": "pull-back distance", "cash_threshold_usd": "cash threshold", "personnel_ceiling":
          "personnel ceiling", "notice_days": "notice", "notice_hours": "notice", "report_every_days": "reporting interval"}
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


@dataclass(frozen=True)
class Placed:
    """A tree node with its parent, its place among its siblings and its position (number)."""

    node: Node
    parent: str
    index: int
    position: Position | None
    article: str


def place_nodes(agreement: Agreement) -> dict[str, Placed]:
    """Return every node of the preamble and body by id, with where it stands."""
    where = positions(agreement)
    placed: dict[str, Placed] = {}
    for index, recital in enumerate(agreement.preamble):
        placed[recital.id] = Placed(recital, "preamble", index, None, "preamble")
    stack: list[tuple[Node, str, int, str]] = [(top, "body", index, "") for index, top in enumerate(agreement.body)]
    while stack:
        node, parent, index, article = stack.pop(0)
        article = node.id if isinstance(node, (Article, Part)) else article
        placed[node.id] = Placed(node, parent, index, where.get(node.id), article)
        children = getattr(node, "children", [])
        stack[0:0] = [(child, node.id, child_index, article) for child_index, child in enumerate(children)]
    return placed


def label(placed: Placed | None) -> str:
    """Return 'Article 7', 'paragraph 2 of Article 7' or 'the preamble' for a placed node."""
    if placed is None or placed.position is None:
        return "the preamble" if placed is not None else "—"
    if placed.position.level in ("part", "article"):
        return placed.position.label(ENGLISH)
    return placed.position.reference(ENGLISH)


def show(name: str, value: Any) -> str:
    """Return a parameter value as a reader expects it ('15 km', '180 days after entry into force')."""
    if isinstance(value, dict) and set(value) == {"after", "days"}:
        after = "entry into force" if value["after"] == ENTRY_INTO_FORCE else value["after"]
        return f"{value['days']} days after {after}"
    if value is None:
        return "—"
    if isinstance(value, list):
        return "[" + ", ".join(show(name, item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {show(key, item)}" for key, item in value.items()) + "}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if name.endswith("_km"):
        return f"{value} km"
    if name.endswith("days"):
        return f"{value} days"
    return str(value)


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


def describe_parameter(change: dict) -> str:
    """Return 'pull-back distance: 10 km → 15 km' for one parameter change."""
    name = change["parameter"]
    last = name.rsplit(".", 1)[-1]
    title = LABELS.get(last, name.replace("_", " "))
    if name != last and last not in LABELS:
        title = name
    old, new = change["old"], change["new"]
    if isinstance(old, dict) and isinstance(new, dict) and old.get("after") == new.get("after") and "days" in old:
        after = "entry into force" if old["after"] == ENTRY_INTO_FORCE else old["after"]
        return f"{title}: {old['days']} → {new['days']} days after {after}"
    return f"{title}: {show(last, old)} → {show(last, new)}"


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
    old_placed, new_placed = place_nodes(old), place_nodes(new)
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


def _renumbered(before: Placed, after: Placed) -> bool:
    """Return whether a node's own number changed (not merely the number of the article it is in)."""
    if before.position is None or after.position is None:
        return False
    return before.position.label(ENGLISH) != after.position.label(ENGLISH)


def _moved(old: dict[str, Placed], new: dict[str, Placed], shared: set[str]) -> set[str]:
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
        summary = f"{new.id}: " + "; ".join(describe_parameter(change) for change in found)
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
            changes.append(Change("registry", key, "", f"{registry}: {key} {verb}", {"registry": registry}))
    return changes
