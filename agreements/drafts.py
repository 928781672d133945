"""Draft files: read a YAML draft into an Agreement with every node located, and write one back."""

from __future__ import annotations

import difflib
import functools
import hashlib
import io
import json
import os
import re
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML

from clauses.errors import DraftError, Location, Problem, error_words
from agreements.crossrefs import reference_problems
from agreements.model import Agreement
from agreements.yamlsource import SourceMap, read_yaml
from agreements.tree import iter_models
from clauses.base import ID_PATTERN, ClauseBase

MAX_FILE_BYTES = 16 * 1024 * 1024
UNFOLDED = 1_000_000
YAML_ESCAPES = {0x85: "\\N", 0x2028: "\\L", 0x2029: "\\P"}  # next line, line and paragraph separators
JSON_UNSAFE = re.compile("[\x80-\x9f\u2028\u2029]")
MAX_REPORTED = 20


def read_text(path: str) -> str:
    """Return the text of a draft file, refusing what is missing, huge, binary or not UTF-8."""
    return decode(read_bytes(path), path)


def read_bytes(path: str) -> bytes:
    """Return the bytes of a draft file, refusing what is missing, a folder or larger than a draft may be."""
    try:
        size = os.stat(path).st_size
        if size > MAX_FILE_BYTES:
            raise DraftError.at(path, 1, 1, f"file is {size:,} bytes; a draft may be at most {MAX_FILE_BYTES:,}",
                                code="PD-E011")
        with open(path, "rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise DraftError.at(path, 1, 1, f"file grew past {MAX_FILE_BYTES:,} bytes while being read",
                                code="PD-E011")
        return data
    except FileNotFoundError:
        raise DraftError.at(path, 1, 1, "no such file", code="PD-E010") from None
    except IsADirectoryError:
        raise DraftError.at(path, 1, 1, "is a folder, not a draft file", code="PD-E010") from None
    except OSError as error:
        raise DraftError.at(path, 1, 1, f"cannot read: {error.strerror}", code="PD-E010") from None


def file_digest(path: str | os.PathLike) -> str:
    """Return the SHA-256 of a draft file's bytes, in hex: what a page that edits the file expects it still to be."""
    return digest_of(read_bytes(str(path)))


def digest_of(data: bytes) -> str:
    """Return the SHA-256 of bytes, in hex."""
    return hashlib.sha256(data).hexdigest()


def decode(raw: bytes, path: str) -> str:
    """Return UTF-8 bytes as text (a leading BOM is dropped), or raise a located error."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DraftError.at(path, 1, 1, "file is UTF-16: save the draft as UTF-8", code="PD-E012")
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise DraftError.at(path, line, 1, "binary data (NUL byte): not a YAML draft", code="PD-E012")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        bad = raw[error.start : error.start + 1].hex()
        raise DraftError.at(path, line, column, f"not UTF-8 (byte 0x{bad}): save the draft as UTF-8",
                            code="PD-E012") from None


def load_agreement(path: str) -> Agreement:
    """Return the Agreement in a YAML draft file, with its source map attached."""
    return parse_agreement(read_text(path), path)


def parse_agreement(text: str, file: str) -> Agreement:
    """Return the Agreement written in YAML text; `file` names it in errors."""
    data, source = read_yaml(text, file)
    return agreement_from(data, source, file)


def agreement_from(data: Any, source: SourceMap, file: str) -> Agreement:
    """Return the Agreement of data read from a draft file, with its source map attached; `file` names it in errors."""
    if not isinstance(data, dict):
        raise DraftError.at(file, 1, 1, "a draft is a mapping with 'meta', 'parties' and 'body'", code="PD-E018")
    try:
        agreement = Agreement.model_validate(data)
    except ValidationError as error:
        raise DraftError(validation_problems(error, data, source)) from None
    problems = _alternative_problems(agreement, source) + reference_problems(agreement, source.locate)
    if problems:
        raise DraftError(problems)
    agreement._source = source
    return agreement


def _alternative_problems(agreement: Agreement, source: SourceMap) -> list[Problem]:
    """Return a located problem for every alternative whose `set` does not fit its clause's kind."""
    problems = []
    for visit in iter_models(agreement):
        if not isinstance(visit.model, ClauseBase):
            continue
        for index, alternative in enumerate(visit.model.alternatives):
            message = alternative.set and visit.model.override_problem(alternative)
            if message:
                location = source.locate((*visit.path, "alternatives", index, "set"))
                problems.append(Problem(location, visit.model.id, message, "PD-E023"))
    return problems


def validation_problems(error: ValidationError, data: dict, source: SourceMap) -> list[Problem]:
    """Return one located problem per validation error, at most MAX_REPORTED plus a count."""
    problems = [_problem(item, data, source) for item in error.errors(include_url=False)]
    problems.sort(key=lambda problem: (problem.location.line, problem.location.column))
    if len(problems) > MAX_REPORTED:
        rest = len(problems) - MAX_REPORTED
        more = Problem(Location(source.file), "-", f"… and {rest} more errors", problems[MAX_REPORTED].code)
        problems = problems[:MAX_REPORTED] + [more]
    return problems


def _problem(item: dict, data: dict, source: SourceMap) -> Problem:
    """Return the located problem for one pydantic error."""
    path, missing, on_key = _data_path(data, item["loc"])
    location = source.locate(path, key=on_key)
    return Problem(location, _owner_id(data, path), _message(item, path, missing), _code(item))


def _data_path(data: Any, loc: tuple) -> tuple[tuple, str | None, bool]:
    """Map a pydantic error location onto the data: (path found, missing key or None, points at a key)."""
    path: list = []
    current = data
    for part in loc:
        if part == "[key]":
            return tuple(path), None, True
        if isinstance(current, dict) and part in current:
            path.append(part)
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            path.append(part)
            current = current[part]
        elif isinstance(current, dict) and part == current.get("kind"):
            continue
        elif isinstance(current, dict) and isinstance(part, str) and not part.startswith(("function-", "tagged-")):
            return tuple(path), part, False
    return tuple(path), None, False


def _owner_id(data: Any, path: tuple) -> str:
    """Return the id of the innermost mapping along path that has one, else the top-level key, else '-'."""
    owner = str(path[0]) if path else "-"
    current = data
    for part in (None, *path):
        if part is not None:
            current = current[part]
        if isinstance(current, dict) and isinstance(current.get("id"), str):
            owner = current["id"]
    return owner


def _code(item: dict) -> str:
    """Return the error code of one pydantic error: a missing field, an unknown field, or a wrong value."""
    if item["type"] in ("missing", "union_tag_not_found"):
        return "PD-E020"
    if item["type"] == "extra_forbidden":
        return "PD-E021"
    return "PD-E022"


def _message(item: dict, path: tuple, missing: str | None) -> str:
    """Return a short message for one pydantic error."""
    kind = item["type"]
    field = next((step for step in reversed(path) if isinstance(step, str)), "")  # a list item: its list's name
    if path and isinstance(path[-1], int) and kind not in ("missing", "extra_forbidden"):
        field = f"{field}[{path[-1]}]"
    if kind == "missing":
        return f"missing field '{missing}'"
    if kind == "extra_forbidden":
        return f"unknown field '{field}'{_suggestion(field)}"
    if kind == "union_tag_invalid":
        return f"unknown kind '{item['ctx']['tag']}' (`peacedraft schema` lists the kinds)"
    if kind == "union_tag_not_found":
        return "missing field 'kind'"
    if kind == "string_pattern_mismatch" and item["ctx"]["pattern"] == ID_PATTERN:
        return f"{field}: '{item['input']}' is not an id: use a-z, 0-9, '-', '_' and dots (like unc.status)"
    text = error_words(item)
    return f"{field}: {text}" if field else text


def _suggestion(field: str) -> str:
    """Return ' (did you mean …?)' for a near-miss field name, or ''."""
    close = difflib.get_close_matches(field, _known_fields(), n=1, cutoff=0.8)
    return f" (did you mean '{close[0]}'?)" if close else ""


@functools.cache
def _known_fields() -> tuple[str, ...]:
    """Return every field name of every model in the draft format."""
    names: set[str] = set()
    stack: list[type[BaseModel]] = [Agreement]
    seen: set[type[BaseModel]] = set()
    while stack:
        cls = stack.pop()
        if cls not in seen:
            seen.add(cls)
            names.update(cls.model_fields)
            stack.extend(model for info in cls.model_fields.values() for model in _models_in(info.annotation))
    return tuple(sorted(names))


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """Return the model classes named anywhere in an annotation."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in getattr(annotation, "__args__", ()) for model in _models_in(arg)]


def dump_agreement(agreement: Agreement) -> str:
    """Return the agreement as YAML text, defaults left out, keys in model order."""
    data = _plain(agreement, "python")
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.sort_base_mapping_type_on_output = False
    yaml.allow_unicode = True
    yaml.width = UNFOLDED  # a folded line comes back with its spaces or escapes changed
    yaml.representer.ignore_aliases = lambda *args: True
    yaml.representer.add_representer(str, _represent_text)
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue().translate(YAML_ESCAPES)


def _represent_text(representer, text: str):
    """Represent text that holds a character YAML readers take for a line break in double quotes (escaped later)."""
    style = '"' if any(character in YAML_ESCAPES for character in map(ord, text)) else None
    return representer.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def json_agreement(agreement: Agreement) -> str:
    """Return the agreement as JSON text (a draft file too: JSON is YAML), defaults left out, keys in model order.

    Characters a YAML reader refuses or takes for line breaks (C1 controls, U+2028, U+2029) are escaped.
    """
    text = json.dumps(_plain(agreement, "json"), ensure_ascii=False, indent=2) + "\n"
    return JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _plain(agreement: Agreement, mode: str) -> dict:
    """Return the agreement as plain data, defaults left out, the format version first."""
    return {"peacedraft": agreement.peacedraft, **agreement.model_dump(mode=mode, exclude_defaults=True)}
