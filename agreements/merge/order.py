"""Merging the order of a list of ids: one side's order, with what the other side added or moved placed as it put it."""

from __future__ import annotations

from difflib import SequenceMatcher


def merge_order(base: list[str], ours: list[str], theirs: list[str], members: set[str]) -> list[str]:
    """Return the members in ours' order, with theirs' additions and moves after the item that precedes them there."""
    result = [item for item in ours if item in members]
    moved_by_ours, moved_by_theirs = moved(base, ours), moved(base, theirs)
    placed = set(result)
    pending = [item for item in theirs if item in members
               and (item not in placed or item in moved_by_theirs and item not in moved_by_ours)]
    for item in pending:
        if item in placed:
            result.remove(item)
            placed.discard(item)
    for item in pending:
        result.insert(_after(item, theirs, placed, result), item)
        placed.add(item)
    result.extend(item for item in base if item in members and item not in placed)
    return result


def moved(base: list[str], side: list[str]) -> set[str]:
    """Return the items both lists hold whose place among the others the side changed."""
    shared = set(base) & set(side)
    before = [item for item in base if item in shared]
    after = [item for item in side if item in shared]
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    kept = {item for block in matcher.get_matching_blocks() for item in before[block.a : block.a + block.size]}
    return shared - kept


def _after(item: str, theirs: list[str], placed: set[str], result: list[str]) -> int:
    """Return the index just after the nearest item that precedes `item` in theirs and is already placed (else 0)."""
    position = theirs.index(item)
    for earlier in reversed(theirs[:position]):
        if earlier in placed:
            return result.index(earlier) + 1
    return 0
