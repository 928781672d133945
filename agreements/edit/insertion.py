"""Adding a node to a draft by inserting its own lines: the rest of the file is kept byte for byte.

A node added at the end of a list (the body, a part's or an article's children) is written on its own, indented
as the siblings it follows (or, for a list the parent lacks or writes as `[]`, in the house layout under the
parent), and inserted after the last of them. The result is kept only when the whole file then reads as the old
data with that one node appended; a layout where the place is not plain (flow style, a comment after the last
sibling at its column, CRLF line endings, no newline at the end) is left to the round-trip edit of the whole document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from agreements.edit.nodetext import Block, indented, node_block
from agreements.edit.yamledit import INDENT_STYLES, dump_document, round_trip_yaml, styled
from agreements.yamlsource import Path, SourceMap, read_yaml
from clauses.errors import DraftError

LIST_INDENT = 2  # the house layout: a list's dashes two columns in from its key, the items' keys two further


@dataclass(frozen=True)
class Insertion:
    """A node to append: the data path of the list it ends (which may be missing or empty), its data, what to report."""

    holder: Path
    node: dict
    outcome: Any


@dataclass(frozen=True)
class Place:
    """Where the node's lines go: before line `at`, led as `block` says, after the key line `opener` (when the list
    is opened there)."""

    at: int
    block: Block
    opener: list[str]
    replaced: int = 0  # how many lines at `at` the opener replaces (the `key: []` line)


def insert_node_lines(text: str, data: Any, source: SourceMap, holder: Path,
                      node: dict) -> tuple[str, tuple[Any, SourceMap]] | None:
    """Return the file's text with node appended to the list at holder, and the new text as read (data, source map);
    None to edit the whole document."""
    if "\r" in text or not text.endswith("\n"):
        return None
    lines = text.splitlines(keepends=True)
    place = _place(lines, data, source, tuple(holder))
    own = dump_document(round_trip_yaml(*INDENT_STYLES[0]), styled(node))
    own_read = _read(own, source.file)
    if place is None or own_read is None:
        return None
    new_lines = [*lines[:place.at], *place.opener, indented(own, place.block), *lines[place.at + place.replaced:]]
    new_read = _read("".join(new_lines), source.file)
    if new_read is None or not _only_appended(new_read[0], data, tuple(holder), own_read[0]):
        return None
    return "".join(new_lines), new_read


def _read(text: str, file: str) -> tuple[Any, SourceMap] | None:
    """Return a text as read (data, source map), or None when it does not read."""
    try:
        return read_yaml(text, file)
    except DraftError:
        return None


def _place(lines: list[str], data: Any, source: SourceMap, holder: Path) -> Place | None:
    """Return where a node appended to the list at holder goes, or None when the layout there is not plain."""
    parent = _value_at(data, holder[:-1])
    if not isinstance(parent, dict):
        return None
    items = parent.get(holder[-1])
    if holder[-1] not in parent:
        return _opened_under(lines, source, holder[:-1], holder[-1])
    if items == []:
        return _opened_in_place(lines, source, holder)
    if isinstance(items, list):
        return _after_siblings(lines, source, holder, len(items))
    return None


def _after_siblings(lines: list[str], source: SourceMap, holder: Path, count: int) -> Place | None:
    """Return the place after the last of a list's items, None when an item is not a block mapping or a comment
    written at the items' column follows the last one (it may belong to the list: the new node's place is unclear)."""
    blocks = [node_block(lines, source, (*holder, index)) for index in range(count)]
    if any(block is None for block in blocks):
        return None
    last = blocks[-1]
    dash = len(last.lead) - len(last.lead.lstrip(" "))
    if any(_indent(line) >= dash for line in _trailing(lines, last.end) if line.strip()):
        return None
    return Place(last.end, last, [])


def _indent(line: str) -> int:
    """Return how many spaces a line starts with."""
    return len(line) - len(line.lstrip(" "))


def _trailing(lines: list[str], start: int) -> list[str]:
    """Return the blank and comment lines from start up to the next line with content."""
    end = start
    while end < len(lines) and (not lines[end].strip() or lines[end].strip().startswith("#")):
        end += 1
    return lines[start:end]


def _opened_under(lines: list[str], source: SourceMap, parent: Path, key: str) -> Place | None:
    """Return the place of a new list key at the end of its parent's block mapping (None for the top level)."""
    block = node_block(lines, source, parent) if parent else None
    if block is None:
        return None
    opener = f"{' ' * block.indent}{key}:\n"
    return Place(block.end, _item_block(block.indent), [opener])


def _opened_in_place(lines: list[str], source: SourceMap, holder: Path) -> Place | None:
    """Return the place of the first item of a list written `key: []` on a line of its own."""
    where = source.values.get(holder)
    if where is None:
        return None
    line = lines[where[0] - 1]
    indent = _indent(line)
    if line.rstrip("\n").rstrip() != f"{' ' * indent}{holder[-1]}: []":
        return None
    return Place(where[0] - 1, _item_block(indent), [f"{' ' * indent}{holder[-1]}:\n"], replaced=1)


def _item_block(key_indent: int) -> Block:
    """Return how the items of a list under a key at key_indent are led, in the house layout."""
    dash = key_indent + LIST_INDENT
    return Block(0, 0, dash + 2, " " * dash + "- ")


def _value_at(data: Any, path: Path) -> Any:
    """Return the value at a data path, or None when it is not there."""
    value = data
    try:
        for step in path:
            value = value[step]
    except (KeyError, IndexError, TypeError):
        return None
    return value


def _only_appended(new_data: Any, data: Any, holder: Path, node: Any) -> bool:
    """Return whether new_data is data with node appended to the list at holder (created if it was missing)."""
    items = _value_at(new_data, holder)
    if not isinstance(items, list) or not items or items[-1] != node:
        return False
    parent = _value_at(new_data, holder[:-1])
    had_list = holder[-1] in _value_at(data, holder[:-1])
    last = items.pop()
    if not had_list:
        del parent[holder[-1]]
    try:
        return new_data == data
    finally:
        items.append(last)
        parent[holder[-1]] = items
