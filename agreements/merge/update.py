"""Making a round-trip YAML document equal to plain data while leaving every equal part, and its comments, as it is."""

from __future__ import annotations

import datetime
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from agreements.edit.yamledit import styled


def update(document: Any, data: Any, spares: dict[str, CommentedMap] | None = None) -> Any:
    """Return the document changed in place to equal the data (a new value where the shapes differ).

    spares: round-trip nodes by id (ours' own, theirs'), taken for a node new to a list, so a node moved or
    added keeps the layout it was written in.
    """
    if equal(document, data):
        return document
    if isinstance(document, dict) and isinstance(data, dict):
        _update_mapping(document, data, spares or {})
        return document
    if isinstance(document, list) and isinstance(data, list):
        if _ids(document) and _ids(data):
            _update_entries(document, data, spares or {})
            return document
        if len(document) == len(data):
            for index, value in enumerate(data):
                _replace(document, index, value, spares or {})
            return document
    return styled(data)


def node_maps(document: Any) -> dict[str, CommentedMap]:
    """Return a round-trip draft's nodes (preamble, body, annexes and every node below) by id."""
    found, stack = {}, [node for key in ("preamble", "body", "annexes") for node in (document.get(key) or [])]
    while stack:
        node = stack.pop()
        if isinstance(node, dict) and "id" in node:
            found[node["id"]] = node
            stack.extend(node.get("children") or [])
    return found


def equal(document: Any, data: Any) -> bool:
    """Return whether a round-trip value holds the plain data (a date equals its ISO text; True is not 1)."""
    if isinstance(document, dict) or isinstance(data, dict):
        return isinstance(document, dict) and isinstance(data, dict) and document.keys() == data.keys() \
            and all(equal(document[key], data[key]) for key in data)
    if isinstance(document, list) or isinstance(data, list):
        return isinstance(document, list) and isinstance(data, list) and len(document) == len(data) \
            and all(equal(one, other) for one, other in zip(document, data))
    if isinstance(document, datetime.date) and isinstance(data, str):
        return document.isoformat() == data
    return isinstance(document, bool) == isinstance(data, bool) and document == data


def _replace(holder: Any, key: Any, value: Any, spares: dict[str, CommentedMap]) -> None:
    """Set one key or index of a round-trip container to equal the value, keeping it where it already does."""
    new = update(holder[key], value, spares)
    if new is not holder[key]:
        holder[key] = new


def _update_mapping(document: CommentedMap, data: dict, spares: dict[str, CommentedMap]) -> None:
    """Change a mapping key by key; keys no longer there are removed, new keys added at the end."""
    for key in [key for key in document if key not in data]:
        del document[key]
    for key, value in data.items():
        if key in document:
            _replace(document, key, value, spares)
        else:
            document[key] = styled(value)


def _ids(items: list) -> bool:
    """Return whether a list holds only mappings with ids (an empty list counts)."""
    return all(isinstance(item, dict) and "id" in item for item in items)


def _update_entries(document: CommentedSeq, data: list, spares: dict[str, CommentedMap]) -> None:
    """Change a list of entries with ids: each entry kept by id and updated, the list re-ordered only if needed.

    An entry new to the list is a spare node of that id and kind where there is one, else written afresh.
    """
    existing = {item["id"]: item for item in document}
    entries = [update(existing[item["id"]], item, spares) if item["id"] in existing
               else update(spares[item["id"]], item, spares) if _spare_fits(spares.get(item["id"]), item)
               else styled(item) for item in data]
    if [id(entry) for entry in entries] != [id(item) for item in document]:
        document[:] = entries


def _spare_fits(spare: Any, item: dict) -> bool:
    """Return whether a spare round-trip node can stand for an entry: a node of the same kind."""
    return isinstance(spare, dict) and spare.get("kind") == item.get("kind")
