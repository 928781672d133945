"""Three-way merge of draft files by node id: the merged YAML, written over ours so its comments and layout stay."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field

from agreements.document.context import scope_for
from agreements.drafts import parse_agreement, read_text
from agreements.edit.yamledit import dump_document, load_document, write_back
from agreements.index import index_of
from agreements.merge.nodes import Sides, kept_nodes, merged_parents
from agreements.merge.order import merge_order
from agreements.merge.resolve import Outcome, Parties, bracket_deletion, merge_node
from agreements.merge.tree import TOP_CONTAINERS, Tree, build, flatten, top_fields
from agreements.merge.update import node_maps, update
from agreements.merge.values import MISSING, merge_value
from agreements.model import Agreement, Recital
from agreements.yamlsource import read_yaml
from clauses.errors import InputError
from clauses.languages import DEFAULT_LANGUAGE
from clauses.rendering import clause_text

SHARED_ENOUGH = 0.5  # a version of the base holds at least half of the base's node ids


@dataclass(frozen=True)
class Version:
    """One file of a merge: its path, text, loaded agreement and plain data."""

    path: str
    text: str
    agreement: Agreement
    data: dict

    @classmethod
    def read(cls, path: str, text: str) -> Version:
        """Return a version loaded from its text (raises DraftError when it does not load)."""
        return cls(path, text, parse_agreement(text, path), read_yaml(text, path)[0])


@dataclass
class MergeResult:
    """The merged text, what was decided where the sides clashed, and how many nodes each side changed."""

    text: str
    outcomes: list[Outcome] = field(default_factory=list)
    changed: dict[str, int] = field(default_factory=dict)  # ours | theirs → nodes changed, added or deleted
    parties: tuple[str | None, str | None] = (None, None)  # the parties ours and theirs speak for, where known

    @property
    def clean(self) -> bool:
        """Return whether nothing needs a reader's decision (no bracket made, no side's value set aside)."""
        return all(outcome.kind == "resolved" for outcome in self.outcomes)


def merge_versions(base: Version, ours: Version, theirs: Version, ours_party: str | None = None,
                   theirs_party: str | None = None) -> MergeResult:
    """Return the three-way merge of two versions of a base, as ours' text with theirs' changes merged in."""
    for version in (ours, theirs):
        _check_version_of(base, version)
    parties = Parties(_party(ours, ours_party), _party(theirs, theirs_party), _text_reader(theirs), ours.path,
                      _names(ours.agreement, theirs.agreement))
    sides = Sides(flatten(base.data), flatten(ours.data), flatten(theirs.data))
    top, outcomes = _merge_top(base.data, ours.data, theirs.data, parties)
    tree = _merge_tree(sides, parties, outcomes)
    merged = build(tree, top)
    yaml, document, unchanged = load_document(ours.text)
    update(document, merged, spares={**node_maps(load_document(theirs.text)[1]), **node_maps(document)})
    text = write_back(ours.text, unchanged, dump_document(yaml, document))
    parse_agreement(text, ours.path)
    changed = {name: _count_changes(sides.base, side) for name, side in (("ours", sides.ours), ("theirs", sides.theirs))}
    return MergeResult(text, outcomes, changed, (parties.ours, parties.theirs))


def _check_version_of(base: Version, version: Version) -> None:
    """Raise an InputError when a file shares too few node ids with the base to be a version of it."""
    ids, theirs = set(flatten(base.data).nodes), set(flatten(version.data).nodes)
    shared = len(ids & theirs)
    if ids and shared < SHARED_ENOUGH * len(ids):
        raise InputError(f"{version.path}: not a version of {base.path}: it holds {shared} of its {len(ids)} "
                         "node ids", "PD-E150")


def _party(version: Version, given: str | None) -> str | None:
    """Return the party a side speaks for: as given, else the file's meta.drafted_by; check it is a party."""
    party = given or version.agreement.meta.drafted_by
    known = [entry.id for entry in version.agreement.parties]
    if party is not None and party not in known:
        raise InputError(f"{version.path}: no party '{party}' (parties: {', '.join(known)})", "PD-E151")
    return party


def _names(*agreements: Agreement) -> dict[str, str]:
    """Return each party's short English name (else its name), as a drafters' note names a side."""
    names = {}
    for agreement in agreements:
        for party in agreement.parties:
            shown = (party.short_names or {}).get(DEFAULT_LANGUAGE) or party.names.get(DEFAULT_LANGUAGE)
            names.setdefault(party.id, shown or party.id)
    return names


def _text_reader(version: Version):
    """Return a function giving a node's text per language as a version has it (free text kept as written)."""
    def text_of(node_id: str) -> dict[str, str]:
        node = index_of(version.agreement).model(node_id)
        if isinstance(node, Recital):
            return dict(node.text)
        scope = scope_for(version.agreement)
        return {lang: clause_text(node, lang, scope) for lang in version.agreement.meta.languages}
    return text_of


def _merge_top(base: dict, ours: dict, theirs: dict, parties: Parties) -> tuple[dict, list[Outcome]]:
    """Return the fields outside the node tree merged (ours where they clash), and what was kept."""
    merged, clashes = merge_value(top_fields(base), top_fields(ours), top_fields(theirs))
    outcomes = [Outcome(_dotted(clash.path), "kept", f"{_dotted(clash.path)}: both sides changed it: "
                        f"{parties.name('ours')}'s kept ({_shown(clash.ours)}; {parties.name('theirs')}: "
                        f"{_shown(clash.theirs)})") for clash in clashes]
    return merged, outcomes


def _merge_tree(sides: Sides, parties: Parties, outcomes: list[Outcome]) -> Tree:
    """Return the merged node tree, adding to outcomes what was decided where the sides clashed."""
    kept, rescued = kept_nodes(sides)
    parents, moved_apart = merged_parents(sides, kept)
    outcomes.extend(Outcome(node_id, "kept", f"{node_id}: moved by both sides to different places: "
                            f"{parties.name('ours')}'s place kept") for node_id in moved_apart)
    tree = Tree(parent=parents)
    for node_id in parents:
        tree.nodes[node_id] = _merged_node(sides, node_id, rescued, parties, outcomes)
    containers = [*TOP_CONTAINERS, *(node_id for node_id in parents
                                     if any(node_id in side.order for side in (sides.base, sides.ours, sides.theirs))
                                     or node_id in parents.values())]
    for container in containers:
        members = {node_id for node_id, parent in parents.items() if parent == container}
        tree.order[container] = merge_order(sides.base.order.get(container, []), sides.ours.order.get(container, []),
                                            sides.theirs.order.get(container, []), members)
    for outcome in [outcome for outcome in outcomes if outcome.kind == "bracket"]:
        _reopen_holders(tree, outcome.node_id, outcomes)
    return tree


def _reopen_holders(tree: Tree, node_id: str, outcomes: list[Outcome]) -> None:
    """Mark pending the agreed parts and articles that hold a node the merge bracketed, as the drafts do."""
    for holder in tree.ancestors(node_id):
        node = tree.nodes[holder]
        if node.get("status", "pending") in ("agreed", "agreed_ad_referendum"):
            tree.nodes[holder] = {**node, "status": "pending"}
            outcomes.append(Outcome(holder, "resolved", f"{holder}: holds {node_id}, now bracketed: pending"))


def _merged_node(sides: Sides, node_id: str, rescued: dict[str, Tree], parties: Parties,
                 outcomes: list[Outcome]) -> dict:
    """Return one kept node's fields, merged."""
    if node_id in rescued:
        survivor = rescued[node_id]
        deleter = "theirs" if survivor is sides.ours else "ours"
        if not sides.changed(survivor, node_id):
            return survivor.nodes[node_id]
        node, outcome = bracket_deletion(node_id, dict(survivor.nodes[node_id]), deleter, parties)
        outcomes.append(outcome)
        return node
    mine, yours = sides.ours.nodes.get(node_id), sides.theirs.nodes.get(node_id)
    if mine is None or yours is None:
        return mine if yours is None else yours
    node, found = merge_node(node_id, sides.base.nodes.get(node_id, MISSING), mine, yours, parties)
    outcomes.extend(found)
    return node


def _count_changes(base: Tree, side: Tree) -> int:
    """Return how many nodes a side added, deleted, changed or moved."""
    ids = set(base.nodes) | set(side.nodes)
    return sum(base.nodes.get(node_id) != side.nodes.get(node_id) or base.parent.get(node_id) != side.parent.get(node_id)
               for node_id in ids)


def _dotted(path: tuple) -> str:
    """Return a path of keys as dotted text."""
    return ".".join(str(key) for key in path) or "-"


def _shown(value: object) -> str:
    """Return a value as the report shows it."""
    return "(none)" if value is MISSING else str(value)


def merge_files(base: str, ours: str, theirs: str, ours_party: str | None = None,
                theirs_party: str | None = None, shown_as: str | None = None) -> MergeResult:
    """Return the merge of three draft files (errors name `shown_as` for ours, as git's merge driver passes it)."""
    names = (f"{shown_as} (base)", shown_as, f"{shown_as} (theirs)") if shown_as else (base, ours, theirs)
    versions = [Version.read(name, read_text(path)) for path, name in zip((base, ours, theirs), names)]
    return merge_versions(*versions, ours_party=ours_party, theirs_party=theirs_party)


DRAFT_MARK = re.compile(r"^peacedraft:[ \t]*1[ \t]*(#.*)?$", re.MULTILINE)  # the format line every draft opens with


def is_draft_file(path: str) -> bool:
    """Return whether a file says it is a peacedraft draft (its `peacedraft: 1` line), without loading it."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(64 * 1024).decode("utf-8", "replace")
    except OSError:
        return False
    return bool(DRAFT_MARK.search(head))


def merge_as_text(current: str, base: str, other: str, shown_as: str) -> int:
    """Merge a file that is not a draft as git does (`git merge-file`, in place); return its conflicts (0: clean)."""
    labels = [f"{shown_as} (ours)", f"{shown_as} (base)", f"{shown_as} (theirs)"]
    try:
        done = subprocess.run(["git", "merge-file", *(arg for label in labels for arg in ("-L", label)), current,
                               base, other], capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise InputError(f"{shown_as}: not a draft, and git merge-file cannot run: {error}", "PD-E153") from None
    if done.returncode < 0:
        raise InputError(f"{shown_as}: not a draft, and git merge-file failed", "PD-E153")
    return done.returncode


def report_lines(result: MergeResult) -> list[str]:
    """Return the report: one line per decision, then a summary line."""
    kinds = [outcome.kind for outcome in result.outcomes]
    ours, theirs = (party or side for party, side in zip(result.parties, ("ours", "theirs")))
    summary = (f"merged: {_nodes(result.changed['ours'])} changed by {ours}, {_nodes(result.changed['theirs'])} by "
               f"{theirs}; {kinds.count('bracket')} bracketed, {kinds.count('kept')} kept as {ours} had them, "
               f"{kinds.count('resolved')} resolved by rule")
    return [outcome.message for outcome in result.outcomes] + [summary]


def report_json(result: MergeResult, files: tuple[str, str, str]) -> dict:
    """Return the report as JSON-ready data."""
    return {"base": files[0], "ours": files[1], "theirs": files[2], "parties": dict(zip(("ours", "theirs"), result.parties)),
            "clean": result.clean, "changed": result.changed,
            "outcomes": [{"node": outcome.node_id, "kind": outcome.kind, "message": outcome.message}
                         for outcome in result.outcomes]}


def _nodes(count: int) -> str:
    """Return a count of nodes in words."""
    return f"{count} node{'' if count == 1 else 's'}"
