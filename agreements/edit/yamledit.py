"""Editing a draft's YAML in place: round-trip load, find nodes, and write back touching only what changed."""

from __future__ import annotations

import difflib
import io
from collections.abc import Iterator
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.util import load_yaml_guess_indent

from clauses.languages import LANGUAGES


LANGUAGE_KEYS = set(LANGUAGES)


FLOW_LIMIT = 100  # a mapping of plain values longer than this in all is written in block style, a value a line

INDENT_STYLES = ((2, 4, 2), (2, 2, 0), (4, 4, 0), (4, 6, 2), (4, 4, 2), (2, 3, 1), (3, 3, 0))


def round_trip_yaml(mapping: int, sequence: int, offset: int) -> YAML:
    """Return a round-trip YAML object with one indentation style."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def load_document(text: str) -> tuple[YAML, CommentedMap, str]:
    """Return the round-trip YAML object that rewrites the text most faithfully, the document, and its rewriting.

    peacedraft's own layout is tried first; then the layout ruamel guesses, then the other common ones.
    """
    best: tuple[float, YAML, CommentedMap, str] | None = None
    lines = text.splitlines()
    for style in _styles(text):
        yaml = round_trip_yaml(*style)
        document = yaml.load(text)
        rewritten = dump_document(yaml, document)
        if rewritten == text:
            return yaml, document, rewritten
        score = difflib.SequenceMatcher(None, lines, rewritten.splitlines(), autojunk=False).ratio()
        if best is None or score > best[0]:
            best = (score, yaml, document, rewritten)
    return best[1], best[2], best[3]


def _styles(text: str) -> Iterator[tuple[int, int, int]]:
    """Yield the indentation styles to try: the house style, then the guessed one, then the others, each once."""
    yield INDENT_STYLES[0]
    _, guessed, guessed_offset = load_yaml_guess_indent(text)
    styles = list(INDENT_STYLES[1:])
    if guessed:
        styles.insert(0, (guessed, guessed + (guessed_offset or 0), guessed_offset or 0))
    yield from (style for style in dict.fromkeys(styles) if style != INDENT_STYLES[0])


def dump_document(yaml: YAML, document: Any) -> str:
    """Return a round-trip document as text."""
    stream = io.StringIO()
    yaml.dump(document, stream)
    return stream.getvalue()


def only_adds_lines(original: str, changed: str) -> bool:
    """Return whether changed is the original with lines added only: every original line kept, in order."""
    remaining = iter(changed.splitlines(keepends=True))
    return all(any(line == candidate for candidate in remaining) for line in original.splitlines(keepends=True))


def write_back(original: str, unchanged: str, changed: str) -> str:
    """Return the original text with only the lines that differ between unchanged and changed replaced.

    `unchanged` is the document dumped before the edit and `changed` after it; where the writer
    formats the untouched parts differently from the original, those parts keep the original bytes.
    """
    if unchanged == original:
        return changed
    original_lines = original.splitlines(keepends=True)
    before = unchanged.splitlines(keepends=True)
    after = changed.splitlines(keepends=True)
    to_original = _line_map(before, original_lines)
    out, cursor = [], 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        start = _mapped_start(to_original, i1, len(original_lines))
        end = _mapped_end(to_original, i1, i2, start)
        if start is None or end is None or start < cursor:
            return changed
        out += original_lines[cursor:start] + after[j1:j2]
        cursor = end
    return "".join(out + original_lines[cursor:])


def _line_map(before: list[str], original: list[str]) -> dict[int, int]:
    """Return, for each rewritten line, the original line it stands for.

    Lines reproduced exactly are matched; between two matches, gaps of equal length (lines the
    writer reformatted one for one) are paired line by line.
    """
    found = {}
    previous_a = previous_b = 0
    for block in difflib.SequenceMatcher(None, before, original, autojunk=False).get_matching_blocks():
        if block.a - previous_a == block.b - previous_b:
            for offset in range(block.a - previous_a):
                found[previous_a + offset] = previous_b + offset
        for offset in range(block.size):
            found[block.a + offset] = block.b + offset
        previous_a, previous_b = block.a + block.size, block.b + block.size
    return found


def _mapped_start(to_original: dict[int, int], index: int, length: int) -> int | None:
    """Return where an edit starting at a rewritten line starts in the original."""
    if index == 0:
        return 0
    previous = to_original.get(index - 1)
    return None if previous is None else previous + 1


def _mapped_end(to_original: dict[int, int], i1: int, i2: int, start: int | None) -> int | None:
    """Return where an edit ending before rewritten line i2 ends in the original."""
    if start is None:
        return None
    if i1 == i2:
        return start
    last = to_original.get(i2 - 1)
    return None if last is None else last + 1


def find_node(document: Any, node_id: str) -> tuple[CommentedMap, list | None]:
    """Return the mapping whose id is node_id and the list holding it, or raise KeyError."""
    stack: list[tuple[Any, list | None]] = [(document, None)]
    while stack:
        value, holder = stack.pop()
        if isinstance(value, dict):
            if value.get("id") == node_id:
                return value, holder
            stack.extend((item, None) for item in value.values() if isinstance(item, (dict, list)))
        elif isinstance(value, list):
            stack.extend((item, value) for item in value if isinstance(item, (dict, list)))
    raise KeyError(node_id)


def styled(value: Any) -> Any:
    """Return plain data as round-trip data: text per language and short lists of words in flow style."""
    if isinstance(value, dict):
        mapping = CommentedMap((key, styled(item)) for key, item in value.items())
        small = all(not isinstance(item, (dict, list)) for item in value.values()) \
            and sum(len(str(item)) for item in value.values()) <= FLOW_LIMIT
        if small and (set(value) <= LANGUAGE_KEYS or len(value) <= 3):
            mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, list):
        sequence = CommentedSeq(styled(item) for item in value)
        if all(isinstance(item, (str, int, float)) for item in value):
            sequence.fa.set_flow_style()
        return sequence
    return value

