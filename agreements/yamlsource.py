"""Safe YAML reading for untrusted drafts: plain data plus the line and column of every value."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml import events as ev
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from clauses.errors import DraftError, Location

MAX_DEPTH = 64
MAX_VALUES = 2_000_000
CORE = "tag:yaml.org,2002:"
ALLOWED_TAGS = {None, "!", *(CORE + name for name in ("str", "int", "float", "bool", "null", "map", "seq"))}
NULLS = {"", "~", "null", "Null", "NULL"}
BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
SPECIAL_FLOATS = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}

Path = tuple[Any, ...]


@dataclass
class SourceMap:
    """Where every value (and every mapping key) of a loaded file is written."""

    file: str
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path, key: bool = False) -> Location:
        """Return the location of the value (or key) at path, or of its nearest located ancestor."""
        table = self.keys if key else self.values
        for end in range(len(path), -1, -1):
            found = table.get(tuple(path[:end])) or self.values.get(tuple(path[:end]))
            if found:
                return Location(self.file, *found)
        return Location(self.file)


@dataclass
class _Frame:
    """A mapping or sequence under construction."""

    container: dict | list
    path: Path
    key: str | None = None


def _where(mark) -> tuple[int, int]:
    """Return the 1-based line and column of a ruamel mark."""
    return mark.line + 1, mark.column + 1


def _short_tag(tag: str) -> str:
    """Return a tag as a person writes it (`!!python/object`)."""
    return "!!" + tag[len(CORE):] if tag.startswith(CORE) else tag


def _resolve_plain(text: str) -> Any:
    """Return the value of a plain scalar under the YAML 1.2 core schema."""
    if text in NULLS:
        return None
    if text in BOOLS:
        return BOOLS[text]
    if INT.fullmatch(text):
        return int(text, 0) if text[:2] in ("0o", "0x") else int(text)
    if FLOAT.fullmatch(text):
        return float(text)
    return SPECIAL_FLOATS.get(text.lower(), text)


def _scalar_value(event: ev.ScalarEvent, builder: _Builder) -> Any:
    """Return the Python value of a scalar event, honouring only the core tags."""
    tag, text = event.tag, event.value
    try:
        if tag in (None, "!"):
            return _resolve_plain(text) if event.implicit[0] and tag is None else text
        name = tag[len(CORE):]
        if name == "str":
            return text
        if name in ("int", "float", "bool", "null"):
            return _resolve_plain(text)
    except ValueError:
        raise builder.fail(event, "number too long (more than 4300 digits)", "PD-E016") from None
    raise builder.fail(event, f"tag {_short_tag(tag)} cannot hold a scalar", "PD-E016")


class _Builder:
    """Builds plain data from a stream of YAML events, recording where each value stands."""

    def __init__(self, file: str):
        self.file = file
        self.source = SourceMap(file)
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0

    def fail(self, event, message: str, code: str) -> DraftError:
        """Return an error located at an event, naming the node being read."""
        return DraftError.at(self.file, *_where(event.start_mark), message, self.owner(), code=code)

    def owner(self) -> str:
        """Return the id of the innermost mapping being read that has one, else its top-level key, else '-'."""
        for frame in reversed(self.stack):
            if isinstance(frame.container, dict) and isinstance(frame.container.get("id"), str):
                return frame.container["id"]
        if len(self.stack) > 1:
            return str(self.stack[1].path[0])
        if self.stack and self.stack[0].key is not None:
            return str(self.stack[0].key)
        return "-"

    def feed(self, event) -> None:
        """Take one event."""
        if isinstance(event, ev.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.fail(event, "a draft file holds one YAML document; found a second '---'", "PD-E013")
        elif isinstance(event, ev.AliasEvent):
            raise self.fail(event, f"aliases (*{event.anchor}) are not allowed in draft files", "PD-E015")
        elif isinstance(event, (ev.ScalarEvent, ev.MappingStartEvent, ev.SequenceStartEvent)):
            self._check_tag(event)
            self._open_or_place(event)
        elif isinstance(event, (ev.MappingEndEvent, ev.SequenceEndEvent)):
            self.stack.pop()

    def _check_tag(self, event) -> None:
        """Refuse tags outside the core schema (no Python objects, ever)."""
        if event.tag not in ALLOWED_TAGS:
            raise self.fail(event, f"tag {_short_tag(event.tag)} is not allowed: a draft holds plain data only",
                            "PD-E016")

    def _open_or_place(self, event) -> None:
        """Place a scalar, or open a mapping or sequence, at the current position."""
        frame = self.stack[-1] if self.stack else None
        if frame is not None and isinstance(frame.container, dict) and frame.key is None:
            self._take_key(frame, event)
            return
        path = self._child_path(frame)
        if len(self.source.values) >= MAX_VALUES:
            raise self.fail(event, f"more than {MAX_VALUES:,} values: too large for a draft", "PD-E017")
        self.source.values[path] = _where(event.start_mark)
        if isinstance(event, ev.ScalarEvent):
            self._place(frame, _scalar_value(event, self))
            return
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail(event, f"nested deeper than {MAX_DEPTH} levels", "PD-E017")
        container: dict | list = {} if isinstance(event, ev.MappingStartEvent) else []
        self._place(frame, container)
        self.stack.append(_Frame(container, path))

    def _child_path(self, frame: _Frame | None) -> Path:
        """Return the path of the value about to be placed in frame."""
        if frame is None:
            return ()
        if isinstance(frame.container, dict):
            return (*frame.path, frame.key)
        return (*frame.path, len(frame.container))

    def _place(self, frame: _Frame | None, value: Any) -> None:
        """Put a value into the open container (or make it the root)."""
        if frame is None:
            self.root = value
        elif isinstance(frame.container, dict):
            frame.container[frame.key] = value
            frame.key = None
        else:
            frame.container.append(value)

    def _take_key(self, frame: _Frame, event) -> None:
        """Read a mapping key, refusing complex and duplicate keys."""
        if not isinstance(event, ev.ScalarEvent):
            raise self.fail(event, "a mapping key must be plain text", "PD-E016")
        key = event.value
        if key in frame.container:
            first = self.source.keys[(*frame.path, key)]
            raise self.fail(event, f"duplicate key '{key}' (first at line {first[0]})", "PD-E014")
        self.source.keys[(*frame.path, key)] = _where(event.start_mark)
        frame.key = key


def _syntax_error(error: MarkedYAMLError, text: str, file: str, owner: str) -> DraftError:
    """Return a located, readable error for a YAML syntax error."""
    mark = error.problem_mark or error.context_mark
    line, column = (_where(mark) if mark else (1, 1))
    problem = error.problem or error.context or "invalid YAML"
    lines = text.splitlines()
    if mark and line <= len(lines) and "\t" in lines[line - 1][: column]:
        problem = "tab character: indent with spaces"
    return DraftError.at(file, line, column, f"YAML syntax: {problem}", owner, code="PD-E013")


def _new_yaml() -> YAML:
    """Return a safe YAML reader, with ruamel's C parser where it is installed."""
    return YAML(typ="safe")


def _reader_error(error: ReaderError, text: str, file: str, owner: str) -> DraftError:
    """Return a located error for a character YAML does not accept."""
    position = error.position if isinstance(error.position, int) else 0
    if _new_yaml().Parser.__module__.startswith("ruamel.yaml.clib"):  # the C reader counts bytes
        position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(error.character)
    message = f"character U+{code:04X} is not allowed in YAML ({error.reason})"
    return DraftError.at(file, line, column, message, _owner_before(text, position, file) or owner, code="PD-E013")


CLOSING = (ev.MappingEndEvent, ev.SequenceEndEvent, ev.DocumentEndEvent, ev.StreamEndEvent)


def _owner_before(text: str, position: int, file: str) -> str | None:
    """Return the node being read where a character stands, by reading the text up to it (the reader checks the
    whole text before any node is read)."""
    builder = _Builder(file)
    before = text[: text.rfind("\n", 0, position) + 1]
    last_line = before.count("\n")
    try:
        for event in _new_yaml().parse(before):
            if event.start_mark.line >= last_line and isinstance(event, CLOSING):
                break  # the collections the cut text leaves open, closed at its end
            builder.feed(event)
    except (YAMLError, DraftError):
        pass
    owner = builder.owner()
    return None if owner == "-" else owner


def read_yaml(text: str, file: str) -> tuple[Any, SourceMap]:
    """Return the plain data of one YAML document and the source map of its values."""
    builder = _Builder(file)
    try:
        for event in _new_yaml().parse(text):
            builder.feed(event)
    except MarkedYAMLError as error:
        raise _syntax_error(error, text, file, builder.owner()) from None
    except ReaderError as error:
        raise _reader_error(error, text, file, builder.owner()) from None
    except YAMLError as error:
        raise DraftError.at(file, 1, 1, f"YAML: {error}", code="PD-E013") from None
    if builder.documents == 0:
        raise DraftError.at(file, 1, 1, "the file is empty: a draft needs 'meta', 'parties' and 'body'", code="PD-E018")
    return builder.root, builder.source
