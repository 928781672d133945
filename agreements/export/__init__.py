"""Exports of a draft for other tools: Akoma Ntoso 3.0 XML (one file per language) and JSON.

The library builds every file in memory (and checks it when asked) before anything is written;
`cli.py` writes them atomically.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from clauses.errors import InputError, OutputError
from agreements.model import Agreement

FORMATS = ("akn", "json")


@dataclass(frozen=True)
class ExportFile:
    """One file an export writes: where, and its bytes."""

    path: str
    data: bytes


def export_files(agreement: Agreement, fmt: str, output: str, lang: str | None = None, validate: bool = False,
                 user_folder: Path | None = None) -> list[ExportFile]:
    """Return the files of an export: one JSON file, or Akoma Ntoso XML per language (all checked when validate)."""
    if fmt == "json":
        return [_json_file(agreement, output, validate)]
    if fmt != "akn":
        raise InputError(f"unknown export format '{fmt}' (use {' or '.join(FORMATS)})", "PD-E091")
    from agreements.export.schema import check_akn
    from agreements.render.akn import akn_bytes

    targets = [(lang, output)] if lang else [(code, language_path(output, code)) for code in agreement.meta.languages]
    files = [ExportFile(path, akn_bytes(agreement, code, user_folder)) for code, path in targets]
    if validate:
        for file in files:
            check_akn(file.data, file.path)
    return files


def language_path(output: str, lang: str) -> str:
    """Return the output path with the language inserted before its suffix (out.xml → out.en.xml)."""
    stem, suffix = os.path.splitext(output)
    return f"{stem}.{lang}{suffix}"


def _json_file(agreement: Agreement, output: str, validate: bool) -> ExportFile:
    """Return the JSON export; when validate, check it loads back as the same draft."""
    from agreements.drafts import json_agreement, parse_agreement

    text = json_agreement(agreement)
    if validate and parse_agreement(text, output).model_dump() != agreement.model_dump():
        raise OutputError(f"{output}: the JSON does not load back as the same draft", "PD-E090")
    return ExportFile(output, text.encode("utf-8"))
