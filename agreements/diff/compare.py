"""Structural differences between two versions of a draft, keyed on stable ids, never on positions."""

from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass
from typing import Any

from agreements.diff.change import Change
from agreements.diff.negotiation import alternative_changes, note_changes, position_changes, words
from agreements.diff.words import DELETE, INSERT, changed_parts, unseen_changes, word_diff, words_in
from agreements.document.compose import located_text
from agreements.document.context import scope_for
from agreements.index import Place, index_of
from agreements.model import Agreement, Part
from clauses.base import STRUCTURAL_FIELDS, ClauseBase, Node
from clauses.formatting import Naming, describe_parameter, parameter_label, show
from clauses.languages import DEFAULT_LANGUAGE, language
from clauses.scope import Scope

TOP_LEVEL = ("body", "preamble", "annexes")  # the parents of the nodes that stand at the top of the draft
KINDS = ("added", "removed", "moved", "renumbered", "status", "alternatives", "positions", "notes", "parameters",
         "text", "meta", "registry")
TITLES = ("title", "short_title")  # the metadata compared as text, word by word


def label(place: Place | None) -> str:
    """Return 'Article 7', 'paragraph 2 of Article 7', 'Article 1 of Annex I' or 'the preamble' for a node's place
    (in the default language)."""
    if place is None or place.number is None:
        return "the preamble" if place is not None else "—"
    words = language(DEFAULT_LANGUAGE)
    if place.number.level == "annex" or place.number.level in ("part", "article") and place.number.annex is None:
        return place.number.label(words)
    return place.number.reference(words)


def where(place: Place) -> str:
    """Return a node's place as label() names it, a recital's as 'recital 3 of the preamble'."""
    if place.parent == "preamble":
        return f"recital {place.index + 1} of the preamble"
    return label(place)


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
    notes: bool = False  # the drafters' notes were compared: the report is internal (render --internal)

    def counts(self) -> dict[str, int]:
        """Return the number of changes of each kind (every kind listed)."""
        return {kind: sum(change.kind == kind for change in self.changes) for kind in KINDS}

    def counts_line(self) -> str:
        """Return '78 changes: 6 added, 1 removed, …', or 'No changes.'."""
        total = len(self.changes)
        if not total:
            return "No changes."
        counts = ", ".join(f"{count} {kind}" for kind, count in self.counts().items() if count)
        return f"{total} change{'s' * (total != 1)}: {counts}."

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


class Wording:
    """The text a reader sees of one version's nodes: a text override, free text, or the rendered template."""

    def __init__(self, agreement: Agreement):
        self.agreement = agreement
        self.scope = None

    def names(self) -> Scope:
        """Return the version's scope: the names of its parties, bodies, zones and scheduled items."""
        if self.scope is None:
            self.scope = scope_for(self.agreement)
        return self.scope

    def text(self, node: Node, lang: str) -> str:
        """Return a node's own text in a language as the document shows it ('' when it has none)."""
        return located_text(self.agreement, node, lang, self.names())


def naming_of(wordings: tuple[Wording, Wording], kind: str = "") -> Naming:
    """Return how the report names ids and values: by the new version's scope, then by the old one's."""
    return Naming(language(DEFAULT_LANGUAGE), (wordings[1].names(), wordings[0].names()), kind)


def compare_agreements(old: Agreement, new: Agreement, notes: bool = False) -> Comparison:
    """Return every difference between two versions, node by node.

    The drafters' notes are internal (render --internal): their changes are listed only when `notes` is asked for.
    """
    old_placed, new_placed = index_of(old).places, index_of(new).places
    wordings = (Wording(old), Wording(new))
    shared = old_placed.keys() & new_placed.keys()
    moved = _moved(old_placed, new_placed, shared)
    changes = [*_meta_changes(old, new), *_registry_changes(old, new)]
    for node_id, placed in new_placed.items():
        if node_id not in old_placed:
            if placed.parent in old_placed or placed.parent in TOP_LEVEL:
                changes.append(Change("added", node_id, placed.article, f"{node_id} added as {where(placed)}"))
                changes += _footnotes_within(new_placed, node_id, added=True)
            continue
        before = old_placed[node_id]
        if node_id in moved:
            places = _moved_places(before, placed, old_placed, new_placed)
            summary = f"{node_id} moved from {places[0]} to {places[1]}"
            changes.append(Change("moved", node_id, placed.article, summary, {"from": places[0], "to": places[1]}))
        elif _renumbered(before, placed):
            changes.append(Change("renumbered", node_id, placed.article, f"{label(before)} is now {label(placed)}",
                                  {"from": label(before), "to": label(placed)}))
        changes += _node_changes(before.node, placed.node, placed.article, wordings)
    for node_id, placed in old_placed.items():
        if node_id not in new_placed and (placed.parent in new_placed or placed.parent in TOP_LEVEL):
            changes.append(Change("removed", node_id, placed.article, f"{node_id} removed (was {where(placed)})"))
            changes += _footnotes_within(old_placed, node_id, added=False)
    related = bool(shared) or not (old_placed and new_placed)
    return Comparison(old, new, [change for change in changes if notes or change.kind != "notes"], related, notes)


def _moved_places(before: Place, after: Place, old: dict[str, Place], new: dict[str, Place]) -> tuple[str, str]:
    """Return where a moved node stood and stands, each with its part when it moved from one part to another."""
    parts = (_part_of(before, old), _part_of(after, new))
    if parts[0] is None or parts[1] is None or parts[0].node.id == parts[1].node.id:
        return where(before), where(after)
    return f"{where(before)} in {label(parts[0])}", f"{where(after)} in {label(parts[1])}"


def _part_of(placed: Place, places: dict[str, Place]) -> Place | None:
    """Return the place of the part a node stands in (None outside any part, or for a part itself)."""
    parent = places.get(placed.parent)
    while parent is not None and not isinstance(parent.node, Part):
        parent = places.get(parent.parent)
    return parent


def _footnotes_within(places: dict[str, Place], node_id: str, added: bool) -> list[Change]:
    """Return the footnotes of a node added (or removed) and of everything in it, each as a footnote added (removed)."""
    inside, changes = {node_id}, []
    for key, placed in places.items():
        if key != node_id and placed.parent not in inside:
            continue
        inside.add(key)
        footnote = placed.node.footnote or {}
        if footnote:
            texts = {lang: ("", text) if added else (text, "") for lang, text in footnote.items()}
            changes.append(text_change(key, placed.article, "footnote", texts))
    return changes


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


def _node_changes(old: Node, new: Node, article: str, wordings: tuple[Wording, Wording]) -> list[Change]:
    """Return the changes of one node present in both versions."""
    changes = []
    naming = naming_of(wordings, getattr(new, "kind", ""))
    if old.status != new.status:
        said = f"status {words(old.status)} → {words(new.status)}"
        changes.append(Change("status", new.id, article, f"{new.id}: {said}", {"from": old.status, "to": new.status}))
    changes += alternative_changes(old, new, article, naming)
    changes += position_changes(old, new, article, naming)
    changes += note_changes(old, new, article)
    found = parameter_changes(_parameters(old), _parameters(new))
    if getattr(old, "kind", None) != getattr(new, "kind", None):
        found.insert(0, {"parameter": "kind", "old": getattr(old, "kind", None), "new": getattr(new, "kind", None)})
    if found:
        summary = f"{new.id}: " + "; ".join(describe_parameter(change, type(new), naming) for change in found)
        changes.append(Change("parameters", new.id, article, summary, {"parameters": found}))
    changes += _text_changes(old, new, article, wordings, recomposed=bool(found))
    return changes


def _text_changes(old: Node, new: Node, article: str, wordings: tuple[Wording, Wording],
                  recomposed: bool = False) -> list[Change]:
    """Return the changes of written text (free text, overrides, headings, footnotes), word by word per language.

    A text override added or removed is compared with the text its template gives, which the reader sees; when
    parameters changed (`recomposed`), a clause's text as composed in each language of both versions is compared.
    """
    changes = []
    for name in ("text", "heading", "footnote"):
        before, after = getattr(old, name, None) or {}, getattr(new, name, None) or {}
        languages = [lang for lang in dict.fromkeys([*before, *after]) if before.get(lang) != after.get(lang)]
        if name == "text" and recomposed and isinstance(new, ClauseBase):
            common = [lang for lang in wordings[1].agreement.meta.languages
                      if lang in wordings[0].agreement.meta.languages]
            languages = list(dict.fromkeys([*languages, *common]))
        texts = {lang: (_shown(wordings[0], old, name, lang), _shown(wordings[1], new, name, lang))
                 for lang in languages}
        texts = {lang: pair for lang, pair in texts.items()
                 if pair[0] != pair[1] or before.get(lang) != after.get(lang)}
        if texts:
            changes.append(text_change(new.id, article, name, texts))
    return changes


def text_change(node: str, article: str, name: str, texts: dict[str, tuple[str, str]]) -> Change:
    """Return the change of one text field, from its old and new text per language: the words inserted and deleted,
    the changes a reader cannot see named ('space → no-break space')."""
    per_language = {lang: word_diff(old, new) for lang, (old, new) in texts.items()}
    counts = ", ".join(f"{lang} +{words_in(diff, INSERT)} −{words_in(diff, DELETE)} {_unit(lang)}"
                       for lang, diff in per_language.items())
    shown = per_language.get(DEFAULT_LANGUAGE) or next(iter(per_language.values()))
    details = {"field": name, "diff": {lang: [[op, text] for op, text in diff] for lang, diff in per_language.items()}}
    unseen = {lang: found for lang, diff in per_language.items() if (found := unseen_changes(diff))}
    if unseen:
        details["characters"] = unseen
    whose = "" if node == "meta" else f"{node}: "
    verb = ("added" if not any(old for old, _ in texts.values()) else
            "removed" if not any(new for _, new in texts.values()) else "changed")
    return Change("text", node, article, f"{whose}{name} {verb} ({counts}): {changed_parts(shown)}", details)


def _shown(wording: Wording, node: Node, name: str, lang: str) -> str:
    """Return a text field of a node in a language as the reader sees it (a clause's text: override or template)."""
    if name == "text":
        return wording.text(node, lang)
    return (getattr(node, name, None) or {}).get(lang, "")


def _unit(lang: str) -> str:
    """Return what a language's text is counted in: words, or characters where words are not spaced."""
    return "words" if language(lang).spaces_between_words else "characters"


def _meta_changes(old: Agreement, new: Agreement) -> list[Change]:
    """Return changes of the round, version, date and languages, and of the title and short title as text."""
    before, after = old.meta.model_dump(mode="json"), new.meta.model_dump(mode="json")
    found = [key for key in after if before.get(key) != after.get(key)]
    changes = []
    for key in found:
        if key in TITLES:
            old_title, new_title = before.get(key) or {}, after.get(key) or {}
            texts = {lang: (old_title.get(lang, ""), new_title.get(lang, ""))
                     for lang in dict.fromkeys([*old_title, *new_title]) if old_title.get(lang) != new_title.get(lang)}
            changes.append(text_change("meta", "", key, texts))
        else:
            said = f"{key}: {shown_meta(key, before.get(key))} → {shown_meta(key, after.get(key))}"
            changes.append(Change("meta", "meta", "", said, {"field": key, "old": before.get(key),
                                                             "new": after.get(key)}))
    return changes


def shown_meta(key: str, value: Any) -> str:
    """Return a value of the agreement's data as the report shows it: a date in the language's form."""
    if key == "date" and value:
        return language(DEFAULT_LANGUAGE).date(datetime.date.fromisoformat(value))
    return show(key, value)


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
