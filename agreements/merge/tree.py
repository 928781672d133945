"""A draft's node tree, flattened: each node's own fields, the container that holds it, and every container's order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

TOP_CONTAINERS = ("preamble", "body", "annexes")  # the top-level lists of nodes; a node's id names its children
REGISTRIES = ("parties", "bodies", "zones")  # lists of entries with ids, merged entry by entry
STRUCTURAL_KINDS = frozenset({"part", "article", "annex", "protocol"})


@dataclass
class Tree:
    """The nodes of a draft by id: fields without children, parent container, and each container's ids in order."""

    nodes: dict[str, dict] = field(default_factory=dict)
    parent: dict[str, str] = field(default_factory=dict)
    order: dict[str, list[str]] = field(default_factory=dict)

    def descendants(self, node_id: str) -> Iterator[str]:
        """Yield the ids below a node, depth first."""
        for child in self.order.get(node_id, []):
            yield child
            yield from self.descendants(child)

    def ancestors(self, node_id: str) -> Iterator[str]:
        """Yield the ids of the nodes above a node, nearest first."""
        container = self.parent.get(node_id)
        while container is not None and container not in TOP_CONTAINERS:
            yield container
            container = self.parent.get(container)


def flatten(data: dict) -> Tree:
    """Return the tree of a draft's plain data."""
    tree = Tree()
    for top in TOP_CONTAINERS:
        _add_children(tree, top, data.get(top) or [])
    return tree


def _add_children(tree: Tree, container: str, children: list) -> None:
    """Record a container's children, and theirs below them."""
    tree.order[container] = []
    for child in children:
        node_id = child["id"]
        tree.order[container].append(node_id)
        tree.parent[node_id] = container
        tree.nodes[node_id] = {key: value for key, value in child.items() if key != "children"}
        if "children" in child:
            _add_children(tree, node_id, child.get("children") or [])


def is_structural(node: dict) -> bool:
    """Return whether a node is a part, article, annex or protocol (it cannot carry options)."""
    return node.get("kind") in STRUCTURAL_KINDS


def build(tree: Tree, top: dict) -> dict:
    """Return the draft's plain data: its top-level fields, with the tree's nodes nested back in their order."""
    data = {key: value for key, value in top.items() if key not in TOP_CONTAINERS}
    for container in TOP_CONTAINERS:
        if tree.order.get(container) or container in top:
            data[container] = [_nested(tree, node_id) for node_id in tree.order.get(container, [])]
    return data


def _nested(tree: Tree, node_id: str) -> dict:
    """Return one node with its children nested."""
    node = dict(tree.nodes[node_id])
    if node_id in tree.order:
        node["children"] = [_nested(tree, child) for child in tree.order[node_id]]
    return node


def top_fields(data: dict) -> dict[str, Any]:
    """Return a draft's fields outside the node tree (format, meta and registries)."""
    return {key: value for key, value in data.items() if key not in TOP_CONTAINERS}
