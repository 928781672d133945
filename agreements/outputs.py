"""Output file names: each format's extensions, the format a name says, a name that says another refused.

A command that writes a typed file checks its name before any work, so a Word file is never written as
`x.pdf` nor text as `x.docx` (PD-E053).
"""

from __future__ import annotations

import os
from pathlib import Path

from clauses.errors import OutputError

SUFFIXES: dict[str, tuple[str, ...]] = {
    "docx": (".docx",),
    "pdf": (".pdf",),
    "text": (".txt",),
    "markdown": (".md",),
    "html": (".html", ".htm"),
    "json": (".json",),
    "akn": (".xml",),
    "png": (".png",),
    "svg": (".svg",),
    "yaml": (".yaml", ".yml"),
}
NAMES = {"docx": "Word", "pdf": "PDF", "text": "text", "markdown": "Markdown", "html": "HTML", "json": "JSON",
         "akn": "Akoma Ntoso XML", "png": "PNG", "svg": "SVG", "yaml": "YAML"}


def suffix_of(path: str | os.PathLike) -> str:
    """Return a file name's extension in lower case ('' when it has none)."""
    return Path(path).suffix.lower()


def format_from_name(path: str | os.PathLike, formats: tuple[str, ...]) -> str | None:
    """Return the format among formats that the name's extension says (None when it says none of them)."""
    suffix = suffix_of(path)
    return next((name for name in formats if suffix in SUFFIXES[name]), None)


def choose_format(path: str | None, given: str | None, formats: tuple[str, ...], default: str) -> str:
    """Return an output's format: the one given, else the one its name says, else default; its name checked."""
    chosen = given or (format_from_name(path, formats) if path else None) or default
    if path:
        check_name(path, (chosen,), formats)
    return chosen


def check_name(path: str | os.PathLike, expected: tuple[str, ...], offered: tuple[str, ...] = ()) -> None:
    """Refuse (PD-E053) an output whose name does not end in an extension of one of the expected formats.

    offered: the formats the command's --format could give instead, named when the extension says one.
    """
    suffix = suffix_of(path)
    if any(suffix in SUFFIXES[name] for name in expected):
        return
    names = " or ".join(NAMES[name] for name in expected)
    extensions = " or ".join(extension for name in expected for extension in SUFFIXES[name])
    found = f"a {suffix} file" if suffix else "a file without an extension"
    other = format_from_name(path, tuple(name for name in offered if name not in expected))
    hint = f" (or give --format {other})" if other else ""
    raise OutputError(f"{path}: {names} output is written to a {extensions} file, not {found}{hint}", "PD-E053")


def check_names(paths: tuple[str | None, ...], expected: tuple[str, ...]) -> None:
    """Refuse (PD-E053) any output asked for (None: not asked for) whose name says none of the expected formats."""
    for path in paths:
        if path:
            check_name(path, expected)
