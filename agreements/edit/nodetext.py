"""Editing one node of a draft by its own lines: only the node's block is loaded round-trip, changed and written back.

A change that touches a single node (a parameter set, a position recorded) need not load and rewrite the whole file:
the node's lines are cut out, dedented, loaded, changed, dumped, indented again and put back. The result is kept
only when the whole file then reads as the old data with that one node replaced; otherwise the caller edits the
whole document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from agreements.edit.yamledit import INDENT_STYLES, dump_document, round_trip_yaml, write_back
from agreements.yamlsource import Path, SourceMap, read_yaml
from clauses.errors import DraftError


@dataclass(frozen=True)
class Block:
    """Where a block mapping is written: its lines [start, end), the column of its keys and its first line's lead."""

    start: int
    end: int
    indent: int
    lead: str  # what stands before the first key on the first line: spaces, or spaces and "- "


def node_block(lines: list[str], source: SourceMap, path: Path) -> Block | None:
    """Return the block of lines a block mapping at path is written in, or None when it is not written as one."""
    where = source.values.get(tuple(path))
    if where is None:
        return None
    start, indent = where[0] - 1, where[1] - 1
    first = lines[start]
    lead = first[:indent]
    if first[indent:indent + 1] in ("{", "") or lead.strip() not in ("", "-") or not lead.endswith(" ") and lead:
        return None
    end = start + 1
    while end < len(lines) and _inside(lines[end], indent):
        end += 1
    while end > start + 1 and _blank_or_comment(lines[end - 1]):
        end -= 1
    return Block(start, end, indent, lead)


def _inside(line: str, indent: int) -> bool:
    """Return whether a line after a block's first line still belongs to it (blank, or indented at least as far)."""
    stripped = line.lstrip(" ")
    return not stripped.strip() or len(line) - len(stripped) >= indent


def _blank_or_comment(line: str) -> bool:
    """Return whether a line holds nothing but white space or a comment."""
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def block_text(lines: list[str], block: Block) -> str:
    """Return a block's lines as a document of their own: the first line's lead blanked, every line dedented."""
    first = " " * block.indent + lines[block.start][block.indent:]
    body = [first, *lines[block.start + 1:block.end]]
    return "".join(line[block.indent:] if line.strip() else line.lstrip(" ") for line in body)


def indented(text: str, block: Block) -> str:
    """Return a block's document text indented back to its place, its first line led as it was."""
    lines = text.splitlines(keepends=True)
    pad = " " * block.indent
    out = [block.lead + lines[0]] if lines else []
    out += [pad + line if line.strip() else line for line in lines[1:]]
    return "".join(out)


def edit_node_lines(text: str, data: Any, source: SourceMap, path: Path,
                    change: Callable[[CommentedMap], Any]) -> tuple[str, Any, tuple[Any, SourceMap]] | None:
    """Return the file's text with the node at path changed, what the change returned and the new text as read
    (data, source map); None to edit the whole file."""
    lines = text.splitlines(keepends=True)
    block = node_block(lines, source, path)
    if block is None:
        return None
    own = block_text(lines, block)
    yaml = round_trip_yaml(*INDENT_STYLES[0])
    try:
        node = yaml.load(own)
    except YAMLError:
        return None
    if not isinstance(node, CommentedMap):
        return None
    unchanged = dump_document(yaml, node)
    outcome = change(node)
    changed = dump_document(yaml, node)
    new_text = "".join(lines[:block.start]) + indented(write_back(own, unchanged, changed), block) + "".join(
        lines[block.end:])
    try:
        new_read = read_yaml(new_text, source.file)
        new_node = read_yaml(changed, source.file)[0]
    except DraftError:
        return None
    return (new_text, outcome, new_read) if _only_node_changed(new_read[0], data, path, new_node) else None


def _only_node_changed(new_data: Any, data: Any, path: Path, new_node: Any) -> bool:
    """Return whether new_data is data with the node at path replaced by new_node."""
    holder, key = _holder(new_data, path)
    if holder is None or holder[key] != new_node:
        return False
    old_holder, _ = _holder(data, path)
    holder[key] = old_holder[key]
    try:
        return new_data == data
    finally:
        holder[key] = new_node


def _holder(data: Any, path: Path) -> tuple[Any, Any]:
    """Return the container holding the value at path and its key there, or (None, None) when the path is not there."""
    holder = data
    try:
        for step in path[:-1]:
            holder = holder[step]
        holder[path[-1]]
    except (KeyError, IndexError, TypeError):
        return None, None
    return holder, path[-1]
