"""What a merge does where both sides changed one node: both versions as options, positions per party, notes joined."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from agreements.merge.tree import is_structural
from agreements.merge.values import MISSING, Clash, merge_value
from clauses.base import STRUCTURAL_FIELDS
from clauses.errors import InputError

OPENNESS = ("agreed", "agreed_ad_referendum", "pending", "bracketed")  # a clash of statuses keeps the more open
NOT_PARAMETERS = STRUCTURAL_FIELDS | {"text", "heading"}


@dataclass(frozen=True)
class Outcome:
    """One thing the merge decided where the sides disagreed: a bracket, a side's value kept, or a rule applied."""

    node_id: str
    kind: str  # bracket | kept | resolved
    message: str


@dataclass(frozen=True)
class Parties:
    """The parties each side speaks for (None where unknown), their names, and how to read a side's text of a node."""

    ours: str | None
    theirs: str | None
    theirs_text: Callable[[str], dict[str, str]]  # a node's text per language as THEIRS has it
    file: str = "-"  # the merged file, as errors name it
    names: dict[str, str] = field(default_factory=dict)  # party id → its (short) English name, for drafters' notes

    def name(self, side: str) -> str:
        """Return how the report names a side: its party, else 'ours' or 'theirs'."""
        return getattr(self, side) or side

    def called(self, side: str) -> str:
        """Return how a drafters' note names a side: its party's name, else 'ours' or 'theirs'."""
        party = getattr(self, side)
        return self.names.get(party, party) if party else side

    def needed(self, side: str, node_id: str) -> str:
        """Return a side's party, or raise an InputError saying a bracket needs it."""
        party = getattr(self, side)
        if party is None:
            raise InputError(f"{self.file}: {node_id}: both sides changed it, and its options need proposers: name "
                             "the sides with --ours-party and --theirs-party (or meta.drafted_by in each file)",
                             "PD-E152")
        return party


def merge_node(node_id: str, base: Any, ours: dict, theirs: dict, parties: Parties) -> tuple[dict, list[Outcome]]:
    """Return a node both sides hold, merged, and what was decided where they clash."""
    merged, clashes = merge_value(base, ours, theirs)
    outcomes, content, parties_settled = [], [], set()
    for clash in clashes:
        key = clash.path[0]
        if key == "positions" and len(clash.path) > 1:
            outcome = _position(node_id, merged, clash, parties)
            if clash.path[1] not in parties_settled:
                outcomes.append(outcome)
                parties_settled.add(clash.path[1])
        elif key == "note":
            outcomes.append(_notes(node_id, merged, clash, parties))
        elif key == "status":
            outcomes.append(_status(node_id, merged, clash))
        else:
            content.append(clash)
    if content:
        outcomes.append(_content(node_id, merged, theirs, content, parties))
    return merged, outcomes


def _position(node_id: str, merged: dict, clash: Clash, parties: Parties) -> Outcome:
    """Keep a party's position as the side speaking for that party has it (ours when neither does)."""
    party = clash.path[1]
    side = "theirs" if parties.theirs == party and parties.ours != party else "ours"
    value = clash.theirs if side == "theirs" else clash.ours
    positions = merged.setdefault("positions", {})
    _put(positions, clash.path[2:], party, value)
    kind = "resolved" if party in (parties.ours, parties.theirs) else "kept"
    return Outcome(node_id, kind, f"{node_id}: both sides changed the position of {party}: {parties.name(side)}'s kept")


def _put(positions: dict, rest: tuple, party: str, value: Any) -> None:
    """Set (or remove, for MISSING) one party's position or a field of it."""
    if rest:
        positions.setdefault(party, {})[rest[0]] = value
        if value is MISSING:
            del positions[party][rest[0]]
    elif value is MISSING:
        positions.pop(party, None)
    else:
        positions[party] = value


def _notes(node_id: str, merged: dict, clash: Clash, parties: Parties) -> Outcome:
    """Keep both sides' drafters' notes, theirs after ours and named."""
    mine, yours = (note if isinstance(note, str) else "" for note in (clash.ours, clash.theirs))
    joined = _joined(mine, f"{parties.called('theirs')}: {yours}" if yours else "")
    if joined:
        merged["note"] = joined
    return Outcome(node_id, "resolved", f"{node_id}: both sides changed the drafters' note: both notes kept")


def _status(node_id: str, merged: dict, clash: Clash) -> Outcome:
    """Keep the more open of two statuses, since one side has not agreed to the other's."""
    mine, yours = (status if status in OPENNESS else "pending" for status in (clash.ours, clash.theirs))
    merged["status"] = max(mine, yours, key=OPENNESS.index)
    return Outcome(node_id, "resolved",
                   f"{node_id}: both sides changed the status ({mine}, {yours}): {merged['status']} kept")


def _content(node_id: str, merged: dict, theirs: dict, clashes: list[Clash], parties: Parties) -> Outcome:
    """Bracket a clause or recital with theirs as an option; keep ours of a part, article or annex, with a note."""
    fields = sorted(dict.fromkeys(str(clash.path[0]) for clash in clashes))
    if is_structural(merged) or "kind" in fields and "kind" not in merged:
        mine, yours = parties.called("ours"), parties.called("theirs")
        merged["note"] = _joined(merged.get("note"), f"{yours} changed {', '.join(fields)} otherwise; {mine}'s kept")
        return Outcome(node_id, "kept", f"{node_id}: both sides changed {', '.join(fields)}: "
                                        f"{parties.name('ours')}'s kept")
    alternative = {"id": _free_id(merged, f"{node_id}.{parties.needed('theirs', node_id)}-merge"),
                   "proposed_by": [parties.theirs], **_version(node_id, merged, theirs, fields, parties)}
    letter = _bracket(merged, alternative, parties.needed("ours", node_id))
    return Outcome(node_id, "bracket", f"{node_id}: both sides changed {', '.join(fields)}: bracketed, "
                                       f"{parties.ours}'s version option A, {parties.theirs}'s option {letter}")


def _version(node_id: str, merged: dict, theirs: dict, fields: list[str], parties: Parties) -> dict:
    """Return theirs as an option: the parameters that clash where only parameters do, else its text."""
    if theirs.get("kind") == merged.get("kind") and all(field in theirs for field in fields) \
            and not NOT_PARAMETERS & set(fields):
        return {"set": {field: theirs[field] for field in fields}}
    return {"text": parties.theirs_text(node_id)}


def bracket_deletion(node_id: str, kept: dict, deleter: str, parties: Parties) -> tuple[dict, Outcome]:
    """Return a node one side deleted and the other changed: kept, with the deletion as the deleter's option."""
    keeper = "ours" if deleter == "theirs" else "theirs"
    who, other = parties.name(deleter), parties.name(keeper)
    node = {**kept, "note": _joined(kept.get("note"), f"{parties.called(deleter)} deleted this; "
                                                      f"{parties.called(keeper)} changed it")}
    if is_structural(node):
        return node, Outcome(node_id, "kept", f"{node_id}: deleted by {who}, changed by {other}: kept")
    alternative = {"id": _free_id(node, f"{node_id}.{parties.needed(deleter, node_id)}-delete"),
                   "proposed_by": [getattr(parties, deleter)], "delete": True}
    letter = _bracket(node, alternative, parties.needed(keeper, node_id))
    return node, Outcome(node_id, "bracket", f"{node_id}: deleted by {who}, changed by {other}: kept, bracketed, "
                                             f"{who}'s deletion option {letter}")


def _bracket(node: dict, alternative: dict, proposer: str) -> str:
    """Add an option to a node, bracket it with its own text proposed by one side; return the option's letter."""
    node["alternatives"] = [*node.get("alternatives", []), alternative]
    node["status"], node["proposed_by"] = "bracketed", [proposer]
    open_count = sum(not entry.get("withdrawn") for entry in node["alternatives"])
    return chr(ord("A") + open_count)


def _free_id(node: dict, wanted: str) -> str:
    """Return an alternative id the node does not use yet."""
    taken = {entry.get("id") for entry in node.get("alternatives", [])}
    candidate, number = wanted, 2
    while candidate in taken:
        candidate, number = f"{wanted}-{number}", number + 1
    return candidate


def _joined(note: Any, addition: str) -> str:
    """Return a drafters' note with a sentence added, on the same line (a note reads as one paragraph)."""
    note = note if isinstance(note, str) else ""
    return " — ".join(part for part in (note.strip(), addition) if part)
