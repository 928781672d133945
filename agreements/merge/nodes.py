"""Which nodes a merge keeps, and the container each one goes in."""

from __future__ import annotations

from dataclasses import dataclass

from agreements.merge.tree import TOP_CONTAINERS, Tree
from agreements.merge.values import MISSING, merge_value


@dataclass(frozen=True)
class Sides:
    """The three trees of a merge."""

    base: Tree
    ours: Tree
    theirs: Tree

    def changed(self, side: Tree, node_id: str) -> bool:
        """Return whether a side added a node or changed its own fields."""
        return node_id not in self.base.nodes or side.nodes.get(node_id) != self.base.nodes[node_id]


def kept_nodes(sides: Sides) -> tuple[set[str], dict[str, Tree]]:
    """Return the ids the merge keeps, and for each node one side deleted, the side that keeps it."""
    kept = {node_id for node_id in sides.ours.nodes if node_id in sides.theirs.nodes}
    kept |= {node_id for node_id in sides.ours.nodes if node_id not in sides.base.nodes}
    kept |= {node_id for node_id in sides.theirs.nodes if node_id not in sides.base.nodes}
    rescued: dict[str, Tree] = {}
    for survivor, other in ((sides.ours, sides.theirs), (sides.theirs, sides.ours)):
        for node_id in sides.base.nodes:
            if node_id in survivor.nodes and node_id not in other.nodes and _worked_on(sides, survivor, node_id):
                kept.add(node_id)
                rescued[node_id] = survivor
    return kept, rescued


def _worked_on(sides: Sides, survivor: Tree, node_id: str) -> bool:
    """Return whether the surviving side changed a node, or added or changed anything below it."""
    return any(sides.changed(survivor, found) for found in (node_id, *survivor.descendants(node_id)))


def merged_parents(sides: Sides, kept: set[str]) -> tuple[dict[str, str], list[str]]:
    """Return each kept node's container (ours where both moved it elsewhere) and the nodes both moved apart."""
    parents, clashed = {}, []
    for node_id in sorted(kept, key=_stable(sides)):
        mine, yours = sides.ours.parent.get(node_id, MISSING), sides.theirs.parent.get(node_id, MISSING)
        base = sides.base.parent.get(node_id, MISSING)
        if mine is MISSING or yours is MISSING:
            parent = yours if mine is MISSING else mine
        else:
            parent, clashes = merge_value(base, mine, yours)
            if clashes:
                clashed.append(node_id)
        parents[node_id] = parent
    _rehome(parents, sides, kept)
    return parents, clashed


def _rehome(parents: dict[str, str], sides: Sides, kept: set[str]) -> None:
    """Move a node whose merged container is gone to its container on another side, keeping that one if needed."""
    changed = True
    while changed:
        changed = False
        for node_id, parent in list(parents.items()):
            if parent in TOP_CONTAINERS or parent in kept:
                continue
            choices = [tree.parent[node_id] for tree in (sides.ours, sides.theirs, sides.base)
                       if node_id in tree.parent]
            alive = [choice for choice in choices if choice in TOP_CONTAINERS or choice in kept]
            if alive:
                parents[node_id] = alive[0]
            else:
                kept.add(parent)
                tree = next(tree for tree in (sides.ours, sides.theirs, sides.base) if parent in tree.parent)
                parents[parent] = tree.parent[parent]
            changed = True


def _stable(sides: Sides):
    """Return a sort key putting ids in ours' order, then theirs', then base's."""
    places: dict[str, int] = {}
    for tree in (sides.ours, sides.theirs, sides.base):
        for node_id in tree.nodes:
            places.setdefault(node_id, len(places))
    return lambda node_id: places.get(node_id, len(places))
