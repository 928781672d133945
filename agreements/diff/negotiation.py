"""The negotiating state of a node compared: options tabled, withdrawn, or a bracket settled on one of them;
the parties' positions; the drafters' note.

A bracket is settled when the old node had options open, the new one has none and is no longer bracketed or
pending. The option adopted is the one the new node reads as: the base text (option A) or an alternative whose
contested values — every parameter an option sets, and the text when an option has its own — the new node has,
each text the same once its white space is made single spaces. An option that reads as the new node on every
contested value is adopted; the others are dropped (or withdrawn, when the new version marks them so). When no
option or more than one reads so, none was adopted as tabled.
"""

from __future__ import annotations

from pydantic import ValidationError

from agreements.diff.change import Change
from clauses.base import OPEN_STATUSES, Alternative, ClauseBase, Node
from clauses.formatting import Naming
from clauses.numerals import letter

QUOTED = 80  # characters of a note quoted in a summary
BASE = "A"  # the letter of the base text among the options


def option_letters(node: Node) -> dict[str, str]:
    """Return the letter of each open alternative of a node as the text labels it (the node itself is A)."""
    return {alternative.id: letter(number + 2).upper() for number, alternative in enumerate(node.open_alternatives())}


def settled(old: Node, new: Node) -> bool:
    """Return whether a node's bracket was settled: options open before, none now, and no longer open."""
    return bool(old.open_alternatives()) and not new.open_alternatives() and new.status not in OPEN_STATUSES


def adopted_option(old: Node, new: Node) -> str | None:
    """Return the id of the option a settled node reads as (the node's own id for the base text), or None."""
    options = old.open_alternatives()
    contested = {key for alternative in options for key in alternative.set}
    worded = any(alternative.text for alternative in options)
    found = [key for key, alternative in ((old.id, None), *((option.id, option) for option in options))
             if _reads_as(old, alternative, new, contested, worded)]
    return found[0] if len(found) == 1 else None


def _reads_as(old: Node, alternative: Alternative | None, new: Node, contested: set[str], worded: bool) -> bool:
    """Return whether the new node has an option's contested values (the base text's when alternative is None)."""
    if alternative is not None and alternative.delete:
        return False
    if contested:
        if not isinstance(old, ClauseBase) or not isinstance(new, ClauseBase):
            return False
        try:
            source = old if alternative is None else old.variant(alternative)
        except ValidationError:
            return False
        before, after = source.model_dump(mode="json"), new.model_dump(mode="json")
        if any(before.get(key) != after.get(key) for key in contested):
            return False
    if worded:
        text = alternative.text if alternative is not None and alternative.text else getattr(old, "text", None)
        return _same_text(text, getattr(new, "text", None))
    return True


def _same_text(first: dict | None, second: dict | None) -> bool:
    """Return whether two texts read the same in every language both have (none both, when either has none)."""
    if not first or not second:
        return not first and not second
    return all(" ".join(first[lang].split()) == " ".join(second[lang].split()) for lang in first.keys() & second)


def alternative_changes(old: Node, new: Node, article: str, naming: Naming) -> list[Change]:
    """Return the alternatives tabled and withdrawn, or the bracket settled, each option named by its letter and
    its proposers."""
    before = {alternative.id: alternative for alternative in old.open_alternatives()}
    after = {alternative.id: alternative for alternative in new.open_alternatives()}
    tabled = [key for key in after if key not in before]
    withdrawn = [key for key in before if key not in after]
    if not tabled and not withdrawn:
        return []
    letters = (option_letters(old), option_letters(new))

    def option(key: str, side: int) -> str:
        node = (old, new)[side]
        found = next((alt for alt in node.alternatives if alt.id == key), None)
        proposers = ", ".join(naming.of(party) for party in (found.proposed_by if found else node.proposed_by))
        name = f"Option {letters[side].get(key, BASE)}"
        return f"{name} ({proposers})" if proposers else name

    if settled(old, new):
        return [_settlement(old, new, article, option)]
    parts = [f"{option(key, 1)} tabled" for key in tabled] + [f"{option(key, 0)} withdrawn" for key in withdrawn]
    return [Change("alternatives", new.id, article, f"{new.id}: options: {'; '.join(parts)}",
                   {"tabled": tabled, "withdrawn": withdrawn})]


def _settlement(old: Node, new: Node, article: str, option) -> Change:
    """Return the change of a settled bracket: the option adopted, those dropped and those withdrawn."""
    adopted = adopted_option(old, new)
    marked = {alternative.id for alternative in new.alternatives if alternative.withdrawn}
    options = [old.id, *(alternative.id for alternative in old.open_alternatives())]
    withdrawn = [key for key in options if key in marked]
    dropped = [key for key in options if key != adopted and key not in marked]
    if adopted is None:
        said = f"none of the options adopted as tabled ({', '.join(option(key, 0) for key in dropped)})"
    else:
        said = "; ".join([f"{option(adopted, 0)} adopted",
                          *([f"{', '.join(option(key, 0) for key in dropped)} dropped"] if dropped else [])])
    if withdrawn:
        said += f"; {', '.join(option(key, 0) for key in withdrawn)} withdrawn"
    return Change("alternatives", new.id, article, f"{new.id}: bracket settled: {said}",
                  {"tabled": [], "withdrawn": withdrawn, "settled": True, "adopted": adopted, "dropped": dropped})


def cleared(old: Node, new: Node) -> bool:
    """Return whether a node's positions were cleared because its text is agreed (ad referendum or in full)."""
    return bool(old.positions) and not new.positions and new.status not in OPEN_STATUSES


def position_changes(old: Node, new: Node, article: str, naming: Naming) -> list[Change]:
    """Return the parties whose stance or note changed; positions cleared once a node is agreed, said once."""
    moves = []
    for party in dict.fromkeys([*old.positions, *new.positions]):
        before, after = old.positions.get(party), new.positions.get(party)
        if before != after:
            moves.append({"party": party, "from": before.stance if before else None,
                          "to": after.stance if after else None, "note": after.note if after else None})
    if not moves:
        return []
    if cleared(old, new):
        said = f"positions cleared: the text is {words(new.status)}"
        return [Change("positions", new.id, article, f"{new.id}: {said}", {"positions": moves, "cleared": True})]
    said = "; ".join(_move(move, naming) for move in moves)
    return [Change("positions", new.id, article, f"{new.id}: positions: {said}", {"positions": moves})]


def _move(move: dict, naming: Naming) -> str:
    """Return one party's change of position ('China reserve → support', 'China position withdrawn (was reserve)')."""
    party = naming.of(move["party"])
    if move["to"] is None:
        return f"{party} position withdrawn (was {words(move['from'])})"
    if move["from"] == move["to"]:
        return f"{party} {move['to']} (note changed)"
    return f"{party} {words(move['from'])} → {words(move['to'])}"


def note_changes(old: Node, new: Node, article: str) -> list[Change]:
    """Return the change of the drafters' note: added, removed or rewritten."""
    if old.note == new.note:
        return []
    if old.note is None:
        said = f"note added: {_quoted(new.note)}"
    elif new.note is None:
        said = f"note removed (was {_quoted(old.note)})"
    else:
        said = f"note changed: {_quoted(old.note)} → {_quoted(new.note)}"
    return [Change("notes", new.id, article, f"{new.id}: {said}", {"old": old.note, "new": new.note})]


def _quoted(text: str) -> str:
    """Return a note in quotation marks, cut to a summary's length."""
    return f"“{text if len(text) <= QUOTED else text[:QUOTED - 1].rstrip() + '…'}”"


def words(value: str | None) -> str:
    """Return a status or stance in words ('agreed ad referendum'), '—' for none."""
    return "—" if value is None else value.replace("_", " ")
